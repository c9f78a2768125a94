import uuid

import pytest
from django.http import Http404
from django.test import RequestFactory

from maatwerk.core.models import AccessBasis, AccessLogEntry, AccessResult, Role
from maatwerk.dossiers.access import open_dossier, own_journal_entry
from maatwerk.dossiers.errors import AccessRefused, ReasonRequired
from maatwerk.dossiers.portal_auth import portal_user_for
from maatwerk.dossiers.tests.factories import TeamFactory, make_client, make_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def request_():
    return RequestFactory().get("/werk/", REMOTE_ADDR="10.1.2.3")


def test_the_regisseur_opens_their_client_and_the_access_is_logged(request_):
    me = make_staff(username="me")
    client = make_client(me)
    access = open_dossier(
        request=request_, staff=me.staff, public_id=client.public_id, action="view_dossier"
    )
    assert access.basis == AccessBasis.REGISSEUR
    row = AccessLogEntry.objects.get(client_ref=client.public_id)
    assert (row.actor, row.result, row.action, row.flagged) == (
        me,
        AccessResult.ALLOWED,
        "view_dossier",
        False,
    )
    assert row.origin == "web 10.1.2.3"
    assert row.actor_role == Role.CONSULTANT and row.actor_team == "Team Noord"


def test_a_consultant_outside_the_caseload_without_reason_is_refused_and_that_is_logged(request_):
    outsider = make_staff(username="out")
    client = make_client(make_staff(username="reg"))
    with pytest.raises(ReasonRequired, match="reden"):
        open_dossier(
            request=request_,
            staff=outsider.staff,
            public_id=client.public_id,
            action="view_dossier",
        )
    row = AccessLogEntry.objects.get(actor=outsider)
    assert row.result == AccessResult.REFUSED


def test_a_too_short_reason_is_refused(request_):
    outsider = make_staff(username="out")
    client = make_client(make_staff(username="reg"))
    with pytest.raises(ReasonRequired):
        open_dossier(
            request=request_,
            staff=outsider.staff,
            public_id=client.public_id,
            reason="even",
            action="view_dossier",
        )


def test_with_a_reason_the_access_is_allowed_flagged_and_the_reason_kept(request_):
    intake = make_staff(role=Role.INTAKE, username="intake")
    client = make_client(make_staff(username="reg"))
    reason = "Cliënt staat aan de balie met een vraag over een brief"
    access = open_dossier(
        request=request_,
        staff=intake.staff,
        public_id=client.public_id,
        reason=reason,
        action="view_dossier",
    )
    assert access.basis == AccessBasis.REASON
    row = AccessLogEntry.objects.get(actor=intake)
    assert row.flagged and row.reason == reason and row.result == AccessResult.ALLOWED


def test_a_team_lead_opens_team_dossiers_without_reason(request_):
    team = TeamFactory(name="Noord")
    lead = make_staff(role=Role.TEAM_LEAD, team=team, username="lead")
    client = make_client(make_staff(team=team))
    assert (
        open_dossier(
            request=request_, staff=lead.staff, public_id=client.public_id, action="v"
        ).basis
        == AccessBasis.TEAM_LEAD
    )


def test_council_members_never_open_dossiers_even_with_a_reason(request_):
    member = make_staff(role=Role.COUNCIL_MEMBER, username="raad")
    client = make_client(make_staff(username="reg"))
    with pytest.raises(AccessRefused):
        open_dossier(
            request=request_,
            staff=member.staff,
            public_id=client.public_id,
            reason="Ik wil graag even kijken hoe het gaat",
            action="view_dossier",
        )
    assert AccessLogEntry.objects.get(actor=member).result == AccessResult.REFUSED


def test_an_unknown_dossier_is_a_404_and_logged(request_):
    me = make_staff(username="me")
    with pytest.raises(Http404):
        open_dossier(
            request=request_, staff=me.staff, public_id=uuid.uuid4(), action="view_dossier"
        )
    assert AccessLogEntry.objects.get(actor=me).result == AccessResult.NOT_FOUND


def test_a_client_cannot_open_another_clients_timeline_entry(request_):
    regisseur = make_staff(username="reg")
    mine, other = make_client(regisseur), make_client(regisseur)
    me = portal_user_for(mine)
    their_entry = other.journal.first()
    with pytest.raises(Http404):
        own_journal_entry(request=request_, user=me, public_id=their_entry.public_id)
    row = AccessLogEntry.objects.get(actor=me)
    assert row.result == AccessResult.NOT_FOUND and row.object_ref == str(their_entry.public_id)
    own = mine.journal.first()
    assert own_journal_entry(request=request_, user=me, public_id=own.public_id) == own
