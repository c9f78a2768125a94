"""Appointments: planned with the client, reminded by their channel with a calendar file,
held (then the next contact is agreed as a promise), or moved at the client's request, which
gets a receipt so they can always prove they asked.

The first conversation with a new client is in person, unless the consultant says why not.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime, timedelta

import icalendar  # type: ignore[import-untyped]
from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Q
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from maatwerk.commitments import services as commitments
from maatwerk.commitments.models import Evidence, Origin, Party
from maatwerk.commitments.moments import end_of
from maatwerk.contacts.errors import ContactError
from maatwerk.contacts.models import (
    Appointment,
    AppointmentKind,
    AppointmentStatus,
    ContactChannel,
    Direction,
    RescheduleRequest,
)
from maatwerk.contacts.notify import in_language_of, notify
from maatwerk.contacts.services import record_contact
from maatwerk.core.models import ReceiptChannel
from maatwerk.core.receipts import ReceiptItem, issue_receipt
from maatwerk.dossiers import journal
from maatwerk.dossiers.models import Client

_CHANNEL_OF_KIND = {
    AppointmentKind.IN_PERSON: ContactChannel.IN_PERSON,
    AppointmentKind.PHONE: ContactChannel.PHONE,
    AppointmentKind.VIDEO: ContactChannel.VIDEO,
}


def absence_conflict(client: Client, starts_at: datetime, ends_at: datetime) -> str:
    """A Dutch reason when the client is registered away then (the absence register), else ""."""
    from maatwerk.sanctions.absences import away_at

    away = away_at(client, starts_at, ends_at)
    if away is None:
        return ""
    return _(
        "The client is away from %(first)s to %(last)s and reported it. Choose another day."
    ) % {
        "first": formats.date_format(away.first_day, "j F Y"),
        "last": formats.date_format(away.last_day, "j F Y"),
    }


def plan_appointment(
    *,
    client: Client,
    staff: User,
    kind: str,
    location: str,
    starts_at: datetime,
    minutes: int,
    subject: str,
    actor: User,
    not_in_person_reason: str = "",
) -> Appointment:
    ends_at = starts_at + timedelta(minutes=minutes)
    with transaction.atomic():
        # Lock the client and the consultant, so two plans at once cannot both pass the check.
        Client.objects.select_for_update(of=("self",)).filter(pk=client.pk).first()
        User.objects.select_for_update().filter(pk=staff.pk).first()
        _check_plan(client, staff, kind, starts_at, ends_at, not_in_person_reason)
        appointment = Appointment.objects.create(
            client=client,
            staff=staff,
            kind=kind,
            location=location.strip(),
            starts_at=starts_at,
            ends_at=ends_at,
            subject=subject.strip()[:200] or _default_subject(),
            not_in_person_reason=not_in_person_reason.strip(),
            created_by=actor,
        )
        with journal.dutch():
            description = _("We have an appointment with you on %(when)s: %(subject)s") % {
                "when": _when(starts_at),
                "subject": appointment.subject,
            }
        appointment.commitment = commitments.promise(
            client=client,
            party=Party.MUNICIPALITY,
            description=description,
            due_at=ends_at,
            origin=Origin.APPOINTMENT,
            actor=actor,
        )
        appointment.save(update_fields=["commitment"])
        _tell(appointment)
    return appointment


def cancel(*, appointment: Appointment, reason: str, actor: User) -> None:
    """Called off (or the client did not come): closed with the reason, never "held"."""
    if len(reason.strip()) < 5:
        raise ContactError(_("Write why the appointment does not take place."))
    with transaction.atomic():
        locked = (
            Appointment.objects.select_for_update(of=("self",))
            .select_related("commitment", "client")
            .get(pk=appointment.pk)
        )
        if locked.status != AppointmentStatus.PLANNED:
            raise ContactError(_("This appointment is no longer planned. Nothing was changed."))
        locked.status = AppointmentStatus.CANCELLED
        locked.save(update_fields=["status"])
        if locked.commitment is not None and not locked.commitment.is_closed:
            commitments.withdraw(commitment=locked.commitment, reason=reason.strip(), actor=actor)


def _tell(appointment: Appointment) -> None:
    """The client hears of a new (or moved) appointment by their channel, with a calendar file."""
    client = appointment.client
    with in_language_of(client):
        subject = _("Appointment on %(when)s") % {"when": _when(appointment.starts_at)}
        body = _(
            "Dear %(name)s,\n\nYou have an appointment with %(staff)s on %(when)s "
            "(%(kind)s%(where)s): %(subject)s.\n\nCan you not come? Ask for another time in "
            "Mijn Maatwerk. You get a receipt.\n\nKind regards,\nWork and Income"
        ) % _details(appointment)
    notify(
        client=client,
        kind="appointment.planned",
        subject=subject,
        body=body,
        ics=ics_for(appointment),
    )


def _details(appointment: Appointment) -> dict[str, str]:
    return {
        "name": appointment.client.full_name,
        "staff": appointment.staff.get_full_name(),
        "when": _when(appointment.starts_at),
        "kind": str(appointment.get_kind_display()),
        "where": f", {appointment.location}" if appointment.location else "",
        "subject": appointment.subject,
    }


def _check_plan(
    client: Client,
    staff: User,
    kind: str,
    starts_at: datetime,
    ends_at: datetime,
    not_in_person_reason: str,
) -> None:
    if starts_at <= timezone.now():
        raise ContactError(_("This moment has passed. Choose a moment in the future."))
    overlap = Appointment.objects.filter(
        Q(staff=staff) | Q(client=client),
        status=AppointmentStatus.PLANNED,
        starts_at__lt=ends_at,
        ends_at__gt=starts_at,
    ).first()
    if overlap is not None:
        raise ContactError(
            _("There is already an appointment from %(start)s to %(end)s. Choose another time.")
            % {"start": _when(overlap.starts_at), "end": _clock(overlap.ends_at)}
        )
    first = (
        not Appointment.objects.filter(client=client)
        .exclude(status=AppointmentStatus.CANCELLED)
        .exists()
    )
    if first and kind != AppointmentKind.IN_PERSON and len(not_in_person_reason.strip()) < 10:
        raise ContactError(
            _(
                "The first conversation with a new client is in person. Plan it in person, or "
                "write why that is not possible."
            )
        )
    reason = absence_conflict(client, starts_at, ends_at)
    if reason:
        raise ContactError(reason)


def hold(
    *, appointment: Appointment, actor: User, notes: str, next_contact_on: date | None
) -> None:
    """The appointment took place; the next contact agreed there becomes a promise."""
    if next_contact_on is None or next_contact_on <= timezone.localdate():
        raise ContactError(_("Agree when you have contact next, and choose a date after today."))
    with transaction.atomic():
        locked = (
            Appointment.objects.select_for_update(of=("self",))
            .select_related("client", "commitment")
            .get(pk=appointment.pk)
        )
        if locked.status != AppointmentStatus.PLANNED:
            raise ContactError(_("This appointment is no longer planned. Nothing was changed."))
        if locked.starts_at > timezone.now():
            raise ContactError(_("This appointment has not started yet."))
        locked.status = AppointmentStatus.HELD
        locked.save(update_fields=["status"])
        contact = record_contact(
            client=locked.client,
            channel=_CHANNEL_OF_KIND[AppointmentKind(locked.kind)],
            direction=Direction.OUT,
            subject=locked.subject,
            outcome=notes,
            staff=actor,
            moment=min(locked.starts_at, timezone.now()),
        )
        if locked.commitment is not None and not locked.commitment.is_closed:
            commitments.fulfil(
                commitment=locked.commitment,
                evidence=Evidence.CONTACT,
                evidence_ref=str(contact.public_id),
                actor=actor,
                moment=min(locked.ends_at, timezone.now()),
            )
        with journal.dutch():
            description = _("We have contact with you again.")
        commitments.promise(
            client=locked.client,
            party=Party.MUNICIPALITY,
            description=description,
            due_at=end_of(next_contact_on),
            origin=Origin.APPOINTMENT,
            actor=actor,
        )


def request_reschedule(
    *, appointment: Appointment, client: Client, reason: str, preferred: str
) -> RescheduleRequest:
    """The client asks for another time; the receipt is their proof that they asked."""
    if appointment.client_id != client.pk:
        raise ContactError(_("This appointment is not in your dossier."))
    if appointment.status != AppointmentStatus.PLANNED:
        raise ContactError(_("This appointment is no longer planned."))
    if not reason.strip():
        raise ContactError(_("Tell us why you want another time. Then we can find one."))
    text = f"{appointment.public_id}\n{reason}\n{preferred}".encode()
    with transaction.atomic():
        receipt = issue_receipt(
            channel=ReceiptChannel.PORTAL,
            subject=f"Verzoek om een andere tijd: afspraak van {_when(appointment.starts_at)}"[
                :200
            ],
            items=[
                ReceiptItem(
                    name="verzoek.txt",
                    sha256=hashlib.sha256(text).hexdigest(),
                    pages=1,
                    size=len(text),
                )
            ],
            recipient="Werk en Inkomen",
            client_ref=client.public_id,
        )
        request = RescheduleRequest.objects.create(
            appointment=appointment,
            reason=reason.strip(),
            preferred=preferred.strip(),
            receipt=receipt,
        )
        with journal.dutch():
            summary = _(
                "You asked for another time for the appointment of %(when)s. Receipt %(number)s."
            ) % {"when": _when(appointment.starts_at), "number": receipt.number}
        journal.record(
            client=client,
            kind="appointment.reschedule",
            summary=summary,
            actor=client.user,
            subject=appointment,
        )
    return request


def move(*, appointment: Appointment, starts_at: datetime, actor: User) -> Appointment:
    """Plan the appointment at another time; the old one is marked as moved."""
    minutes = int((appointment.ends_at - appointment.starts_at).total_seconds() // 60)
    with transaction.atomic():
        locked = (
            Appointment.objects.select_for_update(of=("self",))
            .select_related("commitment", "client")
            .get(pk=appointment.pk)
        )
        if locked.status != AppointmentStatus.PLANNED:
            raise ContactError(_("This appointment is no longer planned. Nothing was changed."))
        locked.status = AppointmentStatus.MOVED
        locked.save(update_fields=["status"])
        new = plan_appointment(
            client=locked.client,
            staff=locked.staff,
            kind=locked.kind,
            location=locked.location,
            starts_at=starts_at,
            minutes=minutes,
            subject=locked.subject,
            actor=actor,
            not_in_person_reason=locked.not_in_person_reason,
        )
        locked.moved_to = new
        locked.save(update_fields=["moved_to"])
        if locked.commitment is not None and not locked.commitment.is_closed:
            with journal.dutch():
                why = _("The appointment moved to %(when)s.") % {"when": _when(starts_at)}
            commitments.withdraw(commitment=locked.commitment, reason=why, actor=actor)
        locked.reschedule_requests.filter(handled_at__isnull=True).update(handled_at=timezone.now())
    return new


def queue_reminders(now: datetime | None = None) -> int:
    """Remind clients of appointments in the coming hours, once each (idempotent)."""
    now = now or timezone.now()
    due = Appointment.objects.filter(
        status=AppointmentStatus.PLANNED,
        reminder_sent_at__isnull=True,
        starts_at__gt=now,
        starts_at__lte=now + timedelta(hours=settings.REMINDER_HOURS),
    ).select_related("client__profile", "staff")
    count = 0
    for appointment in due:
        with transaction.atomic():
            claimed = Appointment.objects.filter(
                pk=appointment.pk, reminder_sent_at__isnull=True
            ).update(reminder_sent_at=now)
            if not claimed:
                continue
            _remind(appointment)
            count += 1
    return count


def _remind(appointment: Appointment) -> None:
    client = appointment.client
    with in_language_of(client):
        subject = _("Reminder: appointment on %(when)s") % {"when": _when(appointment.starts_at)}
        body = _(
            "Dear %(name)s,\n\nThis is a reminder of your appointment with %(staff)s on "
            "%(when)s (%(kind)s%(where)s): %(subject)s.\n\nCan you not come? Ask for another "
            "time in Mijn Maatwerk. You get a receipt.\n\nKind regards,\nWork and Income"
        ) % _details(appointment)
    notify(
        client=client,
        kind="appointment.reminder",
        subject=subject,
        body=body,
        ics=ics_for(appointment),
    )


def ics_for(appointment: Appointment) -> str:
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Maatwerk//Werk en Inkomen//NL")
    calendar.add("version", "2.0")
    event = icalendar.Event()
    event.add("uid", f"{appointment.public_id}@maatwerk")
    event.add("summary", appointment.subject)
    event.add("dtstart", appointment.starts_at)
    event.add("dtend", appointment.ends_at)
    event.add("dtstamp", timezone.now())
    if appointment.location:
        event.add("location", appointment.location)
    calendar.add_component(event)
    return str(calendar.to_ical().decode())


def _default_subject() -> str:
    with journal.dutch():
        return _("Conversation with your regisseur")


def _when(moment: datetime) -> str:
    return formats.date_format(timezone.localtime(moment), "l j F Y H:i")


def _clock(moment: datetime) -> str:
    return formats.time_format(timezone.localtime(moment), "H:i")
