"""Look-ups in the k-protected tables of the council pages."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.filter
def get(mapping: Any, key: Any) -> Any:
    return mapping.get(key) if hasattr(mapping, "get") else None


@register.filter
def cell(cells: Any, row: str) -> dict[str, Any]:
    """The cells of one row, keyed by column: {(row, col): cell} → {col: cell}."""
    return {col: value for (r, col), value in cells.items() if r == row}
