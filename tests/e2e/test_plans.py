"""A plan made together, in the browser: the consultant drafts from a template with the client,
the client reads it and disagrees with one step in their own words, the consultant adjusts it,
the client agrees; then the consultant records a talk with the ladder. Axe on every page."""

from datetime import timedelta

import pytest
from django.utils import timezone

from maatwerk.dossiers.tests.factories import make_client, make_staff
from maatwerk.plans.models import PlanTemplate, VersionStatus
from tests.e2e.conftest import (
    assert_accessible,
    assert_no_horizontal_scroll,
    digid_login,
    staff_login,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _consultant_drafts(page, live_server, client):
    staff_login(page, live_server, "reg")
    page.goto(f"{live_server.url}/werk/dossiers/{client.public_id}/")
    page.get_by_role("link", name="Plan", exact=True).click()
    page.get_by_role("heading", name="Plan: Fatima El Idrissi").wait_for()
    assert_accessible(page)
    page.get_by_label("Begin met een sjabloon (hoeft niet)").select_option(label="Naar werk")
    page.get_by_role("button", name="Begin het eerste plan").click()
    page.get_by_role("heading", name="Concept versie 1 voor Fatima El Idrissi").wait_for()
    assert "U maakt een cv" in page.content()
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    page.get_by_label("Het doel, zoals de cliënt het zegt").fill("Ik wil weer werken in de zorg")
    page.get_by_role("button", name="Voeg het doel toe").click()
    page.get_by_text("Ik wil weer werken in de zorg").first.wait_for()
    page.get_by_label("Hoe vaak we praten").select_option("monthly")
    page.get_by_label("Hoe we praten").select_option("phone")
    next_talk = timezone.localdate() + timedelta(weeks=6)
    page.get_by_label("Volgende gesprek over het plan").fill(next_talk.isoformat())
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_role("button", name="Leg het plan voor aan de cliënt in Mijn Maatwerk").click()
    page.get_by_text("wacht tot de cliënt akkoord gaat").wait_for()
    assert_accessible(page)


def test_a_plan_is_made_together_disagreed_adjusted_agreed_and_reviewed(page, live_server):
    regisseur = make_staff(username="reg", first_name="Sanne", last_name="Bakker")
    PlanTemplate.objects.create(
        name="Naar werk",
        steps="gemeente | Wij zoeken samen een werkplek | 4\ncliënt | U maakt een cv | 2",
        updated_by=regisseur,
    )
    me = make_client(regisseur, given_names="Fatima", family_name="El Idrissi", bsn="111222333")
    _consultant_drafts(page, live_server, me)

    page.context.clear_cookies()
    digid_login(page, live_server, "111222333")
    page.get_by_role("link", name="Mijn plan").first.click()
    page.get_by_role("heading", name="Nieuwe versie 1: gaat u akkoord?").wait_for()
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    page.locator("textarea[name^='step-']").nth(0).fill("Een cv maken lukt mij niet alleen.")
    page.get_by_role("button", name="Ik ga niet akkoord: stuur mijn woorden").click()
    page.get_by_text("Wij hebben bewaard waar u het niet mee eens bent.").wait_for()
    assert_accessible(page)

    page.context.clear_cookies()
    staff_login(page, live_server, "reg")
    page.goto(f"{live_server.url}/werk/dossiers/{me.public_id}/plan/")
    page.get_by_text("Een cv maken lukt mij niet alleen.").wait_for()
    assert_accessible(page)
    page.get_by_role("button", name="Maak een nieuw concept van deze versie").click()
    page.get_by_role("heading", name="Concept versie 2 voor Fatima El Idrissi").wait_for()
    page.get_by_role("button", name="U maakt een cv").click()
    page.get_by_label("gemeente", exact=True).check()
    page.get_by_label("Wat", exact=True).fill("Wij maken samen met u een cv")
    page.locator("#id_step-due_on").fill((timezone.localdate() + timedelta(weeks=3)).isoformat())
    page.get_by_role("button", name="Voeg de stap toe").click()
    page.get_by_text("Wij maken samen met u een cv").first.wait_for()
    assert_accessible(page)
    page.get_by_role("button", name="Leg het plan voor aan de cliënt in Mijn Maatwerk").click()
    page.get_by_text("wacht tot de cliënt akkoord gaat").wait_for()

    page.context.clear_cookies()
    digid_login(page, live_server, "111222333")
    page.goto(f"{live_server.url}/mijn/plan/")
    page.get_by_role("heading", name="Nieuwe versie 2: gaat u akkoord?").wait_for()
    assert "Wij maken samen met u een cv" in page.content()
    assert "Eraf:" in page.content()
    page.get_by_role("button", name="Ik ga akkoord").click()
    page.get_by_text("U bent akkoord gegaan met uw plan. Dit is uw ontvangstbewijs.").wait_for()
    assert_accessible(page)
    page.goto(f"{live_server.url}/mijn/plan/")
    page.get_by_role("heading", name="Wat gebeurt er nu").wait_for()
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    assert me.plan.versions.get(number=2).status == VersionStatus.ACTIVE

    page.context.clear_cookies()
    staff_login(page, live_server, "reg")
    page.goto(f"{live_server.url}/werk/dossiers/{me.public_id}/plan/gesprek/")
    assert_accessible(page)
    page.get_by_label("Participatieladder nu").select_option("3")
    page.get_by_label("Volgende gesprek over het plan").fill(
        (timezone.localdate() + timedelta(weeks=8)).isoformat()
    )
    page.get_by_role("button", name="Bewaar het gesprek").click()
    page.get_by_text("Het gesprek is bewaard.").wait_for()
    assert page.locator("svg.maatwerk-chart").count() == 1
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
