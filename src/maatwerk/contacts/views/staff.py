"""Workspace: callbacks to make, the callback queue, one callback with its attempts, and a
client's contact history across channels."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _

from maatwerk.contacts import queries, services
from maatwerk.contacts import reports as report_services
from maatwerk.contacts.access import open_callback, open_report
from maatwerk.contacts.forms import AttemptForm, CallbackForm, ContactForm, ReportForm
from maatwerk.contacts.models import (
    Callback,
    CallbackStatus,
    ConversationReport,
    Notification,
    NotificationStatus,
)
from maatwerk.core.models import StaffMember
from maatwerk.core.parsing import parse_int
from maatwerk.core.roles import Capability, has
from maatwerk.dossiers.access import log_list_read
from maatwerk.dossiers.errors import DossierError
from maatwerk.dossiers.models import Client
from maatwerk.dossiers.queries import caseload
from maatwerk.dossiers.web import MAY_CHANGE, open_client_for, render_staff, staff_view

PAGE_SIZE = 50


def _render(
    request: HttpRequest, staff: StaffMember, template: str, **context: Any
) -> HttpResponse:
    return render_staff(request, staff, f"contacts/staff/{template}", **context)


@staff_view(needs=Capability.HANDLE_CALLBACKS)
def callbacks(request: HttpRequest, staff: StaffMember) -> HttpResponse:
    """The callbacks I make now, the queue (for intake and team leads), and a new request."""
    works_queue = has(staff.role, Capability.WORK_INTAKE_QUEUE)
    form = CallbackForm(request.POST or None, prefix="callback")
    if request.method == "POST" and form.is_valid():
        try:
            made = services.request_callback(actor=staff.user, **form.cleaned_data)
        except DossierError as exc:
            form.add_error(None, exc.message)
        else:
            if made.status == CallbackStatus.QUEUED:
                messages.warning(
                    request,
                    _(
                        "No single client has this number: the callback waits in the callback "
                        "queue, where intake chooses the client."
                    ),
                )
            else:
                messages.success(request, _("The callback is saved for the client's regisseur."))
            return redirect("staff_contacts:callbacks")
    return _render(
        request,
        staff,
        "callbacks.html",
        form=form,
        rows=queries.callbacks_to_make(staff.user)[:200],
        queued=queries.queued_callbacks()[:200] if works_queue else [],
    )


@staff_view(needs=Capability.HANDLE_CALLBACKS)
def callback(request: HttpRequest, public_id: uuid.UUID, staff: StaffMember) -> HttpResponse:
    found, access = open_callback(request, staff, public_id)
    if access is None:
        return _queued(request, staff, found)
    if request.method == "POST" and request.POST.get("action") == "withdraw":
        try:
            services.withdraw_callback(
                callback=found, reason=request.POST.get("reason", ""), actor=staff.user
            )
        except DossierError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("The callback is closed, with the reason."))
        return redirect("staff_contacts:callback", public_id=found.public_id)
    form = AttemptForm(request.POST or None, prefix="attempt")
    if request.method == "POST" and form.is_valid():
        try:
            services.record_attempt(callback=found, actor=staff.user, **form.cleaned_data)
        except DossierError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Saved. The client sees this in Mijn Maatwerk."))
            return redirect("staff_contacts:callback", public_id=found.public_id)
    return _render(
        request,
        staff,
        "callback.html",
        callback=found,
        client=found.client,
        attempts=found.attempts.select_related("by"),
        form=form,
        may_change=access.basis in MAY_CHANGE and found.status == CallbackStatus.OPEN,
    )


def _queued(request: HttpRequest, staff: StaffMember, found: Callback) -> HttpResponse:
    """A callback without a client: intake or a team lead chooses who called."""
    if request.method == "POST":
        try:
            if request.POST.get("action") == "withdraw":
                services.withdraw_callback(
                    callback=found, reason=request.POST.get("reason", ""), actor=staff.user
                )
                messages.success(request, _("The callback is closed, with the reason."))
                return redirect("staff_contacts:callbacks")
            number = request.POST.get("client_number", "").strip()
            chosen = Client.objects.filter(client_number=number).first() if number else None
            if chosen is None:
                messages.error(request, _("No client has this client number. Check the number."))
            else:
                services.assign_client(callback=found, client=chosen, actor=staff.user)
                messages.success(request, _("The callback now goes to the client's regisseur."))
                return redirect("staff_contacts:callbacks")
        except DossierError as exc:
            messages.error(request, exc.message)
    log_list_read(
        request=request,
        staff=staff,
        clients=queries.candidates_of(found),
        action="view_callback_candidates",
        object_type="client",
    )
    return _render(
        request,
        staff,
        "queued.html",
        callback=found,
        candidates=queries.candidates_of(found),
    )


@staff_view(needs=Capability.OPEN_DOSSIER)
def history(request: HttpRequest, public_id: uuid.UUID, staff: StaffMember) -> HttpResponse:
    access = open_client_for(request, staff, public_id, "contact_history")
    client = access.client
    form = ContactForm(request.POST or None, prefix="contact", initial={"reached": True})
    if request.method == "POST" and form.is_valid():
        try:
            services.record_contact(client=client, staff=staff.user, **form.cleaned_data)
        except DossierError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(
                request, _("The contact is saved. The client sees it in Mijn Maatwerk.")
            )
            return redirect("staff_contacts:history", public_id=client.public_id)
    page = Paginator(queries.history(client), PAGE_SIZE).get_page(request.GET.get("pagina"))
    return _render(
        request,
        staff,
        "history.html",
        client=client,
        page=page,
        open_callbacks=queries.open_callbacks_of(client),
        form=form,
        may_change=access.basis in MAY_CHANGE,
    )


@staff_view(needs=Capability.OPEN_DOSSIER)
def reports(request: HttpRequest, public_id: uuid.UUID, staff: StaffMember) -> HttpResponse:
    access = open_client_for(request, staff, public_id, "reports")
    client = access.client
    form = ReportForm(
        request.POST or None, prefix="report", initial={"held_on": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        try:
            made = report_services.write_report(
                client=client, actor=staff.user, **form.cleaned_data
            )
        except DossierError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("The report is shared with the client in Mijn Maatwerk."))
            return redirect("staff_contacts:report", public_id=made.public_id)
    return _render(
        request,
        staff,
        "reports.html",
        client=client,
        rows=ConversationReport.objects.filter(client=client).prefetch_related("reactions"),
        form=form,
        may_change=access.basis in MAY_CHANGE,
    )


@staff_view(needs=Capability.OPEN_DOSSIER)
def report(request: HttpRequest, public_id: uuid.UUID, staff: StaffMember) -> HttpResponse:
    found, access = open_report(request, staff, public_id)
    if request.method == "POST":
        try:
            report_services.make_commitment(
                report=found,
                line=parse_int(request.POST.get("line")),
                party=request.POST.get("party", ""),
                due_on=_date(request.POST.get("due_on", "")),
                actor=staff.user,
            )
        except DossierError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("The agreement is now a promise. Both sides see it."))
        return redirect("staff_contacts:report", public_id=found.public_id)
    made = {rc.line: rc.commitment for rc in found.commitments.select_related("commitment")}
    return _render(
        request,
        staff,
        "report.html",
        client=found.client,
        report=found,
        lines=[(n, text, made.get(n)) for n, text in enumerate(found.agreement_lines())],
        may_change=access.basis in MAY_CHANGE,
    )


def _date(value: str) -> date | None:
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


@staff_view(needs=Capability.CASE_WORK)
def stuck_notifications(request: HttpRequest, staff: StaffMember) -> HttpResponse:
    """Messages to clients that could not be sent yet (a mail server down): nothing is lost,
    and someone can see it and act."""
    rows = (
        Notification.objects.exclude(status=NotificationStatus.SENT)
        .filter(attempts__gt=0, client__in=caseload(staff.user, timezone.now()))
        .select_related("client")[:200]
    )
    log_list_read(
        request=request,
        staff=staff,
        clients=[n.client for n in rows],
        action="view_unsent_messages",
        object_type="notification",
    )
    return _render(request, staff, "stuck.html", rows=rows)
