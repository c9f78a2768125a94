"""Counting rules of the dashboards, in plain Python."""

from __future__ import annotations


def median_of_counts(histogram: dict[int, int]) -> float:
    """The median of values given as value -> how often, without listing them one by one."""
    total = sum(histogram.values())
    middle = [(total - 1) // 2, total // 2]  # positions of the one or two middle values
    found: list[int] = []
    seen = 0
    for value in sorted(histogram):
        seen += histogram[value]
        while middle and middle[0] < seen:
            found.append(value)
            middle.pop(0)
    return (found[0] + found[1]) / 2
