"""Checking stored documents: every file against its hash, and files without a record.

A crash between storing a file and registering it leaves an orphan: a stored file no record
points to. verify() registers each orphan in quarantine for intake staff (sender unknown), so
nothing is lost; it never issues a receipt for it. Progress display is the caller's job.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from maatwerk.core import events
from maatwerk.core.models import ReceiptChannel
from maatwerk.documents import store
from maatwerk.documents.events import DocumentReceived
from maatwerk.documents.models import Document, DocumentStatus, IntakeBatch
from maatwerk.documents.reading import count_pages
from maatwerk.documents.rules import filetypes

ORPHAN_GRACE = timedelta(minutes=10)


@dataclass
class VerifyReport:
    checked: int = 0
    missing: list[str] = field(default_factory=list)
    damaged: list[str] = field(default_factory=list)
    orphans_registered: list[str] = field(default_factory=list)

    @property
    def healthy(self) -> bool:
        return not self.missing and not self.damaged


def verify(
    progress: Callable[[int], object] | None = None, grace: timedelta | None = None
) -> VerifyReport:
    report = VerifyReport()
    addresses = set(Document.objects.exclude(sha256="").values_list("sha256", flat=True))
    for sha in sorted(addresses):
        try:
            store.get(sha)
        except store.DocumentIntegrityError as exc:
            (report.missing if str(exc).startswith("missing") else report.damaged).append(sha)
        report.checked += 1
        if progress:
            progress(1)
    settled = timezone.now() - (ORPHAN_GRACE if grace is None else grace)
    for sha in sorted(store.stored_addresses() - addresses):
        # A file this young may belong to an intake that is committing right now.
        if store.storage().get_modified_time(store.name_for(sha)) > settled:
            continue
        if Document.objects.filter(sha256=sha).exists():
            continue
        _register_orphan(sha)
        report.orphans_registered.append(sha)
    return report


@transaction.atomic
def _register_orphan(sha: str) -> None:
    try:
        data = store.get(sha)
    except store.DocumentIntegrityError:
        data = b""
    kind = filetypes.detect(data[:1024])
    now = timezone.now()
    batch = IntakeBatch.objects.create(
        channel=ReceiptChannel.RECOVERED, received_at=now, source="maatwerk documents verify"
    )
    document = Document.objects.create(
        batch=batch,
        sha256=sha,
        name=f"herstel-{sha[:12]}.{kind.extension}",
        media_type=kind.media_type,
        size=len(data),
        pages=count_pages(data, kind) if kind.accepted else 0,
        received_at=now,
        status=DocumentStatus.QUARANTINED,
        problem=_(
            "Found in storage after a failure, without a record. The sender is unknown: "
            "look at the file and link it to a client."
        ),
    )
    events.publish(DocumentReceived(document_id=document.pk, client_id=None, received_at=now))
