"""The participation ladder over time as a small SVG line chart: pure, no Django.

A fixed, small chart drawn directly (no chart library): it is on every plan page, so it must
be fast, and it reads the same without JavaScript. The data table sits beside it in the page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from html import escape

RUNGS = 6
WIDTH, HEIGHT = 480, 200
LEFT, RIGHT, TOP, BOTTOM = 36, 12, 12, 28


@dataclass(frozen=True)
class Point:
    day: date
    rung: int


def ladder_svg(points: Sequence[Point], *, title: str) -> str:
    """An SVG of the rungs over time, with a title for screen readers."""
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    ordered = sorted(points, key=lambda p: p.day)
    first = ordered[0].day if ordered else date.min
    span = max((ordered[-1].day - first).days, 1) if ordered else 1

    def x(day: date) -> float:
        return LEFT + plot_w * (day - first).days / span if len(ordered) > 1 else LEFT + plot_w / 2

    def y(rung: int) -> float:
        return TOP + plot_h * (RUNGS - rung) / (RUNGS - 1)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'role="img" aria-labelledby="ladder-title" class="maatwerk-chart">',
        f'<title id="ladder-title">{escape(title)}</title>',
    ]
    for rung in range(1, RUNGS + 1):
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(rung):.1f}" y2="{y(rung):.1f}" '
            f'stroke="#ccc" stroke-width="1"/>'
            f'<text x="{LEFT - 8}" y="{y(rung) + 4:.1f}" text-anchor="end" font-size="12">'
            f"{rung}</text>"
        )
    if ordered:
        line = " ".join(f"{x(p.day):.1f},{y(p.rung):.1f}" for p in ordered)
        parts.append(f'<polyline points="{line}" fill="none" stroke="#1a5a96" stroke-width="2"/>')
        for p in ordered:
            parts.append(
                f'<circle cx="{x(p.day):.1f}" cy="{y(p.rung):.1f}" r="3.5" fill="#1a5a96"/>'
            )
        parts.append(
            f'<text x="{LEFT}" y="{HEIGHT - 8}" font-size="12">{ordered[0].day.isoformat()}</text>'
            f'<text x="{WIDTH - RIGHT}" y="{HEIGHT - 8}" font-size="12" text-anchor="end">'
            f"{ordered[-1].day.isoformat()}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)
