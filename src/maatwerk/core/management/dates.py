"""Dates typed on the command line, read the same way by every `maatwerk` command."""

from __future__ import annotations

from datetime import date

from django.core.management.base import CommandError


def command_date(value: str, *, example: str = "2026-03-10") -> date:
    """A JJJJ-MM-DD date, or a Dutch message that says how to write it."""
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(
            f"'{value}' is geen datum. Schrijf de datum als JJJJ-MM-DD, bijvoorbeeld {example}."
        ) from error
