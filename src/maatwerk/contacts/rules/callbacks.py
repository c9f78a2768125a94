"""When a callback is due, and how a phone number is compared: pure, no Django.

The norm (DOMAIN.md "Service norms", default one working day) counts working days by the
Algemene termijnenwet calendar: a request on Monday 11:17 with a norm of one working day is due
on Tuesday before 12:00 (the next full hour). Calls are made in office hours, so a due time
falls between 10:00 and 17:00; a request made on a weekend or a public holiday counts from the
next working day.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from maatwerk.core.rules.calendar import add_working_days, is_working_day

EARLIEST = time(10, 0)
LATEST = time(17, 0)


def callback_due(requested: datetime, norm_working_days: int) -> datetime:
    """The moment by which the client is called back (naive local time in, naive out)."""
    if norm_working_days < 1:
        raise ValueError("the norm is at least one working day")
    start = requested.date()
    clock = _next_full_hour(requested.time())
    if not is_working_day(start):
        # Counted from the start of the next working day: a full working day to call back.
        start = add_working_days(start, 1)
        clock = EARLIEST
    day: date = add_working_days(start, norm_working_days)
    clock = min(max(clock, EARLIEST), LATEST)
    return datetime.combine(day, clock)


def _next_full_hour(moment: time) -> time:
    if moment.minute == 0 and moment.second == 0 and moment.microsecond == 0:
        return time(moment.hour)
    hour = moment.hour + 1
    return time(hour) if hour < 24 else LATEST


def phone_key(number: str) -> str:
    """Digits only, with +31 or 0031 turned into 0: '+31 6-1234 5678' -> '0612345678'."""
    digits = re.sub(r"\D", "", number.replace("+", "00"))
    if digits.startswith("0031"):
        digits = "0" + digits[4:]
    return digits


def next_attempt(after: datetime) -> datetime:
    """When to try again after not reaching the client: two office hours later, or tomorrow."""
    later = after + timedelta(hours=2)
    if later.time() <= LATEST and is_working_day(later.date()):
        return max(
            later.replace(minute=0, second=0, microsecond=0),
            datetime.combine(later.date(), EARLIEST),
        )
    return datetime.combine(add_working_days(after.date(), 1), EARLIEST)
