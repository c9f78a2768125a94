"""Gathering the evidence check's facts from the whole dossier (the weighing is pure:
`rules/evidence.py`). Each fact links to where staff can see its source."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone

from maatwerk.commitments.models import Commitment, Party, Status
from maatwerk.contacts.models import (
    AppointmentStatus,
    ContactMoment,
    Direction,
    Message,
    RescheduleRequest,
    Sender,
)
from maatwerk.core.models import Receipt
from maatwerk.dossiers.models import Client
from maatwerk.letters.models import DeliveryChannel, DeliveryStatus, Letter
from maatwerk.plans.models import ObstacleKind, Plan
from maatwerk.sanctions.models import Absence, Proposal
from maatwerk.sanctions.rules.evidence import Case, Fact, Finding, assess, letters_from


def _aware(day: date, *, end: bool = False) -> datetime:
    moment = datetime.combine(day + timedelta(days=1) if end else day, time.min)
    return timezone.make_aware(moment)


def _local_day(moment: datetime) -> date:
    return timezone.localtime(moment).date()


def check(proposal: Proposal) -> list[Finding]:
    appointment = proposal.appointment
    case = Case(
        proposal.rule.category,
        proposal.event_date,
        proposal.period_start,
        event_time=timezone.localtime(appointment.starts_at).time() if appointment else None,
    )
    return assess(case, gather(proposal))


def gather(proposal: Proposal) -> list[Fact]:
    client = proposal.client
    start, end = _aware(proposal.period_start), _aware(proposal.event_date, end=True)
    # Absences that touch the period: one on the day blocks, others are shown as looked at.
    absences = list(
        Absence.objects.filter(
            client=client,
            cancelled_at__isnull=True,
            first_day__lte=proposal.event_date,
            last_day__gte=proposal.period_start,
        ).select_related("receipt", "client")
    )
    linked = list(proposal.commitments.all()) if proposal.pk is not None else []
    ours = [c for c in linked if c.party == Party.MUNICIPALITY]
    in_period = Q(created_at__gte=start, created_at__lt=end)
    if proposal.appointment_id is not None:
        in_period |= Q(appointment_id=proposal.appointment_id)  # whenever it was asked
    reschedules = list(
        RescheduleRequest.objects.filter(in_period, appointment__client=client).select_related(
            "appointment", "receipt"
        )
    )
    facts = (
        _absences(absences)
        + _reschedules(reschedules)
        + _receipts(
            client,
            start,
            end,
            {a.receipt_id for a in absences} | {r.receipt_id for r in reschedules},
        )
        + _contacts(client, start, end)
        + _municipal_misses(client, start, end, {c.pk for c in ours})
        + _municipal_promises(ours)
        + _letters(client, _aware(letters_from(proposal.period_start)), end)
        + _obstacles(client, proposal.event_date)
        + _missed(proposal, [c for c in linked if c.party != Party.MUNICIPALITY])
    )
    return facts


def _absences(rows: list[Absence]) -> list[Fact]:
    return [
        Fact(
            kind="absence",
            key=f"absence:{a.public_id}",
            text=f"{a.get_kind_display()} van {a.first_day:%d-%m-%Y} tot en met "
            f"{a.last_day:%d-%m-%Y}, gemeld op {_local_day(a.reported_at):%d-%m-%Y} "
            f"(ontvangstbewijs {a.receipt.number})",
            first_day=a.first_day,
            last_day=a.last_day,
            link=reverse("staff_sanctions:absences", args=[a.client.public_id]),
            absence=a.kind,
        )
        for a in rows
    ]


def _reschedules(rows: list[RescheduleRequest]) -> list[Fact]:
    return [
        Fact(
            kind="reschedule",
            key=f"reschedule:{r.pk}",
            text=f"{r.receipt.subject} (ontvangstbewijs {r.receipt.number})",
            first_day=_local_day(r.created_at),
            link=reverse("staff_contacts:appointment", args=[r.appointment.public_id]),
        )
        for r in rows
    ]


def _receipts(client: Client, start: datetime, end: datetime, known: set[int]) -> list[Fact]:
    rows = Receipt.objects.filter(
        client_ref=client.public_id, received_at__gte=start, received_at__lt=end
    ).exclude(pk__in=known)
    link = reverse("staff_docs:client_documents", args=[client.public_id])
    return [
        Fact(
            kind="receipt",
            key=f"receipt:{r.number}",
            text=f"{r.subject} (ontvangstbewijs {r.number}, {r.get_channel_display()})",
            first_day=_local_day(r.received_at),
            link=link,
        )
        for r in rows.order_by("received_at")[:50]
    ]


def _contacts(client: Client, start: datetime, end: datetime) -> list[Fact]:
    link = reverse("staff_contacts:history", args=[client.public_id])
    moments = ContactMoment.objects.filter(
        client=client, direction=Direction.IN, moment__gte=start, moment__lt=end
    )
    messages = Message.objects.filter(
        client=client, sender=Sender.CLIENT, created_at__gte=start, created_at__lt=end
    )
    return [
        Fact(
            kind="client_contact",
            key=f"contact:{m.public_id}",
            text=f"{m.get_channel_display()}: {m.subject}",
            first_day=_local_day(m.moment),
            link=link,
        )
        for m in moments[:50]
    ] + [
        Fact(
            kind="client_contact",
            key=f"message:{m.public_id}",
            text=f"bericht: {m.text[:120]}",
            first_day=_local_day(m.created_at),
            link=reverse("staff_contacts:messages", args=[client.public_id]),
        )
        for m in messages[:50]
    ]


_LATE = (
    Q(status=Status.OVERDUE)
    | Q(overdue_since__isnull=False)
    | Q(status=Status.FULFILLED, closed_at__gt=F("due_at"))
)


def _was_late(c: Commitment) -> bool:
    """The same test as `_LATE`, for a promise already loaded."""
    return (
        c.status == Status.OVERDUE
        or c.overdue_since is not None
        or (c.status == Status.FULFILLED and c.closed_at is not None and c.closed_at > c.due_at)
    )


def _municipal_misses(
    client: Client, start: datetime, end: datetime, linked: set[int]
) -> list[Fact]:
    """Promises the municipality missed in the period that staff did not link: they weigh."""
    late = (
        Commitment.objects.filter(
            client=client, party=Party.MUNICIPALITY, due_at__gte=start, due_at__lt=end
        )
        .filter(_LATE)
        .exclude(pk__in=linked)
    )
    return [_municipal_fact(c, "municipal_miss") for c in late[:50]]


def _municipal_promises(linked: list[Commitment]) -> list[Fact]:
    """Promises of the municipality that staff linked to the proposal: a miss stops it."""
    return [
        _municipal_fact(c, "municipal_miss" if _was_late(c) else "municipal_kept", linked=True)
        for c in linked
    ]


def _municipal_fact(c: Commitment, kind: str, linked: bool = False) -> Fact:
    return Fact(
        kind=kind,
        key=f"commitment:{c.public_id}",
        text=f"{c.description} (uiterlijk {_local_day(c.due_at):%d-%m-%Y}, "
        f"{c.get_status_display()})",
        first_day=_local_day(c.due_at),
        link=reverse("staff_commit:commitment", args=[c.public_id]),
        linked=linked,
    )


def _letters(client: Client, start: datetime, end: datetime) -> list[Fact]:
    """Letters from `letters_from(period_start)` up to the end of the day of the event."""
    rows = Letter.objects.filter(
        client=client, sent_at__gte=start, sent_at__lt=end
    ).prefetch_related("deliveries")
    facts = []
    for letter in rows[:50]:
        deliveries = list(letter.deliveries.all())
        statuses = {d.status for d in deliveries}
        explained_by_phone = any(
            d.channel == DeliveryChannel.PHONE and d.status == DeliveryStatus.DELIVERED
            for d in deliveries
        )
        facts.append(
            Fact(
                kind="letter",
                key=f"letter:{letter.public_id}",
                text=letter.subject,
                first_day=_local_day(letter.sent_at),
                at=timezone.localtime(letter.sent_at).time(),
                link=reverse("staff_letters:letter", args=[letter.public_id]),
                purpose=letter.purpose,
                # Reached the client by at least one channel; a failed or returned channel
                # does not undo another that worked.
                delivered=letter.opened_at is not None
                or bool(
                    statuses
                    & {DeliveryStatus.SENT, DeliveryStatus.DELIVERED, DeliveryStatus.OPENED}
                ),
                opened=letter.opened_at is not None or explained_by_phone,
                in_language=not letter.translation_missing,
                plain_enough=not letter.plain_language_needed
                or letter.verdict == "goed"
                or bool(letter.alternative),
            )
        )
    return facts


def _obstacles(client: Client, day: date) -> list[Fact]:
    plan = Plan.objects.filter(client=client).select_related("active").first()
    if plan is None or plan.active is None:
        return []
    link = reverse("staff_plans:plan", args=[client.public_id])
    return [
        Fact(
            kind="obstacle",
            key=f"obstacle:{o.key}",
            # Only the kind: what was said privately stays on the plan page.
            text=str(ObstacleKind(o.kind).label),
            first_day=day,
            link=link,
            obstacle=o.kind,
        )
        for o in plan.active.obstacles.all()
    ]


_NOT_MISSED = {Status.FULFILLED, Status.EXCUSED, Status.WITHDRAWN}


def _missed(proposal: Proposal, promises: list[Commitment]) -> list[Fact]:
    """The client's linked promises and appointment: the obligation itself."""
    facts = [
        Fact(
            kind="kept" if c.status in _NOT_MISSED else "missed",
            key=f"missed:{c.public_id}",
            text=f"Niet gedaan: {c.description} ({c.get_status_display()})",
            first_day=_local_day(c.due_at),
            link=reverse("staff_commit:commitment", args=[c.public_id]),
        )
        for c in promises
    ]
    appointment = proposal.appointment
    if appointment is not None:
        facts.append(
            Fact(
                kind="missed" if appointment.status == AppointmentStatus.PLANNED else "kept",
                key=f"appointment:{appointment.public_id}",
                text=f"Afspraak van {timezone.localtime(appointment.starts_at):%d-%m-%Y %H:%M}: "
                f"{appointment.subject} ({appointment.get_status_display()})",
                first_day=_local_day(appointment.starts_at),
                link=reverse("staff_contacts:appointment", args=[appointment.public_id]),
            )
        )
    return facts
