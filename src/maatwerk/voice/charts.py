"""A bar chart of counts per label as a small SVG: pure, no Django. Suppressed bars are drawn
as a hatched stub with "<k", so a small number is never shown as a bar height. The data table
sits beside it on every page and in the report."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

WIDTH, HEIGHT = 520, 220
LEFT, RIGHT, TOP, BOTTOM = 40, 12, 12, 44


@dataclass(frozen=True)
class Bar:
    label: str
    count: int | None  # None: suppressed


def bars_svg(bars: Sequence[Bar], *, title: str, chart_id: str, k: int) -> str:
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    highest = max([b.count or 0 for b in bars] + [k, 1])
    step = plot_w / max(len(bars), 1)
    width = step * 0.6
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{chart_id}-title" class="maatwerk-chart">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{TOP + plot_h}" y2="{TOP + plot_h}" '
        'stroke="#333" stroke-width="1"/>',
    ]
    for n, bar in enumerate(bars):
        x = LEFT + n * step + (step - width) / 2
        label = escape(bar.label)
        if bar.count is None:
            height = plot_h * 0.06
            parts.append(
                f'<rect x="{x:.1f}" y="{TOP + plot_h - height:.1f}" width="{width:.1f}" '
                f'height="{height:.1f}" fill="none" stroke="#555" stroke-dasharray="3 2"/>'
                f'<text x="{x + width / 2:.1f}" y="{TOP + plot_h - height - 4:.1f}" '
                f'text-anchor="middle" font-size="11">&lt;{k}</text>'
            )
        else:
            height = plot_h * bar.count / highest
            parts.append(
                f'<rect x="{x:.1f}" y="{TOP + plot_h - height:.1f}" width="{width:.1f}" '
                f'height="{height:.1f}" fill="#1a5a96"/>'
                f'<text x="{x + width / 2:.1f}" y="{TOP + plot_h - height - 4:.1f}" '
                f'text-anchor="middle" font-size="11">{bar.count}</text>'
            )
        parts.append(
            f'<text x="{x + width / 2:.1f}" y="{HEIGHT - 24}" text-anchor="middle" '
            f'font-size="11">{label}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
