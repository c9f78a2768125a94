"""What staff do with a document: acknowledge, pass on, correct its type or client.

Each is one use case: validate, change, journal. Routing itself lives in processing.route.
"""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from maatwerk.core import crypto, events
from maatwerk.core.models import Role
from maatwerk.documents.events import DocumentRouted
from maatwerk.documents.learning import CORRECTION_PURPOSE
from maatwerk.documents.models import (
    Document,
    DocumentStatus,
    RoutingDecision,
    RoutingKind,
    TypeCorrection,
)
from maatwerk.documents.processing import route, text_purpose
from maatwerk.documents.rules.classify import TYPES, is_sensitive
from maatwerk.dossiers import journal
from maatwerk.dossiers.errors import DossierError
from maatwerk.dossiers.models import Client, Visibility


class DocumentError(DossierError):
    """A document action that cannot be done, with a Dutch message saying why."""


@transaction.atomic
def acknowledge(*, document: Document, by: User) -> None:
    if document.status != DocumentStatus.ROUTED:
        return
    document.status = DocumentStatus.ACKNOWLEDGED
    document.acknowledged_at = timezone.now()
    document.save(update_fields=["status", "acknowledged_at"])
    assert document.client is not None
    with journal.dutch():
        summary = _("Your regisseur has seen your document '%(name)s'.") % {"name": document.name}
    journal.record(
        client=document.client,
        kind="document.acknowledged",
        subject=document,
        actor=by,
        summary=summary,
    )


@transaction.atomic
def pass_on(*, document: Document, colleague_id: object, by: User, note: str = "") -> User:
    """Give the document to a colleague (it stays with the same client); returns them."""
    to = User.objects.filter(
        pk=_as_id(colleague_id),
        is_active=True,
        staff__role__in=[Role.CONSULTANT, Role.TEAM_LEAD],
    ).first()
    if to is None:
        raise DocumentError(_("Choose the consultant or team lead to pass the document on to."))
    if document.client is None:
        raise DocumentError(_("Link the document to a client first."))
    if document.status not in (DocumentStatus.ROUTED, DocumentStatus.ACKNOWLEDGED):
        raise DocumentError(_("Only a document that is with a regisseur can be passed on."))
    now = timezone.now()
    document.routed_to, document.routed_at = to, now
    document.status = DocumentStatus.ROUTED
    document.save(update_fields=["routed_to", "routed_at", "status"])
    events.publish(
        DocumentRouted(
            document_id=document.pk, client_id=document.client.pk, received_at=document.received_at
        )
    )
    RoutingDecision.objects.create(
        document=document,
        kind=RoutingKind.REASSIGNED,
        moment=now,
        to_user=to,
        by_user=by,
        detail=note[:300],
    )
    with journal.dutch():
        summary = _("Document '%(name)s' was passed on to %(who)s.") % {
            "name": document.name,
            "who": to.get_full_name(),
        }
    journal.record(
        client=document.client,
        kind="document.passed_on",
        subject=document,
        actor=by,
        summary=summary,
        visibility=Visibility.STAFF_ONLY,
    )
    return to


@transaction.atomic
def correct_type(*, document: Document, document_type: str, by: User) -> None:
    """Set the right type; the correction is an example the classifier learns from."""
    if document_type not in TYPES:
        raise DocumentError(_("Choose a document type from the list."))
    if document_type == document.document_type:
        return
    old = document.get_document_type_display()
    document.document_type = document_type
    document.type_confidence = 1.0
    document.sensitive = is_sensitive(document_type)
    document.save(update_fields=["document_type", "type_confidence", "sensitive"])
    if document.text_encrypted:
        text = crypto.decrypt_text(document.text_encrypted, purpose=text_purpose(document))
        TypeCorrection.objects.create(
            document=document,
            document_type=document_type,
            by_user=by,
            moment=timezone.now(),
            text_encrypted=crypto.encrypt_text(text, purpose=CORRECTION_PURPOSE),
        )
    if document.client is not None:
        with journal.dutch():
            summary = _("Type of '%(name)s' corrected from %(old)s to %(new)s.") % {
                "name": document.name,
                "old": old,
                "new": document.get_document_type_display(),
            }
        journal.record(
            client=document.client,
            kind="document.type_corrected",
            subject=document,
            actor=by,
            summary=summary,
            visibility=Visibility.STAFF_ONLY,
        )


@transaction.atomic
def _as_id(value: object) -> int:
    try:
        return int(str(value))
    except ValueError:
        return 0


@transaction.atomic
def assign_client(*, document: Document, client: Client, by: User) -> User | None:
    """Link a queued (or wrongly linked) document to the right client and route it."""
    previous = document.client
    if previous is not None and previous.pk == client.pk:
        return document.routed_to
    kind = RoutingKind.CORRECTED if previous is not None else RoutingKind.MANUAL
    if document.status == DocumentStatus.RECEIVED:
        raise DocumentError(_("This document is still being read. Try again in a minute."))
    # A quarantined file goes to the regisseur too, with its problem, so they can ask the
    # client for a new one; the problem text stays on the document.
    return route(document, client=client, kind=kind, by=by)
