"""Background work of the voice app."""

from __future__ import annotations

from django_tasks import task


@task()
def send_surveys() -> int:
    """Periodic: a short survey after recent conversations, appointments and decisions."""
    from maatwerk.voice.surveys import invite_recent

    return invite_recent()
