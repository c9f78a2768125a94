"""Working days in the Netherlands, as the Algemene termijnenwet counts them: pure, no Django.

Not working days: Saturdays, Sundays, and the days in Atw art. 3: New Year's Day, Easter
Monday, Ascension Day, Whit Monday, both Christmas days, King's Day, and 5 May (every year
for the Atw). Good Friday is not among them. Dates come from the `holidays` package.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from enum import StrEnum
from functools import lru_cache

import holidays

_ATW_NAMES = {
    "New Year's Day",
    "Easter Monday",
    "Ascension Day",
    "Pentecost Monday",
    "Whit Monday",
    "Christmas Day",
    "Second Day of Christmas",
    "King's Day",
    "Liberation Day",
}


@lru_cache(maxsize=64)
def public_holidays(year: int) -> frozenset[date]:
    days = {
        day
        for day, name in holidays.country_holidays("NL", years=year, language="en_US").items()
        if name in _ATW_NAMES
    }
    days.add(date(year, 5, 5))
    return frozenset(days)


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in public_holidays(day.year)


def add_working_days(start: date, count: int) -> date:
    """The date `count` working days after `start` (start itself not counted)."""
    day = start
    remaining = count
    while remaining > 0:
        day += timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    return day


def working_days_between(start: date | datetime, end: date | datetime) -> int:
    """Working days after `start` up to and including `end` (0 when end is not later)."""
    first = start.date() if isinstance(start, datetime) else start
    last = end.date() if isinstance(end, datetime) else end
    if last <= first:
        return 0
    return _weekdays_after(first, last) - sum(
        1
        for year in range(first.year, last.year + 1)
        for day in public_holidays(year)
        if first < day <= last and day.weekday() < 5
    )


def _weekdays_after(first: date, last: date) -> int:
    """Monday-to-Friday days in (first, last], counted in whole weeks plus a remainder."""
    days = (last - first).days
    weeks, rest = divmod(days, 7)
    count = weeks * 5
    for offset in range(1, rest + 1):
        if (first + timedelta(days=offset)).weekday() < 5:
            count += 1
    return count


def subtract_working_days(start: date, count: int) -> date:
    """The date `count` working days before `start`."""
    day = start
    remaining = count
    while remaining > 0:
        day -= timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    return day


class TermUnit(StrEnum):
    CALENDAR_DAYS = "calendar_days"
    WORKING_DAYS = "working_days"
    WEEKS = "weeks"


def term_end(start: date, amount: int, unit: TermUnit, *, statutory: bool = False) -> date:
    """The last day of a term of `amount` units that starts the day after `start`.

    A statutory term (one set in a law) follows the Algemene termijnenwet; other terms, such
    as a date agreed with the client, end where they end.
    """
    if amount < 0:
        raise ValueError("a term cannot be negative")
    if unit == TermUnit.WORKING_DAYS:
        return add_working_days(start, amount)
    last = start + timedelta(days=amount * 7 if unit == TermUnit.WEEKS else amount)
    return atw_last_day(start, last) if statutory else last


def atw_last_day(start: date, last: date) -> date:
    """The last day of a statutory term from `start` to `last`, per the Algemene termijnenwet.

    Art. 1: a term that ends on a Saturday, Sunday or public holiday runs on to the next working
    day. Art. 2: a term of at least three days is extended so that it holds at least two
    working days.
    """
    day = last
    while not is_working_day(day):
        day += timedelta(days=1)
    if (last - start).days >= 3 and working_days_between(start, day) < 2:
        day = add_working_days(start, 2)
    return day
