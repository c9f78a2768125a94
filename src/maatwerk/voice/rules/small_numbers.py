"""Small numbers stay hidden: a count under k is never shown, and more cells are hidden until
no shown total minus shown cells reveals a small group (differencing). Pure, no Django.

Primary suppression hides 0 < count < k. Then, for every line whose total is shown (each row,
each column, and the row and column totals against the grand total), the hidden cells must be
none, or at least two whose sum is 0 or at least k; otherwise the smallest shown non-zero cell
of that line is hidden too, or the line's total when no cell is left. This repeats until
nothing changes. Zeros are shown: a zero reveals nobody.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Cell:
    count: int | None  # None: hidden
    value: float | None = None

    @property
    def hidden(self) -> bool:
        return self.count is None


@dataclass(frozen=True)
class Table:
    rows: list[str]
    columns: list[str]
    cells: dict[tuple[str, str], Cell]
    row_totals: dict[str, Cell]
    column_totals: dict[str, Cell]
    total: Cell
    hidden_any: bool


def shown(count: int, k: int = 5) -> bool:
    return count == 0 or count >= k


def _small(count: int, k: int) -> bool:
    return 0 < count < k


def _line_safe(counts: list[int], hidden: list[bool], k: int) -> bool:
    secret = [c for c, h in zip(counts, hidden, strict=True) if h]
    return not secret or (len(secret) >= 2 and (sum(secret) == 0 or sum(secret) >= k))


def _settle(
    lines: list[tuple[list[str], str]], counts: dict[str, int], hidden: dict[str, bool], k: int
) -> None:
    """Hide more members of `lines` (members, total) until every shown-total line is safe."""
    changed = True
    while changed:
        changed = False
        for members, total in lines:
            if hidden[total]:
                continue
            values = [counts[m] for m in members]
            flags = [hidden[m] for m in members]
            while not _line_safe(values, flags, k):
                candidates = [m for m in members if not hidden[m] and counts[m] > 0]
                if not candidates:
                    hidden[total] = True
                    changed = True
                    break
                smallest = min(candidates, key=lambda m: counts[m])
                hidden[smallest] = True
                flags = [hidden[m] for m in members]
                changed = True


def protect(
    counts: dict[tuple[str, str], int],
    rows: list[str],
    columns: list[str],
    *,
    k: int = 5,
    values: dict[tuple[str, str], float] | None = None,
) -> Table:
    values = values or {}
    key = {(r, c): f"c|{r}|{c}" for r in rows for c in columns}
    flat: dict[str, int] = {key[rc]: counts.get(rc, 0) for rc in key}
    for r in rows:
        flat[f"r|{r}"] = sum(counts.get((r, c), 0) for c in columns)
    for c in columns:
        flat[f"k|{c}"] = sum(counts.get((r, c), 0) for r in rows)
    flat["total"] = sum(flat[f"r|{r}"] for r in rows)
    hidden = {name: _small(n, k) for name, n in flat.items()}
    lines = [([key[(r, c)] for c in columns], f"r|{r}") for r in rows]
    lines += [([key[(r, c)] for r in rows], f"k|{c}") for c in columns]
    lines += [([f"r|{r}" for r in rows], "total"), ([f"k|{c}" for c in columns], "total")]
    _settle(lines, flat, hidden, k)

    def cell(name: str, value: float | None = None) -> Cell:
        return Cell(None) if hidden[name] else Cell(flat[name], value)

    return Table(
        rows=rows,
        columns=columns,
        cells={rc: cell(key[rc], values.get(rc)) for rc in key},
        row_totals={r: cell(f"r|{r}") for r in rows},
        column_totals={c: cell(f"k|{c}") for c in columns},
        total=cell("total"),
        hidden_any=any(hidden.values()),
    )


def protect_series(
    counts: dict[str, int], *, k: int = 5, values: dict[str, float] | None = None
) -> tuple[dict[str, Cell], Cell]:
    """A one-dimensional breakdown (per quarter, per group) with its total, same rules."""
    values = values or {}
    labels = list(counts)
    flat = {f"c|{label}": counts[label] for label in labels}
    flat["total"] = sum(counts.values())
    hidden = {name: _small(n, k) for name, n in flat.items()}
    _settle([([f"c|{label}" for label in labels], "total")], flat, hidden, k)
    cells = {
        label: Cell(None) if hidden[f"c|{label}"] else Cell(counts[label], values.get(label))
        for label in labels
    }
    return cells, Cell(None) if hidden["total"] else Cell(flat["total"])
