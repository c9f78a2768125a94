"""A consultant logs in, searches, opens a dossier; the access is logged."""

import pytest

from maatwerk.core.models import AccessLogEntry, AccessResult
from maatwerk.dossiers.tests.factories import make_client, make_staff
from tests.e2e.conftest import assert_accessible, assert_no_horizontal_scroll

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_consultant_logs_in_with_the_keyboard_searches_and_opens_a_dossier(page, live_server):
    me = make_staff(username="s.bakker", first_name="Sanne", last_name="Bakker")
    target = make_client(me, family_name="Yilmaz", given_names="Ayşe", postcode="3902 KL")
    make_client(me, family_name="Jansen")

    page.goto(f"{live_server.url}/werk/inloggen/")
    assert_accessible(page)
    page.get_by_label("Gebruikersnaam").focus()
    page.keyboard.type("s.bakker")
    page.keyboard.press("Tab")
    page.keyboard.type("geheim-wachtwoord")
    page.keyboard.press("Enter")

    page.get_by_role("heading", name="Mijn caseload").wait_for()
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    page.get_by_label("Zoek op naam, klantnummer, postcode of BSN").fill("3902 KL")
    page.get_by_role("button", name="Zoeken").click()
    page.get_by_text("1 cliënt gevonden.").wait_for()
    assert_accessible(page)
    assert "Jansen" not in page.content()

    page.get_by_role("link", name="Yilmaz, Ayşe").click()
    page.get_by_role("heading", name="Ayşe Yilmaz").wait_for()
    assert page.get_by_role("heading", name="Communicatieprofiel").is_visible()
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    assert target.bsn not in page.url
    logged = AccessLogEntry.objects.get(client_ref=target.public_id)
    assert logged.actor == me and logged.result == AccessResult.ALLOWED


def test_a_wrong_password_shows_a_dutch_message(page, live_server):
    make_staff(username="s.bakker")
    page.goto(f"{live_server.url}/werk/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("s.bakker")
    page.get_by_label("Wachtwoord").fill("verkeerd")
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("alert").get_by_text("klopt niet").wait_for()
    assert_accessible(page)
