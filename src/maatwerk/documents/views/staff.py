"""Workspace: the regisseur's inbox, the intake queue, a client's documents, and downloads."""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from maatwerk.core.models import ReceiptChannel, StaffMember
from maatwerk.core.roles import Capability
from maatwerk.core.rules.calendar import working_days_between
from maatwerk.documents import queries, services, store
from maatwerk.documents.access import open_document, open_link_target
from maatwerk.documents.intake import IncomingFile, IntakeResult, receive
from maatwerk.documents.models import Document
from maatwerk.documents.rules.classify import TYPES
from maatwerk.documents.uploads import hard_limit
from maatwerk.dossiers.errors import DossierError
from maatwerk.dossiers.forms import consultants
from maatwerk.dossiers.web import open_client_for, render_staff, session_reasons, staff_view

PAGE_SIZE = 25


def _render(
    request: HttpRequest, staff: StaffMember, template: str, status: int = 200, **context: Any
) -> HttpResponse:
    context["types"] = list(TYPES.items())
    return render_staff(request, staff, f"documents/staff/{template}", status, **context)


def _uploads(request: HttpRequest) -> list[IncomingFile]:
    files = []
    for upload in request.FILES.getlist("bestanden"):
        if upload.size is not None and upload.size > hard_limit():
            messages.error(
                request,
                _(
                    "The file '%(name)s' is far too large to take in. Send it in parts or as a "
                    "smaller scan."
                )
                % {"name": upload.name},
            )
            continue
        files.append(IncomingFile(name=upload.name or "", data=upload.read()))
    return files


def _report(request: HttpRequest, result: IntakeResult) -> None:
    for problem in result.problems:
        messages.warning(request, problem)
    if result.receipt is not None:
        messages.success(
            request, _("Received. Receipt %(number)s.") % {"number": result.receipt.number}
        )


@staff_view(needs=Capability.CASE_WORK)
def inbox(request: HttpRequest, staff: StaffMember) -> HttpResponse:
    page = Paginator(queries.inbox(staff.user, timezone.now()), PAGE_SIZE).get_page(
        request.GET.get("pagina")
    )
    return _render(request, staff, "inbox.html", page=page, colleagues=consultants())


@staff_view(needs=Capability.WORK_INTAKE_QUEUE)
def queue(request: HttpRequest, staff: StaffMember) -> HttpResponse:
    if request.method == "POST":
        files = _uploads(request)
        if not files:
            messages.error(request, _("Choose one or more scanned files first."))
        for incoming in files:  # each scanned letter is its own hand-in, with its own receipt
            _report(
                request,
                receive(
                    files=[incoming],
                    channel=ReceiptChannel.POST,
                    submitted_by=staff.user,
                    source="workspace-scan",
                ),
            )
        return redirect("staff_docs:queue")
    now = timezone.now()
    page = Paginator(queries.queue(), PAGE_SIZE).get_page(request.GET.get("pagina"))
    norm = _norm_days()
    waited = [
        working_days_between(timezone.localtime(d.received_at), timezone.localtime(now))
        for d in page.object_list
    ]
    rows = [
        {"document": d, "waited": days, "late": days > norm}
        for d, days in zip(page.object_list, waited, strict=True)
    ]
    return _render(request, staff, "queue.html", page=page, rows=rows, norm=norm)


@staff_view(needs=Capability.OPEN_DOSSIER)
def client_documents(
    request: HttpRequest, public_id: uuid.UUID, staff: StaffMember
) -> HttpResponse:
    access = open_client_for(request, staff, public_id, "view_documents")
    client = access.client
    if request.method == "POST" and "bestanden" in request.FILES:
        _report(
            request,
            receive(
                files=_uploads(request),
                channel=ReceiptChannel.COUNTER,
                client=client,
                submitted_by=staff.user,
                source="counter",
            ),
        )
        return redirect("staff_docs:client_documents", public_id=client.public_id)
    page = Paginator(queries.documents_of(client), PAGE_SIZE).get_page(request.GET.get("pagina"))
    return _render(request, staff, "client_documents.html", client=client, page=page, access=access)


@staff_view(needs=Capability.OPEN_DOSSIER)
def act(request: HttpRequest, public_id: uuid.UUID, staff: StaffMember) -> HttpResponse:
    """One-click actions on a document: acknowledge, pass on, correct type, link to a client."""
    if request.method != "POST":
        raise Http404
    try:
        document = open_document(
            request=request,
            staff=staff,
            public_id=public_id,
            reasons=session_reasons(request),
            to_change=True,
        )
        _do(request.POST.get("actie", ""), document, request, staff)
    except DossierError as exc:
        messages.error(request, exc.message)
    back = request.POST.get("terug", "")
    return redirect(back if back.startswith("/werk/") else "staff_docs:inbox")


def _do(action: str, document: Document, request: HttpRequest, staff: StaffMember) -> None:
    user = staff.user
    if action == "gezien":
        services.acknowledge(document=document, by=user)
        messages.success(request, _("Marked as seen."))
    elif action == "doorsturen":
        colleague = services.pass_on(
            document=document, colleague_id=request.POST.get("naar"), by=user
        )
        messages.success(request, _("Passed on to %(name)s.") % {"name": colleague.get_full_name()})
    elif action == "soort":
        services.correct_type(
            document=document, document_type=request.POST.get("soort", ""), by=user
        )
        messages.success(request, _("Document type saved."))
    elif action == "client":
        client = open_link_target(request, staff, document, request.POST.get("klantnummer", ""))
        handler = services.assign_client(document=document, client=client, by=user)
        who = handler.get_full_name() if handler else _("the intake queue")
        messages.success(
            request,
            _("Linked to client %(number)s and sent to %(who)s.")
            % {"number": client.client_number, "who": who},
        )
    else:
        raise DossierError(_("Unknown action."))


@staff_view(needs=Capability.OPEN_DOSSIER)
def download(request: HttpRequest, public_id: uuid.UUID, staff: StaffMember) -> HttpResponse:
    document = open_document(
        request=request, staff=staff, public_id=public_id, reasons=session_reasons(request)
    )
    try:
        data = store.get(document.sha256)
    except store.DocumentIntegrityError:
        return render(
            request,
            "dossiers/staff/refused.html",
            {
                "message": _(
                    "The stored file is damaged or missing. Run 'maatwerk documents verify' "
                    "and tell the functional administrator."
                )
            },
            status=500,
        )
    response = HttpResponse(data, content_type=document.media_type)
    response["Content-Disposition"] = content_disposition_header(False, document.name) or ""
    response["Cache-Control"] = "no-store"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


def _norm_days() -> int:
    return int(settings.DOCUMENT_ROUTING_NORM_WORKING_DAYS)
