"""Reading the access log as a client would: repeated reads collapse into one row.

One editing session can open the same dossier a dozen times (every save reloads the page), and
the log keeps each read, as the law asks (NEN 7513). The client's page "Wie heeft mijn dossier
bekeken" shows them as one row: the same person, for the same purpose, with no more than
`window` between one read and the next, becomes one row with the first and last moment and a
count. Nothing is dropped: the counts add up to the reads, and a different person, purpose or a
longer pause starts a new row.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

DEFAULT_WINDOW = timedelta(minutes=60)


@dataclass(frozen=True)
class Read:
    moment: datetime
    key: Hashable  # who and why: the same key may collapse
    shown: Hashable  # what the row shows (role, team, reason); equal for equal keys


@dataclass(frozen=True)
class Row:
    first: datetime
    last: datetime
    count: int
    key: Hashable
    shown: Hashable


def collapse(reads: Iterable[Read], window: timedelta = DEFAULT_WINDOW) -> list[Row]:
    """Rows newest first; reads may come in any order."""
    open_rows: dict[Hashable, Row] = {}
    done: list[Row] = []
    for read in sorted(reads, key=lambda r: r.moment):
        row = open_rows.get(read.key)
        if row is not None and read.moment - row.last <= window:
            open_rows[read.key] = replace(row, last=read.moment, count=row.count + 1)
            continue
        if row is not None:
            done.append(row)
        open_rows[read.key] = Row(read.moment, read.moment, 1, read.key, read.shown)
    return sorted([*done, *open_rows.values()], key=lambda r: r.last, reverse=True)
