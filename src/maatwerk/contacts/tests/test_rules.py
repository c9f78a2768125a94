"""The callback norm and phone numbers: worked examples and properties."""

from datetime import datetime, time, timedelta

from hypothesis import given
from hypothesis import strategies as st

from maatwerk.contacts.rules.callbacks import callback_due, next_attempt, phone_key
from maatwerk.core.rules.calendar import is_working_day, working_days_between


def test_monday_morning_is_called_back_tuesday_before_noon():
    assert callback_due(datetime(2026, 3, 23, 11, 17), 1) == datetime(2026, 3, 24, 12, 0)


def test_a_request_on_friday_evening_is_due_on_monday():
    assert callback_due(datetime(2026, 3, 27, 19, 40), 1) == datetime(2026, 3, 30, 17, 0)


def test_a_request_on_kings_day_counts_from_the_next_working_day_so_a_whole_day_is_left():
    assert callback_due(datetime(2026, 4, 27, 9, 0), 1) == datetime(2026, 4, 29, 10, 0)


def test_phone_numbers_compare_by_digits():
    assert phone_key("+31 6-1234 5678") == phone_key("06 12345678") == "0612345678"
    assert phone_key("0031 10 123 4567") == "0101234567"


moments = st.datetimes(min_value=datetime(2025, 1, 1), max_value=datetime(2030, 12, 31))


@given(moments, st.integers(min_value=1, max_value=5))
def test_the_due_moment_is_later_on_a_working_day_in_office_hours(requested, norm):
    due = callback_due(requested, norm)
    assert due > requested
    assert is_working_day(due.date())
    assert time(10) <= due.time() <= time(17)
    # The norm in working days, plus one when the request came on a day off (a full day is
    # left to call back): a run of days off (5 May, Ascension, the decree Friday, Whit Monday)
    # stretches the calendar days, never the working days.
    assert norm <= working_days_between(requested.date(), due.date()) <= norm + 1


@given(moments)
def test_the_next_attempt_is_later_in_office_hours(after):
    attempt = next_attempt(after)
    assert attempt > after - timedelta(hours=1)
    assert is_working_day(attempt.date()) and attempt.time() <= time(17)
