"""The penalty for deciding late (dwangsom bij niet tijdig beslissen, Awb 4:17-4:18): pure.

Awb 4:17 (Stb. 2009, 383; text checked 2026-11-26 at
https://pgawb.nl/pg-awb-digitaal/hoofdstuk-4/4-1-bijzondere-bepalingen-over-besluiten/4-1-3-beslistermijn/4-1-3-2-dwangsom-bij-niet-tijdig-beslissen/artikel-417/):
- owed for every day of default, at most 42 days; the Atw does not apply to those 42 days;
- the first penalty day is the day on which two weeks have passed after the day the term expired
  and a written notice of default was received: notice received Tuesday 10 March 2026 (after the
  term) gives Tuesday 24 March 2026;
- EUR 23 a day for days 1-14, 35 for 15-28, 45 for 29-42 (at most 1,442) for notices received
  from 1 January 2019 (Stcrt. 2018, 65542); 20/30/40 (at most 1,260) before;
- it runs to the day before the decision.
Awb 4:18: the municipality decides on the penalty within two weeks after the last penalty day;
that is a statutory term, so the Atw moves its end off weekends and holidays.
`calendar_gaps` names the years from the decision term's last day to that 4:18 date whose decreed
Atw days (art. 3 lid 3) are not loaded: those dates need a check by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from maatwerk.core.rules.calendar import TermUnit, term_end, unloaded_years

MAX_DAYS = 42
BAND_DAYS = 14
WAITING_DAYS = 14
DECIDE_PENALTY_WEEKS = 2
NEW_RATES_FROM = date(2019, 1, 1)


class PenaltyError(ValueError):
    def __init__(self, code: str, allowed_from: date | None = None) -> None:
        super().__init__(code)
        self.code = code
        self.allowed_from = allowed_from


@dataclass(frozen=True)
class Rates:
    per_day: tuple[Decimal, Decimal, Decimal]

    @property
    def maximum(self) -> Decimal:
        return sum((rate * BAND_DAYS for rate in self.per_day), Decimal(0))


RATES_FROM_2019 = Rates((Decimal(23), Decimal(35), Decimal(45)))
RATES_BEFORE_2019 = Rates((Decimal(20), Decimal(30), Decimal(40)))


def rates_for(notice_received: date) -> Rates:
    return RATES_FROM_2019 if notice_received >= NEW_RATES_FROM else RATES_BEFORE_2019


def amount_for(days: int, rates: Rates) -> Decimal:
    """The penalty for `days` penalty days, band by band."""
    total = Decimal(0)
    for band, rate in enumerate(rates.per_day):
        in_band = min(max(days - band * BAND_DAYS, 0), BAND_DAYS)
        total += rate * in_band
    return total


@dataclass(frozen=True)
class Penalty:
    first_penalty_day: date
    last_penalty_day: date | None
    days: int
    amount: Decimal
    rate_today: Decimal
    rates: Rates
    maximum: Decimal
    maximum_reached: bool
    final: bool
    decide_penalty_by: date | None
    calendar_gaps: tuple[int, ...] = ()

    @property
    def last_possible_day(self) -> date:
        """The 42nd penalty day: the penalty stops then even without a decision."""
        return self.first_penalty_day + timedelta(days=MAX_DAYS - 1)

    def as_json(self, *, decision_due: date) -> dict[str, object]:
        return {
            "decision_due": decision_due.isoformat(),
            "first_penalty_day": self.first_penalty_day.isoformat(),
            "last_penalty_day": _iso(self.last_penalty_day),
            "days": self.days,
            "amount": f"{self.amount:.2f}",
            "maximum_reached": self.maximum_reached,
            "decide_penalty_by": _iso(self.decide_penalty_by),
        }


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def first_penalty_day(*, decision_due: date, notice_received: date) -> date:
    """Two weeks after the later of: the term's last day, and the day the notice arrived."""
    if notice_received <= decision_due:
        raise PenaltyError("notice_premature", allowed_from=decision_due + timedelta(days=1))
    return max(decision_due, notice_received) + timedelta(days=WAITING_DAYS)


def penalty_for(
    *, decision_due: date, notice_received: date, decided: date | None, today: date
) -> Penalty:
    """The penalty owed as of `today`, or in full once the decision is taken.

    Without a decision, today counts as a day of default. `final` means the last penalty day
    is known (decision taken, or 42 days reached); only then is there a 4:18 date.
    """
    first = first_penalty_day(decision_due=decision_due, notice_received=notice_received)
    rates = rates_for(notice_received)
    end = decided - timedelta(days=1) if decided is not None else today
    last = min(first + timedelta(days=MAX_DAYS - 1), end)
    days = max((last - first).days + 1, 0)
    maximum_reached = days == MAX_DAYS
    final = decided is not None or maximum_reached
    last_day = last if days else None
    decide_by = (
        term_end(last, DECIDE_PENALTY_WEEKS, TermUnit.WEEKS, statutory=True)
        if final and last_day is not None
        else None
    )
    band = min((days - 1) // BAND_DAYS, len(rates.per_day) - 1) if days else 0
    return Penalty(
        first_penalty_day=first,
        last_penalty_day=last_day,
        days=days,
        amount=amount_for(days, rates),
        rate_today=Decimal(0) if final or days == 0 else rates.per_day[band],
        rates=rates,
        maximum=rates.maximum,
        maximum_reached=maximum_reached,
        final=final,
        decide_penalty_by=decide_by,
        calendar_gaps=unloaded_years(decision_due, decide_by or decision_due),
    )
