"""Findings marked in the text, and suggestions applied with one click. Pure.

A suggestion is applied only when the text at its place is still what was checked; otherwise the
writer is asked to check again, so a click never changes the wrong words.
"""

from __future__ import annotations

from dataclasses import dataclass


class Stale(ValueError):
    """The text changed since the check: the finding is no longer where it was."""


@dataclass(frozen=True)
class Segment:
    text: str
    finding: int | None = None  # index into the report's findings; None for plain text


def segments(text: str, spans: list[tuple[int, int]]) -> list[Segment]:
    """The text cut into plain and marked pieces; where findings overlap, the first one wins."""
    pieces: list[Segment] = []
    at = 0
    for index, (start, end) in sorted(enumerate(spans), key=lambda item: item[1]):
        if start < at or end <= start or end > len(text):
            continue
        if start > at:
            pieces.append(Segment(text[at:start]))
        pieces.append(Segment(text[start:end], index))
        at = end
    if at < len(text):
        pieces.append(Segment(text[at:]))
    return pieces


def alternatives(suggestion: str) -> list[str]:
    """The plain words a phrase can be replaced by ('dit, deze' gives two)."""
    return [part.strip() for part in suggestion.split(",") if part.strip()]


def apply(text: str, start: int, end: int, expected: str, replacement: str) -> str:
    """`text` with `expected` at start:end replaced, keeping a capital at the start."""
    if not (0 <= start < end <= len(text)) or text[start:end] != expected:
        raise Stale(expected)
    if expected[:1].isupper():
        replacement = replacement[:1].upper() + replacement[1:]
    return text[:start] + replacement + text[end:]
