"""What happens to documents that other apps follow (the table is `maatwerk/flow.py`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from maatwerk.core.events import Event


@dataclass(frozen=True)
class DocumentReceived(Event):
    """A document came in (with its client when the sender is known)."""

    document_id: int
    client_id: int | None
    received_at: datetime


@dataclass(frozen=True)
class DocumentRouted(Event):
    """A document went to a regisseur (first routing, a correction, or passed on)."""

    document_id: int
    client_id: int
    received_at: datetime
