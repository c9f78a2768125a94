"""A team lead registers an absence with a deputy, changes a profile and picks another regisseur."""

from datetime import date, timedelta

import pytest

from maatwerk.core.models import Role
from maatwerk.dossiers.models import StaffAbsence
from maatwerk.dossiers.tests.factories import TeamFactory, make_client, make_staff
from tests.e2e.conftest import assert_accessible
from tests.e2e.test_outsider import login

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_team_lead_registers_an_absence_and_reassigns_a_client(page, live_server):
    north = TeamFactory(name="Team Noord")
    make_staff(role=Role.TEAM_LEAD, team=north, username="lead")
    away = make_staff(team=north, username="away", first_name="Ruud", last_name="Jansen")
    deputy = make_staff(team=north, username="deputy", first_name="Sanne", last_name="Bakker")
    target = make_client(away, given_names="Tijn", family_name="Peeters")

    login(page, live_server, "lead")
    page.get_by_role("link", name="Afwezigheid").click()
    page.get_by_role("heading", name="Afwezigheid en vervanging").wait_for()
    assert_accessible(page)
    page.get_by_label("Wie is er afwezig").select_option(label="Ruud Jansen (Team Noord)")
    page.get_by_label("Wie vervangt").select_option(label="Sanne Bakker (Team Noord)")
    today = date.today()
    page.get_by_label("Eerste dag afwezig").fill(str(today + timedelta(days=3)))
    page.get_by_label("Laatste dag afwezig").fill(str(today))
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_role("alert").get_by_text("na het begin").wait_for()
    assert_accessible(page)
    page.get_by_label("Eerste dag afwezig").fill(str(today))
    page.get_by_label("Laatste dag afwezig").fill(str(today + timedelta(days=3)))
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("De afwezigheid is opgeslagen").wait_for()
    assert StaffAbsence.objects.get().deputy == deputy

    page.goto(f"{live_server.url}/werk/")
    page.get_by_role("link", name="Peeters, Tijn").click()
    page.get_by_role("heading", name="Tijn Peeters").wait_for()
    assert_accessible(page)
    page.get_by_role("link", name="Communicatieprofiel aanpassen").click()
    assert_accessible(page)
    page.get_by_label("Tolk nodig").check()
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("Kies de taal voor de tolk").wait_for()
    assert_accessible(page)
    page.get_by_label("Taal van de tolk").fill("tr")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("Het communicatieprofiel is opgeslagen").wait_for()
    assert_accessible(page)

    page.get_by_role("link", name="Andere regisseur kiezen").click()
    assert_accessible(page)
    page.get_by_label("Nieuwe regisseur", exact=True).select_option(
        label="Sanne Bakker (Team Noord)"
    )
    page.get_by_label("Waarom krijgt de cliënt een nieuwe regisseur?").fill(
        "Ruud gaat naar een ander team"
    )
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("De cliënt heeft een nieuwe regisseur").wait_for()
    assert_accessible(page)
    assert target.assignments.get(ended_at__isnull=True).regisseur == deputy
