"""Notifications: whatever needs the client's attention, by their preferred channel and in their
language where a translation exists.

Every notification is an outbox row first (written in the caller's transaction), then sent by a
task. A failure (mail server down) keeps the row queued with the error and a later try, so
nothing is lost; after `MAX_ATTEMPTS` it is marked failed and staff see it in the workspace.
Apps that send through the outbox follow their rows by the events published here
(NotificationSent, NotificationFailed; the letters keep a delivery record per channel).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone, translation

from maatwerk.contacts.events import NotificationFailed, NotificationSent
from maatwerk.contacts.models import Notification, NotificationStatus, NotifyChannel
from maatwerk.contacts.sms import backend as sms_backend
from maatwerk.core import events
from maatwerk.dossiers import journal
from maatwerk.dossiers.models import Channel, Client

MAX_ATTEMPTS = 6
# While one worker sends, others leave the row alone this long (then it is tried again).
LEASE_MINUTES = 5
# Minutes to wait before try 2, 3, ...: a mail server that is down for hours still gets it.
BACKOFF_MINUTES = (1, 5, 15, 60, 240)


def channel_for(client: Client) -> str:
    preferred = getattr(getattr(client, "profile", None), "preferred_channel", Channel.PORTAL)
    if preferred == Channel.EMAIL and client.email:
        return NotifyChannel.EMAIL
    if preferred == Channel.PHONE and client.phone:
        return NotifyChannel.SMS
    return NotifyChannel.PORTAL


@contextmanager
def in_language_of(client: Client) -> Iterator[None]:
    """Texts for the client in their language when the site has it, else Dutch."""
    wanted = getattr(getattr(client, "profile", None), "language", "") or ""
    available = {code for code, _name in settings.LANGUAGES}
    with translation.override(wanted if wanted in available else settings.LANGUAGE_CODE):
        yield


def notify(*, client: Client, kind: str, subject: str, body: str, ics: str = "") -> Notification:
    """Queue a notification; the portal shows it in the timeline whatever the channel."""
    channel = channel_for(client)
    notification = Notification.objects.create(
        client=client,
        kind=kind,
        channel=channel,
        subject=subject[:200],
        body=body,
        ics=ics,
        status=NotificationStatus.SENT
        if channel == NotifyChannel.PORTAL
        else NotificationStatus.QUEUED,
        sent_at=timezone.now() if channel == NotifyChannel.PORTAL else None,
        next_try_at=timezone.now(),
    )
    if channel != NotifyChannel.PORTAL:
        from maatwerk.contacts.tasks import send_notification

        send_notification.enqueue(notification.pk)
    return notification


def by_email(*, client: Client, kind: str, subject: str, body: str) -> Notification:
    """Queue an e-mail whatever the client's preferred channel: for an app that chose the
    channel itself (a letter's notice that it waits in the portal). It is sent once the
    caller's transaction commits, and followed like any other (NotificationSent, ...)."""
    notification = Notification.objects.create(
        client=client,
        kind=kind,
        channel=NotifyChannel.EMAIL,
        subject=subject[:200],
        body=body,
        status=NotificationStatus.QUEUED,
        next_try_at=timezone.now(),
    )
    from maatwerk.contacts.tasks import send_notification

    notification_id = notification.pk
    transaction.on_commit(lambda: send_notification.enqueue(notification_id))
    return notification


def send(notification_id: int) -> bool:
    """Try to send one notification; True when it went out (now or before).

    The row is claimed in a short transaction (its next try moved a lease ahead, so no other
    worker takes it), sent outside any transaction (no lock is held while a mail server is
    slow), and the result recorded in a second transaction.
    """
    row = _claim(notification_id)
    if row is None:
        return Notification.objects.filter(
            pk=notification_id, status=NotificationStatus.SENT
        ).exists()
    try:
        _deliver(row)
    except Exception as error:  # any failure keeps the row queued for a later try
        with transaction.atomic():
            _failed_try(row, error)
        return False
    Notification.objects.filter(pk=row.pk).update(
        status=NotificationStatus.SENT,
        sent_at=timezone.now(),
        attempts=row.attempts + 1,
        last_error="",
        next_try_at=None,
    )
    row.attempts += 1
    events.publish(NotificationSent(notification_id=row.pk, kind=row.kind, attempts=row.attempts))
    return True


def _claim(notification_id: int) -> Notification | None:
    now = timezone.now()
    with transaction.atomic():
        row = (
            Notification.objects.select_for_update(of=("self",))
            .select_related("client")
            .filter(pk=notification_id, status=NotificationStatus.QUEUED)
            .first()
        )
        if row is None or (row.next_try_at is not None and row.next_try_at > now):
            return None
        row.next_try_at = now + timedelta(minutes=LEASE_MINUTES)
        row.save(update_fields=["next_try_at"])
    return row


def send_due() -> int:
    """Send what waits and is due to be tried (the clock queues this regularly)."""
    due = Notification.objects.filter(
        status=NotificationStatus.QUEUED, next_try_at__lte=timezone.now()
    ).values_list("pk", flat=True)
    return sum(1 for pk in list(due[:500]) if send(pk))


def _deliver(row: Notification) -> None:
    if row.channel == NotifyChannel.EMAIL:
        message = EmailMessage(
            row.subject, row.body, settings.DEFAULT_FROM_EMAIL, [row.client.email]
        )
        if row.ics:
            message.attach("afspraak.ics", row.ics, "text/calendar")
        message.send()
    elif row.channel == NotifyChannel.SMS:
        sms_backend().send(to=row.client.phone, text=f"{row.subject}\n{row.body}"[:600])


def _failed_try(row: Notification, error: Exception) -> None:
    row.attempts += 1
    # Without addresses: the error text is shown to staff.
    row.last_error = re.sub(r"\S+@\S+", "[adres]", f"{type(error).__name__}: {error}")[:300]
    if row.attempts >= MAX_ATTEMPTS:
        row.status = NotificationStatus.FAILED
        row.next_try_at = None
        with journal.dutch():
            summary = "Een bericht aan u kon niet worden verstuurd. Uw regisseur neemt contact op."
        journal.record(client=row.client, kind="notification.failed", summary=summary, subject=row)
    else:
        wait = BACKOFF_MINUTES[min(row.attempts - 1, len(BACKOFF_MINUTES) - 1)]
        row.next_try_at = timezone.now() + timedelta(minutes=wait)
    Notification.objects.filter(pk=row.pk).update(
        attempts=row.attempts,
        last_error=row.last_error,
        status=row.status,
        next_try_at=row.next_try_at,
    )
    events.publish(
        NotificationFailed(
            notification_id=row.pk,
            kind=row.kind,
            attempts=row.attempts,
            last_error=row.last_error,
            final=row.status == NotificationStatus.FAILED,
        )
    )
