"""Maatwerk's rule modules against an independent day-by-day reading of the statutes.

The oracle (``tests/law/oracle.py``) was written from the texts of the Atw, the Awb, the AOW and
the Participatiewet without reading the project's implementations. Each property below draws
cases from 2018 to 2030 and compares the project's answer with the oracle's. Where the oracle
knows nothing (Atw decree years it has no decree for, AOW years not yet fixed), or where the
text leaves a question open, the case is left out and the test says so.

The project's modules are imported inside each test, so a module or name that is missing fails
that test alone instead of the whole file.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from tests.law import oracle

FIRST_YEAR, LAST_YEAR = 2018, 2030
KNOWN = sorted(year for year in oracle.KNOWN_YEARS if FIRST_YEAR <= year <= LAST_YEAR)

# Examples per property; the whole file runs in about ten seconds against an oracle-fast project.
MANY = settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SOME = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def calendar_module() -> Any:
    from maatwerk.core.rules import calendar

    return calendar


def both_know(*days: date) -> bool:
    """True when the oracle and the project both claim to know the Atw days of every year from
    the first to the last of ``days``."""
    calendar = calendar_module()
    years = range(min(days).year, max(days).year + 1)
    return all(year in oracle.KNOWN_YEARS and calendar.decree_loaded(year) for year in years)


def oracle_says(reading: Any, *args: Any) -> Any:
    """The oracle's answer; the case is left out when it needs an Atw year the oracle does not
    know (the oracle refuses rather than guesses)."""
    try:
        return reading(*args)
    except LookupError:
        assume(False)


# A day in a year for which the oracle knows the Atw decree.
known_days = st.sampled_from(KNOWN).flatmap(
    lambda year: st.dates(min_value=date(year, 1, 1), max_value=date(year, 12, 31))
)
any_days = st.dates(min_value=date(FIRST_YEAR, 1, 1), max_value=date(LAST_YEAR, 12, 31))


# --- Atw art. 3: holidays and decree days ------------------------------------------------------


def test_the_project_flags_exactly_the_years_without_a_decree():
    calendar = calendar_module()
    unknown = {2020, 2021, 2022, 2029, 2030}
    first, last = date(FIRST_YEAR, 1, 1), date(LAST_YEAR, 12, 31)
    assert set(calendar.unloaded_years(first, last)) == unknown
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        assert bool(calendar.decree_loaded(year)) == (year not in unknown), year


@pytest.mark.parametrize("year", [2017, 2018, 2019, 2023, 2024, 2025, 2026, 2027, 2028])
def test_the_loaded_decree_days_are_the_days_of_the_decrees(year):
    calendar = calendar_module()
    assert calendar.decree_loaded(year)
    statute_days = oracle.lid_1_days(year) | oracle.lid_2_days(year)
    loaded = set(calendar.public_holidays(year)) - statute_days
    assert loaded == set(oracle.DECREE_DAYS[year])


@pytest.mark.parametrize("year", range(FIRST_YEAR, LAST_YEAR + 1))
def test_the_holidays_of_the_act_and_good_friday_are_there_every_year(year):
    calendar = calendar_module()
    assert oracle.lid_1_days(year) | oracle.lid_2_days(year) <= set(calendar.public_holidays(year))


@pytest.mark.parametrize("year", KNOWN)
def test_the_holidays_of_a_known_year_are_the_oracles(year):
    calendar = calendar_module()
    assert set(calendar.public_holidays(year)) == set(oracle.atw_days(year))


@MANY
@given(known_days)
def test_is_working_day_agrees_with_the_oracle(day):
    calendar = calendar_module()
    assume(both_know(day))
    assert calendar.is_working_day(day) == oracle.is_counting_day(day)


# --- Atw art. 1 and 2: term ends ---------------------------------------------------------------


@MANY
@given(known_days, st.integers(min_value=1, max_value=12))
def test_a_statutory_term_in_weeks_ends_where_the_oracle_walks_to(start, weeks):
    calendar = calendar_module()
    plain = start + timedelta(weeks=weeks)
    assume(both_know(start, plain + timedelta(days=14)))
    got = calendar.term_end(start, weeks, calendar.TermUnit.WEEKS, statutory=True)
    assert got == oracle.weeks_term(start, weeks)


@MANY
@given(known_days, st.integers(min_value=1, max_value=60))
def test_a_statutory_term_in_days_ends_where_the_oracle_walks_to(start, amount):
    calendar = calendar_module()
    plain = start + timedelta(days=amount)
    assume(both_know(start, plain + timedelta(days=14)))
    got = calendar.term_end(start, amount, calendar.TermUnit.CALENDAR_DAYS, statutory=True)
    assert got == oracle.atw_end(start, plain)


@MANY
@given(known_days, st.integers(min_value=1, max_value=40))
def test_atw_last_day_agrees_with_articles_1_and_2(start, length):
    calendar = calendar_module()
    last = start + timedelta(days=length)
    assume(both_know(start, last + timedelta(days=14)))
    assert calendar.atw_last_day(start, last) == oracle.atw_end(start, last)


# --- Awb 4:13 and 4:15: the decision term ------------------------------------------------------

suspension_lists = st.lists(
    st.tuples(st.integers(min_value=1, max_value=75), st.integers(min_value=0, max_value=25)),
    max_size=4,
)


@MANY
@given(known_days, suspension_lists)
def test_the_decision_term_with_suspensions_ends_where_the_oracle_walks_to(received, offsets):
    from maatwerk.commitments.rules.terms import Suspension, decision_term

    spans = [
        (received + timedelta(days=start), received + timedelta(days=start + length))
        for start, length in offsets
    ]
    expected = oracle_says(oracle.decision_term, received, spans)
    # The text does not say whether a suspension that starts on a day the Atw added counts.
    assume(not expected.ambiguous)
    assume(both_know(received, expected.last_day + timedelta(days=14)))
    term = decision_term(
        received=received,
        term_weeks=8,
        suspensions=[Suspension(first, last) for first, last in spans],
    )
    assert term.last_day == expected.last_day


# --- Awb 4:17 and 4:18: the penalty ------------------------------------------------------------

# The amounts of 4:17 lid 2 read here are those since 1 January 2019: notices from 2019.
notice_days = st.dates(min_value=date(2019, 1, 1), max_value=date(LAST_YEAR, 10, 31))


@MANY
@given(
    notice_days,
    st.integers(min_value=1, max_value=90),
    st.one_of(st.none(), st.integers(min_value=0, max_value=80)),
    st.integers(min_value=0, max_value=80),
)
def test_the_penalty_agrees_with_the_oracle(notice, late_by, decided_after, looked_after):
    from maatwerk.commitments.rules.penalty import penalty_for

    due = notice - timedelta(days=late_by)
    decided = None if decided_after is None else notice + timedelta(days=decided_after)
    today = (decided or notice) + timedelta(days=looked_after)
    expected = oracle_says(oracle.penalty, due, notice, decided, today)
    if expected.decide_penalty_by is not None:
        assume(
            both_know(expected.decide_penalty_by - timedelta(days=14), expected.decide_penalty_by)
        )
    got = penalty_for(decision_due=due, notice_received=notice, decided=decided, today=today)
    assert got.first_penalty_day == expected.first_penalty_day
    assert got.days == expected.days
    assert Decimal(got.amount) == expected.amount
    assert got.decide_penalty_by == expected.decide_penalty_by


@SOME
@given(any_days, st.integers(min_value=0, max_value=60))
def test_a_notice_before_the_term_ran_out_is_premature(due, early_by):
    from maatwerk.commitments.rules.penalty import PenaltyError, penalty_for

    notice = due - timedelta(days=early_by)
    with pytest.raises(PenaltyError) as error:
        penalty_for(decision_due=due, notice_received=notice, decided=None, today=due)
    assert error.value.code == "notice_premature"


# --- Awb 6:7-6:9 and 7:10: objections ----------------------------------------------------------


@MANY
@given(
    known_days,
    st.integers(min_value=1, max_value=70),
    st.one_of(st.none(), st.integers(min_value=0, max_value=12)),
)
def test_the_objection_period_and_timeliness_agree_with_the_oracle(
    sent, arrives_after, posted_before
):
    from maatwerk.commitments.rules.objection import is_timely, objection_period

    received = sent + timedelta(days=arrives_after)
    posted_on = None
    if posted_before is not None:
        posted_on = max(sent + timedelta(days=1), received - timedelta(days=posted_before))
    end = oracle_says(oracle.objection_period_end, sent)
    assume(both_know(sent, end + timedelta(days=21)))
    if posted_on is not None and posted_on <= end:
        # 6:9 lid 2's week: left out where an Atw extension of that week would change the answer.
        week_end = end + timedelta(days=7)
        assume(not (week_end < received <= oracle_says(oracle.atw_end, end, week_end)))
    period = objection_period(sent)
    assert period.last_day == end
    assert bool(is_timely(period, received, posted_on=posted_on)) == oracle.objection_timely(
        end, received, posted_on
    )


@MANY
@given(known_days, st.booleans())
def test_the_decision_on_an_objection_is_due_where_the_oracle_walks_to(sent, committee):
    from maatwerk.commitments.rules.objection import objection_decision_due, objection_period

    end = oracle_says(oracle.objection_period_end, sent)
    expected = oracle_says(oracle.objection_decision_due, end, committee)
    assume(both_know(sent, expected + timedelta(days=7)))
    period_end = objection_period(sent).last_day
    due = objection_decision_due(period_end, committee=committee)
    assert getattr(due, "last_day", due) == expected


# --- AOW art. 7a: the day the pensionable age is reached ---------------------------------------

# Births whose AOW day falls in 2018-2031, the years whose pensionable age is fixed.
births = st.dates(min_value=date(1952, 1, 1), max_value=date(1964, 9, 30))


@MANY
@given(births.filter(lambda birth: birth.day <= 28))
def test_the_aow_day_agrees_with_the_table_per_calendar_year(birth):
    from maatwerk.core.rules.aow import aow_day

    expected = oracle.aow_day(birth)
    assert expected is not None
    got = aow_day(birth)
    assert got.published
    assert got.day == expected


def month_end_birth(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        assume(False)
        raise


month_end_births = st.builds(
    month_end_birth,
    st.integers(min_value=1952, max_value=1964),
    st.integers(min_value=1, max_value=12),
    st.integers(min_value=29, max_value=31),
).filter(lambda birth: birth <= date(1964, 9, 30))


@MANY
@given(month_end_births)
def test_the_aow_day_of_a_birthday_missing_from_the_month(birth):
    # Read: a month of age is complete on the day of the month one was born on, or on the first
    # day of the next month where that month has no such day.
    from maatwerk.core.rules.aow import aow_day

    got = aow_day(birth)
    assert got.published
    assert got.day == oracle.aow_day(birth)


@SOME
@given(st.dates(min_value=date(1966, 1, 1), max_value=date(1975, 12, 31)))
def test_an_aow_day_after_the_last_fixed_year_is_not_published(birth):
    # The age can only go up (art. 7a), so these births reach it in 2033 or later; the age for a
    # year is fixed five years ahead, and in December 2026 nothing after 2032 can be fixed.
    from maatwerk.core.rules.aow import aow_day

    assert not aow_day(birth).published


# --- Pw art. 13 lid 1 sub e: stays abroad ------------------------------------------------------

stay_plans = st.lists(
    st.tuples(st.integers(min_value=0, max_value=60), st.integers(min_value=1, max_value=110)),
    min_size=1,
    max_size=5,
)


@MANY
@given(
    st.dates(min_value=date(FIRST_YEAR, 1, 1), max_value=date(2029, 6, 30)),
    stay_plans,
    st.integers(min_value=0, max_value=4),
    st.dates(min_value=date(1950, 1, 1), max_value=date(1975, 12, 31)),
)
def test_the_days_lost_abroad_agree_with_the_oracle(start, plan, pick, birth):
    from maatwerk.sanctions.rules.stay_abroad import Stay, check_stay

    # Stays in time order that do not overlap; a gap of 0 makes two stays one unbroken run.
    spans: list[tuple[date, date]] = []
    day = start
    for gap, length in plan:
        first = day + timedelta(days=gap)
        last = first + timedelta(days=length - 1)
        spans.append((first, last))
        day = last + timedelta(days=1)
    assume(spans[-1][1] <= date(LAST_YEAR, 12, 31))
    new_index = pick % len(spans)
    new = spans[new_index]
    others = [span for index, span in enumerate(spans) if index != new_index]
    lost = oracle.lost_days_abroad(spans, birth)
    expected = sum(1 for day in lost if new[0] <= day <= new[1])
    outcome = check_stay(Stay(*new), [Stay(*span) for span in others], birth_date=birth)
    assert outcome.excess_days == expected


# --- The named cases ---------------------------------------------------------------------------


def test_received_6_february_2026_runs_over_easter_to_7_april():
    from maatwerk.commitments.rules.penalty import PenaltyError, penalty_for
    from maatwerk.commitments.rules.terms import decision_term

    term = decision_term(received=date(2026, 2, 6), term_weeks=8, suspensions=[])
    assert term.last_day == date(2026, 4, 7)  # Good Friday 3 April, Easter Monday 6 April
    with pytest.raises(PenaltyError) as error:
        penalty_for(
            decision_due=term.last_day,
            notice_received=date(2026, 4, 7),
            decided=None,
            today=date(2026, 4, 7),
        )
    assert error.value.code == "notice_premature"


def test_received_20_march_2026_runs_past_the_decree_friday_to_18_may():
    from maatwerk.commitments.rules.terms import decision_term

    term = decision_term(received=date(2026, 3, 20), term_weeks=8, suspensions=[])
    assert term.last_day == date(2026, 5, 18)


def test_objection_to_the_letter_of_2_march_2026_is_decided_by_26_may():
    from maatwerk.commitments.rules.objection import (
        is_timely,
        objection_decision_due,
        objection_period,
    )

    period = objection_period(date(2026, 3, 2))
    assert period.last_day == date(2026, 4, 13)
    assert is_timely(period, date(2026, 3, 10))
    due = objection_decision_due(period.last_day, committee=False)
    assert getattr(due, "last_day", due) == date(2026, 5, 26)


def test_born_10_february_1961_loses_32_days_of_a_spring_2028_stay():
    from maatwerk.sanctions.rules.stay_abroad import Stay, check_stay

    outcome = check_stay(
        Stay(date(2028, 3, 1), date(2028, 4, 29)), [], birth_date=date(1961, 2, 10)
    )
    assert outcome.excess_days == 32
    assert getattr(outcome, "excess_from", date(2028, 3, 29)) == date(2028, 3, 29)


def test_born_11_june_1959_loses_nothing_of_a_summer_2026_stay():
    from maatwerk.sanctions.rules.stay_abroad import Stay, check_stay

    outcome = check_stay(
        Stay(date(2026, 6, 1), date(2026, 7, 30)), [], birth_date=date(1959, 6, 11)
    )
    assert outcome.excess_days == 0
