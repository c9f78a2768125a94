"""Every role starts on its own start page and every link in its menu opens, with axe on each.

The menu comes from the role matrix, so a dead link for a role fails here: council members and
researchers see no case work, intake sees the queues and the register search.
"""

import pytest

from maatwerk.core.models import Role, Team
from maatwerk.core.roles import MATRIX, MENU
from maatwerk.dossiers.tests.factories import make_client, make_staff
from tests.e2e.conftest import assert_accessible, staff_login

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

START = {
    Role.CONSULTANT: "Mijn caseload",
    Role.TEAM_LEAD: "Mijn caseload",
    Role.INTAKE: "Wachtrij intake",
    Role.FUNCTIONAL_ADMIN: "Brieven",
    Role.COUNCIL_MEMBER: "Wat cliënten zeggen",
    Role.RESEARCHER: "Export voor onderzoek",
}


@pytest.mark.parametrize("role", list(MATRIX))
def test_each_role_walks_its_own_menu_from_its_own_start_page(page, live_server, role):
    team = Team.objects.create(name="Noord")
    make_client(make_staff(team=team, username="s.bakker"))
    make_staff(role=role, team=team, username="wie")
    staff_login(page, live_server, "wie", lands_on=START[role])
    assert_accessible(page)
    menu = page.get_by_role("navigation", name="Hoofdmenu")
    links = menu.get_by_role("link")
    shown = links.count()
    assert shown == sum(1 for capability, _n, _l in MENU if capability in MATRIX[role])
    targets = [links.nth(i).get_attribute("href") for i in range(shown)]
    for href in targets:
        response = page.goto(f"{live_server.url}{href}")
        assert response is not None and response.status == 200, href
        assert page.get_by_role("heading", level=1).count() == 1, href
        assert_accessible(page)
    if role in (Role.COUNCIL_MEMBER, Role.RESEARCHER):
        assert not any("clienten" in (t or "") or "terugbellen" in (t or "") for t in targets)


def test_intake_finds_a_client_in_another_script_and_opens_the_dossier_with_its_purpose(
    page, live_server
):
    from maatwerk.core.models import AccessLogEntry

    team = Team.objects.create(name="Noord")
    person = make_client(
        make_staff(team=team, username="s.bakker"), family_name="Рябошапка", given_names="Олена"
    )
    make_staff(role=Role.INTAKE, team=team, username="k.bos")
    staff_login(page, live_server, "k.bos", lands_on=START[Role.INTAKE])
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Cliënt zoeken"
    ).click()
    page.get_by_role("heading", name="Cliënt zoeken").wait_for()
    assert_accessible(page)
    page.get_by_label("Naam, geboortedatum, postcode en huisnummer, klantnummer of BSN").fill(
        "Riaboshapka"
    )
    page.get_by_role("button", name="Zoeken").click()
    page.get_by_text("Schrijf").first.wait_for()
    assert_accessible(page)
    assert "Рябошапка" not in page.locator("main").inner_text()
    page.get_by_label("Waarom zoekt u?").fill("Brief zonder klantnummer koppelen")
    page.get_by_role("button", name="Zoeken").click()
    page.get_by_role("cell", name="Рябошапка, Олена", exact=True).wait_for()
    assert_accessible(page)
    page.get_by_role("button", name="Dossier openen").click()
    page.get_by_role("heading", name="Олена Рябошапка").wait_for()
    assert_accessible(page)
    reasons = set(
        AccessLogEntry.objects.filter(client_ref=person.public_id).values_list("reason", flat=True)
    )
    assert reasons == {"Brief zonder klantnummer koppelen"}
