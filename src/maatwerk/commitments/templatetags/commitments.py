"""Template filters for due moments and amounts, as people read them."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from django import template
from django.utils import formats, timezone

from maatwerk.commitments.moments import is_end_of_day

register = template.Library()


@register.filter
def due(moment: datetime | None) -> str:
    """'24 maart 2026', or '24 maart 2026 12:00' when a time was promised."""
    if moment is None:
        return ""
    local = timezone.localtime(moment)
    if is_end_of_day(moment):
        return formats.date_format(local, "l j F Y")
    return formats.date_format(local, "l j F Y H:i")


@register.filter
def euro(amount: Decimal | int | None) -> str:
    if amount is None:
        return ""
    return "€ " + formats.number_format(amount, 2, use_l10n=True, force_grouping=True)
