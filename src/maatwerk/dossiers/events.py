"""What happens in a dossier that other apps follow (the table is `maatwerk/flow.py`)."""

from __future__ import annotations

from dataclasses import dataclass

from maatwerk.core.events import Event


@dataclass(frozen=True)
class JournalWritten(Event):
    """An entry was added to a client's journal: the dossier changed."""

    client_id: int
    kind: str


@dataclass(frozen=True)
class RegisseurAssigned(Event):
    """A client has a new regisseur (the previous assignment, if any, ended with it)."""

    client_id: int
