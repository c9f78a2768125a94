"""The web layer every staff and portal view uses: guards, opening a dossier, refusals, rendering.

A staff view declares the capability it needs from the role matrix (`core.roles`):

    @staff_view(needs=Capability.CASE_WORK)
    def callbacks(request, staff): ...

The guard sends anonymous users to the login page, answers a logged 404 to a logged-in client,
and refuses a role without the capability before anything is fetched, so a refused role learns
nothing about the clients behind the page. Views then open what they need through an access
function (`open_client` here, `open_<thing>` in each app) that fetches, checks and logs, or
raises. Views raise; `RefusalMiddleware` turns a refusal or a missing reason into the page that
says what to do. No view passes a response around as a value.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from functools import wraps
from operator import attrgetter
from typing import Any, TypeVar

from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from maatwerk.core.models import AccessBasis, StaffMember
from maatwerk.core.roles import MENU, START_PAGE, Capability, capabilities_of
from maatwerk.dossiers.access import (
    DossierAccess,
    check_reason,
    open_dossier,
    refuse_non_staff,
)
from maatwerk.dossiers.errors import AccessRefused, ReasonRequired

SESSION_REASONS = "dossier_access_reasons"
# Who may change a dossier (not just read it with a reason).
MAY_CHANGE = frozenset({AccessBasis.REGISSEUR, AccessBasis.DEPUTY, AccessBasis.TEAM_LEAD})
TEAM_LEAD_ONLY = frozenset({AccessBasis.TEAM_LEAD})
# Who handles the client now: the regisseur, or the deputy while the regisseur is away.
HANDLES_CLIENT = frozenset({AccessBasis.REGISSEUR, AccessBasis.DEPUTY})
CHANGE_REFUSAL = "Only the regisseur, their deputy or the team lead can change this."

View = Callable[..., HttpResponse]
Part = TypeVar("Part", bound=Model)
portal_login_required = login_required(login_url="portal:login")


class NotForYourRole(AccessRefused):
    """The role matrix does not give this role the page's capability."""


def staff_view(*, needs: Capability) -> Callable[[View], View]:
    """Guard a workspace view with the capability it needs; the view gets `staff=`."""

    def decorate(view: View) -> View:
        @wraps(view)
        @login_required(login_url="staff:login")
        def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            staff = _staff_of(request, kwargs.get("public_id"))
            if needs not in capabilities_of(staff.role):
                raise NotForYourRole(
                    _(
                        "This page is not part of your work. Use the menu to go to your own "
                        "pages, or ask your team lead if you need it."
                    )
                )
            return view(request, *args, staff=staff, **kwargs)

        guarded.needs = needs  # type: ignore[attr-defined]
        return guarded

    return decorate


def _staff_of(request: HttpRequest, public_id: uuid.UUID | None) -> StaffMember:
    user = request.user
    assert isinstance(user, User)
    staff = StaffMember.objects.filter(user=user).select_related("team", "user").first()
    if staff is None:
        if public_id is not None:
            refuse_non_staff(request=request, user=user, public_id=public_id)
        raise Http404
    request.staff = staff  # type: ignore[attr-defined]
    return staff


def open_client(
    request: HttpRequest,
    staff: StaffMember,
    public_id: uuid.UUID,
    action: str,
    *,
    change: bool = False,
    needs: frozenset[str] | None = None,
    refusal: str = "",
    subject: tuple[str, str] | None = None,
) -> DossierAccess:
    """Open a client's dossier with the reason given now or earlier this session, or raise.

    `change=True` asks for the right to change it (regisseur, deputy or team lead); `needs`
    narrows the authorisations further. The reason for opening outside one's caseload is kept in
    the session per dossier, so the parts of one dossier do not ask again.
    """
    reasons: dict[str, str] = request.session.get(SESSION_REASONS, {})
    given_now = request.method == "POST" and "reason" in request.POST
    reason = request.POST.get("reason", "") if given_now else reasons.get(str(public_id), "")
    if change and needs is None:
        needs, refusal = MAY_CHANGE, refusal or _(CHANGE_REFUSAL)
    access = open_dossier(
        request=request,
        staff=staff,
        public_id=public_id,
        reason=reason,
        action=action,
        needs=needs,
        refusal=refusal,
        subject=subject,
    )
    if access.basis == AccessBasis.REASON:
        reasons[str(public_id)] = reason.strip()
        request.session[SESSION_REASONS] = reasons
    return access


def remember_reason(request: HttpRequest, staff: StaffMember, public_id: uuid.UUID) -> None:
    """Check the reason posted for opening this dossier and keep it for this session, or raise."""
    reason = request.POST.get("reason", "")
    check_reason(request=request, staff=staff, public_id=public_id, reason=reason)
    reasons = session_reasons(request)
    reasons[str(public_id)] = reason.strip()
    request.session[SESSION_REASONS] = reasons


def open_client_for(
    request: HttpRequest, staff: StaffMember, public_id: uuid.UUID, action: str, **kw: Any
) -> DossierAccess:
    """Reading needs the usual access; a POST changes something and needs the right to."""
    return open_client(request, staff, public_id, action, change=request.method == "POST", **kw)


def safe_next(request: HttpRequest, default: str) -> str:
    """A workspace page on this site to go back to, or `default`."""
    wanted = request.POST.get("next", "")
    local = url_has_allowed_host_and_scheme(wanted, allowed_hosts={request.get_host()})
    return wanted if local and wanted.startswith("/werk/") else default


def open_part(
    request: HttpRequest,
    staff: StaffMember,
    parts: QuerySet[Part],
    public_id: uuid.UUID,
    action: str,
    *,
    client_path: str = "client",
) -> tuple[Part, DossierAccess]:
    """A part of a client's dossier (a promise, letter, report, plan version …) by its public
    id, opened under the dossier's rules: reading needs the usual access, a POST the right to
    change. `client_path` leads from the part to its client (select it in `parts`)."""
    found = parts.filter(public_id=public_id).first()
    if found is None:
        raise Http404
    client = attrgetter(client_path.replace("__", "."))(found)
    subject = (parts.model._meta.model_name or "", str(public_id))
    return found, open_client_for(request, staff, client.public_id, action, subject=subject)


def session_reasons(request: HttpRequest) -> dict[str, str]:
    reasons: dict[str, str] = request.session.get(SESSION_REASONS, {})
    return reasons


def render_staff(
    request: HttpRequest, staff: StaffMember, template: str, status: int = 200, **context: Any
) -> HttpResponse:
    """A workspace page. The menu comes from the role matrix (`workspace_menu`)."""
    context.setdefault("staff", staff)
    return render(request, template, context, status=status)


def start_page_of(staff: StaffMember) -> str:
    return reverse(START_PAGE.get(staff.role, "staff:login"))


def workspace_menu(request: HttpRequest) -> dict[str, Any]:
    """Context processor: the menu and capabilities of the staff member the guard let in."""
    staff: StaffMember | None = getattr(request, "staff", None)
    if staff is None:
        return {}
    can = capabilities_of(staff.role)
    menu = [(reverse(name), _(label)) for cap, name, label in MENU if cap in can]
    return {"can": {c.value for c in can}, "workspace_menu": menu}


class RefusalMiddleware:
    """Turns a refusal raised anywhere in a view into the page that says what to do (403)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exc: Exception) -> HttpResponse | None:
        if isinstance(exc, ReasonRequired):
            given_now = request.method == "POST" and "reason" in request.POST
            return render(
                request,
                "dossiers/staff/reason.html",
                {
                    "error": exc.message if given_now else "",
                    "reason": request.POST.get("reason", "") if given_now else "",
                    "client_ref": exc.client_ref,
                    # After the reason, back to the page that asked for it.
                    "next": request.POST.get("next", "") if given_now else request.get_full_path(),
                },
                status=403,
            )
        if isinstance(exc, AccessRefused):
            staff = getattr(request, "staff", None)
            return render(
                request,
                "dossiers/staff/refused.html",
                {
                    "message": exc.message,
                    "not_for_role": isinstance(exc, NotForYourRole),
                    "start": start_page_of(staff) if staff else "",
                },
                status=403,
            )
        return None


def staff_who_can(request: HttpRequest, capability: Capability) -> StaffMember | None:
    """For context processors: the guarded staff member of this request, if their role has
    `capability` (pages outside the guard, such as the login page, have none)."""
    staff: StaffMember | None = getattr(request, "staff", None)
    if staff is None or capability not in capabilities_of(staff.role):
        return None
    return staff
