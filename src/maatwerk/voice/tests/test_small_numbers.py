"""Small numbers stay hidden, also against differencing: worked examples, then properties over
random tables checked the way an attacker would (total minus shown cells, and exact linear
algebra over all published figures together)."""

from __future__ import annotations

import random
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from maatwerk.voice.rules import small_numbers
from maatwerk.voice.rules.small_numbers import Cell, Table, protect, protect_series, shown

ROWS = ["a", "b"]
COLUMNS = ["x", "y", "z"]


def _grid(values: list[list[int]]) -> tuple[dict[tuple[str, str], int], list[str], list[str]]:
    rows = [f"r{i}" for i in range(len(values))]
    columns = [f"c{j}" for j in range(len(values[0]))]
    counts = {(r, c): values[i][j] for i, r in enumerate(rows) for j, c in enumerate(columns)}
    return counts, rows, columns


def _hidden_cells(table: Table) -> set[tuple[str, str]]:
    return {key for key, cell in table.cells.items() if cell.hidden}


# --- worked examples ----------------------------------------------------------------------------


def test_one_small_cell_forces_a_second_hide_in_its_row_and_its_column():
    counts = {("a", "x"): 2, ("a", "y"): 9, ("a", "z"): 8}
    counts |= {("b", "x"): 7, ("b", "y"): 6, ("b", "z"): 9}
    table = protect(counts, ROWS, COLUMNS, k=5)
    # 2 is small; row a then hides its smallest other cell (8), column x hides 7, and column z
    # (now with 8 alone hidden) hides 9. Every line keeps two hidden cells summing to >= 5.
    assert _hidden_cells(table) == {("a", "x"), ("a", "z"), ("b", "x"), ("b", "z")}
    assert table.cells[("a", "y")] == Cell(9)
    assert table.cells[("b", "y")] == Cell(6)
    assert [table.row_totals[r].count for r in ROWS] == [19, 22]
    assert [table.column_totals[c].count for c in COLUMNS] == [9, 15, 17]
    assert table.total == Cell(41)
    assert table.hidden_any


def test_two_small_cells_that_sum_below_k_force_a_third():
    counts, rows, columns = _grid([[1, 2, 10, 12], [10, 10, 10, 10]])
    table = protect(counts, rows, columns, k=5)
    # 1 + 2 = 3 would still be a small group (row total minus the shown cells), so the
    # smallest shown cell of the row (10) is hidden too; 12 stays.
    assert [table.cells[("r0", c)].hidden for c in columns] == [True, True, True, False]
    assert table.cells[("r0", "c3")].count == 12
    assert table.row_totals["r0"].count == 25


def test_a_small_total_is_hidden_and_a_zero_is_shown():
    counts, rows, columns = _grid([[0, 3], [6, 7]])
    table = protect(counts, rows, columns, k=5)
    assert table.row_totals["r0"].hidden  # 3 people in all
    assert table.cells[("r0", "c0")] == Cell(0)  # a zero reveals nobody
    # Column c1 hides 7 next to the 3; the row totals hide 13 next to the small 3.
    assert _hidden_cells(table) == {("r0", "c1"), ("r1", "c1")}
    assert table.row_totals["r1"].hidden
    assert [table.column_totals[c].count for c in columns] == [6, 10]
    assert table.total == Cell(16)


def test_a_zero_never_covers_a_hidden_cell_so_the_total_goes_instead():
    counts, rows, columns = _grid([[6, 0], [9, 3]])
    table = protect(counts, rows, columns, k=5)
    # Row r1 hides 9 next to the 3, column c0 then hides 6. Row r0 is left with 6 hidden next
    # to a zero: hiding the zero would not help (everyone knows hidden cells are not empty),
    # so the row total is hidden instead.
    assert table.cells[("r0", "c0")].hidden
    assert table.cells[("r0", "c1")] == Cell(0)
    assert table.row_totals["r0"].hidden
    assert table.total == Cell(18)


def test_a_table_without_small_numbers_is_shown_whole():
    counts, rows, columns = _grid([[0, 5], [7, 0]])
    table = protect(counts, rows, columns, k=5)
    assert not table.hidden_any
    assert table.cells[("r0", "c0")] == Cell(0)
    assert table.cells[("r1", "c0")] == Cell(7)
    assert table.total == Cell(12)


def test_combining_lines_cannot_give_a_small_cell_back(monkeypatch):
    # The one-line rules alone leave this pattern, where every line looks safe:
    #   row r0 (21 shown) hides 3 and 6, column c1 (25 shown) hides 10 and 3, the row totals
    #   (11, 3) and column totals (3, 7) are hidden in pairs under a shown grand total of 35.
    # Yet column totals: c0 + c2 = 35 - 25 = 10, with c0 = 3 + 0 + 0 and c2 = 6 + 1 + 0, and
    # row r0 gives 3 + 6 = 21 - 12 = 9, so the 1 in (r1, c2) comes out exactly.
    counts, rows, columns = _grid([[3, 12, 6], [0, 10, 1], [0, 3, 0]])
    with monkeypatch.context() as patch:
        patch.setattr(small_numbers, "_first_bridge", lambda *_args: None)  # one-line rules only
        one_line = protect(counts, rows, columns, k=5)
    assert _determined_table(one_line, counts) == {"r1|c2"}

    table = protect(counts, rows, columns, k=5)
    assert table.cells[("r1", "c2")].hidden
    assert _determined_table(table, counts) == set()
    assert table.cells[("r0", "c1")].hidden  # the extra hide that closes the gap


def test_values_are_shown_only_with_their_count():
    counts = {("a", "x"): 2, ("a", "y"): 9, ("a", "z"): 8}
    counts |= {("b", "x"): 7, ("b", "y"): 6, ("b", "z"): 9}
    values = {("a", "x"): 1.0, ("a", "y"): 4.5, ("b", "y"): 3.0, ("b", "z"): 5.0}
    table = protect(counts, ROWS, COLUMNS, k=5, values=values)
    assert table.cells[("a", "x")] == Cell(None)  # the small cell's average stays hidden too
    assert table.cells[("b", "z")] == Cell(None)
    assert table.cells[("a", "y")] == Cell(9, 4.5)
    assert table.cells[("b", "y")] == Cell(6, 3.0)
    assert all(cell.value is None for cell in table.row_totals.values())
    assert table.total.value is None

    empty = protect({("a", "x"): 0, ("a", "y"): 5}, ["a"], ["x", "y"], values={("a", "x"): 2.0})
    assert empty.cells[("a", "x")] == Cell(0)  # no average over nobody


def test_k_of_one_hides_nothing():
    counts, rows, columns = _grid([[1, 2], [3, 0]])
    assert not protect(counts, rows, columns, k=1).hidden_any


def test_missing_pairs_count_as_zero():
    table = protect({("a", "x"): 6}, ROWS, COLUMNS)
    assert table.cells[("b", "z")] == Cell(0)
    assert table.total == Cell(6)


@pytest.mark.parametrize(
    ("counts", "rows", "columns", "k"),
    [
        ({("a", "x"): -1}, ["a"], ["x"], 5),
        ({("a", "q"): 1}, ["a"], ["x"], 5),
        ({("a", "x"): 1}, ["a", "a"], ["x"], 5),
        ({("a", "x"): 1}, ["a"], ["x"], 0),
    ],
)
def test_bad_input_is_refused(counts, rows, columns, k):
    with pytest.raises(ValueError):
        protect(counts, rows, columns, k=k)


def test_shown():
    assert shown(0) and shown(5) and shown(12)
    assert not shown(1) and not shown(4)
    assert shown(3, k=3) and not shown(2, k=3)
    with pytest.raises(ValueError):
        shown(-1)


def test_series_worked_examples():
    cells, total = protect_series({"Q1": 3, "Q2": 10, "Q3": 12})
    assert [c.hidden for c in cells.values()] == [True, True, False]
    assert total == Cell(25)

    cells, total = protect_series({"Q1": 1, "Q2": 2, "Q3": 10, "Q4": 12})
    assert [c.hidden for c in cells.values()] == [True, True, True, False]

    cells, total = protect_series({"Q1": 3, "Q2": 0})
    assert cells["Q1"].hidden and cells["Q2"] == Cell(0) and total.hidden

    cells, total = protect_series({"Q1": 7, "Q2": 0})
    assert cells == {"Q1": Cell(7), "Q2": Cell(0)} and total == Cell(7)

    cells, total = protect_series({"a": 6, "b": 9}, values={"a": 3.5, "b": 4.0})
    assert cells == {"a": Cell(6, 3.5), "b": Cell(9, 4.0)} and total == Cell(15)

    assert protect_series({}) == ({}, Cell(0))


def test_a_large_table_is_safe():
    rng = random.Random(7)
    counts, rows, columns = _grid(
        [[rng.choice([0, 1, 2, 3, 6, 9, 15]) for _ in range(50)] for _ in range(10)]
    )
    table = protect(counts, rows, columns, k=5)
    _check_table(table, counts, 5)


# --- how an attacker reads a table ----------------------------------------------------------------


def _lines(table: Table, counts: dict[tuple[str, str], int]):
    """(shown members, true member counts, published total, true total) for every line."""
    rows, columns = table.rows, table.columns
    row_true = {r: sum(counts[(r, c)] for c in columns) for r in rows}
    column_true = {c: sum(counts[(r, c)] for r in rows) for c in columns}
    grand = sum(row_true.values())
    for r in rows:
        yield (
            [table.cells[(r, c)] for c in columns],
            [counts[(r, c)] for c in columns],
            table.row_totals[r],
            row_true[r],
        )
    for c in columns:
        yield (
            [table.cells[(r, c)] for r in rows],
            [counts[(r, c)] for r in rows],
            table.column_totals[c],
            column_true[c],
        )
    yield [table.row_totals[r] for r in rows], [row_true[r] for r in rows], table.total, grand
    yield (
        [table.column_totals[c] for c in columns],
        [column_true[c] for c in columns],
        table.total,
        grand,
    )


def _determined(equations: list[dict[str, int]], known: dict[str, int]) -> set[str]:
    """The unknowns that the published figures fix exactly: reduce the equations (each
    sum(coefficient * variable) == 0) over the unknowns to reduced row echelon form with exact
    fractions; an unknown is fixed when its pivot row has nothing in a free column."""
    unknowns = sorted({v for eq in equations for v in eq if v not in known})
    index = {v: i for i, v in enumerate(unknowns)}
    matrix = []
    for eq in equations:
        row = [Fraction(0)] * len(unknowns)
        for v, coefficient in eq.items():
            if v in index:
                row[index[v]] += coefficient
        matrix.append(row)
    pivots: list[int] = []
    rank = 0
    for col in range(len(unknowns)):
        pivot = next((i for i in range(rank, len(matrix)) if matrix[i][col] != 0), None)
        if pivot is None:
            continue
        matrix[rank], matrix[pivot] = matrix[pivot], matrix[rank]
        lead = matrix[rank][col]
        matrix[rank] = [x / lead for x in matrix[rank]]
        for i in range(len(matrix)):
            if i != rank and matrix[i][col] != 0:
                factor = matrix[i][col]
                matrix[i] = [a - factor * b for a, b in zip(matrix[i], matrix[rank], strict=True)]
        pivots.append(col)
        rank += 1
    free = [col for col in range(len(unknowns)) if col not in pivots]
    return {unknowns[col] for r, col in enumerate(pivots) if all(matrix[r][f] == 0 for f in free)}


def _determined_table(table: Table, counts: dict[tuple[str, str], int]) -> set[str]:
    rows, columns = table.rows, table.columns
    known: dict[str, int] = {}
    for (r, c), cell in table.cells.items():
        if not cell.hidden:
            known[f"{r}|{c}"] = cell.count
    for r, cell in table.row_totals.items():
        if not cell.hidden:
            known[f"R|{r}"] = cell.count
    for c, cell in table.column_totals.items():
        if not cell.hidden:
            known[f"C|{c}"] = cell.count
    if not table.total.hidden:
        known["G"] = table.total.count
    equations = [{f"R|{r}": 1} | {f"{r}|{c}": -1 for c in columns} for r in rows]
    equations += [{f"C|{c}": 1} | {f"{r}|{c}": -1 for r in rows} for c in columns]
    equations.append({"G": 1} | {f"R|{r}": -1 for r in rows})
    equations.append({"G": 1} | {f"C|{c}": -1 for c in columns})
    return _determined(equations, known)


def _check_table(table: Table, counts: dict[tuple[str, str], int], k: int) -> None:
    for line, true_members, total, true_total in _lines(table, counts):
        assert sum(true_members) == true_total
        hidden = [n for cell, n in zip(line, true_members, strict=True) if cell.hidden]
        if total.hidden:
            assert hidden  # else the hidden total is the sum of the shown members
            continue
        assert total.count == true_total
        assert len(hidden) != 1
        assert sum(hidden) == 0 or sum(hidden) >= k
        secret = total.count - sum(cell.count for cell in line if not cell.hidden)
        assert secret == sum(hidden)
        assert secret == 0 or secret >= k
    assert _determined_table(table, counts) == set()


# --- properties ---------------------------------------------------------------------------------

# Counts 0-20, with small counts drawn often enough to make suppression work hard.
counts_strategy = st.one_of(st.integers(0, 20), st.integers(0, 6))


@st.composite
def tables(draw):
    n_rows = draw(st.integers(1, 5))
    n_columns = draw(st.integers(1, 6))
    k = draw(st.integers(2, 6))
    counts, rows, columns = _grid(
        [[draw(counts_strategy) for _ in range(n_columns)] for _ in range(n_rows)]
    )
    return counts, rows, columns, k


PROPERTY = settings(max_examples=300, deadline=None)


@PROPERTY
@given(tables())
def test_every_shown_count_is_zero_or_at_least_k(case):
    counts, rows, columns, k = case
    table = protect(counts, rows, columns, k=k)
    figures = [
        *table.cells.values(),
        *table.row_totals.values(),
        *table.column_totals.values(),
        table.total,
    ]
    for cell in figures:
        assert cell.hidden or cell.count == 0 or cell.count >= k


@PROPERTY
@given(tables())
def test_every_line_with_a_shown_total_hides_none_or_two_or_more_summing_to_k(case):
    counts, rows, columns, k = case
    table = protect(counts, rows, columns, k=k)
    for line, true_members, total, _true_total in _lines(table, counts):
        if total.hidden:
            continue
        hidden = [n for cell, n in zip(line, true_members, strict=True) if cell.hidden]
        assert len(hidden) == 0 or len(hidden) >= 2
        assert sum(hidden) == 0 or sum(hidden) >= k


@PROPERTY
@given(tables())
def test_total_minus_shown_cells_never_gives_a_small_group(case):
    counts, rows, columns, k = case
    table = protect(counts, rows, columns, k=k)
    for line, true_members, total, _true_total in _lines(table, counts):
        if total.hidden:
            continue
        recovered = total.count - sum(cell.count for cell in line if not cell.hidden)
        assert recovered == sum(
            n for cell, n in zip(line, true_members, strict=True) if cell.hidden
        )
        assert recovered == 0 or recovered >= k


@PROPERTY
@given(tables())
def test_shown_counts_are_the_true_counts(case):
    counts, rows, columns, k = case
    table = protect(counts, rows, columns, k=k)
    for key, cell in table.cells.items():
        assert cell.hidden or cell.count == counts[key]
    assert table.hidden_any == any(
        cell.hidden
        for cell in [
            *table.cells.values(),
            *table.row_totals.values(),
            *table.column_totals.values(),
            table.total,
        ]
    )


@PROPERTY
@given(tables())
def test_it_ends_and_shown_totals_are_exact(case):
    counts, rows, columns, k = case
    table = protect(counts, rows, columns, k=k)
    for r in rows:
        assert table.row_totals[r].hidden or table.row_totals[r].count == sum(
            counts[(r, c)] for c in columns
        )
    for c in columns:
        assert table.column_totals[c].hidden or table.column_totals[c].count == sum(
            counts[(r, c)] for r in rows
        )
    assert table.total.hidden or table.total.count == sum(counts.values())


@PROPERTY
@given(tables())
def test_no_hidden_figure_can_be_worked_out_from_all_lines_together(case):
    counts, rows, columns, k = case
    table = protect(counts, rows, columns, k=k)
    _check_table(table, counts, k)


@PROPERTY
@given(tables(), st.data())
def test_values_only_where_the_count_is_shown(case, data):
    counts, rows, columns, k = case
    values = {key: data.draw(st.floats(1, 5)) for key in counts if data.draw(st.booleans())}
    table = protect(counts, rows, columns, k=k, values=values)
    for key, cell in table.cells.items():
        if cell.hidden or cell.count == 0:
            assert cell.value is None
        else:
            assert cell.value == values.get(key)


series_strategy = st.dictionaries(
    st.sampled_from([f"{year} K{quarter}" for year in (2025, 2026) for quarter in range(1, 5)]),
    counts_strategy,
    max_size=8,
)


@PROPERTY
@given(series_strategy, st.integers(2, 6))
def test_a_series_with_its_total_follows_the_same_rules(counts, k):
    cells, total = protect_series(counts, k=k)
    assert list(cells) == list(counts)
    for label, cell in cells.items():
        assert cell.hidden or cell.count == counts[label]
        assert cell.hidden or cell.count == 0 or cell.count >= k
    hidden = [counts[label] for label, cell in cells.items() if cell.hidden]
    if total.hidden:
        assert sum(counts.values()) > 0
        assert hidden  # else the total is the sum of the shown cells
    else:
        assert total.count == sum(counts.values())
        recovered = total.count - sum(c.count for c in cells.values() if not c.hidden)
        assert recovered == sum(hidden)
        assert len(hidden) != 1
        assert recovered == 0 or recovered >= k
    known = {label: cell.count for label, cell in cells.items() if not cell.hidden}
    if not total.hidden:
        known["total"] = total.count
    assert _determined([{"total": 1} | {label: -1 for label in counts}], known) == set()
