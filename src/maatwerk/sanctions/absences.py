"""The absence register: the client (or staff for them) reports time away and gets a receipt.

A stay abroad is checked against Pw art. 13 at once and explained; reporting late or within the
municipality's notice period is noted and warned about, never refused. While the client is
registered away, their commitments that fall due are excused with the absence as evidence, and
no appointment can be planned.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import QuerySet
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from maatwerk.commitments import services as commitment_services
from maatwerk.commitments.models import Commitment, Evidence, Party, Status
from maatwerk.core.models import Receipt, ReceiptChannel
from maatwerk.core.receipts import ReceiptItem, issue_receipt
from maatwerk.core.rules import aow
from maatwerk.dossiers import journal
from maatwerk.dossiers.models import Client
from maatwerk.sanctions.errors import SanctionError
from maatwerk.sanctions.models import Absence, AbsenceChange, AbsenceKind
from maatwerk.sanctions.rules import stay_abroad

MAX_ABSENCE_DAYS = 366


@dataclass(frozen=True)
class Preview:
    """What the client sees before confirming: the art. 13 outcome and the warnings."""

    days: int
    explanation: str
    excess_days: int
    late: bool
    short_notice: bool
    # The AOW day that matters for this stay is computed with the last known pensionable age,
    # because the age for its year is not published yet: staff must check it later.
    aow_unpublished: bool = False


def _day(value: date) -> str:
    with translation.override("nl"):
        return formats.date_format(value, "j F Y")


def _stays(client: Client, *, leave_out: Absence | None = None) -> list[stay_abroad.Stay]:
    rows = active(client).filter(abroad=True)
    if leave_out is not None:
        rows = rows.exclude(pk=leave_out.pk)
    return [stay_abroad.Stay(a.first_day, a.last_day) for a in rows]


def active(client: Client) -> QuerySet[Absence]:
    return Absence.objects.filter(client=client, cancelled_at__isnull=True)


def days_left_this_year(client: Client, today: date | None = None) -> int:
    today = today or timezone.localdate()
    return stay_abroad.days_left(
        today.year,
        _stays(client),
        birth_date=client.birth_date,
        on=today,
    )


def preview(
    *,
    client: Client,
    first_day: date | None,
    last_day: date | None,
    abroad: bool,
    leave_out: Absence | None = None,
) -> Preview:
    first, last = _valid_days(first_day, last_day)
    _refuse_overlap(client, first, last, leave_out)
    today = timezone.localdate()
    excess, explanation, unpublished = 0, "", False
    if abroad:
        outcome = stay_abroad.check_stay(
            stay_abroad.Stay(first, last),
            _stays(client, leave_out=leave_out),
            birth_date=client.birth_date,
        )
        excess, explanation = outcome.excess_days, outcome.explain()
        unpublished = outcome.aow_unpublished
    return Preview(
        days=(last - first).days + 1,
        explanation=explanation,
        excess_days=excess,
        late=first < today,
        short_notice=today <= first < today + timedelta(days=settings.ABSENCE_NOTICE_DAYS),
        aow_unpublished=unpublished,
    )


def aow_unpublished_message() -> str:
    """For staff: the AOW age used for this client is the last known one, not the law yet."""
    years, months = aow.last_published_age()
    return _(
        "The state pension (AOW) age for this date of birth has not been published yet. We "
        "use the last known age (%(age)s). Check this later."
    ) % {"age": _age_text(years, months)}


def _age_text(years: int, months: int) -> str:
    if not months:
        return _("%(years)d years") % {"years": years}
    return _("%(years)d years and %(months)d months") % {"years": years, "months": months}


def _valid_days(first_day: date | None, last_day: date | None) -> tuple[date, date]:
    if first_day is None or last_day is None:
        raise SanctionError(_("Fill in the first and the last day you are away."))
    today = timezone.localdate()
    if first_day.year < today.year - 2 or last_day.year > today.year + 2:
        raise SanctionError(_("Fill in days within two years from now. Check the year."))
    if last_day < first_day:
        raise SanctionError(
            _("The last day is before the first day. Check the dates and try again.")
        )
    if (last_day - first_day).days + 1 > MAX_ABSENCE_DAYS:
        raise SanctionError(_("An absence can be one year at most. Report a longer one in parts."))
    return first_day, last_day


def _refuse_overlap(client: Client, first: date, last: date, leave_out: Absence | None) -> None:
    rows = active(client).filter(first_day__lte=last, last_day__gte=first)
    if leave_out is not None:
        rows = rows.exclude(pk=leave_out.pk)
    other = rows.first()
    if other is not None:
        raise SanctionError(
            _(
                "You already reported that you are away from %(first)s to %(last)s. Change that "
                "report instead of making a new one."
            )
            % {"first": _day(other.first_day), "last": _day(other.last_day)}
        )


def report(
    *,
    client: Client,
    kind: str,
    first_day: date | None,
    last_day: date | None,
    abroad: bool,
    place: str,
    note: str,
    via: str,
    actor: User | None,
) -> Absence:
    """Register an absence with a receipt; excuse what falls due in it; journal it."""
    if kind not in AbsenceKind.values:
        raise SanctionError(_("Choose why you are away."))
    if kind == AbsenceKind.ABROAD:
        abroad = True
    with transaction.atomic():
        Client.objects.select_for_update().filter(pk=client.pk).first()  # one report at a time
        seen = preview(client=client, first_day=first_day, last_day=last_day, abroad=abroad)
        assert first_day is not None and last_day is not None
        receipt = _receipt(client, via, _subject(kind, first_day, last_day), place + note)
        absence = Absence.objects.create(
            client=client,
            kind=kind,
            first_day=first_day,
            last_day=last_day,
            abroad=abroad,
            place=place.strip()[:200],
            note=note.strip()[:2000],
            reported_at=receipt.received_at,
            reported_via=via,
            recorded_by=actor if actor is not None and actor != client.user else None,
            late=seen.late,
            short_notice=seen.short_notice,
            excess_days=seen.excess_days,
            aow_unpublished=seen.aow_unpublished,
            receipt=receipt,
        )
        _journal(absence, actor, _reported_summary(absence, seen))
        excuse_due(absence, actor)
    return absence


def _subject(kind: str, first: date, last: date) -> str:
    with translation.override("nl"):
        label = AbsenceKind(kind).label
    return f"Afwezig ({label}) van {_day(first)} tot en met {_day(last)}"[:200]


def _receipt(client: Client, via: str, subject: str, extra: str) -> Receipt:
    text = f"{subject}\n{extra}".encode()
    return issue_receipt(
        channel=via if via in ReceiptChannel.values else ReceiptChannel.PORTAL,
        subject=subject,
        items=[
            ReceiptItem(
                name="afwezigheid.txt",
                sha256=hashlib.sha256(text).hexdigest(),
                pages=1,
                size=len(text),
            )
        ],
        recipient="Werk en Inkomen",
        client_ref=client.public_id,
    )


def _reported_summary(absence: Absence, seen: Preview) -> str:
    summary = f"{absence.receipt.subject}. Ontvangstbewijs {absence.receipt.number}."
    if absence.late:
        summary += " Gemeld nadat de afwezigheid al begon."
    if seen.excess_days:
        summary += f" Voor {seen.excess_days} dagen is er geen recht op bijstand (art. 13)."
    return summary


def _journal(absence: Absence, actor: User | None, summary: str) -> None:
    journal.record(
        client=absence.client,
        kind="absence.reported",
        summary=summary[:1000],
        actor=actor,
        subject=absence,
    )


def _window(absence: Absence) -> tuple[datetime, datetime]:
    start = timezone.make_aware(datetime.combine(absence.first_day, datetime.min.time()))
    end = timezone.make_aware(
        datetime.combine(absence.last_day + timedelta(days=1), datetime.min.time())
    )
    return start, end


def excuse_due(absence: Absence, actor: User | None) -> int:
    """The client's open commitments due in the absence are excused, the absence as evidence."""
    start, end = _window(absence)
    due = Commitment.objects.filter(
        client=absence.client,
        party=Party.CLIENT,
        status__in=[Status.OPEN, Status.OVERDUE],
        due_at__gte=start,
        due_at__lt=end,
    )
    with journal.dutch():
        reason = _("You were away and had reported it (receipt %(number)s).") % {
            "number": absence.receipt.number
        }
    count = 0
    for commitment in due:
        commitment_services.excuse(
            commitment=commitment, reason=reason, actor=actor, evidence=Evidence.ABSENCE
        )
        count += 1
    return count


def excuse_all_due() -> int:
    """Periodic: commitments made after an absence was registered are excused as well."""
    today = timezone.localdate()
    count = 0
    rows = Absence.objects.filter(
        cancelled_at__isnull=True, last_day__gte=today - timedelta(days=7), first_day__lte=today
    ).select_related("client", "receipt")
    for absence in rows:
        count += excuse_due(absence, None)
    return count


def away_at(client: Client, starts_at: datetime, ends_at: datetime) -> Absence | None:
    first = timezone.localtime(starts_at).date()
    last = timezone.localtime(ends_at).date()
    return active(client).filter(first_day__lte=last, last_day__gte=first).first()


def change(
    *,
    absence: Absence,
    first_day: date | None,
    last_day: date | None,
    place: str,
    actor: User | None,
) -> Absence:
    """New dates or place; what it was is kept, and a new receipt proves the change."""
    with transaction.atomic():
        locked = Absence.objects.select_for_update().select_related("client").get(pk=absence.pk)
        if locked.cancelled_at is not None:
            raise SanctionError(_("This absence was cancelled. Report a new one."))
        seen = preview(
            client=locked.client,
            first_day=first_day,
            last_day=last_day,
            abroad=locked.abroad,
            leave_out=locked,
        )
        assert first_day is not None and last_day is not None
        receipt = _receipt(
            locked.client,
            ReceiptChannel.PORTAL if actor == locked.client.user else ReceiptChannel.PHONE,
            "Gewijzigd: " + _subject(locked.kind, first_day, last_day),
            place,
        )
        AbsenceChange.objects.create(
            absence=locked,
            previous_first_day=locked.first_day,
            previous_last_day=locked.last_day,
            previous_place=locked.place,
            changed_by=actor,
            receipt=receipt,
        )
        locked.first_day, locked.last_day = first_day, last_day
        locked.place = place.strip()[:200]
        locked.excess_days = seen.excess_days
        locked.aow_unpublished = seen.aow_unpublished
        locked.save(
            update_fields=["first_day", "last_day", "place", "excess_days", "aow_unpublished"]
        )
        _journal(locked, actor, f"{receipt.subject}. Ontvangstbewijs {receipt.number}.")
        excuse_due(locked, actor)
    return locked


def cancel(*, absence: Absence, actor: User | None) -> Absence:
    with transaction.atomic():
        locked = Absence.objects.select_for_update().select_related("client").get(pk=absence.pk)
        if locked.cancelled_at is not None:
            raise SanctionError(_("This absence was already cancelled."))
        receipt = _receipt(
            locked.client,
            ReceiptChannel.PORTAL if actor == locked.client.user else ReceiptChannel.PHONE,
            "Ingetrokken: " + _subject(locked.kind, locked.first_day, locked.last_day),
            "",
        )
        AbsenceChange.objects.create(
            absence=locked,
            cancelled=True,
            previous_first_day=locked.first_day,
            previous_last_day=locked.last_day,
            previous_place=locked.place,
            changed_by=actor,
            receipt=receipt,
        )
        locked.cancelled_at = timezone.now()
        locked.save(update_fields=["cancelled_at"])
        _journal(locked, actor, f"{receipt.subject}. Ontvangstbewijs {receipt.number}.")
    return locked
