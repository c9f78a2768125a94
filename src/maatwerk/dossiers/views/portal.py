"""Client portal (Mijn Maatwerk): my regisseur, my timeline, and who viewed my dossier."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.models import User
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from maatwerk.core.models import AccessBasis, Role
from maatwerk.core.rules.access_rows import Read, Row, collapse
from maatwerk.dossiers import queries
from maatwerk.dossiers.access import FIND_OUTSIDE, own_client, own_journal_entry
from maatwerk.dossiers.web import portal_login_required

PAGE_SIZE = 20


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


def login(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated and hasattr(request.user, "client"):
        return redirect("portal:home")
    digid_url = (
        reverse("digid:login")
        + "?"
        + urlencode({"next": request.build_absolute_uri(reverse("portal:home"))})
    )
    return render(
        request,
        "dossiers/portal/login.html",
        {"digid_url": digid_url, "digid_mock": settings.DIGID_MOCK},
    )


class PortalLogoutView(auth_views.LogoutView):
    next_page = "portal:login"


@portal_login_required
def home(request: HttpRequest) -> HttpResponse:
    client = own_client(_user(request))
    now = timezone.now()
    regisseur = queries.regisseur_of(client, now)  # with regisseur.staff loaded
    responsible = queries.stand_in_for(regisseur, now)
    staff = getattr(regisseur, "staff", None)
    return render(
        request,
        "dossiers/portal/home.html",
        {
            "client": client,
            "regisseur": regisseur,
            "regisseur_phone": staff.phone if staff else "",
            "deputy": responsible if responsible != regisseur else None,
            "latest": queries.timeline(client, for_client=True)[:5],
        },
    )


@portal_login_required
def timeline(request: HttpRequest) -> HttpResponse:
    client = own_client(_user(request))
    page = Paginator(queries.timeline(client, for_client=True), PAGE_SIZE).get_page(
        request.GET.get("pagina")
    )
    return render(request, "dossiers/portal/timeline.html", {"page": page})


@portal_login_required
def entry(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    found = own_journal_entry(request=request, user=_user(request), public_id=public_id)
    return render(request, "dossiers/portal/entry.html", {"entry": found})


@portal_login_required
def access_log(request: HttpRequest) -> HttpResponse:
    """Who viewed my dossier: repeated reads by one person for one purpose as one row."""
    client = own_client(_user(request))
    entries = queries.views_of(client).values(
        "moment", "actor_id", "actor_role", "actor_team", "basis", "reason", "action"
    )
    rows = collapse(_read(e) for e in entries)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render(
        request,
        "dossiers/portal/access_log.html",
        {"page": page, "rows": [_access_row(r) for r in page.object_list]},
    )


def _read(entry: Mapping[str, Any]) -> Read:
    found = entry["action"] == FIND_OUTSIDE
    why = (entry["basis"], entry["reason"], found)
    return Read(
        moment=entry["moment"],
        key=(entry["actor_id"], *why),
        shown=(entry["actor_role"], entry["actor_team"], *why),
    )


def _access_row(row: Row) -> dict[str, Any]:
    shown: tuple[str, str, str, str, bool] = row.shown  # type: ignore[assignment]
    actor_role, team, basis, reason, found = shown
    why: str | None = {
        str(AccessBasis.REGISSEUR): _("Your regisseur worked on your dossier."),
        str(AccessBasis.DEPUTY): _("The deputy of your regisseur worked on your dossier."),
        str(AccessBasis.TEAM_LEAD): _("The team lead of your regisseur looked at your dossier."),
        str(AccessBasis.WORK_QUEUE): _("An employee printed a letter to you to send it by post."),
    }.get(basis)
    if found:
        why = _("Someone outside your regisseur's work list looked up your client number or BSN.")
    elif basis == AccessBasis.REASON:
        why = _("Someone outside your regisseur's work list. Reason given: %(reason)s") % {
            "reason": reason
        }
    role = Role(actor_role).label if actor_role in Role.values else actor_role
    return {
        "first": row.first,
        "moment": row.last,
        "count": row.count,
        "role": role,
        "team": team,
        "why": why or "-",
    }
