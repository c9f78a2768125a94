"""Stays abroad under Participatiewet art. 13 lid 1 sub e: pure, no Django.

Art. 13 lid 1 sub e and lid 4, lid 4 in the wording in force since 1 January 2012 (then WWB,
quoted in CRvB 14 July 2014, ECLI:NL:CRVB:2014:2282; unchanged in the Pw as far as checked
here). The law: no right to social assistance for time spent abroad beyond 4 weeks per
calendar year or beyond 4 consecutive weeks. For those who have reached the pensionable (AOW)
age both limits are 13 weeks (lid 4). The reason for the stay does not matter, and one day too
many loses the right for the excess days.

How this module reads it:

- A stay is a first and a last day abroad, both included (1 to 3 July is 3 days).
- A day is abroad or not: all stays are merged into one set of days first, so overlapping
  registrations never count a day twice.
- A day abroad is *excess* when it breaks either rule, judged in time order: it is past the
  limit-th day abroad of its calendar year, or past the limit-th day of the unbroken run of days
  abroad it belongs to. Whether a day is excess depends only on the days before it, so adding a
  stay never takes excess away from another day, and two stays checked against each other never
  both carry the same overflow.
- The per-year count starts again on 1 January; an unbroken run does not (a run over New Year
  is still one run).
- The limit applies per day: a day is judged against the limit that applies on that day, 28
  before the person's AOW day and 91 from it. So a stay that starts before the AOW day may run
  on to 13 weeks, and days before the AOW day are never judged by the longer limit.
- The AOW day depends on the date of birth (AOW art. 7 and 7a: a pensionable age per calendar
  year, in years and months): see maatwerk.core.rules.aow. When it falls in a year whose age is
  not yet published, the outcome says so (`aow_unpublished`).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from maatwerk.core.rules.aow import AowDay, aow_day

LIMIT_DAYS = 28  # 4 weeks
PENSIONABLE_LIMIT_DAYS = 91  # 13 weeks

# Dutch month names, so the client text never depends on the server's locale.
_MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


@dataclass(frozen=True)
class Stay:
    """Days abroad from `first_day` up to and including `last_day`."""

    first_day: date
    last_day: date

    def __post_init__(self) -> None:
        # A backwards stay would silently count as zero days; refuse it so the caller can
        # tell the client to check the dates.
        if self.last_day < self.first_day:
            raise ValueError(f"last_day {self.last_day} is before first_day {self.first_day}")

    @property
    def days(self) -> int:
        """Both the first and the last day count: a stay from 1 to 3 July is 3 days."""
        return (self.last_day - self.first_day).days + 1

    def ordinals(self) -> range:
        """The days of the stay as date ordinals: cheap to put in a set and to compare."""
        return range(self.first_day.toordinal(), self.last_day.toordinal() + 1)


@dataclass(frozen=True)
class Outcome:
    """What art. 13 means for one new stay, given the client's other stays abroad.

    The first six fields are the figures the service stores and shows; the rest make the
    explanation exact (which year, which days, the effect on stays later in the year, and the
    AOW day when it falls within or before the stay's year). `limit_days` is the limit on the
    stay's first day; `remaining_after` is judged with the limit on the stay's last day in its
    year.
    """

    limit_days: int
    used_before: int
    days_this_stay: int
    remaining_after: int
    excess_days: int
    excess_from: date | None
    year: int | None = None
    excess_periods: tuple[Stay, ...] = ()
    later_days_lost: int = 0
    aow_day: date | None = None
    aow_unpublished: bool = False

    def explain(self) -> str:
        """Plain Dutch (B1, "u") for the client: what is left, how long, what is lost."""
        when = f"In {self.year}" if self.year is not None else "Dit jaar"
        left = max(0, self.limit_days - self.used_before)
        if left:
            lines = [f"{when} mag u nog {_count(left)} naar het buitenland."]
        else:
            lines = [f"{when} hebt u geen dagen meer over om naar het buitenland te gaan."]
        lines.append(f"Deze reis duurt {_count(self.days_this_stay)}.")
        if self.excess_days:
            lines.append(self._excess_sentence())
            lines.append(
                f"U mag met bijstand {self.limit_days} dagen per jaar naar het buitenland. "
                f"En niet langer dan {self.limit_days} dagen achter elkaar."
            )
        if self.aow_day is not None and self.limit_days == LIMIT_DAYS:
            # The longer limit starts during or after this stay: say from which day.
            lines.append(
                f"Vanaf {dutch_date(self.aow_day)} hebt u de AOW-leeftijd. "
                "Vanaf die dag mag u 13 weken naar het buitenland."
            )
        if self.remaining_after:
            lines.append(f"Daarna hebt u nog {_count(self.remaining_after)} over.")
        elif left:
            lines.append("Daarna hebt u geen dagen meer over.")
        if self.later_days_lost:
            lines.append(
                f"Let op: door deze reis krijgt u ook voor {_count(self.later_days_lost)} "
                "van een latere reis geen bijstand."
            )
        return " ".join(lines)

    def _excess_sentence(self) -> str:
        """One period reads as "from day X"; periods split over New Year are listed in full."""
        if len(self.excess_periods) > 1:
            spans = " en ".join(
                f"van {dutch_date(p.first_day)} tot en met {dutch_date(p.last_day)}"
                for p in self.excess_periods
            )
            return f"U krijgt geen bijstand voor {_count(self.excess_days)}: {spans}."
        if self.excess_from is not None:
            return (
                f"Vanaf {dutch_date(self.excess_from)} krijgt u geen bijstand "
                f"voor {_count(self.excess_days)}."
            )
        return f"U krijgt geen bijstand voor {_count(self.excess_days)}."


def dutch_date(value: date) -> str:
    """29 juli 2026: written out here so the text never depends on the server's locale."""
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"


def _count(days: int) -> str:
    return f"{days} dag" if days == 1 else f"{days} dagen"


def limit_on(aow: AowDay, day: date) -> int:
    """28 days, or 91 from the AOW day on: the same number serves the year and the run."""
    return PENSIONABLE_LIMIT_DAYS if day >= aow.day else LIMIT_DAYS


def _days_of(stays: Iterable[Stay]) -> set[int]:
    """All days abroad as ordinals: a day is abroad or not, however often it was registered."""
    days: set[int] = set()
    for stay in stays:
        days.update(stay.ordinals())
    return days


def _excess(days: set[int], aow: AowDay) -> set[int]:
    """The days that break the year rule or the run rule, walking through them in time order.

    Each day's place in its calendar year and in its unbroken run depends only on the days
    before it, and the limit only on the day itself, which is what makes the outcome the same
    whichever stay is checked.
    """
    pensionable_from = aow.day.toordinal()
    excess: set[int] = set()
    year_count, run_length = 0, 0
    previous: int | None = None
    for day in sorted(days):
        if previous is None or date.fromordinal(day).year != date.fromordinal(previous).year:
            year_count = 0
        run_length = run_length + 1 if previous == day - 1 else 1
        year_count += 1
        limit = PENSIONABLE_LIMIT_DAYS if day >= pensionable_from else LIMIT_DAYS
        if year_count > limit or run_length > limit:
            excess.add(day)
        previous = day
    return excess


def _in_year(days: Iterable[int], year: int) -> int:
    first, last = date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal()
    return sum(1 for day in days if first <= day <= last)


def _periods(days: Iterable[int]) -> Iterator[Stay]:
    """Group days into unbroken periods, for the explanation."""
    ordered = sorted(days)
    for _, group in itertools.groupby(enumerate(ordered), key=lambda pair: pair[1] - pair[0]):
        run = [day for _, day in group]
        yield Stay(date.fromordinal(run[0]), date.fromordinal(run[-1]))


def check_stay(new: Stay, others: Sequence[Stay], *, birth_date: date) -> Outcome:
    """How much of a new stay abroad is without right to assistance, and what is left.

    `others` are the client's other registered stays abroad, in any year and possibly
    overlapping the new one. Figures for "used" and "remaining" are for the calendar year of the
    new stay's first day; the excess counts every day of the new stay, in every year it touches,
    each day against the limit of that day.
    """
    aow = aow_day(birth_date)
    year = new.first_day.year
    other_days = _days_of(others)
    new_days = set(new.ordinals())
    all_days = other_days | new_days

    with_new = _excess(all_days, aow)
    excess = sorted(with_new & new_days)
    # Days of other stays that only become excess because of this one: by the time-order rule
    # these can only lie after the new stay, so they belong to later trips.
    later = (with_new - _excess(other_days, aow)) - new_days
    last_in_year = min(new.last_day, date(year, 12, 31))
    shown = aow.day.year <= new.last_day.year

    return Outcome(
        limit_days=limit_on(aow, new.first_day),
        used_before=_in_year(other_days, year),
        days_this_stay=new.days,
        remaining_after=max(0, limit_on(aow, last_in_year) - _in_year(all_days, year)),
        excess_days=len(excess),
        excess_from=date.fromordinal(excess[0]) if excess else None,
        year=year,
        excess_periods=tuple(_periods(excess)),
        later_days_lost=len(later),
        aow_day=aow.day if shown else None,
        aow_unpublished=shown and not aow.published,
    )


def days_left(
    year: int,
    stays: Sequence[Stay],
    *,
    birth_date: date,
    on: date | None = None,
) -> int:
    """Days the client may still spend abroad in `year` ("U hebt dit jaar nog X dagen").

    The limit is the one that applies on `on` (pass today for the portal); without it, on
    1 January of the year, so a client who reaches the AOW age during the year is never told
    too many days. This is the per-year allowance only: a single trip is also held to the
    consecutive limit.
    """
    limit = limit_on(aow_day(birth_date), on or date(year, 1, 1))
    return max(0, limit - _in_year(_days_of(stays), year))
