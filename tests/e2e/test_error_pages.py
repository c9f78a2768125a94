"""A wrong address shows Maatwerk's own Dutch page, accessible on a phone, with a way back."""

import pytest
from django.test import RequestFactory
from django.views.defaults import server_error

from maatwerk.dossiers.tests.factories import make_staff
from tests.e2e.conftest import assert_accessible, assert_no_horizontal_scroll, staff_login

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_consultant_on_a_team_lead_page_is_told_it_is_not_their_work(page, live_server):
    make_staff(username="s.bakker")
    staff_login(page, live_server, "s.bakker")
    response = page.goto(f"{live_server.url}/werk/afwezigheid/")
    assert response is not None and response.status == 403
    page.get_by_role("heading", name="Deze pagina hoort niet bij uw werk").wait_for()
    assert "URLconf" not in page.content()
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    page.get_by_role("link", name="Naar uw startpagina").click()
    page.get_by_role("heading", name="Mijn caseload").wait_for()


def test_a_consultant_on_an_unknown_address_gets_the_dutch_404_and_a_way_back(page, live_server):
    make_staff(username="s.bakker")
    staff_login(page, live_server, "s.bakker")
    response = page.goto(f"{live_server.url}/werk/bestaat-niet/")
    assert response is not None and response.status == 404
    page.get_by_role("heading", name="Wij kunnen deze pagina niet vinden").wait_for()
    assert "URLconf" not in page.content()
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    page.get_by_role("link", name="Ga naar de werkplek").click()
    page.get_by_role("heading", name="Mijn caseload").wait_for()


def test_an_unknown_portal_address_offers_mijn_maatwerk_first(page, live_server):
    response = page.goto(f"{live_server.url}/mijn/bestaat-niet/")
    assert response is not None and response.status == 404
    assert_accessible(page)
    links = page.locator("main a").all_inner_texts()
    assert links[:2] == ["Ga naar Mijn Maatwerk", "Ga naar de werkplek"]


def test_the_500_page_is_accessible_with_its_styles(page, live_server):
    html = server_error(RequestFactory().get("/")).content.decode()
    page.goto(f"{live_server.url}/mijn/inloggen/")  # same origin, so the style sheets load
    page.set_content(html, wait_until="load")
    page.get_by_role("heading", name="Er ging bij ons iets mis").wait_for()
    loaded = "Array.from(document.styleSheets).filter((sheet) => sheet.cssRules.length).length"
    assert page.evaluate(loaded) == 3
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
