"""Staff workspace: caseload with search, the dossier page, and the team lead's access review.

Thin: parse the request, call a query or the access fetcher, render.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language_info

from maatwerk.core.models import AccessLogEntry, Role, StaffMember
from maatwerk.dossiers import queries
from maatwerk.dossiers.access import open_dossier, refuse_non_staff
from maatwerk.dossiers.errors import AccessRefused, ReasonRequired

PAGE_SIZE = 25
_SESSION_REASONS = "dossier_access_reasons"


def staff_only(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @login_required
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        staff = StaffMember.objects.filter(user=_user(request)).select_related("team").first()
        if staff is None:
            if "public_id" in kwargs:
                refuse_non_staff(
                    request=request, user=_user(request), public_id=kwargs["public_id"]
                )
            raise Http404
        request.staff = staff  # type: ignore[attr-defined]
        return view(request, *args, **kwargs)

    return wrapped


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


def _context(request: HttpRequest, **extra: Any) -> dict[str, Any]:
    return {"is_team_lead": request.staff.role == Role.TEAM_LEAD, **extra}  # type: ignore[attr-defined]


@staff_only
def caseload(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    now = timezone.now()
    clients = queries.caseload(user, now)
    term = request.POST.get("q", "").strip() if request.method == "POST" else ""
    found = queries.search(clients, term).order_by("family_name", "given_names", "id")
    outside = queries.exact_matches_outside(clients, term) if term else []
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render(
        request,
        "dossiers/staff/caseload.html",
        _context(
            request,
            rows=queries.with_current_regisseur(page.object_list),  # type: ignore[arg-type]
            page=page,
            term=term,
            total=page.paginator.count,
            outside=outside,
            deputising=[u.get_full_name() for u in queries.deputised_colleagues(user, now)],
        ),
    )


@staff_only
def dossier(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    user = _user(request)
    reasons: dict[str, str] = request.session.get(_SESSION_REASONS, {})
    reason = (
        request.POST.get("reason", "")
        if request.method == "POST"
        else reasons.get(str(public_id), "")
    )
    try:
        access = open_dossier(
            request=request, user=user, public_id=public_id, reason=reason, action="view_dossier"
        )
    except ReasonRequired as exc:
        return render(
            request,
            "dossiers/staff/reason.html",
            _context(request, error=exc.message if request.method == "POST" else "", reason=reason),
            status=403,
        )
    except AccessRefused as exc:
        return render(
            request,
            "dossiers/staff/refused.html",
            _context(request, message=exc.message),
            status=403,
        )
    if access.basis == "reason":
        reasons[str(public_id)] = reason.strip()
        request.session[_SESSION_REASONS] = reasons
    client = access.client
    now = timezone.now()
    profile = client.profile
    page = Paginator(queries.timeline(client, for_client=False), PAGE_SIZE).get_page(
        request.GET.get("pagina")
    )
    return render(
        request,
        "dossiers/staff/dossier.html",
        _context(
            request,
            client=client,
            access=access,
            profile=profile,
            language_name=_language_name(profile.language),
            interpreter_language=_language_name(profile.interpreter_language),
            regisseur=queries.regisseur_of(client, now),
            responsible=queries.responsible_for(client, now),
            page=page,
        ),
    )


@staff_only
def access_review(request: HttpRequest) -> HttpResponse:
    staff: StaffMember = request.staff  # type: ignore[attr-defined]
    if staff.role != Role.TEAM_LEAD:
        raise Http404
    team_clients = queries.caseload(_user(request), timezone.now())
    numbers = dict(team_clients.values_list("public_id", "client_number"))
    entries = (
        AccessLogEntry.objects.filter(flagged=True, client_ref__in=list(numbers))
        .select_related("actor")
        .order_by("-moment", "-id")
    )
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("pagina"))
    rows = [
        {"entry": e, "client_number": numbers.get(e.client_ref), "role": Role(e.actor_role).label}
        for e in page.object_list
    ]
    page.object_list = rows  # type: ignore[assignment]
    return render(request, "dossiers/staff/access_review.html", _context(request, page=page))


def _language_name(code: str) -> str:
    if not code:
        return "-"
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code
