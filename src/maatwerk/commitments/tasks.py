"""Background work of the commitments app: the periodic escalation run."""

from __future__ import annotations

from dataclasses import asdict

from django_tasks import task

from maatwerk.commitments.escalation import escalate


@task()
def escalate_commitments() -> dict[str, int]:
    return asdict(escalate())
