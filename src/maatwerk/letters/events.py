"""What happens to letters that other apps follow (the table is `maatwerk/flow.py`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from maatwerk.core.events import Event


@dataclass(frozen=True)
class LetterSent(Event):
    letter_id: int
    client_id: int
    sent_at: datetime


@dataclass(frozen=True)
class LetterOpened(Event):
    """The client opened the letter in the portal for the first time."""

    letter_id: int
    client_id: int
    sent_at: datetime
