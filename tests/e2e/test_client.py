"""A client logs in through the DigiD mock and sees their regisseur, timeline and access log."""

import pytest
from django.test import Client as DjangoClient
from django.urls import reverse

from maatwerk.dossiers.tests.factories import make_client, make_staff
from tests.e2e.conftest import assert_accessible, assert_no_horizontal_scroll

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_client_logs_in_with_digid_and_sees_timeline_and_access_log(page, live_server):
    regisseur = make_staff(username="reg", first_name="Sanne", last_name="Bakker")
    me = make_client(regisseur, given_names="Fatima", family_name="El Idrissi", bsn="111222333")
    staff_browser = DjangoClient()
    staff_browser.force_login(regisseur)
    staff_browser.get(reverse("staff:dossier", args=[me.public_id]))

    page.goto(f"{live_server.url}/mijn/")
    page.get_by_role("heading", name="Inloggen op Mijn Maatwerk").wait_for()
    assert_accessible(page)
    page.get_by_role("link", name="Inloggen met DigiD").click()
    page.get_by_role("heading", name="Hoe wilt u inloggen?").wait_for()
    assert_accessible(page)
    page.get_by_role("link", name="Met uw burgerservicenummer (BSN)").click()
    assert_accessible(page)
    page.get_by_label("Burgerservicenummer (BSN)").fill("111222333")
    page.get_by_role("button", name="Inloggen").click()

    page.get_by_role("heading", name="Hallo Fatima").wait_for()
    assert "Sanne Bakker" in page.content()
    assert_accessible(page)
    assert_no_horizontal_scroll(page)

    page.get_by_role("link", name="Mijn tijdlijn").click()
    page.get_by_text("Sanne Bakker is uw regisseur").wait_for()
    assert_accessible(page)

    page.get_by_role("link", name="Wie heeft mijn dossier bekeken").first.click()
    page.get_by_role("cell", name="Uw regisseur werkte aan uw dossier.").wait_for()
    assert_accessible(page)
    assert_no_horizontal_scroll(page)


def test_an_unknown_bsn_cannot_log_in(page, live_server):
    make_client(make_staff(username="reg"), bsn="111222333")
    page.goto(f"{live_server.url}/mijn/inloggen/")
    page.get_by_role("link", name="Inloggen met DigiD").click()
    page.get_by_role("link", name="Met uw burgerservicenummer (BSN)").click()
    page.get_by_label("Burgerservicenummer (BSN)").fill("123456782")
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("heading", name="Inloggen op Mijn Maatwerk").wait_for()
    assert "/mijn/inloggen/" in page.url
