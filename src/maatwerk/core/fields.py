"""Form fields every app's forms share: a date typed as day-month-year, a time, a text area,
each with a Dutch message that says how to fill it in."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _


class DateInput(forms.DateInput):
    input_type = "date"


class TimeInput(forms.TimeInput):
    input_type = "time"


REQUIRED = {"required": _("Fill this in.")}
_DATE_ERRORS = {"invalid": _("Write the date as day-month-year, for example 24-03-2026.")}


def date_field(label: Any, **kwargs: Any) -> forms.DateField:
    return forms.DateField(
        label=label,
        widget=DateInput(format="%Y-%m-%d"),
        error_messages={**REQUIRED, **_DATE_ERRORS},
        input_formats=["%Y-%m-%d", "%d-%m-%Y"],
        **kwargs,
    )


def time_field(label: Any) -> forms.TimeField:
    return forms.TimeField(
        label=label,
        widget=TimeInput(format="%H:%M"),
        required=False,
        error_messages={"invalid": _("Write the time as hours:minutes, for example 12:00.")},
    )


def text_field(label: Any, rows: int = 3, **kwargs: Any) -> forms.CharField:
    return forms.CharField(
        label=label,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages=REQUIRED,
        **kwargs,
    )
