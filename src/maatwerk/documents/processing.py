"""After intake: read the document, find the client, classify it, and route it.

process() is idempotent (a document is processed once, from RECEIVED) and runs in a worker,
so the sender's receipt never waits for OCR. The steps are small functions over the document.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from maatwerk.core import crypto, events
from maatwerk.documents import learning, store
from maatwerk.documents.events import DocumentRouted
from maatwerk.documents.models import Document, DocumentStatus, RoutingDecision, RoutingKind
from maatwerk.documents.reading import (
    MIN_READABLE_CHARS,
    Reading,
    ReadProblem,
    damaged_message,
    read,
    unreadable_message,
)
from maatwerk.documents.rules import filetypes
from maatwerk.documents.rules.classify import is_sensitive
from maatwerk.documents.rules.matching import ClientRecord, Decision, decide, extract_clues, weigh
from maatwerk.dossiers import journal
from maatwerk.dossiers.models import Client, Visibility, bsn_digest
from maatwerk.dossiers.queries import responsible_for

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Outcome:
    status: str
    client_number: str | None
    document_type: str
    confidence: float
    routed_to: str | None
    pages: int


def text_purpose(document: Document) -> str:
    return f"document-text:{document.public_id}"


def process(document_id: int) -> Outcome:
    """Read, match, classify and route one document; reading happens outside any transaction,
    so OCR never holds a database lock (SQLite has one writer at a time)."""
    document = Document.objects.select_related("batch", "client").get(pk=document_id)
    if document.status != DocumentStatus.RECEIVED:
        return _outcome(document)
    reading: Reading | None = None
    problem: ReadProblem | None = None
    try:
        reading = read(store.get(document.sha256), _kind(document))
    except ReadProblem as exc:
        problem = exc
    except Exception:  # any other failure of a reader on a hostile file: keep it, never lose it
        logger.exception("reading document %s failed", document.pk)
        problem = ReadProblem(damaged_message(), code="damaged")
    with transaction.atomic():
        document = (
            Document.objects.select_for_update(of=("self",))
            .select_related("batch", "client")
            .get(pk=document_id)
        )
        if document.status != DocumentStatus.RECEIVED:
            return _outcome(document)  # another worker was first
        if problem is not None or reading is None:
            assert problem is not None
            status = (
                DocumentStatus.QUEUED
                if problem.code == "unreadable"
                else DocumentStatus.QUARANTINED
            )
            _hold(document, problem.message, status=status)
            return _outcome(document)
        return _apply(document, reading)


def _apply(document: Document, reading: Reading) -> Outcome:
    document.pages = reading.pages
    document.text_encrypted = crypto.encrypt_text(reading.text, purpose=text_purpose(document))
    _classify(document, reading.text)
    if len(reading.text.strip()) < MIN_READABLE_CHARS and document.client is None:
        _hold(document, unreadable_message(), status=DocumentStatus.QUEUED)
        return _outcome(document)
    client = document.client or _find_client(document, reading.text)
    if client is None:
        document.status = DocumentStatus.QUEUED
        document.save()
        return _outcome(document)
    route(document, client=client, kind=RoutingKind.AUTOMATIC, by=None)
    return _outcome(document)


def _kind(document: Document) -> filetypes.FileKind:
    return next(
        (
            k
            for k in (filetypes.PDF, filetypes.JPEG, filetypes.PNG, filetypes.TIFF, filetypes.WEBP)
            if k.media_type == document.media_type
        ),
        filetypes.UNKNOWN,
    )


def _classify(document: Document, text: str) -> None:
    result = learning.classify(text)
    document.document_type = result.document_type
    document.type_confidence = result.confidence
    document.sensitive = is_sensitive(result.document_type)


def _find_client(document: Document, text: str) -> Client | None:
    clues = extract_clues(text)
    records, clients = candidate_records(
        (clues.bsns and [c.bsn for c in clues.bsns]) or [], clues.client_numbers, clues.postcodes
    )
    decision: Decision = decide(weigh(clues, records))
    document.client_confidence = decision.confidence
    document.candidates = [
        {
            "client": str(clients[c.key].public_id),
            "client_number": clients[c.key].client_number,
            "score": round(c.score, 3),
            "reasons": list(c.reasons),
        }
        for c in decision.candidates
    ]
    return clients[decision.key] if decision.key is not None else None


def candidate_records(
    bsns: list[str], client_numbers: list[str], postcodes: list[str]
) -> tuple[list[ClientRecord], dict[int, Client]]:
    """Look up the clients the clues point at: three indexed queries at most."""
    found: dict[int, Client] = {}
    lookups = [
        Client.objects.filter(bsn_digest__in=[bsn_digest(b) for b in bsns]) if bsns else None,
        Client.objects.filter(client_number__in=client_numbers) if client_numbers else None,
        Client.objects.filter(postcode__in=postcodes)[:200] if postcodes else None,
    ]
    for query in lookups:
        if query is not None:
            found.update((c.pk, c) for c in query)
    records = [
        ClientRecord(
            key=c.pk,
            client_number=c.client_number,
            bsn=c.bsn,
            family_name=c.family_name,
            given_names=c.given_names,
            postcode=c.postcode,
            house_number=c.house_number,
        )
        for c in found.values()
    ]
    return records, found


def route(
    document: Document, *, client: Client, kind: str, by: User | None, detail: str = ""
) -> User | None:
    """Send the document to whoever handles the client now (the deputy during an absence)."""
    now = timezone.now()
    handler = responsible_for(client, now)
    newly_linked = document.client_id != client.pk
    document.client = client
    document.routed_to = handler
    document.routed_at = now
    document.status = DocumentStatus.ROUTED if handler else DocumentStatus.QUEUED
    document.save()
    events.publish(
        DocumentRouted(
            document_id=document.pk, client_id=client.pk, received_at=document.received_at
        )
    )
    RoutingDecision.objects.create(
        document=document, kind=kind, moment=now, to_user=handler, by_user=by, detail=detail[:300]
    )
    with journal.dutch():
        summary = _("Document '%(name)s' (%(type)s) went to %(who)s.") % {
            "name": document.name,
            "type": document.get_document_type_display(),
            "who": handler.get_full_name() if handler else _("the intake queue"),
        }
    journal.record(
        client=client,
        kind="document.routed",
        subject=document,
        actor=by,
        moment=now,
        visibility=Visibility.STAFF_ONLY,
        summary=summary,
    )
    if newly_linked and document.batch.client_id != client.pk:
        _tell_client(document, client, by)
    return handler


def _tell_client(document: Document, client: Client, by: User | None) -> None:
    """Post and e-mail reach the client's dossier only once linked: tell them, with the receipt."""
    receipt = document.batch.receipt
    with journal.dutch():
        summary = _(
            "We received your document '%(name)s' and added it to your dossier. Receipt %(number)s."
        ) % {
            "name": document.name,
            "number": receipt.number if receipt else "-",
        }
    journal.record(
        client=client, kind="document.linked", subject=document, actor=by, summary=summary
    )


def _hold(document: Document, message: str, *, status: str) -> None:
    document.status = status
    document.problem = message
    document.save()
    if document.client is not None:
        with journal.dutch():
            summary = _("We could not process '%(name)s': %(message)s") % {
                "name": document.name,
                "message": message,
            }
        journal.record(
            client=document.client, kind="document.problem", subject=document, summary=summary
        )


def _outcome(document: Document) -> Outcome:
    return Outcome(
        status=document.status,
        client_number=document.client.client_number if document.client else None,
        document_type=document.document_type,
        confidence=round(document.type_confidence, 3),
        routed_to=document.routed_to.get_username() if document.routed_to else None,
        pages=document.pages,
    )
