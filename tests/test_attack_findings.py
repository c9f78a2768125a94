"""Attack tests from an independent review of the permission layer (decision 0017).

Each test failed on the code as reviewed and states the behaviour the rules
(docs/architecture.md, docs/roles.md, dossiers/web.py) promise: a reviewer who is no longer
eligible, a document moved into a dossier without access, uploads and "read" marks with only a
reason, a team lead without a team, and the reason page of a dossier's sub-pages.
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from maatwerk.contacts import messages as message_service
from maatwerk.contacts.models import Message
from maatwerk.core.models import AccessLogEntry, AccessResult, Role, StaffMember, Team
from maatwerk.documents.intake import IncomingFile, receive
from maatwerk.documents.models import Document
from maatwerk.documents.processing import process
from maatwerk.documents.tests import samples
from maatwerk.dossiers.models import StaffAbsence
from maatwerk.dossiers.portal_auth import portal_user_for
from maatwerk.dossiers.tests.factories import make_client, make_staff
from maatwerk.sanctions import proposals
from maatwerk.sanctions.models import ProposalStatus
from maatwerk.sanctions.tests.test_proposals import _missed_appointment, _propose

pytestmark = pytest.mark.django_db

REASON = "Vraag van de cliënt aan de balie over een brief"
LETTER = samples.text_image("Loonstrook juni\nBrutoloon 1200 euro\nLoonheffing 80 euro")


@pytest.fixture
def teams():
    return Team.objects.create(name="Noord"), Team.objects.create(name="Zuid")


def _routed_document(person):
    document = (
        receive(
            files=[IncomingFile("loon.png", LETTER)], channel="portal", client=person, enqueue=False
        )
        .outcomes[0]
        .document
    )
    process(document.pk)
    document.refresh_from_db()
    return document


# 1. Sanctions: the second reviewer is checked once, when proposed, never again ---------------


def _proposal_waiting_for_a_decision(teams):
    """A proposal of a Noord consultant with a Noord colleague as the chosen reviewer, heard."""
    north, _south = teams
    proposals.ensure_table()
    regisseur = make_staff(team=north, first_name="Sanne")
    reviewer = make_staff(team=north, first_name="Ahmed")
    person = make_client(regisseur)
    portal_user_for(person)
    person.refresh_from_db()
    proposal = _propose(
        person, regisseur, appointment=_missed_appointment(person, regisseur), reviewer=reviewer
    )
    proposals.start_hearing(proposal=proposal, actor=regisseur)
    proposals.respond(
        proposal=proposal,
        text="Mijn bus reed niet. Ik had geen geld voor de trein.",
        channel="portal",
        actor=person.user,
    )
    proposal.refresh_from_db()
    return proposal, regisseur, reviewer


@pytest.mark.parametrize(
    "change",
    [
        pytest.param({"team": "Zuid"}, id="moved-to-another-team"),
        pytest.param({"role": Role.INTAKE}, id="became-intake"),
        pytest.param({"role": Role.FUNCTIONAL_ADMIN}, id="became-functional-admin"),
    ],
)
def test_a_chosen_reviewer_who_is_no_longer_eligible_cannot_decide_the_sanction(teams, change):
    """may_review() trusts proposal.reviewer_id forever; eligible_reviewers() is only asked in
    propose(). After the reviewer leaves the proposer's team or the review role, the two
    disagree and the ineligible person still decides (and signs the decision letter)."""
    proposal, regisseur, reviewer = _proposal_waiting_for_a_decision(teams)
    member = StaffMember.objects.get(user=reviewer)
    if "team" in change:
        member.team = Team.objects.get(name=change["team"])
    else:
        member.role = change["role"]
    member.save()
    assert not proposals.eligible_reviewers(regisseur).filter(pk=reviewer.pk).exists()
    assert not proposals.may_review(proposal, reviewer)


def test_a_reviewer_who_became_intake_cannot_decide_a_sanction_through_the_web(client, teams):
    """The proposal page is guarded by OPEN_DOSSIER, not REVIEW_SANCTIONS; a former consultant
    now in intake posts action=decide with a dossier reason and the sanction is decided."""
    proposal, _regisseur, reviewer = _proposal_waiting_for_a_decision(teams)
    StaffMember.objects.filter(user=reviewer).update(role=Role.INTAKE)
    client.force_login(reviewer)
    client.post(
        reverse("staff_sanctions:proposal", args=[proposal.public_id]),
        {
            "action": "decide",
            "reason": REASON,
            "decision-decision": "approved",
            "decision-reason": "Het klopt zoals het staat in het dossier.",
        },
    )
    proposal.refresh_from_db()
    assert proposal.status != ProposalStatus.DECIDED and proposal.decided_by is None


# 2. Reading the messages with a reason marks the client's messages as read ------------------


def test_opening_the_messages_with_only_a_reason_does_not_mark_the_clients_messages_read(
    client, teams
):
    """GET /werk/dossiers/<id>/berichten/ calls mark_read_by_staff for anyone who may read,
    so intake (or any consultant with a reason) silently changes the dossier: the client sees
    'gelezen' and the regisseur loses the unread message."""
    north, south = teams
    person = make_client(make_staff(team=south))
    portal_user_for(person)
    person.refresh_from_db()
    message_service.send_from_client(client=person, text="Ik heb een vraag over mijn uitkering.")
    client.force_login(make_staff(role=Role.INTAKE, team=north))
    url = reverse("staff_contacts:messages", args=[person.public_id])
    client.post(reverse("staff:dossier", args=[person.public_id]), {"reason": REASON})
    assert client.get(url).status_code == 200
    assert Message.objects.get(client=person).read_at is None


# 3. Writing into another team's dossier with only a reason ----------------------------------


def test_a_consultant_of_another_team_cannot_hand_in_documents_into_a_dossier_with_a_reason(
    client, teams
):
    """client_documents opens with open_client (not open_client_for), so a POST with files is
    taken with only reading access: the document lands in the dossier, the client gets a
    receipt and a journal entry, and it is routed to the regisseur."""
    north, south = teams
    person = make_client(make_staff(team=south))
    client.force_login(make_staff(team=north))
    url = reverse("staff_docs:client_documents", args=[person.public_id])
    client.post(
        url,
        {"reason": REASON, "bestanden": [SimpleUploadedFile("x.png", LETTER, "image/png")]},
    )
    assert not Document.objects.filter(client=person).exists()


def test_a_functional_administrator_cannot_hand_in_documents_into_a_clients_dossier(client, teams):
    north, south = teams
    person = make_client(make_staff(team=south))
    client.force_login(make_staff(role=Role.FUNCTIONAL_ADMIN, team=north))
    url = reverse("staff_docs:client_documents", args=[person.public_id])
    client.post(
        url,
        {"reason": REASON, "bestanden": [SimpleUploadedFile("x.png", LETTER, "image/png")]},
    )
    assert not Document.objects.filter(client=person).exists()


# 4. Moving a document into another team's dossier without any access to it -----------------


def test_a_regisseur_cannot_move_a_document_into_another_teams_dossier_without_access(
    client, teams
):
    """staff_docs:act with actie=client checks the right to change the SOURCE dossier only;
    the target client (any client number in the register) is never opened: no reason, no
    access-log row for the target, and the target client sees the other client's document.
    The answer also tells the mover the name of the target's regisseur, and 'no client with
    number X' is an unlogged register oracle for every consultant."""
    north, south = teams
    regisseur = make_staff(team=north)
    mine = make_client(regisseur)
    stranger = make_client(make_staff(team=south, first_name="Verre"))
    document = _routed_document(mine)
    client.force_login(regisseur)
    client.post(
        reverse("staff_docs:act", args=[document.public_id]),
        {"actie": "client", "klantnummer": stranger.client_number},
    )
    document.refresh_from_db()
    moved = document.client == stranger
    logged = AccessLogEntry.objects.filter(
        actor=regisseur, client_ref=stranger.public_id, result=AccessResult.ALLOWED
    ).exists()
    # Right: refused (or asks for a reason to open the target dossier, then logs it).
    assert not moved or logged


# 5. The reason page on a deep link cannot be answered -------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "staff_commit:commitments",
        "staff_contacts:history",
        "staff_letters:client_letters",
        "staff_plans:plan",
        "staff_sanctions:proposals",
    ],
)
def test_the_reason_page_of_a_dossier_subpage_opens_it_after_a_reason(client, teams, name):
    """Every page opened with open_client_for shows the reason page on GET; the reason goes to
    its own address (a POST to the page itself asks for the right to change) and leads back."""
    north, south = teams
    person = make_client(make_staff(team=south))
    client.force_login(make_staff(team=north))
    url = reverse(name, args=[person.public_id])
    page = client.get(url)
    assert page.status_code == 403  # the reason page
    form = page.content.decode()
    action = re.search(r'<form method="post" action="([^"]+)"', form).group(1)
    back = re.search(r'name="next" value="([^"]+)"', form).group(1)
    answered = client.post(action, {"reason": REASON, "next": back})
    assert answered.status_code == 302 and answered.url == url
    assert client.get(url).status_code == 200


# 6. A team lead without a team leads every team -------------------------------------------


def test_a_team_lead_without_a_team_cannot_make_themselves_deputy_of_any_consultant(client, teams):
    """AbsenceForm offers every consultant of every team when team_id is None, and the service
    does not check the team: a team lead without a team registers any consultant as away with
    themselves as deputy and so gets the right to change all that consultant's dossiers."""
    _north, south = teams
    far = make_staff(team=south, first_name="Verre")
    person = make_client(far)
    lead = make_staff(role=Role.TEAM_LEAD)
    StaffMember.objects.filter(user=lead).update(team=None)
    client.force_login(lead)
    today = timezone.localdate()
    client.post(
        reverse("staff:absences"),
        {
            "staff": far.pk,
            "deputy": lead.pk,
            "starts_on": today.isoformat(),
            "ends_on": (today + timedelta(days=3)).isoformat(),
        },
    )
    assert not StaffAbsence.objects.filter(staff=far, deputy=lead).exists()
    # and so the lead may not change the far team's dossier without a reason
    response = client.get(reverse("staff:edit_profile", args=[person.public_id]))
    assert response.status_code == 403
