"""The Awb rules for decision terms and penalties: worked examples and properties."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from maatwerk.commitments.rules.penalty import (
    MAX_DAYS,
    RATES_BEFORE_2019,
    RATES_FROM_2019,
    PenaltyError,
    penalty_for,
)
from maatwerk.commitments.rules.terms import Extension, Suspension, TermError, decision_term
from maatwerk.core.rules.calendar import is_working_day

DUE = date(2026, 3, 2)  # term of an application received Monday 5 January 2026


def test_an_application_received_on_5_january_must_be_decided_by_2_march():
    term = decision_term(received=date(2026, 1, 5))
    assert term.last_day == DUE
    assert term.notice_allowed_from == date(2026, 3, 3)


def test_a_term_ending_in_the_kings_day_weekend_runs_to_tuesday():
    assert decision_term(received=date(2026, 2, 28)).last_day == date(2026, 4, 28)


def test_suspended_days_are_added_one_for_one():
    term = decision_term(
        received=date(2026, 1, 5), suspensions=[Suspension(date(2026, 1, 10), date(2026, 1, 19))]
    )
    assert term.suspended_days == 10
    assert term.last_day == date(2026, 3, 12)


def test_a_suspension_that_starts_after_the_term_ended_does_not_revive_it():
    term = decision_term(
        received=date(2026, 1, 5), suspensions=[Suspension(date(2026, 3, 5), date(2026, 3, 9))]
    )
    assert term.suspended_days == 0
    assert term.last_day == DUE


def test_overlapping_suspensions_count_each_day_once():
    term = decision_term(
        received=date(2026, 1, 5),
        suspensions=[
            Suspension(date(2026, 1, 10), date(2026, 1, 19)),
            Suspension(date(2026, 1, 19), date(2026, 1, 25)),
        ],
    )
    assert (term.suspended_days, term.overlap_days, term.overlapping_suspensions) == (16, 1, 2)
    assert term.merged_suspensions == (Suspension(date(2026, 1, 10), date(2026, 1, 25)),)


def test_an_extension_replaces_the_end_and_must_be_later():
    term = decision_term(
        received=date(2026, 1, 5), extensions=[Extension(date(2026, 2, 20), date(2026, 3, 30))]
    )
    assert term.last_day == date(2026, 3, 30)
    with pytest.raises(TermError) as error:
        decision_term(
            received=date(2026, 1, 5), extensions=[Extension(date(2026, 2, 20), date(2026, 2, 27))]
        )
    assert error.value.code == "extension_not_later"


def test_an_extension_letter_after_the_term_ended_does_not_count():
    with pytest.raises(TermError) as error:
        decision_term(
            received=date(2026, 1, 5), extensions=[Extension(date(2026, 3, 3), date(2026, 4, 1))]
        )
    assert error.value.code == "extension_too_late"


def test_the_date_in_the_extension_letter_is_the_date_even_after_an_earlier_suspension():
    # Suspended 10 days (the term moved to 12 March), then a letter promised 26 March.
    term = decision_term(
        received=date(2026, 1, 5),
        suspensions=[Suspension(date(2026, 1, 10), date(2026, 1, 19))],
        extensions=[Extension(date(2026, 3, 1), date(2026, 3, 26))],
    )
    assert term.last_day == date(2026, 3, 26)


def test_a_suspension_after_an_extension_adds_to_the_new_date():
    term = decision_term(
        received=date(2026, 1, 5),
        extensions=[Extension(date(2026, 2, 1), date(2026, 3, 26))],
        suspensions=[Suspension(date(2026, 2, 10), date(2026, 2, 14))],
    )
    assert term.last_day == date(2026, 3, 31)


def test_a_suspension_starting_on_a_day_the_atw_added_still_counts():
    # Received Saturday 3 January: 8 weeks end Saturday 28 February, the Atw gives Monday 2 March.
    term = decision_term(
        received=date(2026, 1, 3), suspensions=[Suspension(date(2026, 3, 2), date(2026, 3, 6))]
    )
    assert term.suspended_days == 5
    assert term.last_day == date(2026, 3, 5)


def test_notice_on_tuesday_10_march_starts_the_penalty_on_tuesday_24_march():
    penalty = penalty_for(
        decision_due=DUE, notice_received=date(2026, 3, 10), decided=None, today=date(2026, 3, 23)
    )
    assert penalty.first_penalty_day == date(2026, 3, 24)
    assert penalty.days == 0
    assert penalty.amount == 0


def test_a_decision_after_two_weeks_of_default_costs_fourteen_days_at_23_euro():
    penalty = penalty_for(
        decision_due=DUE,
        notice_received=date(2026, 3, 10),
        decided=date(2026, 4, 7),
        today=date(2026, 5, 1),
    )
    assert penalty.last_penalty_day == date(2026, 4, 6)
    assert (penalty.days, penalty.amount) == (14, Decimal(322))
    assert penalty.final
    assert penalty.decide_penalty_by == date(2026, 4, 20)


def test_the_fifteenth_day_costs_35_euro():
    penalty = penalty_for(
        decision_due=DUE, notice_received=date(2026, 3, 10), decided=None, today=date(2026, 4, 7)
    )
    assert (penalty.days, penalty.amount, penalty.rate_today) == (15, Decimal(357), Decimal(35))
    assert not penalty.final and penalty.decide_penalty_by is None


def test_without_a_decision_the_penalty_stops_at_42_days_and_1442_euro():
    penalty = penalty_for(
        decision_due=DUE, notice_received=date(2026, 3, 10), decided=None, today=date(2026, 9, 1)
    )
    assert penalty.days == MAX_DAYS
    assert penalty.amount == Decimal(1442)
    assert penalty.maximum_reached and penalty.final
    assert penalty.last_penalty_day == date(2026, 5, 4)
    assert penalty.decide_penalty_by == date(2026, 5, 18)


def test_notices_received_before_2019_use_the_old_amounts():
    penalty = penalty_for(
        decision_due=date(2018, 11, 1),
        notice_received=date(2018, 12, 20),
        decided=None,
        today=date(2019, 6, 1),
    )
    assert penalty.amount == Decimal(1260) == RATES_BEFORE_2019.maximum


def test_a_decision_before_the_first_penalty_day_owes_nothing():
    penalty = penalty_for(
        decision_due=DUE,
        notice_received=date(2026, 3, 10),
        decided=date(2026, 3, 20),
        today=date(2026, 4, 1),
    )
    assert (penalty.days, penalty.amount, penalty.last_penalty_day) == (0, 0, None)
    assert penalty.decide_penalty_by is None


def test_the_penalty_decision_deadline_skips_christmas():
    penalty = penalty_for(
        decision_due=date(2026, 11, 2),
        notice_received=date(2026, 11, 10),
        decided=date(2026, 12, 12),
        today=date(2026, 12, 12),
    )
    assert penalty.last_penalty_day == date(2026, 12, 11)
    assert penalty.decide_penalty_by == date(2026, 12, 28)


def test_a_notice_before_the_term_expired_is_premature_and_says_from_when():
    with pytest.raises(PenaltyError) as error:
        penalty_for(decision_due=DUE, notice_received=DUE, decided=None, today=DUE)
    assert error.value.allowed_from == date(2026, 3, 3)


dates = st.dates(min_value=date(2015, 1, 1), max_value=date(2035, 12, 31))
gaps = st.integers(min_value=1, max_value=120)


@given(dates, gaps, st.integers(min_value=0, max_value=200), st.integers(min_value=0, max_value=30))
def test_the_penalty_grows_with_time_and_never_passes_the_maximum(due, gap, later, more):
    notice = due + timedelta(days=gap)
    today = notice + timedelta(days=later)
    one = penalty_for(decision_due=due, notice_received=notice, decided=None, today=today)
    two = penalty_for(
        decision_due=due, notice_received=notice, decided=None, today=today + timedelta(days=more)
    )
    assert one.amount <= two.amount <= two.maximum
    assert 0 <= one.days <= two.days <= MAX_DAYS


@given(dates, gaps, st.integers(min_value=0, max_value=80))
def test_every_calendar_day_counts_and_the_bands_add_up(due, gap, after):
    notice = due + timedelta(days=gap)
    decided = notice + timedelta(days=after)
    penalty = penalty_for(decision_due=due, notice_received=notice, decided=decided, today=decided)
    rates = RATES_FROM_2019 if notice >= date(2019, 1, 1) else RATES_BEFORE_2019
    expected_days = min(max((decided - penalty.first_penalty_day).days, 0), MAX_DAYS)
    assert penalty.days == expected_days  # weekends and holidays included
    assert penalty.amount == sum(rates.per_day[day // 14] for day in range(penalty.days))
    if penalty.decide_penalty_by is not None:
        assert is_working_day(penalty.decide_penalty_by)
        assert penalty.decide_penalty_by >= penalty.last_penalty_day + timedelta(days=14)


@given(
    st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)),
    st.lists(st.tuples(st.integers(1, 60), st.integers(0, 20)), max_size=4),
)
def test_suspensions_never_shorten_the_term_and_it_ends_on_a_working_day(received, periods):
    suspensions = []
    cursor = received
    for gap, length in periods:
        first = cursor + timedelta(days=gap)
        suspensions.append(Suspension(first, first + timedelta(days=length)))
        cursor = first + timedelta(days=length)
    plain = decision_term(received=received)
    term = decision_term(received=received, suspensions=suspensions)
    assert term.last_day >= plain.last_day
    assert is_working_day(term.last_day)
    assert term.suspended_days <= sum(s.days for s in suspensions)


RECEIVED = date(2026, 1, 5)


def _term(*periods):
    return decision_term(
        received=RECEIVED,
        suspensions=[Suspension(date(2026, 1, a), date(2026, 1, b)) for a, b in periods],
    )


def test_nested_suspensions_count_the_outer_period_once():
    term = _term((10, 20), (12, 14))
    assert (term.suspended_days, term.overlap_days, term.overlapping_suspensions) == (11, 3, 2)
    assert term.merged_suspensions == (Suspension(date(2026, 1, 10), date(2026, 1, 20)),)


def test_identical_suspensions_count_once():
    term = _term((10, 14), (10, 14))
    assert (term.suspended_days, term.overlap_days) == (5, 5)
    assert term.last_day == _term((10, 14)).last_day


def test_adjacent_suspensions_do_not_overlap_and_both_count():
    term = _term((10, 14), (15, 19))
    assert (term.suspended_days, term.overlap_days, term.overlapping_suspensions) == (10, 0, 0)
    assert len(term.merged_suspensions) == 2


def test_a_merged_period_starting_after_the_term_ended_does_not_suspend_it():
    term = decision_term(
        received=RECEIVED,
        suspensions=[
            Suspension(date(2026, 3, 5), date(2026, 3, 9)),
            Suspension(date(2026, 3, 7), date(2026, 3, 12)),
        ],
    )
    assert (term.suspended_days, term.last_day, term.overlap_days) == (0, DUE, 3)


periods = st.tuples(
    st.integers(min_value=1, max_value=56), st.integers(min_value=0, max_value=30)
).map(lambda p: Suspension(RECEIVED + timedelta(days=p[0]), RECEIVED + timedelta(days=p[0] + p[1])))


@given(st.lists(periods, max_size=6))
def test_the_suspended_days_are_the_size_of_the_union_of_the_days(suspensions):
    # Every period starts within the 8 weeks, so while the term runs: all of them count.
    union = {s.first_day + timedelta(days=n) for s in suspensions for n in range(s.days)}
    term = decision_term(received=RECEIVED, suspensions=suspensions)
    assert term.suspended_days == len(union)
    assert sum(s.days for s in term.merged_suspensions) == len(union)
    assert term.overlap_days <= sum(s.days for s in suspensions) - len(union)
