"""The objection period (Awb 6:7-6:9) and the term to decide on it (7:10): worked examples and
properties."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from maatwerk.commitments.rules.objection import (
    decision_counts_from,
    is_timely,
    latest_deferral,
    objection_decision_due,
    objection_period,
)
from maatwerk.core.rules.calendar import is_working_day

SENT = date(2026, 3, 2)  # Monday


def test_a_decision_sent_on_2_march_can_be_objected_to_until_13_april():
    period = objection_period(SENT)
    assert period.first_day == date(2026, 3, 3)
    assert period.last_day == date(2026, 4, 13)


def test_the_decision_term_runs_from_the_end_of_the_period_not_from_receipt():
    """Received 10 March: not 21 April (six weeks after receipt) but six weeks after 13 April,
    25 May 2026, which is Whit Monday, so Tuesday 26 May."""
    period = objection_period(SENT)
    assert is_timely(period, date(2026, 3, 10))
    assert objection_decision_due(period.last_day) == date(2026, 5, 26)


def test_with_an_advisory_committee_the_term_is_twelve_weeks():
    # 13 April + 12 weeks = Monday 6 July 2026, a working day.
    assert objection_decision_due(date(2026, 4, 13), committee=True) == date(2026, 7, 6)


def test_a_period_ending_on_liberation_day_runs_to_the_next_working_day():
    # Sent Tuesday 24 March 2026: six weeks end on Tuesday 5 May, an Atw holiday.
    assert objection_period(date(2026, 3, 24)).last_day == date(2026, 5, 6)


def test_a_period_ending_on_a_saturday_runs_to_monday():
    # Sent Saturday 7 March 2026: six weeks end on Saturday 18 April.
    assert objection_period(date(2026, 3, 7)).last_day == date(2026, 4, 20)


def test_a_period_ending_on_ascension_day_runs_over_the_decree_friday_to_monday():
    assert objection_period(date(2026, 4, 2)).last_day == date(2026, 5, 18)


def test_received_on_the_last_day_is_in_time_the_day_after_is_late():
    period = objection_period(SENT)
    assert is_timely(period, date(2026, 4, 13))
    assert not is_timely(period, date(2026, 4, 14))


def test_a_letter_posted_in_time_arriving_five_days_late_is_in_time():
    period = objection_period(SENT)
    assert is_timely(period, date(2026, 4, 18), posted_on=date(2026, 4, 13))


def test_a_letter_posted_in_time_arriving_eight_days_late_is_late():
    period = objection_period(SENT)
    assert is_timely(period, date(2026, 4, 20), posted_on=date(2026, 4, 13))  # 7 days: in time
    assert not is_timely(period, date(2026, 4, 21), posted_on=date(2026, 4, 13))


def test_a_letter_posted_after_the_period_is_late_however_fast_it_arrives():
    period = objection_period(SENT)
    assert not is_timely(period, date(2026, 4, 15), posted_on=date(2026, 4, 14))


def test_deferral_without_consent_reaches_six_weeks_past_the_statutory_day():
    assert latest_deferral(date(2026, 5, 26)) == date(2026, 7, 7)


days = st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 1))


@given(days)
def test_the_period_holds_at_least_six_weeks_and_ends_on_a_working_day(sent):
    period = objection_period(sent)
    assert period.first_day == sent + timedelta(days=1)
    assert period.last_day >= sent + timedelta(weeks=6)
    assert period.last_day <= sent + timedelta(weeks=6, days=5)
    assert is_working_day(period.last_day)


@given(days, st.integers(min_value=0, max_value=60), st.booleans())
def test_the_decision_is_due_at_least_six_or_twelve_weeks_after_the_period(sent, late, committee):
    period = objection_period(sent)
    due = objection_decision_due(period.last_day, committee=committee)
    assert due >= period.last_day + timedelta(weeks=12 if committee else 6)
    assert is_working_day(due)
    received = period.last_day + timedelta(days=late)
    assert is_timely(period, received) == (late == 0)


@given(days, st.integers(min_value=0, max_value=14), st.integers(min_value=-10, max_value=10))
def test_posting_counts_only_when_posted_by_the_last_day(sent, after, posted_offset):
    period = objection_period(sent)
    posted = period.last_day + timedelta(days=posted_offset)
    received = max(posted, period.last_day + timedelta(days=after))
    expected = received <= period.last_day or (posted_offset <= 0 and after <= 7)
    assert is_timely(period, received, posted_on=posted) == expected


def test_the_term_counts_from_the_period_end_for_a_timely_objection_and_from_receipt_if_late():
    end = date(2026, 4, 13)
    assert decision_counts_from(end, date(2026, 3, 10)) == end
    assert decision_counts_from(end, date(2026, 4, 18), posted_on=date(2026, 4, 12)) == end
    assert decision_counts_from(end, date(2026, 4, 21), posted_on=date(2026, 4, 12)) == date(
        2026, 4, 21
    )


def test_a_deferral_limit_on_a_saturday_runs_to_monday():
    # Decision due Saturday 2026-06-13 (not itself lawful, but the limit is computed from any
    # day): six weeks later is Saturday 2026-07-25, so the limit is Monday 2026-07-27.
    assert latest_deferral(date(2026, 6, 13)) == date(2026, 7, 27)
