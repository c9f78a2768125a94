"""Message pages: the conversation with the regisseur in the portal and the workspace, and the
client's diary (private unless shared)."""

from __future__ import annotations

import uuid

from django.contrib import messages as flash
from django.contrib.auth.models import User
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from maatwerk.contacts import messages as service
from maatwerk.contacts.models import DiaryEntry, Message
from maatwerk.core.models import StaffMember
from maatwerk.core.roles import Capability
from maatwerk.documents.intake import IncomingFile
from maatwerk.documents.uploads import MAX_FILES, hard_limit
from maatwerk.dossiers.access import own_client
from maatwerk.dossiers.errors import DossierError
from maatwerk.dossiers.models import Client
from maatwerk.dossiers.web import (
    HANDLES_CLIENT,
    MAY_CHANGE,
    open_client_for,
    portal_login_required,
    render_staff,
    staff_view,
)

SHOWN = 100


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


@portal_login_required
def conversation(request: HttpRequest) -> HttpResponse:
    client = own_client(_user(request))
    text = ""
    if request.method == "POST":
        text = request.POST.get("text", "")
        uploads = request.FILES.getlist("bestanden")
        if len(uploads) > MAX_FILES or any((u.size or 0) > hard_limit() for u in uploads):
            flash.error(
                request, _("The files are too many or too large. Send at most 20 smaller files.")
            )
        else:
            files = [IncomingFile(name=u.name or "", data=u.read()) for u in uploads]
            try:
                _sent, problems = service.send_from_client(client=client, text=text, files=files)
            except DossierError as exc:
                flash.error(request, exc.message)
            else:
                for problem in problems:
                    flash.warning(request, problem)
                flash.success(request, _("Your message is sent. We answer within one working day."))
                return redirect("portal_contacts:messages")
    service.mark_read_by_client(client)
    return render(
        request,
        "contacts/portal/messages.html",
        {"rows": _thread(client), "text": text},
    )


def _thread(client: Client) -> list[Message]:
    rows = Message.objects.filter(client=client).select_related("attachments_receipt", "author")
    return list(reversed(rows.order_by("-created_at", "-id")[:SHOWN]))


@portal_login_required
def diary(request: HttpRequest) -> HttpResponse:
    client = own_client(_user(request))
    if request.method == "POST":
        action = request.POST.get("action", "")
        try:
            if action == "write":
                service.write_note(client=client, text=request.POST.get("text", ""))
                flash.success(
                    request, _("Your note is saved. Only you can read it, unless you share it.")
                )
            else:
                entry = _own_entry(client, request.POST.get("entry", ""))
                service.set_shared(entry=entry, client=client, shared=action == "share")
        except DossierError as exc:
            flash.error(request, exc.message)
        return redirect("portal_contacts:diary")
    return render(
        request,
        "contacts/portal/diary.html",
        {"rows": DiaryEntry.objects.filter(client=client)[:100]},
    )


def _own_entry(client: Client, public_id: str) -> DiaryEntry:
    try:
        wanted = uuid.UUID(public_id)
    except ValueError as error:
        raise Http404 from error
    entry = DiaryEntry.objects.filter(public_id=wanted, client=client).first()
    if entry is None:
        raise Http404
    return entry


@staff_view(needs=Capability.OPEN_DOSSIER)
def staff_conversation(
    request: HttpRequest, public_id: uuid.UUID, staff: StaffMember
) -> HttpResponse:
    access = open_client_for(request, staff, public_id, "messages")
    client = access.client
    if request.method == "POST":
        try:
            service.reply(client=client, text=request.POST.get("text", ""), actor=staff.user)
        except DossierError as exc:
            flash.error(request, exc.message)
        else:
            flash.success(request, _("Your answer is sent. The client gets a notice."))
        return redirect("staff_contacts:messages", public_id=client.public_id)
    if access.basis in HANDLES_CLIENT:  # only who handles the client reads on their behalf
        service.mark_read_by_staff(client)
    return render_staff(
        request,
        staff,
        "contacts/staff/messages.html",
        client=client,
        rows=_thread(client),
        shared=DiaryEntry.objects.filter(client=client, shared_at__isnull=False)[:50],
        may_change=access.basis in MAY_CHANGE,
    )
