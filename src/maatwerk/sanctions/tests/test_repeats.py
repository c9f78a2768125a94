"""Counting repeats (Pw art. 18 lid 5-7): worked examples and properties of rules/repeats.py."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from maatwerk.sanctions.rules import repeats
from maatwerk.sanctions.rules.repeats import Earlier, count, terms

BREACH = date(2026, 6, 1)


def _e(key, imposed, *, code="arbeid-aanvaarden", statutory=True, breach=None):
    return Earlier(key, code, statutory, breach or imposed - timedelta(days=20), imposed)


def test_a_first_breach_is_the_first():
    assert count(code="x", statutory=True, breach_on=BREACH, history=[]).breach == 1


def test_other_lid_4_obligations_count_together():
    history = [_e(1, date(2026, 1, 10), code="arbeid-aanvaarden")]
    got = count(code="onderzoek-arbeidsmogelijkheden", statutory=True, breach_on=BREACH,
                history=history)  # fmt: skip
    assert (got.breach, got.earlier) == (2, (1,))


def test_the_third_breach_is_100_percent_for_three_months_by_law():
    history = [_e(1, date(2025, 9, 1)), _e(2, date(2026, 2, 1), breach=date(2026, 1, 5))]
    got = count(code="uitzendbureau", statutory=True, breach_on=BREACH, history=history)
    assert (got.breach, got.earlier) == (3, (1, 2))
    assert terms(got, statutory=True, first=(100, 1), repeat=(100, 2)) == (100, 3)


def test_twelve_months_run_from_the_decision_not_the_earlier_breach():
    # The earlier breach was 13 months before, but the sanction was imposed 11 months before.
    history = [_e(1, date(2025, 7, 1), breach=date(2025, 5, 1))]
    assert count(code="a", statutory=True, breach_on=BREACH, history=history).breach == 2
    assert count(code="a", statutory=True, breach_on=date(2026, 7, 2), history=history).breach == 1
    assert count(code="a", statutory=True, breach_on=date(2026, 7, 1), history=history).breach == 2


def test_a_breach_before_the_earlier_decision_is_no_repeat():
    history = [_e(1, BREACH + timedelta(days=1), breach=BREACH - timedelta(days=30))]
    assert count(code="a", statutory=True, breach_on=BREACH, history=history).breach == 1


def test_other_obligations_repeat_per_row_only():
    history = [_e(1, date(2026, 3, 1), code="afspraak", statutory=False)]
    assert count(code="afspraak", statutory=False, breach_on=BREACH, history=history).breach == 2
    assert count(code="plan", statutory=False, breach_on=BREACH, history=history).breach == 1
    # and never count towards the lid 4 chain
    assert count(code="a", statutory=True, breach_on=BREACH, history=history).breach == 1
    got = count(code="afspraak", statutory=False, breach_on=BREACH, history=history * 1)
    assert terms(got, statutory=False, first=(5, 1), repeat=(5, 2)) == (5, 2)


def test_articles_are_read_as_the_table_writes_them():
    assert repeats.is_statutory("Pw art. 18 lid 4 onder h")
    assert not repeats.is_statutory("Pw art. 9 lid 1 onder a")
    assert repeats.is_information_duty("Pw art. 17 lid 1")
    assert not repeats.is_information_duty("Pw art. 17 lid 2")
    assert not repeats.is_article("") and not repeats.is_article("art. 18")
    assert repeats.months_later(date(2025, 2, 28), 12) == date(2026, 2, 28)
    assert repeats.months_later(date(2024, 2, 29), 12) == date(2025, 2, 28)


days = st.integers(min_value=-900, max_value=-1)
codes = st.sampled_from(["a", "b", "c"])


@st.composite
def histories(draw):
    rows = []
    for key in range(draw(st.integers(min_value=0, max_value=6))):
        imposed = BREACH + timedelta(days=draw(days))
        gap = draw(st.integers(min_value=1, max_value=90))
        rows.append(
            Earlier(key, draw(codes), draw(st.booleans()), imposed - timedelta(gap), imposed)
        )
    return rows


@given(history=histories(), extra=histories(), code=codes, statutory=st.booleans())
def test_the_count_never_decreases_when_a_sanction_is_added(history, extra, code, statutory):
    before = count(code=code, statutory=statutory, breach_on=BREACH, history=history)
    more = history + [Earlier(e.key + 100, *list(vars(e).values())[1:]) for e in extra]
    after = count(code=code, statutory=statutory, breach_on=BREACH, history=more)
    assert after.breach >= before.breach
    assert 1 <= after.breach <= 3


@given(history=histories(), code=codes, statutory=st.booleans(), gap=st.integers(1, 400))
def test_a_sanction_long_before_all_others_never_changes_the_outcome(history, code, statutory, gap):
    earliest = min([e.breach_on for e in history] + [BREACH])
    old_imposed = repeats.months_later(earliest, -12) - timedelta(days=gap)
    old = Earlier(999, code, statutory, old_imposed - timedelta(days=10), old_imposed)
    before = count(code=code, statutory=statutory, breach_on=BREACH, history=history)
    assert (
        count(code=code, statutory=statutory, breach_on=BREACH, history=[*history, old]) == before
    )


@given(history=histories(), code=codes, statutory=st.booleans(), later=st.integers(0, 300))
def test_a_sanction_imposed_on_or_after_the_breach_never_counts(history, code, statutory, later):
    imposed = BREACH + timedelta(days=later)
    new = Earlier(999, code, statutory, BREACH - timedelta(days=5), imposed)
    before = count(code=code, statutory=statutory, breach_on=BREACH, history=history)
    assert (
        count(code=code, statutory=statutory, breach_on=BREACH, history=[*history, new]) == before
    )


@given(history=histories(), statutory=st.booleans())
def test_a_repeat_names_the_earlier_sanctions_and_they_were_imposed_before(history, statutory):
    got = count(code="a", statutory=statutory, breach_on=BREACH, history=history)
    keys = {e.key: e for e in history}
    assert len(got.earlier) == got.breach - 1 or (got.breach == 3 and len(got.earlier) >= 2)
    assert all(keys[k].imposed_on < BREACH for k in got.earlier)
