"""Dates people see, turned into the moments stored: a due date means the end of that day."""

from __future__ import annotations

from datetime import date, datetime, time

from django.utils import timezone

from maatwerk.core.rules.calendar import TermUnit, term_end

END_OF_DAY = time(23, 59, 59)


def end_of(day: date) -> datetime:
    """The last second of `day` in the municipality's time zone."""
    return timezone.make_aware(datetime.combine(day, END_OF_DAY))


def local_date(moment: datetime) -> date:
    return timezone.localtime(moment).date()


def is_end_of_day(moment: datetime) -> bool:
    return timezone.localtime(moment).time() == END_OF_DAY


def due_after(start: datetime, amount: int, unit: TermUnit, *, statutory: bool = False) -> datetime:
    """The end of a term of `amount` calendar days, working days or weeks after `start`,
    computed by core's calendar (with the Algemene termijnenwet for statutory terms)."""
    return end_of(term_end(local_date(start), amount, unit, statutory=statutory))
