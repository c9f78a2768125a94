"""Pw art. 13 lid 1 sub e: worked examples and properties of the stay-abroad rule (no database)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from maatwerk.core.rules.aow import aow_day
from maatwerk.sanctions.rules.stay_abroad import (
    LIMIT_DAYS,
    PENSIONABLE_LIMIT_DAYS,
    Outcome,
    Stay,
    check_stay,
    days_left,
    dutch_date,
    limit_on,
)

YOUNG = date(1990, 5, 17)  # far from the AOW age in all examples
RETIRED = date(1950, 3, 2)  # past it in all examples


def stay(first: str, last: str) -> Stay:
    return Stay(date.fromisoformat(first), date.fromisoformat(last))


# --- Stay -------------------------------------------------------------------------------------


def test_days_count_both_ends() -> None:
    assert stay("2026-07-01", "2026-07-03").days == 3
    assert stay("2026-07-01", "2026-07-01").days == 1


def test_backwards_stay_is_refused() -> None:
    with pytest.raises(ValueError):
        stay("2026-07-03", "2026-07-01")


def test_dutch_date_needs_no_locale() -> None:
    assert dutch_date(date(2026, 7, 29)) == "29 juli 2026"
    assert dutch_date(date(2027, 3, 1)) == "1 maart 2027"


# --- Worked examples --------------------------------------------------------------------------


def test_exactly_28_days_keeps_the_right() -> None:
    outcome = check_stay(stay("2026-07-01", "2026-07-28"), [], birth_date=YOUNG)
    assert outcome.limit_days == LIMIT_DAYS
    assert outcome.days_this_stay == 28
    assert outcome.excess_days == 0
    assert outcome.excess_from is None
    assert outcome.remaining_after == 0


def test_29_days_loses_the_29th() -> None:
    outcome = check_stay(stay("2026-07-01", "2026-07-29"), [], birth_date=YOUNG)
    assert outcome.excess_days == 1
    assert outcome.excess_from == date(2026, 7, 29)
    assert "Vanaf 29 juli 2026 krijgt u geen bijstand voor 1 dag." in outcome.explain()


def test_two_stays_of_20_days_in_one_year() -> None:
    outcome = check_stay(
        stay("2026-07-01", "2026-07-20"), [stay("2026-03-01", "2026-03-20")], birth_date=YOUNG
    )
    assert outcome.used_before == 20
    assert outcome.excess_days == 12
    # Day 9 of this trip is the 29th day abroad this year.
    assert outcome.excess_from == date(2026, 7, 9)
    assert outcome.remaining_after == 0


def test_stay_over_new_year_counts_per_year() -> None:
    # 12 days in 2026, 10 in 2027: under the limit in both years and as one run of 22.
    outcome = check_stay(stay("2026-12-20", "2027-01-10"), [], birth_date=YOUNG)
    assert outcome.days_this_stay == 22
    assert outcome.excess_days == 0
    assert outcome.year == 2026
    assert outcome.remaining_after == 16


def test_stay_over_new_year_with_a_full_first_year() -> None:
    # 20 days in March plus 12 in December: the last 4 December days are over the year limit;
    # 1 January starts a fresh year, so the January days are fine.
    outcome = check_stay(
        stay("2026-12-20", "2027-01-10"), [stay("2026-03-01", "2026-03-20")], birth_date=YOUNG
    )
    assert outcome.excess_days == 4
    assert outcome.excess_from == date(2026, 12, 28)
    assert outcome.excess_periods == (stay("2026-12-28", "2026-12-31"),)


def test_year_excess_and_run_excess_split_over_new_year() -> None:
    # 27 days in March: 30 December is day 28 of 2026, 31 December day 29 (excess). The trip is
    # one run of 33 days, so from its 29th day (27 January) the run rule bites as well.
    outcome = check_stay(
        stay("2026-12-30", "2027-01-31"), [stay("2026-03-01", "2026-03-27")], birth_date=YOUNG
    )
    assert outcome.excess_days == 1 + 5
    assert outcome.excess_from == date(2026, 12, 31)
    assert outcome.excess_periods == (
        stay("2026-12-31", "2026-12-31"),
        stay("2027-01-27", "2027-01-31"),
    )
    text = outcome.explain()
    assert "van 31 december 2026 tot en met 31 december 2026" in text
    assert "van 27 januari 2027 tot en met 31 januari 2027" in text


def test_adjacent_stays_form_one_run() -> None:
    outcome = check_stay(
        stay("2026-07-16", "2026-07-30"), [stay("2026-07-01", "2026-07-15")], birth_date=YOUNG
    )
    # Days 29 and 30 break both the run rule and the year rule: counted once.
    assert outcome.excess_days == 2
    assert outcome.excess_from == date(2026, 7, 29)


def test_run_rule_alone() -> None:
    # A gap of one day breaks the run: 15 + 15 days with a day at home is not consecutive, and
    # 30 days in the year is over the year limit by 2.
    outcome = check_stay(
        stay("2026-07-17", "2026-07-31"), [stay("2026-07-01", "2026-07-15")], birth_date=YOUNG
    )
    assert outcome.excess_days == 2
    # A run over New Year keeps counting while the year count starts again.
    outcome = check_stay(stay("2026-12-15", "2027-01-20"), [], birth_date=YOUNG)
    assert outcome.excess_days == 37 - 28
    assert outcome.excess_from == date(2027, 1, 12)


def test_pensionable_age_allows_91_days() -> None:
    outcome = check_stay(stay("2026-04-01", "2026-06-30"), [], birth_date=RETIRED)
    assert outcome.limit_days == PENSIONABLE_LIMIT_DAYS
    assert outcome.days_this_stay == 91
    assert outcome.excess_days == 0
    longer = check_stay(stay("2026-04-01", "2026-07-01"), [], birth_date=RETIRED)
    assert longer.excess_days == 1
    assert longer.excess_from == date(2026, 7, 1)


def test_aow_age_67_and_3_months_keeps_the_4_week_limit_until_the_aow_day() -> None:
    # Born 10 February 1961: AOW age 67 years and 3 months (2028), reached on 10 May 2028. A
    # whole-years reading would allow 13 weeks from 10 February 2028.
    outcome = check_stay(stay("2028-03-01", "2028-04-29"), [], birth_date=date(1961, 2, 10))
    assert outcome.limit_days == LIMIT_DAYS
    assert outcome.excess_days == 32
    assert outcome.excess_from == date(2028, 3, 29)
    assert outcome.aow_day == date(2028, 5, 10)
    assert not outcome.aow_unpublished


def test_the_13_week_limit_applies_from_the_aow_day_within_a_stay() -> None:
    # Born 11 June 1959: AOW age 67 (2026), reached on 11 June 2026. From that day the limit is
    # 91 days for the year and for the run, so the 60 days from 1 June lose nothing.
    outcome = check_stay(stay("2026-06-01", "2026-07-30"), [], birth_date=date(1959, 6, 11))
    assert outcome.limit_days == LIMIT_DAYS
    assert outcome.excess_days == 0
    assert outcome.aow_day == date(2026, 6, 11)
    assert outcome.remaining_after == 91 - 60
    assert (
        "Vanaf 11 juni 2026 hebt u de AOW-leeftijd. "
        "Vanaf die dag mag u 13 weken naar het buitenland." in outcome.explain()
    )


def test_days_before_the_aow_day_keep_the_4_week_limit() -> None:
    born = date(1959, 7, 15)  # AOW day 15 July 2026
    outcome = check_stay(stay("2026-06-01", "2026-08-31"), [], birth_date=born)
    # 29 June to 14 July (days 29 to 44) are over 4 weeks; from 15 July the limit is 91, which
    # the run reaches on 30 August (day 91): 31 August is over it.
    assert outcome.excess_periods == (
        stay("2026-06-29", "2026-07-14"),
        stay("2026-08-31", "2026-08-31"),
    )
    assert outcome.excess_days == 16 + 1
    on_the_day = check_stay(stay("2026-07-15", "2026-08-31"), [], birth_date=born)
    assert on_the_day.limit_days == PENSIONABLE_LIMIT_DAYS
    assert on_the_day.excess_days == 0
    assert "AOW-leeftijd" not in on_the_day.explain()


def test_limit_on_the_aow_day() -> None:
    aow = aow_day(date(1958, 1, 1))  # 67 on 1 January 2025
    assert limit_on(aow, date(2024, 12, 31)) == LIMIT_DAYS
    assert limit_on(aow, date(2025, 1, 1)) == PENSIONABLE_LIMIT_DAYS


def test_born_on_29_february() -> None:
    born = date(1960, 2, 29)  # 67 in 2027, not a leap year: 1 March 2027
    assert aow_day(born).day == date(2027, 3, 1)
    assert check_stay(stay("2027-02-28", "2027-02-28"), [], birth_date=born).limit_days == 28
    assert check_stay(stay("2027-03-01", "2027-03-01"), [], birth_date=born).limit_days == 91


def test_an_aow_day_in_an_unpublished_year_is_flagged() -> None:
    born = date(1964, 10, 1)  # AOW day 1 January 2032, a year not yet published
    outcome = check_stay(stay("2031-12-01", "2032-01-31"), [], birth_date=born)
    assert outcome.aow_day == date(2032, 1, 1)
    assert outcome.aow_unpublished
    # Far from the AOW day the estimate does not matter and is not mentioned.
    early = check_stay(stay("2026-07-01", "2026-07-10"), [], birth_date=born)
    assert early.aow_day is None and not early.aow_unpublished


def test_overlapping_others_are_not_counted_twice() -> None:
    others = [stay("2026-07-01", "2026-07-20"), stay("2026-07-01", "2026-07-20")]
    outcome = check_stay(stay("2026-07-10", "2026-08-05"), others, birth_date=YOUNG)
    assert outcome.used_before == 20
    # One day abroad is one day: 1 July to 5 August is one run of 36 days.
    assert outcome.excess_days == 8
    assert outcome.excess_from == date(2026, 7, 29)
    assert outcome.remaining_after == 0


def test_the_new_stay_among_the_others_changes_nothing() -> None:
    new = stay("2026-07-01", "2026-07-29")
    assert check_stay(new, [new], birth_date=YOUNG).excess_days == 1
    assert check_stay(new, [new], birth_date=YOUNG).remaining_after == 0


def test_stays_in_other_years_do_not_count_for_this_year() -> None:
    outcome = check_stay(
        stay("2026-07-01", "2026-07-10"),
        [stay("2025-03-01", "2025-03-28"), stay("2027-03-01", "2027-03-28")],
        birth_date=YOUNG,
    )
    assert outcome.used_before == 0
    assert outcome.excess_days == 0
    assert outcome.remaining_after == 18


def test_a_trip_pushing_a_later_trip_over_the_limit() -> None:
    outcome = check_stay(
        stay("2026-07-01", "2026-07-20"), [stay("2026-12-01", "2026-12-20")], birth_date=YOUNG
    )
    # In time order July comes first: the December trip loses the days over 28.
    assert outcome.excess_days == 0
    assert outcome.later_days_lost == 12
    assert outcome.remaining_after == 0
    assert "latere reis" in outcome.explain()


def test_days_left() -> None:
    stays = [stay("2026-03-01", "2026-03-10"), stay("2026-12-30", "2027-01-04")]
    assert days_left(2026, stays, birth_date=YOUNG) == 28 - 12
    assert days_left(2027, stays, birth_date=YOUNG) == 28 - 4
    assert days_left(2026, stays, birth_date=RETIRED) == 91 - 12
    assert days_left(2026, [stay("2026-01-01", "2026-02-28")], birth_date=YOUNG) == 0


def test_days_left_judges_pensionable_age_on_the_day_given() -> None:
    born = date(1959, 7, 15)  # 67 on 15 July 2026
    assert days_left(2026, [], birth_date=born) == LIMIT_DAYS
    assert days_left(2026, [], birth_date=born, on=date(2026, 8, 1)) == PENSIONABLE_LIMIT_DAYS


# --- Explanation ------------------------------------------------------------------------------


def test_explain_without_excess() -> None:
    outcome = check_stay(
        stay("2026-07-01", "2026-07-10"), [stay("2026-03-01", "2026-03-16")], birth_date=YOUNG
    )
    assert outcome.explain() == (
        "In 2026 mag u nog 12 dagen naar het buitenland. Deze reis duurt 10 dagen. "
        "Daarna hebt u nog 2 dagen over."
    )


def test_explain_with_excess() -> None:
    outcome = check_stay(stay("2026-07-01", "2026-08-04"), [], birth_date=YOUNG)
    assert outcome.explain() == (
        "In 2026 mag u nog 28 dagen naar het buitenland. Deze reis duurt 35 dagen. "
        "Vanaf 29 juli 2026 krijgt u geen bijstand voor 7 dagen. "
        "U mag met bijstand 28 dagen per jaar naar het buitenland. "
        "En niet langer dan 28 dagen achter elkaar. "
        "Daarna hebt u geen dagen meer over."
    )


def test_explain_when_nothing_is_left() -> None:
    outcome = check_stay(
        stay("2026-07-01", "2026-07-01"), [stay("2026-03-01", "2026-03-28")], birth_date=YOUNG
    )
    text = outcome.explain()
    assert text.startswith("In 2026 hebt u geen dagen meer over")
    assert "Deze reis duurt 1 dag." in text
    assert "Vanaf 1 juli 2026 krijgt u geen bijstand voor 1 dag." in text


def test_explain_of_a_bare_outcome() -> None:
    # The service may build an Outcome itself (e.g. from stored figures): still a sentence.
    outcome = Outcome(28, 20, 10, 0, 2, date(2026, 7, 9))
    text = outcome.explain()
    assert text.startswith("Dit jaar mag u nog 8 dagen")
    assert "Vanaf 9 juli 2026" in text


# --- Properties -------------------------------------------------------------------------------

START = date(2025, 11, 1)
SPAN_DAYS = 520  # into 2027, so stays cross New Year often


@st.composite
def stays(draw: st.DrawFn, max_days: int = 70) -> Stay:
    first = START + timedelta(days=draw(st.integers(0, SPAN_DAYS)))
    return Stay(first, first + timedelta(days=draw(st.integers(0, max_days - 1))))


births = st.sampled_from(
    [YOUNG, RETIRED, date(1959, 6, 15), date(1960, 2, 29), date(1959, 12, 1), date(1960, 5, 20)]
)
other_lists = st.lists(stays(), max_size=6)


def day_set(items: list[Stay]) -> set[date]:
    return {s.first_day + timedelta(days=i) for s in items for i in range(s.days)}


def reference_excess(new: Stay, others: list[Stay], born: date) -> set[date]:
    """The rule read literally, day by day: a day breaks the year rule or the run rule, with
    the limit of that day (13 weeks from the AOW day)."""
    abroad = day_set([*others, new])
    pensionable_from = aow_day(born).day
    excess = set()
    for day in day_set([new]):
        limit = 91 if day >= pensionable_from else 28
        in_year = sum(1 for d in abroad if d.year == day.year and d <= day)
        run, back = 0, day
        while back in abroad:
            run, back = run + 1, back - timedelta(days=1)
        if in_year > limit or run > limit:
            excess.add(day)
    return excess


def longest_run(days: set[date]) -> int:
    best = 0
    for day in days:
        if day - timedelta(days=1) not in days:
            length = 1
            while day + timedelta(days=length) in days:
                length += 1
            best = max(best, length)
    return best


@settings(max_examples=150, deadline=None)
@given(new=stays(), others=other_lists, born=births)
def test_matches_the_rule_read_day_by_day(new: Stay, others: list[Stay], born: date) -> None:
    outcome = check_stay(new, others, birth_date=born)
    expected = reference_excess(new, others, born)
    assert outcome.excess_days == len(expected)
    assert outcome.excess_from == (min(expected) if expected else None)
    assert day_set(list(outcome.excess_periods)) == expected


@settings(deadline=None)
@given(new=stays(), others=other_lists, born=births)
def test_excess_is_within_the_stay(new: Stay, others: list[Stay], born: date) -> None:
    outcome = check_stay(new, others, birth_date=born)
    assert 0 <= outcome.excess_days <= outcome.days_this_stay == new.days
    if outcome.excess_from is not None:
        assert new.first_day <= outcome.excess_from <= new.last_day
    assert sum(p.days for p in outcome.excess_periods) == outcome.excess_days


@settings(deadline=None)
@given(new=stays(), others=other_lists, born=births)
def test_no_excess_within_both_limits(new: Stay, others: list[Stay], born: date) -> None:
    outcome = check_stay(new, others, birth_date=born)
    abroad = day_set([*others, new])
    years = {new.first_day.year, new.last_day.year}
    within_years = all(sum(1 for d in abroad if d.year == y) <= LIMIT_DAYS for y in years)
    if within_years and longest_run(abroad) <= LIMIT_DAYS:
        assert outcome.excess_days == 0


@settings(deadline=None)
@given(new=stays(), others=other_lists, extra=stays(max_days=40), born=births)
def test_another_stay_never_lowers_the_excess(
    new: Stay, others: list[Stay], extra: Stay, born: date
) -> None:
    before = check_stay(new, others, birth_date=born)
    after = check_stay(new, [*others, extra], birth_date=born)
    assert after.excess_days >= before.excess_days
    # Stronger: every day that was without right stays without right.
    assert day_set(list(after.excess_periods)) >= day_set(list(before.excess_periods))


@settings(deadline=None)
@given(new=stays(), others=other_lists, born=births)
def test_remaining_and_used(new: Stay, others: list[Stay], born: date) -> None:
    outcome = check_stay(new, others, birth_date=born)
    year = new.first_day.year
    last_in_year = min(new.last_day, date(year, 12, 31))
    limit = limit_on(aow_day(born), last_in_year)
    used_with_new = sum(1 for d in day_set([*others, new]) if d.year == year)
    assert outcome.used_before == sum(1 for d in day_set(others) if d.year == year)
    assert outcome.remaining_after + min(used_with_new, limit) == limit
    assert outcome.remaining_after <= max(0, limit - outcome.used_before)
    assert outcome.remaining_after == days_left(
        year, [*others, new], birth_date=born, on=last_in_year
    )


@settings(deadline=None)
@given(new=stays(), others=other_lists, born=births)
def test_duplicates_change_nothing(new: Stay, others: list[Stay], born: date) -> None:
    once = check_stay(new, others, birth_date=born)
    twice = check_stay(new, [*others, *others, new], birth_date=born)
    assert twice.excess_days == once.excess_days
    assert twice.excess_from == once.excess_from
    assert twice.remaining_after == once.remaining_after


@settings(deadline=None)
@given(first=stays(), second=stays())
def test_overflow_is_blamed_once(first: Stay, second: Stay) -> None:
    # Checked against each other, two trips together carry exactly the excess of all days.
    if day_set([first]) & day_set([second]):
        return
    a = check_stay(first, [second], birth_date=YOUNG)
    b = check_stay(second, [first], birth_date=YOUNG)
    whole = reference_excess(first, [second], YOUNG) | reference_excess(second, [first], YOUNG)
    assert a.excess_days + b.excess_days == len(whole)


@settings(deadline=None)
@given(new=stays(), others=other_lists, born=births)
def test_explain_is_never_empty(new: Stay, others: list[Stay], born: date) -> None:
    outcome = check_stay(new, others, birth_date=born)
    text = outcome.explain()
    assert text
    assert f"Deze reis duurt {new.days} dag" in text
    if outcome.excess_days:
        assert f"geen bijstand voor {outcome.excess_days} dag" in text


@settings(deadline=None)
@given(new=stays(), others=other_lists, born=births)
def test_after_the_aow_day_the_limit_is_13_weeks(new: Stay, others: list[Stay], born: date) -> None:
    aow = aow_day(born).day
    if new.first_day < aow:
        return
    outcome = check_stay(new, others, birth_date=born)
    assert outcome.limit_days == PENSIONABLE_LIMIT_DAYS
    # All other stays after the AOW day as well: only the 91-day limit can bite.
    if all(s.first_day >= aow for s in others):
        expected = reference_excess(new, others, born)
        assert outcome.excess_days == len(expected)
        abroad = day_set([*others, new])
        within = all(sum(1 for d in abroad if d.year == y) <= 91 for y in {d.year for d in abroad})
        if within and longest_run(abroad) <= 91:
            assert outcome.excess_days == 0
