"""Promises both ways in the browser: a client whose decision is late sends a notice of default
from the portal, gets a receipt and sees the penalty clock; the regisseur sees the escalation,
records the decision and closes a promise."""

from datetime import timedelta

import pytest
from django.utils import timezone

from maatwerk.commitments import services
from maatwerk.commitments.escalation import escalate
from maatwerk.commitments.models import NoticeStatus, Party, Status
from maatwerk.commitments.tests.factories import make_application
from maatwerk.dossiers.tests.factories import make_client, make_staff
from tests.e2e.conftest import (
    assert_accessible,
    assert_no_horizontal_scroll,
    digid_login,
    staff_login,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_late_decision_gets_a_notice_of_default_and_the_penalty_clock(page, live_server):
    regisseur = make_staff(username="reg", first_name="Sanne", last_name="Bakker")
    me = make_client(regisseur, given_names="Fatima", family_name="El Idrissi", bsn="111222333")
    application = make_application(me, regisseur, days_ago=75)
    escalate()

    digid_login(page, live_server, "111222333")
    page.get_by_role("link", name="Beloftes").first.click()
    page.get_by_role("heading", name="Wat wij u hebben beloofd").wait_for()
    assert "Beloftes nagekomen: 0 van 2 op tijd" in page.content()
    assert_accessible(page)
    assert_no_horizontal_scroll(page)

    page.get_by_role("link", name="Mijn aanvragen").first.click()
    page.get_by_text("wij zijn te laat: u kunt een ingebrekestelling sturen").wait_for()
    assert_accessible(page)
    page.get_by_role("link", name="Bijstand voor mij alleen").click()
    page.get_by_role("heading", name="Ingebrekestelling").wait_for()
    assert "artikel 4:17" in page.get_by_label("Uw ingebrekestelling").input_value()
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    page.get_by_role("button", name="Verstuur de ingebrekestelling").click()

    page.get_by_text(
        "Wij hebben uw ingebrekestelling ontvangen. Dit is uw ontvangstbewijs."
    ).wait_for()
    assert "Ingebrekestelling: Bijstand voor mij alleen" in page.content()
    assert_accessible(page)
    assert application.notices.filter(status=NoticeStatus.RECEIVED).count() == 1

    page.goto(f"{live_server.url}/mijn/aanvragen/{application.public_id}/")
    page.get_by_role("heading", name="Dwangsom omdat wij te laat beslissen").wait_for()
    first_day = (timezone.localdate() + timedelta(days=14)).day
    assert f" {first_day} " in page.get_by_text("Hebben wij op").inner_text()
    assert page.get_by_role("button", name="Verstuur de ingebrekestelling").count() == 0
    assert_accessible(page)
    assert_no_horizontal_scroll(page)


def test_the_regisseur_sees_the_escalation_and_keeps_the_promise(page, live_server):
    regisseur = make_staff(username="reg", first_name="Sanne", last_name="Bakker")
    me = make_client(regisseur, given_names="Fatima", family_name="El Idrissi")
    callback = services.promise(
        client=me,
        party=Party.MUNICIPALITY,
        description="Wij bellen u terug over de huur",
        due_at=timezone.now() - timedelta(hours=3),
        actor=regisseur,
        allow_past=True,
    )
    escalate()

    staff_login(page, live_server, "reg")
    page.get_by_text("te laat en wacht op u").wait_for()
    assert_accessible(page)
    page.get_by_role("link", name="Bekijk de beloftes die te laat zijn").click()
    page.get_by_role("link", name="Wij bellen u terug over de huur").click()
    page.get_by_role("heading", name="Wij bellen u terug over de huur").wait_for()
    assert_accessible(page)
    page.get_by_label("Gedaan", exact=True).check()
    page.get_by_label("Waaruit blijkt het (als het gedaan is)").select_option("contact")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("Bewaard. De cliënt ziet dit in Mijn Maatwerk.").wait_for()
    assert_accessible(page)
    callback.refresh_from_db()
    assert callback.status == Status.FULFILLED and not callback.kept_on_time
    assert "te laat en wacht op u" not in page.content()


def test_the_regisseur_records_an_application_and_extends_the_term_with_a_letter(page, live_server):
    regisseur = make_staff(username="reg", first_name="Sanne", last_name="Bakker")
    me = make_client(regisseur, given_names="Fatima", family_name="El Idrissi")
    staff_login(page, live_server, "reg")
    page.goto(f"{live_server.url}/werk/dossiers/{me.public_id}/")
    page.get_by_role("link", name="Aanvragen en beslistermijnen").click()
    assert_accessible(page)
    page.get_by_label("Wat de cliënt vraagt").fill("Een nieuwe wasmachine")
    page.get_by_role("button", name="Leg de aanvraag vast").click()
    page.get_by_role("heading", name="Een nieuwe wasmachine").wait_for()
    assert_accessible(page)
    assert_no_horizontal_scroll(page)

    page.get_by_role("button", name="Bewaar de verlenging").click()
    page.get_by_text("Vul dit in.").first.wait_for()
    new_day = timezone.localdate() + timedelta(weeks=12)
    page.locator("#id_extend-extended_to").fill(new_day.isoformat())
    page.locator("#id_extend-reason").fill("Wij wachten op gegevens van het UWV.")
    page.get_by_role("button", name="Bewaar de verlenging").click()
    page.get_by_text("Bewaard. De cliënt ziet dit in Mijn Maatwerk.").wait_for()
    assert "Wij wachten op gegevens van het UWV." in page.content()
    assert_accessible(page)
