"""Who may open a stored document, checked and logged in one call.

A document of a client is opened through the dossier access rules; a sensitive one (medical,
identity copy) only by whoever handles the client now (the regisseur or their deputy). A
document without a client yet (the intake queue) only by intake employees and team leads.
"""

from __future__ import annotations

import uuid

from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _

from maatwerk.core.access_log import AccessEvent, log_access, log_work_queue_read, origin_of
from maatwerk.core.models import AccessResult, StaffMember
from maatwerk.core.roles import Capability, has
from maatwerk.documents.models import Document
from maatwerk.documents.services import DocumentError
from maatwerk.dossiers.access import open_dossier
from maatwerk.dossiers.errors import AccessRefused
from maatwerk.dossiers.models import Client
from maatwerk.dossiers.web import HANDLES_CLIENT, MAY_CHANGE, open_client


def open_document(
    *,
    request: HttpRequest,
    staff: StaffMember,
    public_id: uuid.UUID,
    reasons: dict[str, str],
    to_change: bool = False,
) -> Document:
    """The document, if `staff` may open it now; `reasons` are those given this session per
    dossier (outside the caseload a document opens only after its dossier did, with a reason)."""
    document = (
        Document.objects.select_related("client", "batch").filter(public_id=public_id).first()
    )
    if document is None:
        raise Http404
    if document.client is None:
        _check_queue_access(request, staff, document)
        return document
    open_dossier(
        request=request,
        staff=staff,
        public_id=document.client.public_id,
        reason=reasons.get(str(document.client.public_id), ""),
        action="change_document" if to_change else "view_document",
        subject=("document", str(document.public_id)),
        needs=_needs(document, to_change),
        refusal=_("Only the regisseur, their deputy or the team lead can change this.")
        if to_change and not document.sensitive
        else _(
            "This document is sensitive (medical or an identity copy): only the client's "
            "regisseur or their deputy may open it."
        ),
    )
    return document


def _needs(document: Document, to_change: bool) -> frozenset[str] | None:
    if document.sensitive:
        return HANDLES_CLIENT
    return MAY_CHANGE if to_change else None


def may_work_the_queue(staff: StaffMember) -> bool:
    return has(staff.role, Capability.WORK_INTAKE_QUEUE)


def _check_queue_access(request: HttpRequest, staff: StaffMember, document: Document) -> None:
    allowed = may_work_the_queue(staff)
    log_access(
        actor=staff.user,
        staff=staff,
        origin=origin_of(request),
        event=AccessEvent(
            action="view_document",
            object_type="document",
            object_ref=str(document.public_id),
            result=AccessResult.ALLOWED if allowed else AccessResult.REFUSED,
        ),
    )
    if not allowed:
        raise AccessRefused(_("Only intake employees and team leads open documents in the queue."))


def open_link_target(
    request: HttpRequest, staff: StaffMember, document: Document, client_number: str
) -> Client:
    """The client a document is to be linked to, checked like opening their dossier to change
    it. Linking a document from the intake queue is the queue worker's task: that needs no
    reason and is logged for the client as a read from the work queue."""
    number = client_number.strip()
    client = Client.objects.filter(client_number=number).first() if number else None
    if client is None:
        raise DocumentError(
            _("There is no client with number %(number)s. Check the number.")
            % {"number": number or "-"}
        )
    subject = ("document", str(document.public_id))
    if document.client is None and may_work_the_queue(staff):
        log_work_queue_read(
            request=request,
            staff=staff,
            action="link_document",
            subject=subject,
            client_ref=client.public_id,
        )
        return client
    open_client(request, staff, client.public_id, "link_document", change=True, subject=subject)
    return client
