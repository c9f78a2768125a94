"""Background work of the contacts app: sending notifications and appointment reminders."""

from __future__ import annotations

from django_tasks import task


@task()
def send_notification(notification_id: int) -> bool:
    from maatwerk.contacts.notify import send

    return send(notification_id)


@task()
def send_due_notifications() -> int:
    """Periodic: reminders for coming appointments, then everything that waits to be sent."""
    from maatwerk.contacts.appointments import queue_reminders
    from maatwerk.contacts.notify import send_due

    queue_reminders()
    return send_due()
