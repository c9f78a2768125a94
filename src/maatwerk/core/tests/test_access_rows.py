"""Repeated reads collapse into one row on the client's page; nothing a client needs is lost."""

import itertools
from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from maatwerk.core.rules.access_rows import DEFAULT_WINDOW, Read, collapse

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def _read(minutes, who="sanne", why="regisseur"):
    return Read(T0 + timedelta(minutes=minutes), (who, why), (who, why))


def test_one_editing_session_of_thirteen_reads_is_one_row_with_the_count_and_last_time():
    rows = collapse([_read(m * 4) for m in range(13)])
    assert len(rows) == 1
    assert rows[0].count == 13
    assert rows[0].first == T0 and rows[0].last == T0 + timedelta(minutes=48)


def test_another_person_another_purpose_or_a_long_pause_starts_a_new_row():
    reads = [
        _read(0),
        _read(5, who="ahmed"),
        _read(10),
        _read(12, why="reason: bezwaar"),
        _read(10 + 61),
    ]
    rows = collapse(reads)
    assert [(r.key, r.count) for r in rows] == [
        (("sanne", "regisseur"), 1),
        (("sanne", "reason: bezwaar"), 1),
        (("sanne", "regisseur"), 2),
        (("ahmed", "regisseur"), 1),
    ]


reads = st.lists(
    st.builds(
        _read,
        st.integers(min_value=0, max_value=60 * 24 * 3),
        st.sampled_from(["sanne", "ahmed", "lotte"]),
        st.sampled_from(["regisseur", "reason: bezwaar"]),
    ),
    max_size=60,
)


@given(reads)
def test_counts_add_up_to_the_reads_and_rows_are_newest_first(reads):
    rows = collapse(reads)
    assert sum(r.count for r in rows) == len(reads)
    assert [r.last for r in rows] == sorted((r.last for r in rows), reverse=True)


@given(reads)
def test_each_row_is_one_person_and_purpose_without_a_pause_longer_than_the_window(reads):
    for row in collapse(reads):
        moments = sorted(
            r.moment for r in reads if r.key == row.key and row.first <= r.moment <= row.last
        )
        assert len(moments) == row.count
        assert all(b - a <= DEFAULT_WINDOW for a, b in itertools.pairwise(moments))


@given(reads)
def test_two_rows_of_the_same_person_and_purpose_are_more_than_the_window_apart(reads):
    rows = sorted(collapse(reads), key=lambda r: r.first)
    for key in {r.key for r in rows}:
        mine = [r for r in rows if r.key == key]
        assert all(b.first - a.last > DEFAULT_WINDOW for a, b in itertools.pairwise(mine))
