from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from maatwerk.core.rules.calendar import (
    TermUnit,
    add_working_days,
    atw_last_day,
    is_working_day,
    public_holidays,
    subtract_working_days,
    term_end,
    working_days_between,
)

days = st.dates(min_value=date(2020, 1, 1), max_value=date(2032, 12, 31))


def counted_one_by_one(first: date, last: date) -> int:
    return sum(
        1 for n in range(1, (last - first).days + 1) if is_working_day(first + timedelta(days=n))
    )


def test_the_atw_days_of_2026_are_not_working_days():
    assert sorted(public_holidays(2026)) == [
        date(2026, 1, 1),
        date(2026, 1, 2),  # decree (art. 3 lid 3)
        date(2026, 4, 3),  # Good Friday (art. 3 lid 2)
        date(2026, 4, 6),
        date(2026, 4, 27),
        date(2026, 5, 5),
        date(2026, 5, 14),
        date(2026, 5, 15),  # decree: the Friday after Ascension
        date(2026, 5, 25),
        date(2026, 12, 25),
        date(2026, 12, 26),
    ]
    assert not is_working_day(date(2026, 4, 3))


def test_one_working_day_after_christmas_eve_2026_is_monday_the_28th():
    assert add_working_days(date(2026, 12, 24), 1) == date(2026, 12, 28)


@given(days, st.integers(min_value=0, max_value=800))
def test_counting_working_days_agrees_with_counting_them_one_by_one(first, span):
    last = first + timedelta(days=span)
    assert working_days_between(first, last) == counted_one_by_one(first, last)


@given(days, st.integers(min_value=0, max_value=60))
def test_adding_then_subtracting_working_days_returns_to_a_working_day(start, count):
    later = add_working_days(start, count)
    assert working_days_between(start, later) == count
    if is_working_day(start):
        assert subtract_working_days(later, count) == start


def test_eight_weeks_from_a_monday_in_january_ends_on_a_monday():
    assert term_end(date(2026, 1, 5), 8, TermUnit.WEEKS, statutory=True) == date(2026, 3, 2)


def test_a_statutory_term_ending_on_kings_day_weekend_runs_to_the_next_working_day():
    # 2026-04-25 is a Saturday, 26 a Sunday, 27 King's Day: the term ends on Tuesday the 28th.
    assert term_end(date(2026, 2, 28), 8, TermUnit.WEEKS, statutory=True) == date(2026, 4, 28)
    assert term_end(date(2026, 2, 28), 8, TermUnit.WEEKS) == date(2026, 4, 25)


def test_a_three_day_term_over_christmas_holds_two_working_days():
    # Wednesday 23 December + 3 days = Saturday; Monday the 28th holds Thursday and Monday.
    assert atw_last_day(date(2026, 12, 23), date(2026, 12, 26)) == date(2026, 12, 28)
    # Thursday 24 December + 3 = Sunday; the next working day Monday holds only one: Tuesday.
    assert atw_last_day(date(2026, 12, 24), date(2026, 12, 27)) == date(2026, 12, 29)


def test_working_day_terms_count_working_days():
    assert term_end(date(2026, 12, 24), 1, TermUnit.WORKING_DAYS) == date(2026, 12, 28)


@given(days, st.integers(min_value=0, max_value=60))
def test_a_statutory_term_ends_on_a_working_day_never_before_the_plain_end(start, amount):
    plain = term_end(start, amount, TermUnit.CALENDAR_DAYS)
    statutory = term_end(start, amount, TermUnit.CALENDAR_DAYS, statutory=True)
    assert is_working_day(statutory)
    assert plain <= statutory <= plain + timedelta(days=7)
    if amount >= 3:
        assert working_days_between(start, statutory) >= 2
