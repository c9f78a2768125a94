"""What happens in plans that other apps follow (the table is `maatwerk/flow.py`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from maatwerk.core.events import Event


@dataclass(frozen=True)
class LadderMeasured(Event):
    """The client's rung on the participation ladder was recorded for a day."""

    measurement_id: int
    client_id: int
    measured_on: date
