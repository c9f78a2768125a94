"""Reads that views, commands and later apps share: who handles a client, caseloads, timelines."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime

from django.contrib.auth.models import User
from django.db.models import Q, QuerySet

from maatwerk.core.models import AccessLogEntry, AccessResult, Role, StaffMember
from maatwerk.core.rules.bsn import is_valid_bsn, looks_like_bsn, normalise_bsn
from maatwerk.dossiers.models import (
    Assignment,
    Client,
    JournalEntry,
    StaffAbsence,
    Visibility,
    bsn_digest,
)

# A deputy can be away too; follow the chain this far, then stop (and never loop).
_MAX_DEPUTY_HOPS = 3


def regisseur_of(client: Client, moment: datetime) -> User | None:
    assignment = (
        Assignment.objects.filter(client=client, started_at__lte=moment)
        .filter(Q(ended_at__isnull=True) | Q(ended_at__gt=moment))
        .select_related("regisseur__staff")
        .order_by("-started_at")
        .first()
    )
    return assignment.regisseur if assignment else None


def responsible_for(client: Client, moment: datetime) -> User | None:
    """Who handles this client at `moment`: the regisseur, or their deputy while they are away."""
    return stand_in_for(regisseur_of(client, moment), moment)


def stand_in_for(person: User | None, moment: datetime) -> User | None:
    """`person`, or whoever deputises for them at `moment` (following a chain of absences)."""
    seen: set[int] = set()
    while person is not None and person.pk not in seen and len(seen) < _MAX_DEPUTY_HOPS:
        seen.add(person.pk)
        absence = (
            StaffAbsence.objects.filter(staff=person, starts_at__lte=moment, ends_at__gt=moment)
            .select_related("deputy")
            .order_by("-starts_at")
            .first()
        )
        if absence is None:
            return person
        person = absence.deputy
    return person


def responsible_for_many(client_ids: Iterable[int], moment: datetime) -> dict[int, User | None]:
    """`responsible_for` for many clients in a few queries (for periodic runs over thousands).

    Same rule as `stand_in_for`: follow the chain of absences at most `_MAX_DEPUTY_HOPS` steps,
    never in a loop.
    """
    ids = set(client_ids)
    regisseurs: dict[int, User] = {}
    for assignment in (
        Assignment.objects.filter(client_id__in=ids, started_at__lte=moment)
        .filter(Q(ended_at__isnull=True) | Q(ended_at__gt=moment))
        .select_related("regisseur")
        .order_by("client_id", "-started_at")
    ):
        regisseurs.setdefault(assignment.client_id, assignment.regisseur)
    deputy_of = _deputies({user.pk for user in regisseurs.values()}, moment, hops=_MAX_DEPUTY_HOPS)
    return {client_id: _follow(regisseurs.get(client_id), deputy_of) for client_id in ids}


def _deputies(people: set[int], moment: datetime, *, hops: int) -> dict[int, User | None]:
    """For everyone away at `moment` among `people` (and their deputies, `hops` deep): deputy."""
    deputy_of: dict[int, User | None] = {}
    pending = people
    for _hop in range(hops):
        if not pending:
            break
        found: dict[int, User | None] = {}
        for absence in (
            StaffAbsence.objects.filter(
                staff_id__in=pending, starts_at__lte=moment, ends_at__gt=moment
            )
            .select_related("deputy")
            .order_by("staff_id", "-starts_at")
        ):
            found.setdefault(absence.staff_id, absence.deputy)
        deputy_of.update(found)
        pending = {d.pk for d in found.values() if d is not None and d.pk not in deputy_of}
    return deputy_of


def _follow(person: User | None, deputy_of: dict[int, User | None]) -> User | None:
    seen: set[int] = set()
    while person is not None and person.pk not in seen and len(seen) < _MAX_DEPUTY_HOPS:
        seen.add(person.pk)
        if person.pk not in deputy_of:
            return person
        person = deputy_of[person.pk]
    return person


def deputised_colleagues(user: User, moment: datetime) -> list[User]:
    """Colleagues whose clients `user` handles at `moment`: those away with `user` as deputy,
    and, along a chain of absences, those whose deputy is away with `user` as theirs."""
    found: dict[int, User] = {}
    frontier = [user.pk]
    for _hop in range(_MAX_DEPUTY_HOPS):
        away = list(
            User.objects.filter(
                absences__deputy_id__in=frontier,
                absences__starts_at__lte=moment,
                absences__ends_at__gt=moment,
            )
            .exclude(pk__in=[user.pk, *found])
            .distinct()
        )
        if not away:
            break
        found.update((colleague.pk, colleague) for colleague in away)
        frontier = [colleague.pk for colleague in away]
    return list(found.values())


def caseload(user: User, moment: datetime) -> QuerySet[Client]:
    """The clients `user` handles: their own, those of colleagues they deputise for, and for
    a team lead the whole team's."""
    regisseurs = caseload_regisseurs(user, moment)
    return Client.objects.filter(
        assignments__regisseur_id__in=regisseurs, assignments__ended_at__isnull=True
    )


def caseload_regisseurs(user: User, moment: datetime) -> list[int]:
    """Whose clients make up `user`'s caseload, resolved to ids first.

    Resolving the ids up front lets the database use the (regisseur, ended_at) index with a
    true row estimate; an OR with a subquery made PostgreSQL scan every assignment.
    """
    staff = StaffMember.objects.filter(user=user).only("role", "team_id").first()
    if staff is None:
        return []
    own = [user.pk]
    if staff.role == Role.TEAM_LEAD and staff.team_id is not None:
        own = list(
            StaffMember.objects.filter(team_id=staff.team_id).values_list("user_id", flat=True)
        )
    return [*own, *(colleague.pk for colleague in deputised_colleagues(user, moment))]


def with_current_regisseur(clients: QuerySet[Client]) -> list[tuple[Client, User | None]]:
    """Pair each client with their current regisseur in one extra query, not one per client."""
    rows = list(clients)
    by_client = {
        a.client_id: a.regisseur
        for a in Assignment.objects.filter(
            client_id__in=[c.pk for c in rows], ended_at__isnull=True
        ).select_related("regisseur")
    }
    return [(client, by_client.get(client.pk)) for client in rows]


def search(clients: QuerySet[Client], term: str) -> QuerySet[Client]:
    """Search by name, client number, postcode, or an exact BSN (never by part of one)."""
    term = term.strip()
    if not term:
        return clients
    if looks_like_bsn(term):
        bsn = normalise_bsn(term)
        by_number = Q(client_number=term)
        if is_valid_bsn(bsn):
            return clients.filter(by_number | Q(bsn_digest=bsn_digest(bsn)))
        return clients.filter(by_number)
    compact = term.replace(" ", "").upper()
    postcode = f"{compact[:4]} {compact[4:]}" if len(compact) == 6 else None
    match = (
        Q(family_name__icontains=term)
        | Q(given_names__icontains=term)
        | Q(client_number__iexact=term)
    )
    if postcode and compact[:4].isdigit():
        match |= Q(postcode=postcode)
    elif compact.isdigit() and len(compact) == 4:
        match |= Q(postcode__startswith=compact)
    return clients.filter(match)


def timeline(client: Client, *, for_client: bool) -> QuerySet[JournalEntry]:
    entries = JournalEntry.objects.filter(client=client).select_related("actor")
    if for_client:
        entries = entries.filter(visibility=Visibility.CLIENT_AND_STAFF)
    return entries.order_by("-moment", "-id")


def exact_matches_outside(caseload_clients: QuerySet[Client], term: str) -> list[Client]:
    """Clients outside the caseload that match a whole client number or BSN exactly.

    Staff may find such a dossier to open it with a reason, but never browse by name.
    """
    term = term.strip()
    match = Q(client_number=term)
    bsn = normalise_bsn(term)
    if looks_like_bsn(term) and is_valid_bsn(bsn):
        match |= Q(bsn_digest=bsn_digest(bsn))
    return list(Client.objects.filter(match).exclude(pk__in=caseload_clients.values("pk"))[:5])


def views_of(client: Client) -> QuerySet[AccessLogEntry]:
    """Staff views of a client's dossier, for "Wie heeft mijn dossier bekeken"."""
    return AccessLogEntry.objects.filter(
        client_ref=client.public_id, result=AccessResult.ALLOWED
    ).exclude(actor_role="client")


def flagged_accesses(clients: QuerySet[Client]) -> QuerySet[AccessLogEntry]:
    """Accesses from outside the caseload (with a reason, or a look-up) to these clients."""
    return (
        AccessLogEntry.objects.filter(flagged=True, client_ref__in=clients.values("public_id"))
        .select_related("actor")
        .order_by("-moment", "-id")
    )


def client_numbers(refs: list[uuid.UUID | None]) -> dict[uuid.UUID, str]:
    return dict(
        Client.objects.filter(public_id__in=[r for r in refs if r]).values_list(
            "public_id", "client_number"
        )
    )


def absences_in_team(team_id: int, moment: datetime) -> QuerySet[StaffAbsence]:
    return (
        StaffAbsence.objects.filter(ends_at__gt=moment, staff__staff__team_id=team_id)
        .select_related("staff", "deputy")
        .order_by("starts_at")
    )
