"""An employee outside the caseload must state a reason; the team lead and client see it."""

import pytest

from maatwerk.core.models import AccessLogEntry, Role
from maatwerk.dossiers.tests.factories import make_client, make_staff
from tests.e2e.conftest import assert_accessible

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def login(page, live_server, username):
    page.goto(f"{live_server.url}/werk/inloggen/")
    assert_accessible(page)
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill("geheim-wachtwoord")
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("heading", name="Mijn caseload").wait_for()
    assert_accessible(page)


def test_an_outsider_must_give_a_reason_and_the_team_lead_sees_it(page, live_server):
    regisseur = make_staff(username="reg")
    make_staff(role=Role.TEAM_LEAD, username="lead")
    # A consultant of the same team, not the regisseur: the client is outside their caseload.
    make_staff(role=Role.CONSULTANT, username="k.bos", first_name="Kees", last_name="Bos")
    target = make_client(regisseur, family_name="Demir", given_names="Emre")

    login(page, live_server, "k.bos")
    page.get_by_label("Zoek op naam, klantnummer, postcode of BSN").fill(target.client_number)
    page.get_by_role("button", name="Zoeken").click()
    assert_accessible(page)
    assert "Demir" not in page.locator("main").inner_text()
    page.get_by_role("link", name=f"Dossier met klantnummer {target.client_number}").click()
    page.get_by_role("heading", name="Waarom opent u dit dossier?").wait_for()
    assert_accessible(page)
    assert "Demir" not in page.locator("main").inner_text()

    page.get_by_role("button", name="Dossier openen").click()
    page.get_by_text("minstens").wait_for()
    assert_accessible(page)
    page.get_by_label("Reden").fill("Cliënt staat aan de balie met een vraag over zijn uitkering")
    page.get_by_role("button", name="Dossier openen").click()
    page.get_by_role("heading", name="Emre Demir").wait_for()
    assert_accessible(page)
    assert (
        AccessLogEntry.objects.filter(
            client_ref=target.public_id, flagged=True, action="view_dossier"
        ).count()
        == 1
    )
    assert (
        AccessLogEntry.objects.filter(client_ref=target.public_id, action="find_outside").count()
        == 1
    )

    page.get_by_role("button", name="Uitloggen").click()
    login(page, live_server, "lead")
    page.get_by_role("link", name="Toegang met reden").click()
    page.get_by_text("vraag over zijn uitkering").wait_for()
    assert_accessible(page)
