"""Small numbers stay hidden, also against differencing: properties over random tables."""

from hypothesis import given, settings
from hypothesis import strategies as st

from maatwerk.voice.rules.small_numbers import protect, protect_series


def test_one_small_cell_forces_a_second_hide_in_its_row_and_column():
    counts = {
        ("a", "x"): 2,
        ("a", "y"): 9,
        ("a", "z"): 8,
        ("b", "x"): 7,
        ("b", "y"): 6,
        ("b", "z"): 9,
    }
    table = protect(counts, ["a", "b"], ["x", "y", "z"], k=5)
    row_a = [table.cells[("a", c)] for c in ["x", "y", "z"]]
    column_x = [table.cells[(r, "x")] for r in ["a", "b"]]
    assert table.cells[("a", "x")].hidden
    assert sum(c.hidden for c in row_a) >= 2 or table.row_totals["a"].hidden
    assert sum(c.hidden for c in column_x) >= 2 or table.column_totals["x"].hidden


def test_zeros_are_shown_and_a_small_total_is_hidden():
    table = protect({("a", "x"): 0, ("a", "y"): 3}, ["a"], ["x", "y"], k=5)
    assert table.cells[("a", "x")].count == 0 and table.row_totals["a"].hidden


def _lines(table, rows, columns):
    for r in rows:
        yield [table.cells[(r, c)] for c in columns], table.row_totals[r]
    for c in columns:
        yield [table.cells[(r, c)] for r in rows], table.column_totals[c]
    yield [table.row_totals[r] for r in rows], table.total
    yield [table.column_totals[c] for c in columns], table.total


@settings(max_examples=150, deadline=None)
@given(
    rows=st.integers(1, 5),
    columns=st.integers(1, 6),
    k=st.integers(2, 6),
    data=st.data(),
)
def test_no_shown_total_minus_shown_cells_reveals_a_small_group(rows, columns, k, data):
    row_names = [f"r{n}" for n in range(rows)]
    column_names = [f"c{n}" for n in range(columns)]
    counts = {(r, c): data.draw(st.integers(0, 20)) for r in row_names for c in column_names}
    table = protect(counts, row_names, column_names, k=k)
    for (r, c), cell in table.cells.items():
        assert cell.hidden or cell.count == counts[(r, c)]
        assert cell.hidden or cell.count == 0 or cell.count >= k
    for line, total in _lines(table, row_names, column_names):
        if total.hidden:
            continue
        hidden = [cell for cell in line if cell.hidden]
        secret = total.count - sum(cell.count for cell in line if not cell.hidden)
        assert len(hidden) != 1
        assert secret == 0 or secret >= k
    assert table.total.hidden or table.total.count == sum(counts.values())


@settings(max_examples=100, deadline=None)
@given(
    st.dictionaries(st.sampled_from(list("abcdefg")), st.integers(0, 15), min_size=1),
    st.integers(2, 6),
)
def test_a_series_with_its_total_follows_the_same_rule(counts, k):
    cells, total = protect_series(counts, k=k)
    hidden = [label for label, cell in cells.items() if cell.hidden]
    if not total.hidden:
        secret = total.count - sum(c.count for c in cells.values() if not c.hidden)
        assert len(hidden) != 1 and (secret == 0 or secret >= k)
    for label, cell in cells.items():
        assert cell.hidden or cell.count == counts[label]
