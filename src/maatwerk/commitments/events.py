"""What happens to commitments that other apps follow (the table is `maatwerk/flow.py`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from maatwerk.core.events import Event


@dataclass(frozen=True)
class CommitmentChanged(Event):
    """A commitment was promised, kept, excused, withdrawn or got a new due moment.

    The service passes what the row was before the change (`due_before`, `closed_before`),
    since it has read it anyway: a follower needs the old day as well as the new one.
    """

    commitment_id: int
    client_id: int
    party: str
    origin: str
    due_at: datetime
    due_before: datetime | None = None
    closed_before: datetime | None = None


@dataclass(frozen=True)
class CommitmentOverdue(Event):
    """The escalation run found a commitment past its moment (a municipal one goes to whoever
    handles the client now)."""

    commitment_id: int
    client_id: int
    party: str


@dataclass(frozen=True)
class CommitmentEscalated(Event):
    """A municipal commitment still not kept after the grace period went to the team lead."""

    commitment_id: int
    client_id: int
    to_user_id: int | None
