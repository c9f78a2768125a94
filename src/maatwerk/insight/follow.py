"""Keeping the dashboards' daily tallies correct: what insight does when something happens.

Each function follows one or two kinds of domain event (see `maatwerk/flow.py`) and asks for
the days they touch to be recounted after the commit (`aggregates.after_commit`). It gets all
the events published together, so a bulk path recounts each day once. Days that can only be
known after the commit (a client's first step) are passed as a function, read then.
"""

from __future__ import annotations

from collections.abc import Sequence

from maatwerk.commitments.events import CommitmentChanged
from maatwerk.commitments.models import Origin, Party
from maatwerk.contacts.events import MessageReceived
from maatwerk.documents.events import DocumentReceived, DocumentRouted
from maatwerk.dossiers.events import RegisseurAssigned
from maatwerk.insight import aggregates
from maatwerk.letters.events import LetterOpened, LetterSent
from maatwerk.plans.events import LadderMeasured


def commitments_changed(changes: Sequence[CommitmentChanged]) -> None:
    """A municipal promise counts on the day it is due: the new day and the one before. A
    client's plan step may change which completed step is their first."""
    promises = [c for c in changes if c.party == Party.MUNICIPALITY]
    due = {
        aggregates.local_day(moment)
        for c in promises
        for moment in (c.due_at, c.due_before)
        if moment is not None
    }
    if due:
        aggregates.after_commit("promise", due)
        aggregates.after_commit("reply", due)
    steps = [c for c in changes if c.party == Party.CLIENT and c.origin == Origin.PLAN_STEP]
    if steps:
        clients = {c.client_id for c in steps}
        closed = [c.closed_before for c in steps]
        aggregates.after_commit("first_step", lambda: aggregates.first_step_days(clients, closed))


def messages_received(messages: Sequence[MessageReceived]) -> None:
    """The answer to a message is a promise that counts for the answers on its due day."""
    aggregates.after_commit("reply", {aggregates.local_day(m.reply_due) for m in messages})


def documents_changed(documents: Sequence[DocumentReceived | DocumentRouted]) -> None:
    """A document counts on the day it came in, routed in time or not."""
    aggregates.after_commit("document", {aggregates.local_day(d.received_at) for d in documents})


def letters_sent(letters: Sequence[LetterSent]) -> None:
    days = {aggregates.local_day(letter.sent_at) for letter in letters}
    aggregates.after_commit("letter", days)
    aggregates.after_commit("plain_letter", days)


def letters_opened(letters: Sequence[LetterOpened]) -> None:
    """Opening changes the letters opened, not the plain-language verdicts."""
    aggregates.after_commit("letter", {aggregates.local_day(letter.sent_at) for letter in letters})


def ladder_measured(measurements: Sequence[LadderMeasured]) -> None:
    measured = [(m.client_id, m.measured_on) for m in measurements]
    aggregates.after_commit("ladder", lambda: aggregates.ladder_days(measured))


def regisseurs_assigned(assignments: Sequence[RegisseurAssigned]) -> None:
    """A client counts for the team of their regisseur now: all their days move with them."""
    aggregates.after_commit_clients(a.client_id for a in assignments)
