"""The day a person reaches the pensionable (AOW) age: pure, no Django.

The law (Algemene Ouderdomswet, BWBR0002221; art. 7a lid 1 as it reads since the Wet
temporisering verhoging AOW-leeftijd of 2019; the article text of that version was not checked
on wetten.overheid.nl for this build, so each row of aow_ages.json says what was verified):

- Art. 7: the right to old-age pension starts for whoever has reached the pensionable age.
- Art. 7a lid 1: the pensionable age per calendar year, in years and months (65 before 2013,
  then rising step by step to 67 in 2024, as amended by the Wet temporisering verhoging
  AOW-leeftijd). Art. 7a lid 2: for later years the minister sets it each year, five years
  ahead (announced in the autumn, e.g. 2031 in November 2025).

The ages per year, with the source of each row, are in aow_ages.json. The age that applies is
the one of the calendar year in which the person reaches it: the AOW day is the first day on
which the person's age equals the pensionable age of the year that day falls in.

Two conventions, stated because the law leaves them implicit:

- Adding years and months to a birth date: a day that does not exist in the target month
  (the 31st in a 30-day month, 29, 30 or 31 February) moves to the first day of the next month.
  Born 29 February 1960: 67 on 1 March 2027. Born 31 March 1961: 67 years and 3 months on
  1 July 2028.
- A year after the last published one: its age is not known yet. We use the last known age and
  say so (`published` is False), so a caller can never present a guess as the law.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

_TABLE = Path(__file__).with_name("aow_ages.json")


@dataclass(frozen=True)
class Age:
    years: int
    months: int
    source: str

    @property
    def in_months(self) -> int:
        return self.years * 12 + self.months


@dataclass(frozen=True)
class AowDay:
    """The day the person reaches the pensionable age, and which age that is.

    `published` is False when that day falls in a year whose age is not yet set: then the day
    is computed with the last known age and must be shown as provisional.
    """

    day: date
    years: int
    months: int
    published: bool
    source: str


@dataclass(frozen=True)
class _Table:
    until_year: int  # every year up to and including this one has `before`
    before: Age
    years: dict[int, Age]

    @property
    def last_published_year(self) -> int:
        return max(self.years)

    def age_in(self, year: int) -> Age:
        if year <= self.until_year:
            return self.before
        if year in self.years:
            return self.years[year]
        return self.years[self.last_published_year]


@lru_cache(maxsize=1)
def _table() -> _Table:
    raw = json.loads(_TABLE.read_text(encoding="utf-8"))
    before = raw["before"]
    years = {row["year"]: Age(row["years"], row["months"], row["source"]) for row in raw["years"]}
    table = _Table(
        until_year=before["until_year"],
        before=Age(before["years"], before["months"], before["source"]),
        years=years,
    )
    _check(table)
    return table


def _check(table: _Table) -> None:
    """The walk in aow_day relies on these: no gaps, never falling, never a year's rise."""
    expected = list(range(table.until_year + 1, table.last_published_year + 1))
    if sorted(table.years) != expected:
        raise ValueError(f"aow_ages.json: years must run without gaps from {expected[0]}")
    previous = table.before
    for year in expected:
        age = table.years[year]
        if not 0 <= age.in_months - previous.in_months < 12 or not 0 <= age.months < 12:
            raise ValueError(f"aow_ages.json: the age for {year} does not follow {previous}")
        previous = age


def add_age(birth_date: date, years: int, months: int) -> date:
    """The day the person is `years` and `months` old (a missing day: 1st of the next month)."""
    total = birth_date.month - 1 + months
    year, month = birth_date.year + years + total // 12, total % 12 + 1
    try:
        return date(year, month, birth_date.day)
    except ValueError:
        return date(year + month // 12, month % 12 + 1, 1)


def aow_day(birth_date: date) -> AowDay:
    """The first day on which the person's age equals the pensionable age of that day's year.

    Walk the calendar years in order and take the first year Y in which birth_date + age(Y)
    falls in Y. Why nothing is missed in between: on a day in year Y the person has reached
    the age exactly when the day is on or after birth_date + age(Y). If that day lies beyond Y,
    no day of Y qualifies (born 1 February 1961: 67 on 1 February 2028, but in 2028 the age is
    67 years and 3 months, so not between 1 January and 31 March 2028). It can never lie before
    Y: ages do not fall, so birth_date + age(Y - 1) would then have fallen in Y - 1 or earlier
    and the walk would have stopped there. Ages rise by less than a year per year, so the walk
    ends.
    """
    table = _table()
    year = birth_date.year + table.before.years
    while True:
        age = table.age_in(year)
        day = add_age(birth_date, age.years, age.months)
        if day.year == year:
            published = year <= table.last_published_year
            source = age.source if published else _unpublished_source(year, table, age)
            return AowDay(day, age.years, age.months, published, source)
        if day.year < year:  # impossible with a checked table; never loop on a broken one
            raise ValueError(f"aow_ages.json: no AOW day for {birth_date}")
        year += 1


def _unpublished_source(year: int, table: _Table, age: Age) -> str:
    last = table.last_published_year
    return f"Not yet published for {year}: the age of {last} is used. {age.source}"


def last_published_age() -> tuple[int, int]:
    """The age of the last published year, for the message about unpublished ages."""
    table = _table()
    age = table.years[table.last_published_year]
    return age.years, age.months
