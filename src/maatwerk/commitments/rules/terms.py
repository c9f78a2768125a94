"""Decision terms on applications (Awb 4:13-4:15): pure, no Django.

Sources (checked 2026-11-26): Awb 4:13 (a reasonable term, at most 8 weeks after receipt when
no law sets one; the Participatiewet sets none), 4:14 (extension, told to the applicant within
the term), 4:15 (suspension "met ingang van de dag na die waarop" the applicant is asked to
complete the application "tot de dag waarop" it is completed; also while the applicant agreed in
writing, while the delay is theirs, and during force majeure), text at
https://rechtspraakbestuursrecht.nl/artikel-415-awb-opschorting-beslistermijn/. Objections: Awb
7:10, 6 weeks or 12 with an advisory committee, from the day after the objection term ended,
+6 weeks deferral (https://rechtspraakbestuursrecht.nl/artikel-710-awb-beslistermijn-bezwaar/).

Suspended days are recorded as periods with a first and a last suspended day, both included.
Periods that share days are merged first: the term stands still on a day or it does not, so a day
in two periods counts once (4:15 suspends the term "tot de dag waarop"; it does not add up
grounds). `overlap_days` says how many days were in more than one period.

The end of the statutory term follows the Algemene termijnenwet (core/rules/calendar.py); when the
term runs into a year whose decreed extra days (Atw art. 3 lid 3) are not loaded, `calendar_gaps`
names those years so that staff check the date instead of trusting a guess.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from maatwerk.core.rules.calendar import TermUnit, atw_last_day, term_end, unloaded_years

DEFAULT_TERM_WEEKS = 8
# Pw art. 52: an advance within four weeks of the application, then every four weeks.
ADVANCE_WEEKS = 4


class TermError(ValueError):
    """A term that cannot be computed from these facts; `code` says which rule was broken."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code


@dataclass(frozen=True)
class Suspension:
    first_day: date
    last_day: date

    @property
    def days(self) -> int:
        return (self.last_day - self.first_day).days + 1


@dataclass(frozen=True)
class Extension:
    """Awb 4:14: on `notified_on` the applicant was told the decision comes by `extended_to`."""

    notified_on: date
    extended_to: date


@dataclass(frozen=True)
class DecisionTerm:
    """The last day to decide, and how it came about (so the client can see why it moved)."""

    statutory_last_day: date
    extended_to: date | None
    suspended_days: int
    last_day: date
    merged_suspensions: tuple[Suspension, ...] = ()
    overlap_days: int = 0
    overlapping_suspensions: int = 0
    calendar_gaps: tuple[int, ...] = ()

    @property
    def notice_allowed_from(self) -> date:
        """A notice of default counts only once the term has passed (Awb 4:17 lid 3)."""
        return self.last_day + timedelta(days=1)

    def expired_on(self, today: date) -> bool:
        return today > self.last_day


def check_suspensions(suspensions: Sequence[Suspension], *, received: date) -> None:
    """Refuse periods that end before they start or start before receipt (overlap is fine)."""
    for period in sorted(suspensions, key=lambda s: s.first_day):
        if period.last_day < period.first_day:
            raise TermError("suspension_backwards", f"{period.first_day}:{period.last_day}")
        if period.first_day <= received:
            raise TermError("suspension_before_receipt", str(period.first_day))


def merge_suspensions(suspensions: Sequence[Suspension]) -> tuple[Suspension, ...]:
    """The union of the periods: periods that share a day become one. Adjacent periods stay
    apart (they share no day), so each keeps its own place in time."""
    merged: list[Suspension] = []
    for period in sorted(suspensions, key=lambda s: (s.first_day, s.last_day)):
        if merged and period.first_day <= merged[-1].last_day:
            merged[-1] = Suspension(merged[-1].first_day, max(merged[-1].last_day, period.last_day))
        else:
            merged.append(period)
    return tuple(merged)


def _overlap(suspensions: Sequence[Suspension]) -> tuple[int, int]:
    """Days that lie in more than one period, and how many periods share such a day."""
    if len(suspensions) < 2:
        return 0, 0
    covered = Counter(
        period.first_day + timedelta(days=n) for period in suspensions for n in range(period.days)
    )
    shared = {day for day, times in covered.items() if times > 1}
    periods = sum(
        1
        for period in suspensions
        if any(period.first_day <= day <= period.last_day for day in shared)
    )
    return len(shared), periods


def decision_term(
    *,
    received: date,
    term_weeks: int = DEFAULT_TERM_WEEKS,
    extensions: Sequence[Extension] = (),
    suspensions: Sequence[Suspension] = (),
    arrived: date | None = None,
) -> DecisionTerm:
    """The decision term for an application whose term starts the day after `received`.

    Suspensions are merged first (a day counts once). Events are then taken in the order they
    happened. A suspension that starts while the term still
    runs (on or before its current last day) adds its days; one that starts after the term
    ended cannot suspend it. An extension (4:14) must be told within the term and replaces the
    last day with the date in the letter, exactly; later suspensions add to that date. The
    statutory term (no extension) ends on a working day by the Algemene termijnenwet, also
    after suspension, since it is still the statutory term.

    `arrived` is the day the application arrived when the term starts later (an objection's
    term runs from the end of the objection period, Awb 7:10): a deferral may be told from then.
    """
    if term_weeks < 1:
        raise TermError("term_too_short", str(term_weeks))
    check_suspensions(suspensions, received=received)
    merged = merge_suspensions(suspensions)
    statutory = term_end(received, term_weeks, TermUnit.WEEKS, statutory=True)
    raw_end = received + timedelta(weeks=term_weeks)
    extended: date | None = None
    counted = since_extension = 0
    events = sorted(
        [(s.first_day, 0, s) for s in merged] + [(e.notified_on, 1, e) for e in extensions],
        key=lambda item: (item[0], item[1]),
    )
    for day, _order, event in events:
        last = _last_day(received, raw_end, counted, extended, since_extension)
        if isinstance(event, Extension):
            _check_extension(event, received=arrived or received, last=last)
            extended, since_extension = event.extended_to, 0
        elif day <= last:
            counted += event.days
            since_extension += event.days
    last_day = _last_day(received, raw_end, counted, extended, since_extension)
    overlap_days, overlapping = _overlap(suspensions)
    return DecisionTerm(
        statutory_last_day=statutory,
        extended_to=extended,
        suspended_days=counted,
        last_day=last_day,
        merged_suspensions=merged,
        overlap_days=overlap_days,
        overlapping_suspensions=overlapping,
        calendar_gaps=unloaded_years(received, max(last_day, statutory)),
    )


def _last_day(
    received: date, raw_end: date, counted: int, extended: date | None, since_extension: int
) -> date:
    if extended is not None:
        return extended + timedelta(days=since_extension)
    return atw_last_day(received, raw_end + timedelta(days=counted))


def _check_extension(extension: Extension, *, received: date, last: date) -> None:
    if extension.notified_on < received:
        raise TermError("extension_before_receipt", str(extension.notified_on))
    if extension.notified_on > last:
        raise TermError("extension_too_late", str(extension.notified_on))
    if extension.extended_to <= last:
        raise TermError("extension_not_later", str(extension.extended_to))


def first_advance_due(received: date) -> date:
    """Pw art. 52 is a statutory term: the Algemene termijnenwet applies."""
    return term_end(received, ADVANCE_WEEKS, TermUnit.WEEKS, statutory=True)


def next_advance_due(previous_due: date) -> date:
    return term_end(previous_due, ADVANCE_WEEKS, TermUnit.WEEKS, statutory=True)
