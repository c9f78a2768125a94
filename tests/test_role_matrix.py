"""Every workspace URL x every role (and anonymous, and a client) gets what the role matrix says.

The URLs come from the URLconf, so a new page without a capability fails here. Objects in the
paths belong to a client of another team, so a role that may open dossiers still meets the
reason page, never the dossier; a role without the capability is refused before anything is
fetched, whatever the id (a real object or an unknown one), so it learns nothing.
"""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from maatwerk.commitments import services as commitments
from maatwerk.commitments.models import Party
from maatwerk.commitments.tests.factories import make_application
from maatwerk.contacts import reports
from maatwerk.contacts import services as contacts
from maatwerk.core.models import AccessLogEntry, Role, Team
from maatwerk.core.roles import MATRIX, Capability
from maatwerk.dossiers.portal_auth import portal_user_for
from maatwerk.dossiers.tests.factories import make_client, make_staff
from maatwerk.plans.tests.factories import ready_draft

pytestmark = pytest.mark.django_db

STAFF_NAMESPACES = {
    "staff",
    "staff_docs",
    "staff_commit",
    "staff_plans",
    "staff_contacts",
    "staff_letters",
    "staff_sanctions",
    "staff_voice",
    "staff_insight",
}
# Pages every visitor may reach: the login itself, logging out, and the start page that sends
# each role to its own first page.
UNGUARDED = {"staff:login", "staff:logout", "staff:start"}
NOT_FOR_ROLE = "Deze pagina hoort niet bij uw werk"
REASON_PAGE = "Waarom opent u dit dossier?"


def _patterns(resolver: URLResolver, namespace: str = "") -> list[tuple[str, URLPattern]]:
    found = []
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            found += _patterns(entry, entry.namespace or namespace)
        elif namespace in STAFF_NAMESPACES and entry.name:
            found.append((f"{namespace}:{entry.name}", entry))
    return found


STAFF_URLS = sorted(_patterns(get_resolver()), key=lambda item: item[0])


def test_every_workspace_url_declares_the_capability_it_needs():
    missing = [
        name
        for name, pattern in STAFF_URLS
        if name not in UNGUARDED
        and not isinstance(getattr(pattern.callback, "needs", None), Capability)
    ]
    assert missing == []


@pytest.fixture
def world():
    """A client of team Zuid with a promise, an application, a callback, a report and a plan
    draft; staff of every role in team Noord."""
    north, south = Team.objects.create(name="Noord"), Team.objects.create(name="Zuid")
    owner = make_staff(team=south)
    client = make_client(owner)
    promise = commitments.promise(
        client=client,
        party=Party.MUNICIPALITY,
        description="Wij bellen u terug",
        due_at=timezone.now() + timedelta(days=3),
        actor=owner,
    )
    callback = contacts.request_callback(
        phone="06-99999999", subject="Vraag", requested_via="phone", actor=owner, client=client
    )
    report = reports.write_report(
        client=client,
        held_on=timezone.localdate(),
        discussed="Werk",
        agreed="Cv",
        next_steps="Bellen",
        actor=owner,
    )
    objects = {
        "commitment": promise.public_id,
        "application": make_application(client, owner).public_id,
        "callback": callback.public_id,
        "report": report.public_id,
        "draft": ready_draft(client, owner).public_id,
        "version": None,
    }
    staff = {role: make_staff(role=role, team=north) for role in MATRIX}
    return {"client": client, "objects": objects, "staff": staff}


def _kwargs(name: str, pattern: URLPattern, world) -> dict[str, object]:
    """Path arguments: the other team's client, or its object of the page's kind."""
    params = pattern.pattern.converters
    kwargs: dict[str, object] = {}
    for key in params:
        if key == "public_id":
            kwargs[key] = _object_id(name, pattern, world)
        elif key == "pk":
            kwargs[key] = 1
        else:
            kwargs[key] = {"purpose": "receipt", "language": "nl"}.get(key, "x")
    return kwargs


def _object_id(name: str, pattern: URLPattern, world) -> uuid.UUID:
    route = str(pattern.pattern)
    if route.startswith("dossiers/") or name == "staff_docs:client_documents":
        return world["client"].public_id
    kind = {
        "staff_commit:commitment": "commitment",
        "staff_commit:application": "application",
        "staff_contacts:callback": "callback",
        "staff_contacts:report": "report",
        "staff_plans:draft": "draft",
        "staff_plans:version": "draft",
    }.get(name)
    found = world["objects"].get(kind) if kind else None
    return found or uuid.uuid4()


@pytest.mark.parametrize("name,pattern", STAFF_URLS, ids=[n for n, _p in STAFF_URLS])
def test_each_role_gets_what_the_matrix_says(client, world, name, pattern):
    if name in UNGUARDED:
        return
    needs = pattern.callback.needs
    url = reverse(name, kwargs=_kwargs(name, pattern, world))
    assert client.get(url).status_code == 302  # anonymous: to the login page
    client.force_login(portal_user_for(world["client"]))
    assert client.get(url).status_code == 404  # a client: the workspace does not exist
    for role, user in world["staff"].items():
        client.force_login(user)
        before = AccessLogEntry.objects.filter(client_ref=world["client"].public_id).count()
        for method in (client.get, client.post):
            response = method(url)
            page = response.content.decode(errors="replace")
            if needs not in MATRIX[role]:
                assert response.status_code == 403, (role, method)
                assert NOT_FOR_ROLE in page, (role, method)
            else:
                assert NOT_FOR_ROLE not in page, (role, method)
                assert response.status_code in (200, 302, 400, 403, 404, 405), (role, method)
                if "public_id" in pattern.pattern.converters and response.status_code == 403:
                    assert REASON_PAGE in page or "Geen toegang" in page, (role, method)
        if needs not in MATRIX[role]:
            # Refused before anything was fetched: no read of the client's dossier is logged.
            after = AccessLogEntry.objects.filter(client_ref=world["client"].public_id).count()
            assert after == before, role


def test_a_caseworker_of_another_team_meets_the_reason_page_for_every_dossier_page(client, world):
    client.force_login(world["staff"][Role.CONSULTANT])
    dossier_pages = [
        (name, pattern)
        for name, pattern in STAFF_URLS
        if str(pattern.pattern).startswith("dossiers/") and name != "staff:reassign"
    ]
    assert len(dossier_pages) > 15
    for name, pattern in dossier_pages:
        url = reverse(name, kwargs=_kwargs(name, pattern, world))
        # The BSN is shown on a POST only, so that it never lands in a URL; a reason is posted.
        posted = name in ("staff:show_bsn", "staff:give_reason")
        response = client.post(url) if posted else client.get(url)
        assert response.status_code == 403, name
        assert REASON_PAGE in response.content.decode(), name
