"""Background work of the sanctions app."""

from __future__ import annotations

from django_tasks import task


@task()
def excuse_during_absences() -> int:
    """Periodic: client commitments that fall due during a registered absence are excused."""
    from maatwerk.sanctions.absences import excuse_all_due

    return excuse_all_due()
