"""Staff workspace: caseload with search, the dossier page, and the team lead's pages.

Thin: parse the request, call a query, the access fetcher or a service, render.
"""

from __future__ import annotations

import uuid
from datetime import datetime, time, timedelta
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _

from maatwerk.core.models import Role, StaffMember
from maatwerk.core.roles import Capability
from maatwerk.core.rules.bsn import looks_like_bsn
from maatwerk.dossiers import outflow as outflows
from maatwerk.dossiers import queries, services
from maatwerk.dossiers.access import DossierAccess, find_outside_caseload, log_names_shown
from maatwerk.dossiers.errors import AccessRefused, DossierError, ReasonRequired
from maatwerk.dossiers.forms import AbsenceForm, OutflowForm, ProfileForm, ReassignForm, ReturnForm
from maatwerk.dossiers.register import find_in_register
from maatwerk.dossiers.web import (
    MAY_CHANGE,
    TEAM_LEAD_ONLY,
    open_client,
    remember_reason,
    render_staff,
    safe_next,
    staff_view,
    start_page_of,
)

PAGE_SIZE = 25
_TEAM_LEAD_REFUSAL = "Only the team lead of the regisseur's team can choose another regisseur."


def _render(
    request: HttpRequest, staff: StaffMember, template: str, status: int = 200, **context: Any
) -> HttpResponse:
    return render_staff(request, staff, f"dossiers/staff/{template}", status, **context)


@login_required(login_url="staff:login")
def start(request: HttpRequest) -> HttpResponse:
    """/werk/: each role starts on the first page of its own work (core.roles.START_PAGE)."""
    user = request.user
    assert isinstance(user, User)
    staff = StaffMember.objects.filter(user=user).first()
    if staff is None:
        raise Http404
    return redirect(start_page_of(staff))


@staff_view(needs=Capability.CASE_WORK)
def caseload(request: HttpRequest, staff: StaffMember) -> HttpResponse:
    now = timezone.now()
    clients = queries.caseload(staff.user, now)
    term = request.POST.get("q", "").strip() if request.method == "POST" else ""
    found = queries.search(clients, term).order_by("family_name", "given_names", "id")
    # Search results page by POST too, so the term (perhaps a BSN) never enters a URL.
    number = request.POST.get("pagina") if term else request.GET.get("pagina")
    page = Paginator(found, PAGE_SIZE).get_page(number)
    rows = queries.with_current_regisseur(page.object_list)  # type: ignore[arg-type]
    deputised = queries.deputised_colleagues(staff.user, now)
    log_names_shown(request=request, staff=staff, rows=rows, deputised=deputised)
    return _render(
        request,
        staff,
        "caseload.html",
        rows=rows,
        page=page,
        term=term,
        shown_term="" if looks_like_bsn(term) else term,
        total=page.paginator.count,
        outside=find_outside_caseload(request=request, staff=staff, caseload=clients, term=term),
        deputising=[u.get_full_name() for u in deputised],
    )


@staff_view(needs=Capability.OPEN_DOSSIER)
def dossier(request: HttpRequest, public_id: uuid.UUID, staff: StaffMember) -> HttpResponse:
    access = open_client(request, staff, public_id, "view_dossier")
    return _dossier_page(request, staff, access)


@staff_view(needs=Capability.OPEN_DOSSIER)
def give_reason(request: HttpRequest, public_id: uuid.UUID, staff: StaffMember) -> HttpResponse:
    """The reason page of any part of a dossier posts here: open the dossier with the reason
    (kept for this session), then back to the part that asked for it."""
    dossier = reverse("staff:dossier", args=[public_id])
    if request.method != "POST":
        return redirect(dossier)
    remember_reason(request, staff, public_id)
    return redirect(safe_next(request, dossier))


@staff_view(needs=Capability.OPEN_DOSSIER)
def show_bsn(request: HttpRequest, public_id: uuid.UUID, staff: StaffMember) -> HttpResponse:
    """Show the BSN on request only (POST, so it never lands in a URL); logged separately."""
    if request.method != "POST":
        return redirect("staff:dossier", public_id=public_id)
    access = open_client(request, staff, public_id, "view_bsn")
    return _dossier_page(request, staff, access, bsn=access.client.bsn)


def _dossier_page(
    request: HttpRequest, staff: StaffMember, access: DossierAccess, bsn: str = ""
) -> HttpResponse:
    client = access.client
    profile = client.profile
    page = Paginator(queries.timeline(client, for_client=False), PAGE_SIZE).get_page(
        request.GET.get("pagina")
    )
    return _render(
        request,
        staff,
        "dossier.html",
        client=client,
        access=access,
        profile=profile,
        bsn=bsn,
        may_change=access.basis in MAY_CHANGE,
        language_name=_language_name(profile.language),
        interpreter_language=_language_name(profile.interpreter_language),
        regisseur=access.regisseur,
        responsible=access.responsible,
        page=page,
    )


@staff_view(needs=Capability.OPEN_DOSSIER)
def edit_profile(request: HttpRequest, public_id: uuid.UUID, staff: StaffMember) -> HttpResponse:
    access = open_client(request, staff, public_id, "edit_profile", change=True)
    client = access.client
    form = ProfileForm(request.POST or None, instance=client.profile)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_profile(client=client, actor=staff.user, changes=form.cleaned_data)
        except DossierError as exc:
            form.add_error("interpreter_language", exc.message)
        else:
            messages.success(request, _("The communication profile is saved."))
            return redirect("staff:dossier", public_id=client.public_id)
    return _render(request, staff, "profile_form.html", client=client, form=form)


@staff_view(needs=Capability.LEAD_TEAM)
def reassign(request: HttpRequest, public_id: uuid.UUID, staff: StaffMember) -> HttpResponse:
    access = open_client(
        request, staff, public_id, "reassign", needs=TEAM_LEAD_ONLY, refusal=_(_TEAM_LEAD_REFUSAL)
    )
    client = access.client
    form = ReassignForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.assign_regisseur(
            client=client,
            regisseur=form.cleaned_data["regisseur"],
            actor=staff.user,
            reason=form.cleaned_data["change_reason"],
        )
        messages.success(
            request, _("The client has a new regisseur and can see this in Mijn Maatwerk.")
        )
        return redirect("staff:dossier", public_id=client.public_id)
    return _render(
        request, staff, "reassign_form.html", client=client, form=form, regisseur=access.regisseur
    )


@staff_view(needs=Capability.OPEN_DOSSIER)
def outflow(request: HttpRequest, public_id: uuid.UUID, staff: StaffMember) -> HttpResponse:
    """The benefit stops (with why), or the client comes back: what insight counts as outflow."""
    access = open_client(request, staff, public_id, "record_outflow", change=True)
    client = access.client
    history = list(client.outflows.order_by("-ended_on"))
    returning = any(o.returned_on is None for o in history)
    form = (ReturnForm if returning else OutflowForm)(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            if returning:
                outflows.record_return(
                    client=client, returned_on=form.cleaned_data["returned_on"], actor=staff.user
                )
            else:
                outflows.record_outflow(
                    client=client,
                    ended_on=form.cleaned_data["ended_on"],
                    reason=form.cleaned_data["why"],
                    actor=staff.user,
                )
        except DossierError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Saved. The client sees this in Mijn Maatwerk."))
            return redirect("staff:dossier", public_id=client.public_id)
    return _render(
        request,
        staff,
        "outflow_form.html",
        client=client,
        form=form,
        returning=returning,
        history=history,
    )


@staff_view(needs=Capability.LEAD_TEAM)
def absences(request: HttpRequest, staff: StaffMember) -> HttpResponse:
    form = AbsenceForm(request.POST or None, team_id=_team_of(staff))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.register_staff_absence(
                staff=data["staff"],
                deputy=data["deputy"],
                starts_at=_start_of(data["starts_on"]),
                ends_at=_start_of(data["ends_on"], days_later=1),
                reason=data["reason"],
            )
        except DossierError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(
                request,
                _("The absence is saved. The deputy now sees these clients in their caseload."),
            )
            return redirect("staff:absences")
    current = queries.absences_in_team(staff.team_id, timezone.now()) if staff.team_id else []
    return _render(request, staff, "absences.html", form=form, absences=current)


@staff_view(needs=Capability.LEAD_TEAM)
def access_review(request: HttpRequest, staff: StaffMember) -> HttpResponse:
    _team_of(staff)
    team_clients = queries.caseload(staff.user, timezone.now())
    page = Paginator(queries.flagged_accesses(team_clients), PAGE_SIZE).get_page(
        request.GET.get("pagina")
    )
    numbers = queries.client_numbers([e.client_ref for e in page.object_list])
    rows = [
        {"entry": e, "client_number": numbers.get(e.client_ref), "role": Role(e.actor_role).label}
        for e in page.object_list
    ]
    return _render(request, staff, "access_review.html", page=page, rows=rows)


@staff_view(needs=Capability.FIND_IN_REGISTER)
def find(request: HttpRequest, staff: StaffMember) -> HttpResponse:
    """Intake and team leads find any client in the register, with a purpose that is logged."""
    term = request.POST.get("q", "").strip() if request.method == "POST" else ""
    purpose = request.POST.get("purpose", "").strip() if request.method == "POST" else ""
    result, error = None, ""
    if term:
        try:
            result = find_in_register(request=request, staff=staff, term=term, purpose=purpose)
        except ReasonRequired as exc:
            error = exc.message
    return _render(
        request,
        staff,
        "find.html",
        status=400 if error else 200,
        shown_term="" if looks_like_bsn(term) else term,
        purpose=purpose,
        result=result,
        error=error,
    )


def _team_of(staff: StaffMember) -> int:
    """A team lead leads a team; without one, no team powers (not everybody's)."""
    if staff.team_id is None:
        raise AccessRefused(
            _("You are not in a team yet. Ask the functional administrator to add you to one.")
        )
    return staff.team_id


def _start_of(day: Any, days_later: int = 0) -> datetime:
    """Midnight at the start of `day` (+ days), in the municipality's time zone."""
    moment = datetime.combine(day, time.min) + timedelta(days=days_later)
    return timezone.make_aware(moment)


def _language_name(code: str) -> str:
    if not code:
        return "-"
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code
