"""AOW art. 7 and 7a: the day a person reaches the pensionable age (no database)."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from maatwerk.core.rules import aow
from maatwerk.core.rules.aow import add_age, aow_day, last_published_age

TABLE = json.loads(Path(aow.__file__).with_name("aow_ages.json").read_text(encoding="utf-8"))
LAST_PUBLISHED = max(row["year"] for row in TABLE["years"])


def table_age(year: int) -> tuple[int, int]:
    if year <= TABLE["before"]["until_year"]:
        return TABLE["before"]["years"], TABLE["before"]["months"]
    row = next((r for r in TABLE["years"] if r["year"] == year), TABLE["years"][-1])
    return row["years"], row["months"]


# --- Worked examples --------------------------------------------------------------------------


def test_67_and_3_months_in_2028() -> None:
    day = aow_day(date(1961, 2, 10))
    assert (day.day, day.years, day.months, day.published) == (date(2028, 5, 10), 67, 3, True)
    assert "art. 7a lid 2" in day.source


def test_67_in_2026() -> None:
    day = aow_day(date(1959, 6, 11))
    assert (day.day, day.years, day.months) == (date(2026, 6, 11), 67, 0)


def test_the_year_boundary_of_1960_and_1961() -> None:
    # 31 December 1960: 67 on 31 December 2027, the age of 2027 (67). A day later born: 67 on
    # 1 January 2028, but 2028 asks 67 years and 3 months, so 1 April 2028.
    assert aow_day(date(1960, 12, 31)).day == date(2027, 12, 31)
    assert aow_day(date(1961, 1, 1)).day == date(2028, 4, 1)
    assert (aow_day(date(1961, 1, 1)).years, aow_day(date(1961, 1, 1)).months) == (67, 3)


def test_the_rijksoverheid_table_edges() -> None:
    # "2028: born after 31 December 1960 and before 1 October 1961"; 2029 from 1 October 1961.
    assert aow_day(date(1961, 9, 30)).day == date(2028, 12, 30)
    assert aow_day(date(1961, 10, 1)).day == date(2029, 1, 1)
    # "2024: born after 28 February 1957"; earlier born reached 66 years and 10 months in 2023.
    assert aow_day(date(1957, 2, 28)).day == date(2023, 12, 28)
    assert aow_day(date(1957, 3, 1)).day == date(2024, 3, 1)
    assert aow_day(date(1953, 1, 1)).day == date(2019, 5, 1)  # 66 years and 4 months


def test_born_on_29_february() -> None:
    assert aow_day(date(1960, 2, 29)).day == date(2027, 3, 1)  # 2027 is not a leap year
    assert aow_day(date(1964, 2, 29)).day == date(2031, 5, 29)  # the months move it to May
    assert add_age(date(1960, 11, 29), 67, 3) == date(2028, 2, 29)  # 2028 is a leap year


def test_a_31st_plus_3_months() -> None:
    # 31 March + 67 years and 3 months: 31 June does not exist, so 1 July.
    assert aow_day(date(1961, 3, 31)).day == date(2028, 7, 1)
    assert add_age(date(1961, 5, 31), 67, 3) == date(2028, 8, 31)
    assert add_age(date(1960, 11, 30), 67, 3) == date(2028, 3, 1)  # 30 February


def test_a_birth_date_beyond_the_table_is_flagged() -> None:
    day = aow_day(date(1964, 10, 1))
    assert day.day == date(2032, 1, 1)
    assert not day.published
    assert (day.years, day.months) == last_published_age() == (67, 3)
    assert "Not yet published for 2032" in day.source
    assert aow_day(date(1964, 9, 30)).published  # 30 December 2031: still published


def test_every_row_has_a_source() -> None:
    assert TABLE["before"]["source"]
    assert all(row["source"] for row in TABLE["years"])
    assert [r["year"] for r in TABLE["years"]] == list(range(2013, LAST_PUBLISHED + 1))


# --- Properties -------------------------------------------------------------------------------

births = st.dates(min_value=date(1930, 1, 1), max_value=date(1990, 12, 31))


@settings(deadline=None)
@given(born=births, days=st.integers(1, 800))
def test_monotonic_in_birth_date(born: date, days: int) -> None:
    later = born + timedelta(days=days)
    assert aow_day(later).day >= aow_day(born).day


@settings(deadline=None)
@given(born=births)
def test_the_age_on_the_aow_day_is_the_age_of_its_year(born: date) -> None:
    day = aow_day(born)
    assert (day.years, day.months) == table_age(day.day.year)
    assert add_age(born, day.years, day.months) == day.day
    assert day.published == (day.day.year <= LAST_PUBLISHED)


@settings(deadline=None)
@given(born=births)
def test_no_earlier_day_qualifies(born: date) -> None:
    # The day before, the person had not yet reached the age of that day's year.
    day = aow_day(born).day
    before = day - timedelta(days=1)
    years, months = table_age(before.year)
    assert add_age(born, years, months) > before
