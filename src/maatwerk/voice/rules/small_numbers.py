"""Small numbers stay hidden: anonymous feedback and survey results shown to the client council
never reveal a group of fewer than k responses, also not by differencing. Pure Python, no Django.

Why: a council member who sees "2 complaints from young people about debt counselling" may know
who they are. Hiding the 2 alone is not enough when the row total and the other cells are shown:
total minus shown cells gives the 2 back. So the rules are:

1. Primary: a cell with 0 < count < k is hidden. A zero is shown: it reveals nobody, and a zero
   is never hidden to cover another cell.
2. Totals: a row, column or grand total with 0 < total < k is hidden too.
3. Differencing: in every line (a row with its row total, a column with its column total, the
   row totals and the column totals each against the grand total) whose total is shown, the
   hidden members are none, or at least two whose sum is 0 or at least k. Otherwise the smallest
   shown non-zero member is hidden as well; when none is left, the line's total is hidden.
   In a line whose total is hidden, at least one member is hidden too, or the total would just
   be the sum of the shown members.
4. Values (averages) are shown only where the count is shown.
5. No hidden count may be worked out exactly by combining lines. Rules 1-4 look at one line at a
   time; an attacker can add and subtract several lines. The table is a flow network (grand
   total -> row totals -> cells -> column totals -> grand total), and every line is a node where
   inflow equals outflow. A hidden count can be computed from the shown ones exactly when it is
   a bridge among the hidden edges (it lies on no cycle of hidden edges). Each such bridge is
   closed into a cycle by hiding the cheapest path of shown non-zero counts.

Rules 3 and 5 repeat until nothing changes. Every step hides at least one more count and
nothing is ever shown again, so this ends after at most as many steps as there are counts.
"""

from __future__ import annotations

import heapq
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass

DEFAULT_K = 5


@dataclass(frozen=True)
class Cell:
    """One published figure. A hidden cell carries neither count nor value, so a template cannot
    leak what it was by accident."""

    count: int | None  # None = suppressed
    value: float | None = None  # e.g. an average rating; None when suppressed or not given

    @property
    def hidden(self) -> bool:
        """True when the count was suppressed (shown as "<k" on the page)."""
        return self.count is None


@dataclass(frozen=True)
class Table:
    """A two-way breakdown with its margins, as it may be shown to the council."""

    rows: list[str]
    columns: list[str]
    cells: dict[tuple[str, str], Cell]
    row_totals: dict[str, Cell]
    column_totals: dict[str, Cell]
    total: Cell
    hidden_any: bool  # True when something was suppressed (the page explains why)


def shown(count: int, k: int = DEFAULT_K) -> bool:
    """Whether a count may be shown on its own: 0 (reveals nobody) or at least k."""
    _check_k(k)
    if count < 0:
        raise ValueError(f"a count cannot be negative: {count}")
    return count == 0 or count >= k


def protect(
    counts: dict[tuple[str, str], int],
    rows: list[str],
    columns: list[str],
    *,
    k: int = DEFAULT_K,
    values: dict[tuple[str, str], float] | None = None,
) -> Table:
    """Hide the cells and totals of a rows x columns table that would reveal a group smaller
    than k, directly or by differencing. Missing (row, column) pairs count as 0. Totals are
    computed here from the cells, so shown totals are exact; totals carry no value, because an
    overall average next to the cell averages could reveal the average of the hidden cells."""
    _check_k(k)
    _check_labels(rows, "row")
    _check_labels(columns, "column")
    values = values or {}
    grid = {(r, c) for r in rows for c in columns}
    for key in counts:
        if key not in grid:
            raise ValueError(f"count for {key!r} is outside the table's rows and columns")
    for key in values:
        if key not in grid:
            raise ValueError(f"value for {key!r} is outside the table's rows and columns")

    # Items are the figures on the page, each an edge of the flow network. Nodes: 0 is the
    # source (grand total flows out to the rows), 1 the sink (columns flow in to the grand
    # total), then one node per row and one per column.
    n_rows, n_cols = len(rows), len(columns)
    row_node = [2 + i for i in range(n_rows)]
    col_node = [2 + n_rows + j for j in range(n_cols)]
    item_counts: list[int] = []
    ends: list[tuple[int, int]] = []

    def add(count: int, tail: int, head: int) -> int:
        item_counts.append(count)
        ends.append((tail, head))
        return len(item_counts) - 1

    cell_item: dict[tuple[str, str], int] = {}
    for i, r in enumerate(rows):
        for j, c in enumerate(columns):
            count = counts.get((r, c), 0)
            if count < 0:
                raise ValueError(f"count for {(r, c)!r} cannot be negative: {count}")
            cell_item[(r, c)] = add(count, row_node[i], col_node[j])
    row_item = [
        add(sum(item_counts[cell_item[(r, c)]] for c in columns), 0, row_node[i])
        for i, r in enumerate(rows)
    ]
    col_item = [
        add(sum(item_counts[cell_item[(r, c)]] for r in rows), col_node[j], 1)
        for j, c in enumerate(columns)
    ]
    grand_item = add(sum(item_counts[t] for t in row_item), 1, 0)

    lines = [(row_item[i], [cell_item[(r, c)] for c in columns]) for i, r in enumerate(rows)]
    lines += [(col_item[j], [cell_item[(r, c)] for r in rows]) for j, c in enumerate(columns)]
    lines += [(grand_item, row_item), (grand_item, col_item)]

    hidden = _suppress(item_counts, ends, 2 + n_rows + n_cols, lines, k)

    def cell(item: int, value: float | None = None) -> Cell:
        if hidden[item]:
            return Cell(None)
        # An average over nobody is not a figure; only a shown, non-zero count carries one.
        return Cell(item_counts[item], value if item_counts[item] > 0 else None)

    return Table(
        rows=list(rows),
        columns=list(columns),
        cells={key: cell(item, values.get(key)) for key, item in cell_item.items()},
        row_totals={r: cell(row_item[i]) for i, r in enumerate(rows)},
        column_totals={c: cell(col_item[j]) for j, c in enumerate(columns)},
        total=cell(grand_item),
        hidden_any=any(hidden),
    )


def protect_series(
    counts: dict[str, int], *, k: int = DEFAULT_K, values: dict[str, float] | None = None
) -> tuple[dict[str, Cell], Cell]:
    """A one-dimensional breakdown (e.g. per quarter) with its total, same rules.

    The total carries no value, for the same reason as in `protect`. The order of `counts` is
    kept, so a caller can pass the quarters sorted."""
    _check_k(k)
    values = values or {}
    for label in values:
        if label not in counts:
            raise ValueError(f"value for {label!r} has no count")
    labels = list(counts)
    item_counts = []
    for label in labels:
        if counts[label] < 0:
            raise ValueError(f"count for {label!r} cannot be negative: {counts[label]}")
        item_counts.append(counts[label])
    total_item = len(labels)
    item_counts.append(sum(item_counts))
    # Two nodes: every item flows from 0 to 1 and the total flows back.
    ends = [(0, 1)] * len(labels) + [(1, 0)]
    hidden = _suppress(item_counts, ends, 2, [(total_item, list(range(len(labels))))], k)
    cells = {
        label: Cell(None)
        if hidden[i]
        else Cell(counts[label], values.get(label) if counts[label] > 0 else None)
        for i, label in enumerate(labels)
    }
    total = Cell(None) if hidden[total_item] else Cell(item_counts[total_item])
    return cells, total


# --- the suppression engine -------------------------------------------------------------------


def _check_k(k: int) -> None:
    if k < 1:
        raise ValueError(f"k must be at least 1, not {k}")


def _check_labels(labels: Sequence[str], kind: str) -> None:
    if len(set(labels)) != len(labels):
        raise ValueError(f"duplicate {kind} labels: {list(labels)!r}")


def _suppress(
    counts: list[int],
    ends: list[tuple[int, int]],
    n_nodes: int,
    lines: list[tuple[int, list[int]]],
    k: int,
) -> list[bool]:
    """Which items to hide. `counts` must form a flow: at every node of `ends` the inflow
    equals the outflow; every line is such a node as (total item, member items)."""
    hidden = [0 < count < k for count in counts]  # rules 1 and 2
    lines_of: list[list[int]] = [[] for _ in counts]
    for index, (total, members) in enumerate(lines):
        lines_of[total].append(index)
        for member in members:
            lines_of[member].append(index)
    while True:
        _settle_lines(counts, lines, lines_of, hidden, k)  # rule 3
        bridge = _first_bridge(ends, n_nodes, hidden)
        if bridge is None:
            return hidden
        extra = _close_cycle(bridge, counts, ends, n_nodes, hidden)  # rule 5
        if not extra:  # a bridge always needs a shown item to close it; never loop forever
            raise RuntimeError("small-number suppression made no progress")
        for item in extra:
            hidden[item] = True


def _settle_lines(
    counts: list[int],
    lines: list[tuple[int, list[int]]],
    lines_of: list[list[int]],
    hidden: list[bool],
    k: int,
) -> None:
    """Rule 3 to a fixed point. A first-in first-out work list takes the lines in their given
    order (rows, columns, margins) and then revisits only the lines that cross a newly hidden
    item, so each visit costs the length of a line that actually changed."""
    pending = deque(range(len(lines)))
    queued = [True] * len(lines)

    def hide(item: int) -> None:
        hidden[item] = True
        for index in lines_of[item]:
            if not queued[index]:
                queued[index] = True
                pending.append(index)

    while pending:
        index = pending.popleft()
        queued[index] = False
        total, members = lines[index]
        # Smallest first; the position breaks ties so the outcome is deterministic.
        candidates = sorted(
            (counts[m], position, m)
            for position, m in enumerate(members)
            if not hidden[m] and counts[m] > 0
        )
        secret = [counts[m] for m in members if hidden[m]]
        if hidden[total]:
            # A hidden total with every member shown is just their sum.
            if not secret and candidates:
                hide(candidates[0][2])
            continue
        for count, _position, member in candidates:
            if _line_safe(secret, k):
                break
            hide(member)
            secret.append(count)
        if not _line_safe(secret, k):
            hide(total)


def _line_safe(secret: list[int], k: int) -> bool:
    """Total minus shown members reveals the hidden sum; it must not be a small group and must
    not be a single hidden member."""
    return not secret or (len(secret) >= 2 and (sum(secret) == 0 or sum(secret) >= k))


def _first_bridge(ends: list[tuple[int, int]], n_nodes: int, hidden: list[bool]) -> int | None:
    """A hidden item that lies on no cycle of hidden items, so the shown figures determine it
    (Tarjan's bridge search, iterative; parallel edges are told apart by item)."""
    adjacent: list[list[tuple[int, int]]] = [[] for _ in range(n_nodes)]
    for item, (tail, head) in enumerate(ends):
        if hidden[item]:
            adjacent[tail].append((head, item))
            adjacent[head].append((tail, item))
    order = [-1] * n_nodes
    low = [0] * n_nodes
    counter = 0
    bridges: list[int] = []
    for root in range(n_nodes):
        if order[root] != -1 or not adjacent[root]:
            continue
        order[root] = low[root] = counter
        counter += 1
        # Frames: (node, item used to reach it, index of the next neighbour to look at).
        stack: list[tuple[int, int, int]] = [(root, -1, 0)]
        while stack:
            node, via, position = stack[-1]
            if position < len(adjacent[node]):
                stack[-1] = (node, via, position + 1)
                neighbour, item = adjacent[node][position]
                if item == via:
                    continue
                if order[neighbour] == -1:
                    order[neighbour] = low[neighbour] = counter
                    counter += 1
                    stack.append((neighbour, item, 0))
                else:
                    low[node] = min(low[node], order[neighbour])
                continue
            stack.pop()
            if stack:
                parent = stack[-1][0]
                low[parent] = min(low[parent], low[node])
                if low[node] > order[parent]:
                    bridges.append(via)
    return min(bridges) if bridges else None


def _close_cycle(
    bridge: int,
    counts: list[int],
    ends: list[tuple[int, int]],
    n_nodes: int,
    hidden: list[bool],
) -> list[int]:
    """The shown items to hide so that `bridge` lies on a cycle of hidden items: the cheapest
    path between its ends over non-zero items (hidden ones are free), fewest new hides on a tie.

    Such a path always exists: all counts are non-negative and balance at every node, so every
    non-zero item lies on a cycle of non-zero items."""
    start, goal = ends[bridge]
    adjacent: list[list[tuple[int, int]]] = [[] for _ in range(n_nodes)]
    for item, (tail, head) in enumerate(ends):
        if item != bridge and counts[item] > 0:
            adjacent[tail].append((head, item))
            adjacent[head].append((tail, item))
    best: dict[int, tuple[int, int]] = {start: (0, 0)}
    came_by: dict[int, tuple[int, int]] = {}  # node -> (previous node, item)
    queue: list[tuple[int, int, int]] = [(0, 0, start)]
    while queue:
        cost, extra, node = heapq.heappop(queue)
        if (cost, extra) > best[node]:
            continue
        if node == goal:
            break
        for neighbour, item in adjacent[node]:
            step = (0, 0) if hidden[item] else (counts[item], 1)
            candidate = (cost + step[0], extra + step[1])
            if neighbour not in best or candidate < best[neighbour]:
                best[neighbour] = candidate
                came_by[neighbour] = (node, item)
                heapq.heappush(queue, (candidate[0], candidate[1], neighbour))
    if goal not in came_by:
        # Cannot happen for counts that balance; if it does, hiding every non-zero item is safe.
        return [item for item, count in enumerate(counts) if count > 0 and not hidden[item]]
    path: list[int] = []
    node = goal
    while node != start:
        node, item = came_by[node]
        if not hidden[item]:
            path.append(item)
    return path
