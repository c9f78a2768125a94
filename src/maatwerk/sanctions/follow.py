"""What the sanctions app does when a dossier changes: open proposals are checked again.

Every change to a dossier is journaled, so a written journal entry (JournalWritten, see
`maatwerk/flow.py`) is the moment to run the evidence check again for that client's open
proposals; the proposals' own entries (`sanction.*`) are left out, since the services that
write them check themselves. Entries written together are checked together: one query finds
the open proposals of all their clients, and each proposal is checked once.
"""

from __future__ import annotations

from collections.abc import Sequence

from maatwerk.dossiers.events import JournalWritten
from maatwerk.sanctions.models import Proposal
from maatwerk.sanctions.proposals import OPEN_STATUSES, recheck

CHUNK = 500  # clients per `IN (...)`: well under SQLite's limit on query parameters


def dossiers_changed(entries: Sequence[JournalWritten]) -> None:
    clients = sorted({e.client_id for e in entries if not e.kind.startswith("sanction.")})
    for start in range(0, len(clients), CHUNK):
        open_ones = (
            Proposal.objects.filter(
                client_id__in=clients[start : start + CHUNK], status__in=OPEN_STATUSES
            )
            .select_related("rule", "client", "appointment")
            .order_by("id")
        )
        for proposal in open_ones:
            recheck(proposal)
