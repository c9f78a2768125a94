"""A functional administrator edits a letter text and sees the plain-language check while
writing (htmx); axe on every page."""

import pytest

from maatwerk.core.models import Role
from maatwerk.dossiers.tests.factories import make_staff
from tests.e2e.conftest import (
    assert_accessible,
    assert_no_horizontal_scroll,
    digid_login,
    staff_login,
)

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


def test_a_consultant_fixes_a_letter_for_a_plain_language_client_who_reads_and_listens(
    page, live_server
):
    from maatwerk.dossiers import services as dossier_services
    from maatwerk.dossiers.tests.factories import make_client, valid_bsn
    from maatwerk.letters.services import install_shipped, save_template

    regisseur = make_staff(username="reg", first_name="Sanne", last_name="Bakker")
    bsn = valid_bsn()
    amina = make_client(regisseur, bsn=bsn, given_names="Amina", family_name="Haddad")
    dossier_services.update_profile(
        client=amina,
        actor=regisseur,
        changes={"plain_language": True, "language": "en", "preferred_channel": "portal"},
    )
    install_shipped()
    save_template(
        purpose="appointment_invitation",
        language="en",
        subject="Invitation for a conversation",
        body="Dear {{ naam }},\n\nYou have an appointment with {{ regisseur }} on {{ datum }} "
        "at {{ tijd }} in {{ plaats }}. We will talk about {{ onderwerp }}.",
        actor=regisseur,
    )
    staff_login(page, live_server, "reg")
    page.goto(f"{live_server.url}/werk/dossiers/{amina.public_id}/brieven/")
    assert_accessible(page)
    page.get_by_label("Wat voor brief?").select_option("appointment_invitation")
    page.get_by_role("button", name="Brief schrijven").click()
    page.get_by_text("Deze cliënt heeft eenvoudige taal nodig.").wait_for()
    page.locator("#value-tijd").fill("10:00")
    page.locator("#value-plaats").fill("het Stadskantoor")
    page.locator("#value-onderwerp").fill("uw plan")
    page.get_by_role("button", name="Zet deze in de tekst").click()
    page.get_by_text("Eenvoudige taal: goed").wait_for()
    assert_accessible(page)
    body = page.locator("#letter-body")
    text = body.input_value().replace(
        "Neem uw paspoort",
        "Indien u verhinderd bent, dient u dit tijdig te melden. Neem uw paspoort",
    )
    body.fill(text)
    body.press("End")
    page.get_by_role("button", name="Vervang door “als”").wait_for()
    assert page.locator(".maatwerk-marked mark").count() == 2
    assert_accessible(page)
    page.get_by_role("button", name="Vervang door “als”").click()
    # A second suggestion clicked while the first is still on its way is dropped (hx-sync), so
    # that it cannot send the old text back: wait for the first, as a person would see it.
    page.wait_for_function(
        "document.querySelector('#letter-body').value.includes('Als u verhinderd')"
    )
    page.get_by_role("button", name="Vervang door “moet u”").click()
    page.get_by_text("Eenvoudige taal: goed").wait_for()
    assert "Als u verhinderd bent, moet u dit" in page.locator("#letter-body").input_value()
    page.get_by_role("button", name="Brief versturen").click()
    page.get_by_text("De brief is verstuurd.").wait_for()
    assert_accessible(page)

    page.context.clear_cookies()
    digid_login(page, live_server, bsn)
    page.get_by_role("link", name="Mijn brieven").click()
    assert_accessible(page)
    page.get_by_role("link", name="Uitnodiging voor een gesprek").click()
    page.get_by_role("heading", name="Invitation for a conversation").wait_for()
    assert "Als u verhinderd bent" in page.locator("article[lang=nl]").inner_text()
    assert "Dear Amina Haddad" in page.locator("article[lang=en]").inner_text()
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Brief downloaden (PDF)").click()
    assert download.value.suggested_filename == "brief.pdf"
    source = page.locator("audio").first.get_attribute("src") or ""
    sound = page.request.get(f"{live_server.url}{source}")
    assert sound.ok and sound.headers["content-type"] == "audio/wav"
    assert sound.body()[:4] == b"RIFF"
