"""What changed between two versions of a plan: pure, over plain data.

Items are matched by their key, which stays the same from version to version.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Item:
    key: str
    kind: str  # goal, obstacle, step, arrangement
    text: str


@dataclass(frozen=True)
class Change:
    kind: str
    change: str  # added, removed, changed
    before: str
    after: str


def compare(before: Sequence[Item], after: Sequence[Item]) -> list[Change]:
    old = {item.key: item for item in before}
    new = {item.key: item for item in after}
    changes: list[Change] = []
    for key, item in new.items():
        if key not in old:
            changes.append(Change(item.kind, "added", "", item.text))
        elif old[key].text != item.text:
            changes.append(Change(item.kind, "changed", old[key].text, item.text))
    for key, item in old.items():
        if key not in new:
            changes.append(Change(item.kind, "removed", item.text, ""))
    order = {"goal": 0, "obstacle": 1, "step": 2, "arrangement": 3}
    return sorted(changes, key=lambda c: order.get(c.kind, 9))
