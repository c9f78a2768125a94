"""Charts for the dashboards: Vega-Lite specs made with altair, drawn to SVG on the server by
vl-convert (no JavaScript, no network), with a title for screen readers. The data table is
always shown beside the chart."""

from __future__ import annotations

import re

import altair as alt  # type: ignore[import-untyped]
import vl_convert as vlc  # type: ignore[import-untyped]


def bars(rows: list[dict[str, object]], *, x: str, y: str, title: str, unit: str) -> str:
    chart = (
        alt.Chart(alt.Data(values=rows))  # type: ignore[no-untyped-call]
        .mark_bar(color="#1a5a96")
        .encode(
            x=alt.X(f"{x}:N", title=None, sort=None, axis=alt.Axis(labelAngle=0, labelLimit=140)),
            y=alt.Y(f"{y}:Q", title=unit),
            tooltip=[alt.Tooltip(f"{x}:N"), alt.Tooltip(f"{y}:Q")],
        )
        .properties(width=460, height=220, title=title)
    )
    return accessible(vlc.vegalite_to_svg(chart.to_json()), title)


def accessible(svg: str, title: str) -> str:
    """The svg as an image with a name (vl-convert writes neither)."""
    safe = title.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
    return re.sub(r"<svg\b", f'<svg role="img" aria-label="{safe}"', svg, count=1)
