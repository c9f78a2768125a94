"""What happens in contacts that other apps follow (the table is `maatwerk/flow.py`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from maatwerk.core.events import Event


@dataclass(frozen=True)
class MessageReceived(Event):
    """A client sent a message; the municipality promised to answer it by `reply_due`."""

    message_id: int
    client_id: int
    reply_due: datetime


@dataclass(frozen=True)
class NotificationSent(Event):
    """The outbox sent a notification (the mail server took it)."""

    notification_id: int
    kind: str
    attempts: int


@dataclass(frozen=True)
class NotificationFailed(Event):
    """A try to send a notification failed; `final` when no more tries follow."""

    notification_id: int
    kind: str
    attempts: int
    last_error: str
    final: bool
