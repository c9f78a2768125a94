"""Who may open which dossier, and the fetchers that check it and log the access in one call.

A consultant sees their own clients and those of colleagues they deputise for; a team lead sees
the team's. Intake employees, functional administrators and consultants outside the caseload may
open a dossier only with a stated reason, which is logged and flagged for the team lead.
Client-council members and researchers never open dossiers: they work with anonymous data.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from maatwerk.core.access_log import AccessEvent, log_access, log_accesses, origin_of
from maatwerk.core.models import AccessBasis, AccessResult, Role, StaffMember
from maatwerk.dossiers.errors import AccessRefused, DossierError, ReasonRequired
from maatwerk.dossiers.models import Client, JournalEntry, Visibility
from maatwerk.dossiers.queries import exact_matches_outside, regisseur_of, stand_in_for

_NEVER_OPENS_DOSSIERS = {Role.COUNCIL_MEMBER, Role.RESEARCHER}
FIND_OUTSIDE = "find_outside"
MIN_REASON_LENGTH = 10


@dataclass(frozen=True)
class DossierAccess:
    client: Client
    basis: str
    regisseur: User | None
    responsible: User | None
    on_behalf_of: str = ""


def basis_for(staff: StaffMember, regisseur: User | None, responsible: User | None) -> str:
    """The authorisation `staff` has for a client with this regisseur and stand-in now."""
    if regisseur is None:
        return AccessBasis.NONE
    if regisseur.pk == staff.user_id:
        return AccessBasis.REGISSEUR
    if responsible is not None and responsible.pk == staff.user_id:
        return AccessBasis.DEPUTY
    regisseur_team = getattr(getattr(regisseur, "staff", None), "team_id", None)
    if (
        staff.role == Role.TEAM_LEAD
        and staff.team_id is not None
        and regisseur_team == staff.team_id
    ):
        return AccessBasis.TEAM_LEAD
    return AccessBasis.NONE


def open_dossier(
    *,
    request: HttpRequest,
    staff: StaffMember,
    public_id: uuid.UUID,
    reason: str = "",
    action: str,
    needs: frozenset[str] | None = None,
    refusal: str = "",
    subject: tuple[str, str] | None = None,
) -> DossierAccess:
    """Fetch a client's dossier for a staff member, or raise; every outcome is logged.

    `needs` limits the authorisations that suffice (for changes, or sensitive parts), with
    `refusal` as the message otherwise. `subject` names the part read (type, id) for the log.
    """
    origin = origin_of(request)
    user = staff.user
    client = Client.objects.filter(public_id=public_id).select_related("profile").first()
    if client is None:
        _log(user, action, None, AccessResult.NOT_FOUND, origin, str(public_id), staff=staff)
        raise Http404
    now = timezone.now()
    regisseur = regisseur_of(client, now)
    responsible = stand_in_for(regisseur, now)
    basis = basis_for(staff, regisseur, responsible)
    if basis == AccessBasis.NONE:
        _require_reason(staff, reason, client, action, origin)
        basis = AccessBasis.REASON
    if needs is not None and basis not in needs:
        _log(
            staff.user,
            action,
            client.public_id,
            AccessResult.REFUSED,
            origin,
            str(client.public_id),
            basis=basis,
            staff=staff,
        )
        raise AccessRefused(refusal or _("You may not do this with this dossier."))
    on_behalf_of = regisseur.get_full_name() if basis == AccessBasis.DEPUTY and regisseur else ""
    log_access(
        actor=user,
        staff=staff,
        event=AccessEvent(
            action=action,
            object_type=subject[0] if subject else "dossier",
            object_ref=subject[1] if subject else str(client.public_id),
            client_ref=client.public_id,
            basis=basis,
            reason=reason.strip() if basis == AccessBasis.REASON else "",
            flagged=basis == AccessBasis.REASON,
            on_behalf_of=on_behalf_of,
        ),
        origin=origin,
    )
    return DossierAccess(client, basis, regisseur, responsible, on_behalf_of)


def check_reason(
    *, request: HttpRequest, staff: StaffMember, public_id: uuid.UUID, reason: str
) -> None:
    """Raise unless `reason` suffices to open this dossier; a refusal is logged. The read itself
    is logged when the page that asked for the reason opens the dossier with it."""
    client = Client.objects.filter(public_id=public_id).first()
    if client is None:
        raise Http404
    now = timezone.now()
    regisseur = regisseur_of(client, now)
    if basis_for(staff, regisseur, stand_in_for(regisseur, now)) == AccessBasis.NONE:
        _require_reason(staff, reason, client, "give_reason", origin_of(request))


def _require_reason(
    staff: StaffMember, reason: str, client: Client, action: str, origin: str
) -> None:
    """Outside the caseload: refuse roles that never open dossiers, and missing reasons."""
    refusal: DossierError
    if staff.role in _NEVER_OPENS_DOSSIERS:
        refusal = AccessRefused(
            _(
                "Your role does not give access to client dossiers. Ask your team lead if you "
                "need information."
            )
        )
    elif len(reason.strip()) < MIN_REASON_LENGTH:
        refusal = ReasonRequired(
            _(
                "This client is not in your caseload. Write why you need to open this dossier "
                "(at least %(n)d characters). Your reason is logged and shown to the team lead "
                "and the client."
            )
            % {"n": MIN_REASON_LENGTH},
            client_ref=client.public_id,
        )
    else:
        return
    ref = str(client.public_id)
    _log(staff.user, action, client.public_id, AccessResult.REFUSED, origin, ref, staff=staff)
    raise refusal


def find_outside_caseload(
    *, request: HttpRequest, staff: StaffMember, caseload: QuerySet[Client], term: str
) -> list[Client]:
    """Dossiers outside the caseload matching a whole client number or BSN, to open with a
    reason. Roles that never open dossiers get none; every find is logged and flagged."""
    if staff.role in _NEVER_OPENS_DOSSIERS or not term.strip():
        return []
    found = exact_matches_outside(caseload, term)
    for client in found:
        log_access(
            actor=staff.user,
            staff=staff,
            event=AccessEvent(
                action=FIND_OUTSIDE,
                object_type="dossier",
                object_ref=str(client.public_id),
                client_ref=client.public_id,
                flagged=True,
            ),
            origin=origin_of(request),
        )
    return found


def own_client(user: User) -> Client:
    client = Client.objects.filter(user=user).select_related("profile").first()
    if client is None:
        raise Http404
    return client


def own_journal_entry(*, request: HttpRequest, user: User, public_id: uuid.UUID) -> JournalEntry:
    """A client's own timeline entry; another client's entry is a 404, and the try is logged."""
    client = own_client(user)
    entry: JournalEntry | None = (
        JournalEntry.objects.filter(public_id=public_id, client=client)
        .exclude(visibility=Visibility.STAFF_ONLY)
        .first()
    )
    if entry is None:
        _log(
            user,
            "portal.view_entry",
            None,
            AccessResult.NOT_FOUND,
            origin_of(request),
            str(public_id),
            basis=AccessBasis.OWN_DOSSIER,
        )
        raise Http404
    return entry


def refuse_non_staff(*, request: HttpRequest, user: User, public_id: uuid.UUID) -> None:
    """A logged-in non-staff user (a client) tried a staff page: log it, answer 404."""
    _log(
        user, "staff.view_dossier", None, AccessResult.NOT_FOUND, origin_of(request), str(public_id)
    )
    raise Http404


def _log(
    user: User,
    action: str,
    client_ref: uuid.UUID | None,
    result: str,
    origin: str,
    object_ref: str,
    basis: str = AccessBasis.NONE,
    staff: StaffMember | None = None,
) -> None:
    log_access(
        actor=user,
        staff=staff,
        event=AccessEvent(
            action=action,
            object_type="dossier",
            object_ref=object_ref,
            client_ref=client_ref,
            result=result,
            basis=basis,
        ),
        origin=origin,
    )


def log_list_read(
    *,
    request: HttpRequest,
    staff: StaffMember,
    clients: Iterable[Client],
    action: str,
    object_type: str,
) -> None:
    """Names or dossier content on a list are a read of each dossier: one entry per client,
    with the authorisation the reader has for that client."""
    origin, now = origin_of(request), timezone.now()
    for client in {c.pk: c for c in clients}.values():
        regisseur = regisseur_of(client, now)
        log_access(
            actor=staff.user,
            origin=origin,
            event=AccessEvent(
                action=action,
                object_type=object_type,
                client_ref=client.public_id,
                basis=basis_for(staff, regisseur, stand_in_for(regisseur, now)),
            ),
            staff=staff,
        )


def log_names_shown(
    *,
    request: HttpRequest,
    staff: StaffMember,
    rows: Iterable[tuple[Client, User | None]],
    deputised: Iterable[User],
) -> None:
    """A caseload page names clients: for those of a colleague (as deputy or team lead) that is
    a read of their dossier, logged in one insert. A regisseur's own clients are their work."""
    deputy_for = {u.pk for u in deputised}
    events = [
        AccessEvent(
            action="view_caseload",
            object_type="caseload",
            client_ref=client.public_id,
            basis=AccessBasis.DEPUTY if regisseur.pk in deputy_for else AccessBasis.TEAM_LEAD,
        )
        for client, regisseur in rows
        if regisseur is not None and regisseur.pk != staff.user_id
    ]
    log_accesses(actor=staff.user, staff=staff, events=events, origin=origin_of(request))
