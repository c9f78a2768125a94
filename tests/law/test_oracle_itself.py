"""The oracle against dates checked by hand from the statutes and calendars (no Maatwerk code)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from tests.law import oracle

EASTER = {
    2018: date(2018, 4, 1),
    2019: date(2019, 4, 21),
    2020: date(2020, 4, 12),
    2021: date(2021, 4, 4),
    2022: date(2022, 4, 17),
    2023: date(2023, 4, 9),
    2024: date(2024, 3, 31),
    2025: date(2025, 4, 20),
    2026: date(2026, 4, 5),
    2027: date(2027, 3, 28),
    2028: date(2028, 4, 16),
    2029: date(2029, 4, 1),
    2030: date(2030, 4, 21),
    2038: date(2038, 4, 25),  # latest possible date in this century
    2285: date(2285, 3, 22),  # earliest possible
}


@pytest.mark.parametrize("year", sorted(EASTER))
def test_the_computus_gives_the_published_easter_sundays(year):
    assert oracle.easter_sunday(year) == EASTER[year]


def test_kings_day_moves_to_saturday_when_the_27th_is_a_sunday():
    assert oracle.kings_day(2025) == date(2025, 4, 26)  # 27 April 2025 was a Sunday
    assert oracle.kings_day(2026) == date(2026, 4, 27)


def test_the_atw_days_of_2026():
    assert sorted(oracle.atw_days(2026)) == [
        date(2026, 1, 1),
        date(2026, 1, 2),  # decree
        date(2026, 4, 3),  # Good Friday, lid 2
        date(2026, 4, 6),
        date(2026, 4, 27),
        date(2026, 5, 5),
        date(2026, 5, 14),
        date(2026, 5, 15),  # decree
        date(2026, 5, 25),
        date(2026, 12, 25),
        date(2026, 12, 26),
    ]


def test_the_decree_days_fall_on_weekdays():
    for days in oracle.DECREE_DAYS.values():
        assert all(day.isoweekday() < 6 for day in days)


def test_the_oracle_refuses_years_without_a_known_decree():
    with pytest.raises(LookupError):
        oracle.atw_days(2021)


def test_atw_article_1_and_2_over_christmas_2026():
    # Wednesday 23 December + 3 days = Saturday 26th; Monday 28th gives two counting days.
    assert oracle.atw_end(date(2026, 12, 23), date(2026, 12, 26)) == date(2026, 12, 28)
    # Thursday 24 December + 3 = Sunday; Monday 28th holds only one counting day: Tuesday.
    assert oracle.atw_end(date(2026, 12, 24), date(2026, 12, 27)) == date(2026, 12, 29)
    # A two-day term is not touched by art. 2, only by art. 1.
    assert oracle.atw_end(date(2026, 12, 24), date(2026, 12, 26)) == date(2026, 12, 28)


def test_eight_weeks_over_easter_2026():
    # 6 February + 8 weeks = Good Friday 3 April; Saturday, Sunday, Easter Monday: Tuesday 7th.
    assert oracle.weeks_term(date(2026, 2, 6), 8) == date(2026, 4, 7)
    # 20 March + 8 weeks = Friday 15 May, a decree day: Monday 18 May.
    assert oracle.weeks_term(date(2026, 3, 20), 8) == date(2026, 5, 18)


def test_suspended_days_count_once_when_periods_overlap():
    plain = oracle.decision_term(date(2026, 1, 5), []).last_day
    assert plain == date(2026, 3, 2)
    overlapping = [
        (date(2026, 1, 10), date(2026, 1, 19)),
        (date(2026, 1, 15), date(2026, 1, 24)),
    ]
    # Union 10-24 January: 15 days; 2 March + 15 = Tuesday 17 March.
    assert oracle.decision_term(date(2026, 1, 5), overlapping).last_day == date(2026, 3, 17)
    late = [(date(2026, 3, 5), date(2026, 3, 9))]
    assert oracle.decision_term(date(2026, 1, 5), late).last_day == plain


def test_a_notice_on_the_last_day_of_the_term_is_premature():
    with pytest.raises(oracle.NoticePremature):
        oracle.penalty(date(2026, 4, 7), date(2026, 4, 7), None, date(2026, 6, 1))


def test_the_penalty_bands_and_the_42_day_cap():
    due = date(2026, 3, 2)
    notice = date(2026, 3, 10)
    not_yet = oracle.penalty(due, notice, None, date(2026, 3, 23))
    assert (not_yet.first_penalty_day, not_yet.days, not_yet.amount) == (
        date(2026, 3, 24),
        0,
        0,
    )
    two_weeks = oracle.penalty(due, notice, date(2026, 4, 7), date(2026, 5, 1))
    assert (two_weeks.days, two_weeks.amount) == (14, Decimal(322))
    assert two_weeks.decide_penalty_by == date(2026, 4, 20)
    capped = oracle.penalty(due, notice, None, date(2026, 9, 1))
    assert (capped.days, capped.amount) == (42, Decimal(14 * 23 + 14 * 35 + 14 * 45))
    assert capped.decide_penalty_by == date(2026, 5, 18)  # last day 4 May + 14


def test_the_objection_case_of_march_2026():
    period_end = oracle.objection_period_end(date(2026, 3, 2))
    assert period_end == date(2026, 4, 13)
    assert oracle.objection_timely(period_end, date(2026, 3, 10), None)
    # 13 April + 6 weeks = Whit Monday 25 May: Tuesday 26 May.
    assert oracle.objection_decision_due(period_end, committee=False) == date(2026, 5, 26)
    assert oracle.objection_decision_due(period_end, committee=True) == date(2026, 7, 6)


def test_a_posted_objection_may_arrive_a_week_late():
    end = date(2026, 4, 13)
    assert oracle.objection_timely(end, date(2026, 4, 20), posted_on=date(2026, 4, 13))
    assert not oracle.objection_timely(end, date(2026, 4, 21), posted_on=date(2026, 4, 13))
    assert not oracle.objection_timely(end, date(2026, 4, 15), posted_on=date(2026, 4, 14))
    assert not oracle.objection_timely(end, date(2026, 4, 15), posted_on=None)


def test_aow_days_from_the_published_tables():
    assert oracle.aow_day(date(1952, 11, 15)) == date(2018, 11, 15)  # 66 in 2018
    assert oracle.aow_day(date(1953, 1, 15)) == date(2019, 5, 15)  # 66 + 4 in 2019
    assert oracle.aow_day(date(1957, 3, 1)) == date(2024, 3, 1)  # 67 in 2024
    assert oracle.aow_day(date(1959, 6, 11)) == date(2026, 6, 11)
    assert oracle.aow_day(date(1961, 2, 10)) == date(2028, 5, 10)  # 67 + 3 in 2028
    assert oracle.aow_day(date(1964, 9, 30)) == date(2031, 12, 30)
    assert oracle.aow_day(date(1964, 10, 1)) is None  # 2032: not known to the oracle


def test_a_month_that_lacks_the_birthday_completes_on_the_first_of_the_next():
    # Born 31 October 1955: 66 years and 7 months (the 2022 age) are complete on 31 May 2022.
    # Four months after a 31 October fall in February, which has no 31st: 1 March.
    assert oracle.aow_day(date(1955, 10, 31)) == date(2022, 5, 31)
    assert oracle.age_in_months(date(1955, 10, 31), date(2022, 2, 28)) == 66 * 12 + 3
    assert oracle.age_in_months(date(1955, 10, 31), date(2022, 3, 1)) == 66 * 12 + 4


def test_stays_abroad_named_cases():
    stay = (date(2028, 3, 1), date(2028, 4, 29))
    lost = oracle.lost_days_abroad([stay], date(1961, 2, 10))
    assert len(lost) == 32 and min(lost) == date(2028, 3, 29)
    stay = (date(2026, 6, 1), date(2026, 7, 30))
    assert oracle.lost_days_abroad([stay], date(1959, 6, 11)) == set()


def test_an_unbroken_run_across_new_year_counts_as_one_stay():
    young = date(1990, 5, 17)
    lost = oracle.lost_days_abroad([(date(2026, 12, 15), date(2027, 1, 20))], young)
    assert len(lost) == 37 - 28 and min(lost) == date(2027, 1, 12)
    adjacent = [(date(2026, 7, 1), date(2026, 7, 20)), (date(2026, 7, 21), date(2026, 7, 31))]
    assert len(oracle.lost_days_abroad(adjacent, young)) == 31 - 28
    apart = [(date(2026, 3, 1), date(2026, 3, 20)), (date(2026, 7, 1), date(2026, 7, 10))]
    assert sorted(oracle.lost_days_abroad(apart, young)) == [date(2026, 7, 9), date(2026, 7, 10)]
