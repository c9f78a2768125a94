"""Staff workspace: caseload with search, the dossier page, and the team lead's pages.

Thin: parse the request, call a query, the access fetcher or a service, render.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime, time, timedelta
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _

from maatwerk.core.models import AccessBasis, Role, StaffMember
from maatwerk.core.rules.bsn import looks_like_bsn
from maatwerk.dossiers import outflow as outflows
from maatwerk.dossiers import queries, services
from maatwerk.dossiers.access import (
    DossierAccess,
    find_outside_caseload,
    open_dossier,
    refuse_non_staff,
)
from maatwerk.dossiers.errors import AccessRefused, DossierError, ReasonRequired
from maatwerk.dossiers.forms import AbsenceForm, OutflowForm, ProfileForm, ReassignForm, ReturnForm

PAGE_SIZE = 25
SESSION_REASONS = "dossier_access_reasons"
# Who may change a dossier (not just read it with a reason).
_MAY_CHANGE = frozenset({AccessBasis.REGISSEUR, AccessBasis.DEPUTY, AccessBasis.TEAM_LEAD})
_TEAM_LEAD = frozenset({AccessBasis.TEAM_LEAD})

StaffView = Callable[..., HttpResponse]


def staff_only(view: StaffView) -> Callable[..., HttpResponse]:
    """Log in required; a logged-in non-employee (a client) gets a logged 404."""

    @login_required
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        user = request.user
        assert isinstance(user, User)
        staff = StaffMember.objects.filter(user=user).select_related("team", "user").first()
        if staff is None:
            if "public_id" in kwargs:
                refuse_non_staff(request=request, user=user, public_id=kwargs["public_id"])
            raise Http404
        return view(request, *args, staff=staff, **kwargs)

    return wrapped


def render_staff(
    request: HttpRequest, staff: StaffMember, template: str, status: int = 200, **context: Any
) -> HttpResponse:
    """A workspace page, with what the menu needs to know about the reader's role."""
    context["is_team_lead"] = staff.role == Role.TEAM_LEAD
    context["works_queue"] = staff.role in (Role.INTAKE, Role.TEAM_LEAD)
    return render(request, template, context, status=status)


def _render(
    request: HttpRequest, staff: StaffMember, template: str, status: int = 200, **context: Any
) -> HttpResponse:
    return render_staff(request, staff, f"dossiers/staff/{template}", status, **context)


@staff_only
def caseload(request: HttpRequest, staff: StaffMember) -> HttpResponse:
    now = timezone.now()
    clients = queries.caseload(staff.user, now)
    term = request.POST.get("q", "").strip() if request.method == "POST" else ""
    found = queries.search(clients, term).order_by("family_name", "given_names", "id")
    # Search results page by POST too, so the term (perhaps a BSN) never enters a URL.
    number = request.POST.get("pagina") if term else request.GET.get("pagina")
    page = Paginator(found, PAGE_SIZE).get_page(number)
    return _render(
        request,
        staff,
        "caseload.html",
        rows=queries.with_current_regisseur(page.object_list),  # type: ignore[arg-type]
        page=page,
        term=term,
        shown_term="" if looks_like_bsn(term) else term,
        total=page.paginator.count,
        outside=find_outside_caseload(request=request, staff=staff, caseload=clients, term=term),
        deputising=[u.get_full_name() for u in queries.deputised_colleagues(staff.user, now)],
    )


def _open(
    request: HttpRequest,
    staff: StaffMember,
    public_id: uuid.UUID,
    action: str,
    needs: frozenset[str] | None = None,
    refusal: str = "",
) -> DossierAccess | HttpResponse:
    """Open the dossier with the reason given now or earlier this session, or render why not."""
    reasons: dict[str, str] = request.session.get(SESSION_REASONS, {})
    given_now = request.method == "POST" and "reason" in request.POST
    reason = request.POST.get("reason", "") if given_now else reasons.get(str(public_id), "")
    try:
        access = open_dossier(
            request=request,
            staff=staff,
            public_id=public_id,
            reason=reason,
            action=action,
            needs=needs,
            refusal=refusal,
        )
    except ReasonRequired as exc:
        return _render(
            request,
            staff,
            "reason.html",
            status=403,
            error=exc.message if given_now else "",
            reason=reason,
        )
    except AccessRefused as exc:
        return _render(request, staff, "refused.html", status=403, message=exc.message)
    if access.basis == AccessBasis.REASON:
        reasons[str(public_id)] = reason.strip()
        request.session[SESSION_REASONS] = reasons
    return access


def _open_to_change(
    request: HttpRequest, staff: StaffMember, public_id: uuid.UUID, action: str
) -> DossierAccess | HttpResponse:
    return _open(
        request,
        staff,
        public_id,
        action,
        needs=_MAY_CHANGE,
        refusal=_("Only the regisseur, their deputy or the team lead can change this."),
    )


@staff_only
def dossier(request: HttpRequest, public_id: uuid.UUID, staff: StaffMember) -> HttpResponse:
    access = _open(request, staff, public_id, "view_dossier")
    if isinstance(access, HttpResponse):
        return access
    return _dossier_page(request, staff, access)


@staff_only
def show_bsn(request: HttpRequest, public_id: uuid.UUID, staff: StaffMember) -> HttpResponse:
    """Show the BSN on request only (POST, so it never lands in a URL); logged separately."""
    if request.method != "POST":
        return redirect("staff:dossier", public_id=public_id)
    access = _open(request, staff, public_id, "view_bsn")
    if isinstance(access, HttpResponse):
        return access
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
        may_change=access.basis in _MAY_CHANGE,
        language_name=_language_name(profile.language),
        interpreter_language=_language_name(profile.interpreter_language),
        regisseur=access.regisseur,
        responsible=access.responsible,
        page=page,
    )


@staff_only
def edit_profile(request: HttpRequest, public_id: uuid.UUID, staff: StaffMember) -> HttpResponse:
    access = _open_to_change(request, staff, public_id, "edit_profile")
    if isinstance(access, HttpResponse):
        return access
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


@staff_only
def reassign(request: HttpRequest, public_id: uuid.UUID, staff: StaffMember) -> HttpResponse:
    if staff.role != Role.TEAM_LEAD:
        raise Http404
    access = _open(
        request,
        staff,
        public_id,
        "reassign",
        needs=_TEAM_LEAD,
        refusal=_("Only the team lead of the regisseur's team can choose another regisseur."),
    )
    if isinstance(access, HttpResponse):
        return access
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


@staff_only
def outflow(request: HttpRequest, public_id: uuid.UUID, staff: StaffMember) -> HttpResponse:
    """The benefit stops (with why), or the client comes back: what insight counts as outflow."""
    access = _open_to_change(request, staff, public_id, "record_outflow")
    if isinstance(access, HttpResponse):
        return access
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


@staff_only
def absences(request: HttpRequest, staff: StaffMember) -> HttpResponse:
    if staff.role != Role.TEAM_LEAD:
        raise Http404
    form = AbsenceForm(request.POST or None, team_id=staff.team_id)
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


@staff_only
def access_review(request: HttpRequest, staff: StaffMember) -> HttpResponse:
    if staff.role != Role.TEAM_LEAD:
        raise Http404
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
