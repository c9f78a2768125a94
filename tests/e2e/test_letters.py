"""A functional administrator edits a letter text and sees the plain-language check while
writing (htmx); axe on every page."""

import pytest

from maatwerk.core.models import Role
from maatwerk.dossiers.tests.factories import make_staff
from tests.e2e.conftest import assert_accessible, assert_no_horizontal_scroll, staff_login

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_letter_text_is_checked_while_writing(page, live_server):
    make_staff(username="beheer", role=Role.FUNCTIONAL_ADMIN)
    page.goto(f"{live_server.url}/werk/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("beheer")
    page.get_by_label("Wachtwoord").fill("geheim-wachtwoord")
    page.get_by_role("button", name="Inloggen").click()
    page.goto(f"{live_server.url}/werk/brieven/")
    page.get_by_role("heading", name="Brieven", exact=True).wait_for()
    assert_accessible(page)
    page.goto(f"{live_server.url}/werk/brieven/receipt/nl/")
    page.get_by_text("Eenvoudige taal: goed").wait_for()
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    page.get_by_label("Tekst", exact=True).fill(
        "Derhalve verzoeken wij u de stukken te verstrekken, teneinde de procedure te continueren."
    )
    page.get_by_label("Tekst", exact=True).press("End")
    page.get_by_text("te kort voor een score").wait_for()
    assert "daarom" in page.locator("#check-report").inner_text()
    assert_accessible(page)


def test_a_consultant_does_not_see_the_letter_texts(page, live_server):
    make_staff(username="reg")
    staff_login(page, live_server, "reg")
    assert page.get_by_role("link", name="Brieven").count() == 0
