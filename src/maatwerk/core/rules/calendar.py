"""Working days in the Netherlands, as the Algemene termijnenwet counts them: pure, no Django.

Not working days: Saturdays, Sundays, and the days in Atw art. 3: New Year's Day, Easter
Monday, Ascension Day, Whit Monday, both Christmas days, King's Day, and 5 May (every year
for the Atw). Good Friday is not among them. Dates come from the `holidays` package.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
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
