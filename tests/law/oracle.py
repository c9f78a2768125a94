"""An independent, deliberately slow reading of the statutes, day by day.

This module does not import Maatwerk. Every function walks the calendar one day at a time, so
that each step can be checked against the text of the article it cites. It is the yardstick the
tests in ``test_law_day_by_day.py`` hold the project's rule modules against.

Texts read (wetten.overheid.nl versions in force on 4 December 2026, quoted from public copies):

- Algemene termijnenwet (Atw), art. 1, 2 and 3 (text since 1 January 2014, Koningsdag).
- Besluiten gelijkstelling under Atw art. 3 lid 3: Stcrt. 2016, 58653 (2017-2019); "Besluit
  gelijkstelling van 28 april 2023, 19 mei 2023, 10 mei 2024, 27 december 2024 en 30 mei 2025";
  "Besluit gelijkstelling van 2 januari 2026, 15 mei 2026, 7 mei 2027, 28 april 2028 en 26 mei
  2028". No decree for 2020-2022 or 2029 onwards is known to this oracle.
- Algemene wet bestuursrecht (Awb), art. 4:13, 4:15, 4:17 (amounts since 1 January 2019), 4:18,
  6:7, 6:8, 6:9, 7:10.
- Algemene Ouderdomswet (AOW), art. 7a: the pensionable age per calendar year (table below).
- Participatiewet (Pw), art. 13 lid 1 sub e and lid 4 (four weeks; thirteen weeks from the
  pensionable age).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from functools import cache

ONE_DAY = timedelta(days=1)


def days_from(first: date, last: date) -> Iterator[date]:
    """Every day from ``first`` up to and including ``last``."""
    day = first
    while day <= last:
        yield day
        day += ONE_DAY


# --- Atw art. 3: the days that count as holidays ----------------------------------------------


def easter_sunday(year: int) -> date:
    """Gregorian Easter by the anonymous (Meeus/Jones/Butcher) computus."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return date(year, month, day + 1)


def kings_day(year: int) -> date:
    """Koningsdag: 27 April, or Saturday 26 April when the 27th is a Sunday."""
    day = date(year, 4, 27)
    return day - ONE_DAY if day.isoweekday() == 7 else day


def lid_1_days(year: int) -> set[date]:
    """Atw art. 3 lid 1: "de Nieuwjaarsdag, de Christelijke tweede Paas- en Pinksterdag, de beide
    Kerstdagen, de Hemelvaartsdag, de dag waarop de verjaardag van de Koning wordt gevierd en de
    5 mei". Easter Sunday and Whit Sunday are not named: they are Sundays anyway."""
    easter = easter_sunday(year)
    return {
        date(year, 1, 1),  # Nieuwjaarsdag
        easter + timedelta(days=1),  # Tweede Paasdag
        easter + timedelta(days=39),  # Hemelvaartsdag
        easter + timedelta(days=50),  # Tweede Pinksterdag
        date(year, 12, 25),  # Eerste Kerstdag
        date(year, 12, 26),  # Tweede Kerstdag
        kings_day(year),  # de dag waarop de verjaardag van de Koning wordt gevierd
        date(year, 5, 5),  # 5 mei (Bevrijdingsdag)
    }


def lid_2_days(year: int) -> set[date]:
    """Atw art. 3 lid 2: Goede Vrijdag is equal to a generally recognised holiday."""
    return {easter_sunday(year) - timedelta(days=2)}


# Atw art. 3 lid 3: days equalled to a holiday by royal decree, gathered from the decrees'
# titles and the Staatscourant. Years missing here are years this oracle knows nothing about.
DECREE_DAYS: dict[int, frozenset[date]] = {
    2017: frozenset({date(2017, 4, 28), date(2017, 5, 26)}),  # Stcrt. 2016, 58653
    2018: frozenset({date(2018, 5, 11), date(2018, 12, 24), date(2018, 12, 31)}),
    2019: frozenset({date(2019, 5, 31), date(2019, 12, 27)}),
    2023: frozenset({date(2023, 4, 28), date(2023, 5, 19)}),  # Besluit gelijkstelling 2023-2025
    2024: frozenset({date(2024, 5, 10), date(2024, 12, 27)}),
    2025: frozenset({date(2025, 5, 30)}),
    2026: frozenset({date(2026, 1, 2), date(2026, 5, 15)}),  # Besluit gelijkstelling 2026-2028
    2027: frozenset({date(2027, 5, 7)}),
    2028: frozenset({date(2028, 4, 28), date(2028, 5, 26)}),
}
KNOWN_YEARS: frozenset[int] = frozenset(DECREE_DAYS)


@cache
def atw_days(year: int) -> frozenset[date]:
    """All days of ``year`` that Atw art. 3 makes holidays (lid 1, 2 and, where known, 3)."""
    if year not in KNOWN_YEARS:
        raise LookupError(f"the oracle knows no Atw art. 3 lid 3 decree for {year}")
    return frozenset(lid_1_days(year) | lid_2_days(year) | DECREE_DAYS[year])


def is_counting_day(day: date) -> bool:
    """A day that is not a Saturday, Sunday or generally recognised holiday (Atw art. 1)."""
    return day.isoweekday() < 6 and day not in atw_days(day.year)


# --- Atw art. 1 and 2: when a statutory term ends ----------------------------------------------


def atw_end(event: date, plain_last: date) -> date:
    """The last day of a statutory term that runs from the day after ``event`` to ``plain_last``.

    Art. 1 lid 1: a term ending on a Saturday, Sunday or holiday runs to the next day that is
    none of these. Art. 2: a term of at least three days is extended as far as needed so that it
    holds at least two such days. Both together: the first day at or after the plain end that
    is a counting day and, for a term of three days or more, makes the term hold two of them.
    """
    needs_two = (plain_last - event).days >= 3
    end = plain_last
    while True:
        counting_days = sum(1 for day in days_from(event + ONE_DAY, end) if is_counting_day(day))
        if is_counting_day(end) and (not needs_two or counting_days >= 2):
            return end
        end += ONE_DAY


def weeks_term(event: date, weeks: int) -> date:
    """A statutory term of ``weeks`` weeks from the day after ``event``, with the Atw."""
    return atw_end(event, event + timedelta(weeks=weeks))


# --- Awb 4:13 and 4:15: the decision term ------------------------------------------------------


@dataclass(frozen=True)
class DecisionTerm:
    last_day: date
    ambiguous: bool  # a suspension starts on a day the Atw added to the term (see below)


def decision_term(
    received: date, suspensions: Iterable[tuple[date, date]], weeks: int = 8
) -> DecisionTerm:
    """Awb 4:13 lid 2 (eight weeks from the day after receipt) with 4:15 (suspension), Atw.

    Walk from the day after receipt; a day on which the term is suspended does not count, and
    a day that lies in several suspensions is still one day (the union). The term has run when
    ``weeks * 7`` unsuspended days have passed; a suspension that begins after that day does
    not revive it. The Atw then extends the end (4:13 is a statutory term).

    ``ambiguous`` marks the one case the text does not settle: a suspension that begins after
    the walked end but on or before the day the Atw extended it to.
    """
    suspended = {day for first, last in suspensions for day in days_from(first, last)}
    to_run = weeks * 7
    day = received
    while to_run:
        day += ONE_DAY
        if day not in suspended:
            to_run -= 1
    end = atw_end(received, day)
    ambiguous = any(day < first <= end for first, _ in suspensions)
    return DecisionTerm(last_day=end, ambiguous=ambiguous)


# --- Awb 4:17 and 4:18: the penalty for a late decision ----------------------------------------

PENALTY_MAX_DAYS = 42  # 4:17 lid 1; the Atw does not apply to these 42 days
PENALTY_RATES = (Decimal(23), Decimal(35), Decimal(45))  # 4:17 lid 2, since 1 January 2019


class NoticePremature(Exception):
    """A notice of default received before the decision term ran out has no effect."""


@dataclass(frozen=True)
class Penalty:
    first_penalty_day: date
    days: int
    amount: Decimal
    decide_penalty_by: date | None


def penalty(
    decision_due: date, notice_received: date, decided: date | None, today: date
) -> Penalty:
    """Awb 4:17 and 4:18, day by day.

    Lid 3: the first penalty day is the day on which two weeks have passed after the day on
    which both the term has expired and the written notice has been received, i.e. fourteen days
    after the later of the two. A notice counts only once the term has expired (a notice on or
    before its last day is premature). Lid 1: a penalty for every day in default, 42 at most; the
    day of the decision is no longer a day in default. Lid 2: EUR 23 for the first fourteen days,
    35 for the next fourteen, 45 for the rest. 4:18: the penalty is fixed within two weeks after
    its last day (a statutory term: Atw).
    """
    if notice_received <= decision_due:
        raise NoticePremature
    both_happened = max(decision_due, notice_received)
    first = both_happened + timedelta(days=14)
    owed: list[date] = []
    for day in days_from(first, today):
        if decided is not None and day >= decided:
            break
        if len(owed) == PENALTY_MAX_DAYS:
            break
        owed.append(day)
    amount = sum((PENALTY_RATES[index // 14] for index in range(len(owed))), Decimal(0))
    if decided is not None:
        last = owed[-1] if owed else None
    elif len(owed) == PENALTY_MAX_DAYS:
        last = owed[-1]
    else:
        last = None  # still running: the last penalty day is not known yet
    decide_by = weeks_term(last, 2) if last is not None else None
    return Penalty(first, len(owed), amount, decide_by)


# --- Awb 6:7, 6:8, 6:9 and 7:10: objections ----------------------------------------------------


def objection_period_end(sent: date) -> date:
    """6:7 six weeks, 6:8 lid 1 from the day after the decision was made known (sent); Atw."""
    return weeks_term(sent, 6)


def objection_timely(period_end: date, received: date, posted_on: date | None) -> bool:
    """6:9 lid 1: received before the period ended; lid 2: posted before it ended and received
    no later than a week after. (The week of lid 2 is read as seven calendar days here; the tests
    leave out the days where an Atw extension of that week would change the answer.)"""
    if received <= period_end:
        return True
    return (
        posted_on is not None
        and posted_on <= period_end
        and received <= period_end + timedelta(days=7)
    )


def objection_decision_due(period_end: date, committee: bool) -> date:
    """7:10 lid 1: six weeks, or twelve with an advisory committee (7:13), from the day after the
    objection period ended; a statutory term, so the Atw applies."""
    return weeks_term(period_end, 12 if committee else 6)


# --- AOW art. 7a: the pensionable age ----------------------------------------------------------

# Pensionable age (years, months) per calendar year, from the AOW and the ministerial decisions
# under art. 7a (2024-2031 fixed five years ahead; 2031 fixed in 2025).
AOW_AGE: dict[int, tuple[int, int]] = {
    2013: (65, 1),
    2014: (65, 2),
    2015: (65, 3),
    2016: (65, 6),
    2017: (65, 9),
    2018: (66, 0),
    2019: (66, 4),
    2020: (66, 4),
    2021: (66, 4),
    2022: (66, 7),
    2023: (66, 10),
    2024: (67, 0),
    2025: (67, 0),
    2026: (67, 0),
    2027: (67, 0),
    2028: (67, 3),
    2029: (67, 3),
    2030: (67, 3),
    2031: (67, 3),
}
AOW_LAST_KNOWN_YEAR = max(AOW_AGE)


def age_in_months(birth: date, day: date) -> int:
    """Completed months of life on ``day``: a month is complete on the day of the month one was
    born on; when that day does not exist in a month, on the first day of the next month."""
    months = (day.year - birth.year) * 12 + (day.month - birth.month)
    return months - 1 if day.day < birth.day else months


def aow_day(birth: date) -> date | None:
    """The first day on which the person's age equals the pensionable age set for that day's
    calendar year, or None when that day would fall after the last year the oracle knows."""
    day = date(birth.year + 65, 1, 1)  # no year in the table asks less than 65
    while day.year <= AOW_LAST_KNOWN_YEAR:
        if day.year in AOW_AGE:
            years, months = AOW_AGE[day.year]
            if age_in_months(birth, day) >= years * 12 + months:
                return day
        day += ONE_DAY
    return None


# --- Pw art. 13 lid 1 sub e: days abroad -------------------------------------------------------

LIMIT_BEFORE_AOW = 28  # four weeks
LIMIT_FROM_AOW = 91  # thirteen weeks (art. 13 lid 4)


def lost_days_abroad(stays: Iterable[tuple[date, date]], birth: date) -> set[date]:
    """Every day abroad on which the right to assistance is lost.

    The days abroad are the union of all stays. On each such day the limit is 28 days, or 91
    from the day the pensionable age is reached. The day is lost when it is more than the
    limit-th day abroad in its calendar year, or more than the limit-th day of its unbroken run
    of days abroad (which may cross New Year).
    """
    abroad = {day for first, last in stays for day in days_from(first, last)}
    pension_day = aow_day(birth)
    lost: set[date] = set()
    in_year: dict[int, int] = {}
    run = 0
    for day in sorted(abroad):
        limit = (
            LIMIT_FROM_AOW if pension_day is not None and day >= pension_day else LIMIT_BEFORE_AOW
        )
        in_year[day.year] = in_year.get(day.year, 0) + 1  # the how-manieth day abroad this year
        run = run + 1 if day - ONE_DAY in abroad else 1  # the how-manieth day of this run
        if in_year[day.year] > limit or run > limit:
            lost.add(day)
    return lost
