"""Template helpers for accessible forms."""

from __future__ import annotations

from django import template
from django.forms import BoundField
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


@register.simple_tag
def field_aria(field: BoundField) -> SafeString:
    """aria-invalid and aria-describedby for a field's hint and error, only when there are any."""
    ids = []
    if field.help_text:
        ids.append(f"{field.auto_id}-hint")
    if field.errors:
        ids.append(f"{field.auto_id}-error")
    if not ids:
        return mark_safe("")
    invalid = mark_safe(' aria-invalid="true"') if field.errors else mark_safe("")
    return format_html(' aria-describedby="{}"{}', " ".join(ids), invalid)
