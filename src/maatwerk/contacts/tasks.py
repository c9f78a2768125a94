"""Background work of the contacts app: sending notifications and appointment reminders."""

from __future__ import annotations

from django_tasks import task


@task()
def send_notification(notification_id: int) -> bool:
    from maatwerk.contacts.notify import send

    return send(notification_id)


@task()
def send_due_notifications() -> int:
    """Periodic: reminders for coming appointments, everything that waits to be sent, and
    recordings whose retention or consent has ended."""
    from maatwerk.contacts.appointments import queue_reminders
    from maatwerk.contacts.notify import send_due
    from maatwerk.contacts.recordings import purge_expired

    queue_reminders()
    purge_expired()
    return send_due()
