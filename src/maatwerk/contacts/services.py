"""Contact moments and callbacks: record a contact, ask for a callback, try to call back.

A callback is the municipality's promise (a commitment) with a due moment from the norm, for
whoever handles the client then. An attempt that does not reach the client keeps it open with
the next attempt planned; an overdue callback escalates through the commitments kernel.
"""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from maatwerk.commitments import services as commitments
from maatwerk.commitments.models import Evidence, Origin, Party
from maatwerk.contacts.errors import ContactError
from maatwerk.contacts.models import (
    AttemptOutcome,
    Callback,
    CallbackAttempt,
    CallbackStatus,
    ContactChannel,
    ContactMoment,
    Direction,
)
from maatwerk.contacts.rules.callbacks import callback_due, next_attempt, phone_key
from maatwerk.dossiers import journal
from maatwerk.dossiers.models import Client
from maatwerk.dossiers.queries import responsible_for

MAX_CANDIDATES = 10


def record_contact(
    *,
    client: Client,
    channel: str,
    direction: str,
    subject: str,
    outcome: str = "",
    reached: bool = True,
    staff: User | None,
    moment: datetime | None = None,
    callback: Callback | None = None,
) -> ContactMoment:
    """One contact moment, in the one history both sides see."""
    if not subject.strip():
        raise ContactError(_("Write what the contact was about."))
    moment = moment or timezone.now()
    if moment > timezone.now():
        raise ContactError(_("A contact cannot be in the future. Check the date and time."))
    contact = ContactMoment.objects.create(
        client=client,
        channel=channel,
        direction=direction,
        moment=moment,
        staff=staff,
        subject=subject.strip()[:200],
        outcome=outcome.strip(),
        reached=reached,
        callback=callback,
    )
    with journal.dutch():
        summary = _("Contact (%(channel)s): %(subject)s") % {
            "channel": contact.get_channel_display(),
            "subject": contact.subject,
        }
    journal.record(
        client=client,
        kind="contact.recorded",
        summary=summary,
        actor=staff,
        subject=contact,
        moment=moment,
    )
    return contact


def request_callback(
    *,
    phone: str,
    subject: str,
    requested_via: str,
    actor: User | None,
    client: Client | None = None,
    caller_name: str = "",
    requested_at: datetime | None = None,
) -> Callback:
    """Ask for a callback. Without a known client, the number finds one, or the request waits
    in the callback queue with the clients it could be."""
    if not subject.strip():
        raise ContactError(_("Write what the callback is about, so the right person calls back."))
    key = phone_key(phone or (client.phone if client else ""))
    if len(key) < 10:
        raise ContactError(_("Write a phone number we can call back, such as 06 12345678."))
    requested_at = requested_at or timezone.now()
    local = timezone.localtime(requested_at).replace(tzinfo=None)
    due_at = timezone.make_aware(callback_due(local, settings.CALLBACK_NORM_WORKING_DAYS))
    candidates: list[Client] = []
    if client is None:
        candidates = list(Client.objects.filter(phone_key=key)[: MAX_CANDIDATES + 1])
        client = candidates[0] if len(candidates) == 1 else None
    with transaction.atomic():
        callback = Callback.objects.create(
            client=client,
            phone=phone.strip() or (client.phone if client else ""),
            caller_name=caller_name.strip(),
            requested_via=requested_via,
            subject=subject.strip()[:200],
            requested_at=requested_at,
            due_at=due_at,
            status=CallbackStatus.QUEUED if client is None else CallbackStatus.OPEN,
            candidates=[str(c.public_id) for c in candidates[:MAX_CANDIDATES]]
            if client is None
            else [],
            created_by=actor,
        )
        if client is not None:
            _promise_callback(callback, client, actor)
    return callback


def assign_client(*, callback: Callback, client: Client, actor: User) -> Callback:
    """From the callback queue: this is the client who called."""
    with transaction.atomic():
        locked = Callback.objects.select_for_update(of=("self",)).get(pk=callback.pk)
        if locked.status != CallbackStatus.QUEUED:
            raise ContactError(_("This callback already has a client. Nothing was changed."))
        locked.client = client
        locked.status = CallbackStatus.OPEN
        locked.save(update_fields=["client", "status"])
        _promise_callback(locked, client, actor)
    return locked


def _promise_callback(callback: Callback, client: Client, actor: User | None) -> None:
    now = timezone.now()
    callback.assigned_to = responsible_for(client, now)
    with journal.dutch():
        description = _("We call you back about: %(subject)s") % {"subject": callback.subject}
    callback.commitment = commitments.promise(
        client=client,
        party=Party.MUNICIPALITY,
        description=description,
        due_at=callback.due_at,
        origin=Origin.CALLBACK,
        actor=actor,
        allow_past=True,
    )
    callback.save(update_fields=["assigned_to", "commitment"])


def record_attempt(
    *, callback: Callback, outcome: str, note: str, actor: User, moment: datetime | None = None
) -> CallbackAttempt:
    """A try to call back. Reached: the promise is kept. Not reached: the next try is planned."""
    moment = moment or timezone.now()
    with transaction.atomic():
        locked = (
            Callback.objects.select_for_update(of=("self",))
            .select_related("client", "commitment")
            .get(pk=callback.pk)
        )
        if locked.status != CallbackStatus.OPEN or locked.client is None:
            raise ContactError(_("This callback is not open. Nothing was changed."))
        attempt = CallbackAttempt.objects.create(
            callback=locked, moment=moment, outcome=outcome, note=note.strip(), by=actor
        )
        reached = outcome == AttemptOutcome.REACHED
        contact = record_contact(
            client=locked.client,
            channel=ContactChannel.PHONE,
            direction=Direction.OUT,
            subject=_callback_subject(locked),
            outcome=note,
            reached=reached,
            staff=actor,
            moment=moment,
            callback=locked,
        )
        if reached:
            _done(locked, contact, actor, moment)
        else:
            _try_again(locked, outcome, actor, moment)
    return attempt


def _done(callback: Callback, contact: ContactMoment, actor: User, moment: datetime) -> None:
    callback.status = CallbackStatus.DONE
    callback.done_at = moment
    callback.next_attempt_at = None
    callback.save(update_fields=["status", "done_at", "next_attempt_at"])
    if callback.commitment is not None and not callback.commitment.is_closed:
        commitments.fulfil(
            commitment=callback.commitment,
            evidence=Evidence.CONTACT,
            evidence_ref=str(contact.public_id),
            actor=actor,
            moment=moment,
        )


def _try_again(callback: Callback, outcome: str, actor: User, moment: datetime) -> None:
    local = timezone.localtime(moment).replace(tzinfo=None)
    callback.next_attempt_at = timezone.make_aware(next_attempt(local))
    callback.save(update_fields=["next_attempt_at"])
    assert callback.client is not None
    with journal.dutch():
        summary = (
            _("We called you but did not reach you. We left a message. We try again on %(when)s.")
            if outcome == AttemptOutcome.MESSAGE_LEFT
            else _("We called you but did not reach you. We try again on %(when)s.")
        ) % {"when": formats.date_format(timezone.localtime(callback.next_attempt_at), "l j F H:i")}
    journal.record(
        client=callback.client,
        kind="callback.not_reached",
        summary=summary,
        actor=actor,
        subject=callback,
    )


def _callback_subject(callback: Callback) -> str:
    with journal.dutch():
        return _("Calling back: %(subject)s") % {"subject": callback.subject}


def withdraw_callback(*, callback: Callback, reason: str, actor: User) -> Callback:
    """A callback that is no longer needed (a wrong number, the client came by): closed with a
    reason, never just forgotten; its promise is withdrawn with the same reason."""
    if len(reason.strip()) < 5:
        raise ContactError(_("Write why this callback is no longer needed."))
    with transaction.atomic():
        locked = (
            Callback.objects.select_for_update(of=("self",))
            .select_related("commitment__client")
            .get(pk=callback.pk)
        )
        if locked.status not in (CallbackStatus.OPEN, CallbackStatus.QUEUED):
            raise ContactError(_("This callback is already closed. Nothing was changed."))
        locked.status = CallbackStatus.WITHDRAWN
        locked.done_at = timezone.now()
        locked.save(update_fields=["status", "done_at"])
        if locked.commitment is not None and not locked.commitment.is_closed:
            commitments.withdraw(commitment=locked.commitment, reason=reason, actor=actor)
    return locked
