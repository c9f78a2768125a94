"""The business flow in one table: which followers act on which domain event.

A service publishes what happened (`core.events.publish(LetterSent(...))`) once it has written;
the dispatcher hands the event to the followers listed here, in this order, in the service's
transaction. Bulk paths publish all their events at once and each follower gets them together.

To make something follow a change: write a function in the following app that takes a list of
events of one type (`insight/follow.py`, `sanctions/follow.py`), and list it here under that
event type. To add an event: a small frozen dataclass in `<app>/events.py` of the app where it
happens, published by every service (and bulk path) that makes it happen, and a line here,
also when nothing follows it yet. Why a table and not signals: docs/decisions/0016.

This module sits above the apps and may import all of them; no app imports it.
"""

from __future__ import annotations

from maatwerk.commitments.events import CommitmentChanged, CommitmentEscalated, CommitmentOverdue
from maatwerk.contacts.events import MessageReceived, NotificationFailed, NotificationSent
from maatwerk.core.events import Table
from maatwerk.documents.events import DocumentReceived, DocumentRouted
from maatwerk.dossiers.events import JournalWritten, RegisseurAssigned
from maatwerk.insight import follow as insight
from maatwerk.letters import sending as letters
from maatwerk.letters.events import LetterOpened, LetterSent
from maatwerk.plans.events import LadderMeasured
from maatwerk.sanctions import follow as sanctions

FOLLOWERS: Table = {
    # Every change to a dossier is journaled: the evidence check of open proposals runs again.
    JournalWritten: [sanctions.dossiers_changed],
    # A client counts for the team of their regisseur now.
    RegisseurAssigned: [insight.regisseurs_assigned],
    CommitmentChanged: [insight.commitments_changed],
    # Overdue or passed to the team lead changes no tally (a promise counts as kept or not by
    # its close); the sanction check follows the journal entries the escalation run writes.
    CommitmentOverdue: [],
    CommitmentEscalated: [],
    MessageReceived: [insight.messages_received],
    DocumentReceived: [insight.documents_changed],
    DocumentRouted: [insight.documents_changed],
    LetterSent: [insight.letters_sent],
    LetterOpened: [insight.letters_opened],
    LadderMeasured: [insight.ladder_measured],
    # The letters keep a delivery record per channel for their e-mail notices.
    NotificationSent: [letters.emails_sent],
    NotificationFailed: [letters.email_tries_failed],
}
