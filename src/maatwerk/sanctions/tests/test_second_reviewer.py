"""Four eyes: the second reviewer of a sanction can only be a consultant or the team lead of the
proposer's team, never the proposer, checked on the server whatever the form offered."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from maatwerk.core.models import Role
from maatwerk.dossiers.tests.factories import TeamFactory, make_client, make_staff
from maatwerk.sanctions import proposals
from maatwerk.sanctions.errors import SanctionError
from maatwerk.sanctions.models import Proposal

pytestmark = pytest.mark.django_db

INELIGIBLE = (Role.COUNCIL_MEMBER, Role.RESEARCHER, Role.INTAKE, Role.FUNCTIONAL_ADMIN)
REFUSAL = "Deze collega mag niet meekijken bij een maatregel"


def _team():
    proposals.ensure_table()
    team = TeamFactory(name="Team Noord")
    regisseur = make_staff(team=team, first_name="Sanne")
    colleague = make_staff(team=team, first_name="Ahmed")
    lead = make_staff(role=Role.TEAM_LEAD, team=team, first_name="Lotte")
    others = {role: make_staff(role=role, team=team, first_name=str(role)) for role in INELIGIBLE}
    elsewhere = make_staff(team=TeamFactory(name="Team Zuid"), first_name="Verre")
    return regisseur, colleague, lead, others, elsewhere


def _form_data(reviewer_pk):
    return {
        "proposal-code": "afspraak",
        "proposal-event_date": (timezone.localdate() - timedelta(days=5)).isoformat(),
        "proposal-facts": "De cliënt kwam niet naar het gesprek van die dag en belde niet af.",
        "proposal-reviewer": str(reviewer_pk),
    }


def test_the_form_offers_only_consultants_and_the_lead_of_the_proposers_team(client):
    regisseur, colleague, lead, others, elsewhere = _team()
    person = make_client(regisseur)
    client.force_login(regisseur)
    page = client.get(reverse("staff_sanctions:proposals", args=[person.public_id])).content
    offered = page.decode()
    assert f'value="{colleague.pk}"' in offered and f'value="{lead.pk}"' in offered
    for user in [*others.values(), elsewhere, regisseur]:
        assert f'value="{user.pk}"' not in offered


@pytest.mark.parametrize("role", INELIGIBLE)
def test_a_forged_post_naming_an_ineligible_reviewer_is_refused_and_nothing_is_saved(client, role):
    regisseur, _colleague, _lead, others, _elsewhere = _team()
    person = make_client(regisseur)
    client.force_login(regisseur)
    url = reverse("staff_sanctions:proposals", args=[person.public_id])
    response = client.post(url, _form_data(others[role].pk))
    assert response.status_code == 200
    assert f"{others[role].pk} is geen beschikbare keuze" in response.content.decode()
    assert not Proposal.objects.exists()


def test_a_forged_post_naming_the_proposer_or_another_team_is_refused(client):
    regisseur, _colleague, _lead, _others, elsewhere = _team()
    person = make_client(regisseur)
    client.force_login(regisseur)
    url = reverse("staff_sanctions:proposals", args=[person.public_id])
    for user in (regisseur, elsewhere):
        assert client.post(url, _form_data(user.pk)).status_code == 200
    assert not Proposal.objects.exists()


@pytest.mark.parametrize("role", INELIGIBLE)
def test_the_service_refuses_an_ineligible_reviewer_with_a_dutch_message(role):
    regisseur, _colleague, _lead, others, _elsewhere = _team()
    person = make_client(regisseur)
    with pytest.raises(SanctionError) as refused:
        proposals.propose(
            client=person,
            code="afspraak",
            event_date=timezone.localdate() - timedelta(days=5),
            facts="De cliënt kwam niet naar het gesprek van die dag en belde niet af.",
            actor=regisseur,
            reviewer=others[role],
        )
    assert REFUSAL in refused.value.message
    assert not Proposal.objects.exists()


def test_an_eligible_colleague_is_saved_and_sees_the_proposal_to_review(client):
    regisseur, colleague, _lead, others, _elsewhere = _team()
    person = make_client(regisseur)
    client.force_login(regisseur)
    url = reverse("staff_sanctions:proposals", args=[person.public_id])
    assert client.post(url, _form_data(colleague.pk)).status_code == 302
    proposal = Proposal.objects.get()
    assert proposal.reviewer == colleague
    client.force_login(colleague)
    assert person.family_name in client.get(reverse("staff_sanctions:review_list")).content.decode()
    client.force_login(others[Role.COUNCIL_MEMBER])
    refused = client.get(reverse("staff_sanctions:review_list"))
    assert refused.status_code == 403 and person.family_name not in refused.content.decode()
