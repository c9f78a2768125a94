"""The one intake service every channel ends in: store first, then register, then acknowledge.

receive() writes each file's bytes durably (store.put), then in one transaction the batch, the
documents and the signed receipt, and only after that commits does it enqueue the reading and
routing of each document. A crash before the transaction leaves stored files without a record
(`maatwerk documents verify` finds and registers them); a crash after it leaves a receipt whose
files are all stored. Bad files are kept in quarantine with a message for the sender.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from maatwerk.core import events
from maatwerk.core.failpoints import failpoint
from maatwerk.core.models import Receipt
from maatwerk.core.receipts import ReceiptItem, issue_receipt
from maatwerk.documents import store
from maatwerk.documents.events import DocumentReceived
from maatwerk.documents.models import Document, DocumentStatus, IntakeBatch
from maatwerk.documents.reading import count_pages
from maatwerk.documents.rules import filetypes
from maatwerk.documents.rules.names import safe_file_name
from maatwerk.dossiers import journal
from maatwerk.dossiers.models import Client
from maatwerk.dossiers.queries import responsible_for

INTAKE_TEAM = "Team intake Werk en Inkomen"


@dataclass(frozen=True)
class IncomingFile:
    name: str
    data: bytes


@dataclass
class FileOutcome:
    name: str
    document: Document | None = None
    problem: str = ""
    earlier_receipt: Receipt | None = None


@dataclass
class IntakeResult:
    receipt: Receipt | None
    outcomes: list[FileOutcome] = field(default_factory=list)
    batch: IntakeBatch | None = None

    @property
    def problems(self) -> list[str]:
        return [o.problem for o in self.outcomes if o.problem]


@dataclass
class _Checked:
    outcome: FileOutcome
    data: bytes
    kind: filetypes.FileKind
    stored: store.Stored | None = None


def receive(
    *,
    files: list[IncomingFile],
    channel: str,
    client: Client | None = None,
    submitted_by: User | None = None,
    source: str = "",
    enqueue: bool = True,
) -> IntakeResult:
    """Take in `files` from one hand-in. With enqueue=False the caller processes them itself."""
    checked = [_check(f) for f in files]
    for item in checked:
        if item.data:
            item.stored = store.put(item.data)  # store first: fsynced before any record
    failpoint("intake.stored")
    # Unknown senders are never matched to each other's earlier hand-ins.
    fresh = [c for c in checked if c.stored and (client is None or not _mark_duplicate(c, client))]
    result = IntakeResult(receipt=None, outcomes=[c.outcome for c in checked])
    if fresh:
        _register(
            result,
            fresh,
            channel=channel,
            client=client,
            submitted_by=submitted_by,
            source=source,
            enqueue=enqueue,
        )
        failpoint("intake.committed")
    elif all(o.earlier_receipt for o in result.outcomes if not o.problem):
        earlier = [o.earlier_receipt for o in result.outcomes if o.earlier_receipt]
        result.receipt = earlier[0] if earlier else None
    return result


def _check(incoming: IncomingFile) -> _Checked:
    name = safe_file_name(incoming.name)
    outcome = FileOutcome(name=name)
    kind = filetypes.detect(incoming.data[:1024])
    if not incoming.data:
        outcome.problem = _(
            "The file '%(name)s' is empty (0 bytes). Save it again and send the new file."
        ) % {"name": name}
    elif len(incoming.data) > settings.DOCUMENT_MAX_BYTES:
        outcome.problem = _(
            "The file '%(name)s' is larger than %(max)d MB. Send it in parts or as a smaller scan."
        ) % {"name": name, "max": settings.DOCUMENT_MAX_BYTES // (1024 * 1024)}
    elif kind == filetypes.HEIC:
        outcome.problem = _(
            "The photo '%(name)s' is in HEIC format, which we cannot read yet. Set your phone "
            "camera to 'most compatible' (JPEG) or send a PDF."
        ) % {"name": name}
    elif not kind.accepted:
        outcome.problem = _(
            "The file '%(name)s' is not a document we can read. Send a PDF or a photo (JPEG, "
            "PNG or TIFF)."
        ) % {"name": name}
    return _Checked(outcome=outcome, data=incoming.data, kind=kind)


def _mark_duplicate(item: _Checked, client: Client | None) -> bool:
    """The same bytes were handed in before by the same sender: point to the first receipt
    instead of a new one. Another client's earlier hand-in never counts: its receipt is theirs."""
    assert item.stored is not None
    first = (
        Document.objects.filter(
            sha256=item.stored.sha256, batch__receipt__isnull=False, batch__client=client
        )
        .select_related("batch__receipt")
        .order_by("id")
        .first()
    )
    if first is None or item.outcome.problem:
        return False
    item.outcome.document = first
    item.outcome.earlier_receipt = first.batch.receipt
    return True


@transaction.atomic
def _register(
    result: IntakeResult,
    fresh: list[_Checked],
    *,
    channel: str,
    client: Client | None,
    submitted_by: User | None,
    source: str,
    enqueue: bool,
) -> None:
    now = timezone.now()
    handler = responsible_for(client, now) if client else None
    with journal.dutch():
        recipient = (
            _("regisseur %(name)s") % {"name": handler.get_full_name()} if handler else INTAKE_TEAM
        )
        subject = ngettext("%(n)d document", "%(n)d documents", len(fresh)) % {"n": len(fresh)}
    batch = IntakeBatch.objects.create(
        channel=channel,
        received_at=now,
        submitted_by=submitted_by,
        client=client,
        source=source[:200],
    )
    items = []
    for item in fresh:
        assert item.stored is not None
        pages = (
            count_pages(item.data, item.kind)
            if item.kind.accepted and not item.outcome.problem
            else 0
        )
        item.outcome.document = Document.objects.create(
            batch=batch,
            client=client,
            sha256=item.stored.sha256,
            name=item.outcome.name,
            media_type=item.kind.media_type,
            size=item.stored.size,
            pages=pages,
            received_at=now,
            status=DocumentStatus.QUARANTINED if item.outcome.problem else DocumentStatus.RECEIVED,
            problem=item.outcome.problem,
        )
        items.append(
            ReceiptItem(
                name=item.outcome.name,
                sha256=item.stored.sha256,
                pages=pages,
                size=item.stored.size,
            )
        )
    events.publish_many(
        DocumentReceived(
            document_id=i.outcome.document.pk,
            client_id=client.pk if client else None,
            received_at=now,
        )
        for i in fresh
        if i.outcome.document is not None
    )
    receipt = issue_receipt(
        channel=channel,
        subject=subject,
        items=items,
        recipient=recipient,
        client_ref=client.public_id if client else None,
        received_at=now,
    )
    failpoint("intake.receipt_signed")
    batch.receipt = receipt
    batch.save(update_fields=["receipt"])
    if client is not None:
        with journal.dutch():
            told = ngettext(
                "We received %(n)d document from you. Receipt %(number)s.",
                "We received %(n)d documents from you. Receipt %(number)s.",
                len(items),
            ) % {"n": len(items), "number": receipt.number}
        journal.record(
            client=client,
            kind="documents.received",
            subject=batch,
            moment=now,
            actor=submitted_by,
            summary=told,
        )
    failpoint("intake.before_commit")
    result.receipt, result.batch = receipt, batch
    to_read = [i.outcome.document.pk for i in fresh if i.outcome.document and not i.outcome.problem]
    if enqueue:
        # The task queue is a table in the same database: enqueueing inside this transaction
        # means a receipt never exists without its reading being queued (an outbox).
        _enqueue(to_read, receipt.pk if client else None)


def _enqueue(document_ids: list[int], receipt_id: int | None) -> None:
    from maatwerk.documents.tasks import process_document, send_receipt_by_mail

    for document_id in document_ids:
        process_document.enqueue(document_id)
    if receipt_id is not None:
        send_receipt_by_mail.enqueue(receipt_id)
