"""Prove first, then sanction, in the browser (axe on every page): a holiday reported in the
portal stops a sanction for an appointment in it, and the team lead sees why; a proposal the
dossier does not contradict goes through the hearing and the second reviewer's decision."""

from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone

from maatwerk.contacts.models import Appointment, AppointmentStatus
from maatwerk.core.models import Role
from maatwerk.dossiers.tests.factories import make_client, make_staff, valid_bsn
from tests.e2e.conftest import (
    assert_accessible,
    assert_no_horizontal_scroll,
    digid_login,
    staff_login,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _day(days_ago):
    return timezone.localdate() - timedelta(days=days_ago)


def _appointment(client, regisseur, days_ago):
    starts = timezone.make_aware(datetime.combine(_day(days_ago), time(10)))
    return Appointment.objects.create(
        client=client,
        staff=regisseur,
        kind="in_person",
        location="Stadskantoor",
        starts_at=starts,
        ends_at=starts + timedelta(minutes=45),
        subject="Gesprek over werk",
        status=AppointmentStatus.PLANNED,
        created_by=regisseur,
    )


def _propose(page, live_server, client):
    page.goto(f"{live_server.url}/werk/dossiers/{client.public_id}/maatregelen/")
    assert_accessible(page)
    page.get_by_label("Welke verplichting is niet nagekomen").select_option("afspraak")
    page.get_by_label("De dag dat het niet gebeurde").fill(_day(5).isoformat())
    page.get_by_label("De feiten").fill(
        "De cliënt kwam niet naar het gesprek en meldde zich niet af."
    )
    page.get_by_label("De afspraak waar het over gaat").select_option(index=1)
    page.get_by_role("button", name="Voorstellen en het dossier controleren").click()


def test_a_reported_holiday_stops_a_sanction_and_the_team_lead_sees_why(page, live_server):
    regisseur = make_staff(username="reg", first_name="Sanne", last_name="Bakker")
    make_staff(username="lead", role=Role.TEAM_LEAD, first_name="Hanna", last_name="de Vries")
    bsn = valid_bsn()
    amira = make_client(regisseur, bsn=bsn, given_names="Amira", family_name="Yilmaz")
    _appointment(amira, regisseur, days_ago=5)

    digid_login(page, live_server, bsn)
    page.get_by_role("link", name="Vakantie en afwezigheid").click()
    assert_accessible(page)
    page.get_by_label("vakantie", exact=True).check()
    page.get_by_label("Eerste dag afwezig").fill(_day(9).isoformat())
    page.get_by_label("Laatste dag afwezig").fill(_day(2).isoformat())
    page.get_by_label("Ik ben in het buitenland").check()
    page.get_by_label("Waar bent u?").fill("Turkije")
    page.get_by_role("button", name="Controleren").click()
    page.get_by_text("Controleer voordat u bevestigt").wait_for()
    assert "later meldde" in page.content()
    assert_accessible(page)
    page.get_by_role("button", name="Bevestigen en ontvangstbewijs krijgen").click()
    page.get_by_text("Uw afwezigheid is vastgelegd").wait_for()
    assert_accessible(page)
    assert_no_horizontal_scroll(page)

    page.context.clear_cookies()
    staff_login(page, live_server, "reg")
    _propose(page, live_server, amira)
    page.get_by_text("Gestopt: het dossier spreekt dit voorstel tegen.").wait_for()
    assert "Turkije" in page.content() or "vakantie" in page.content()
    assert (
        page.get_by_role("button", name="De cliënt vragen om zijn kant te vertellen").count() == 0
    )
    assert_accessible(page)
    proposal_url = page.url

    page.context.clear_cookies()
    staff_login(page, live_server, "lead")
    page.get_by_role("link", name="Maatregelen om te beoordelen").click()
    assert_accessible(page)
    page.get_by_role("link", name="Amira Yilmaz").click()
    page.get_by_text("Gestopt: het dossier spreekt dit voorstel tegen.").wait_for()
    assert page.url == proposal_url
    finding = page.locator("td", has_text="Spreekt het voorstel tegen:")
    assert "afwezig" in finding.first.inner_text()
    assert page.get_by_role("button", name="Uitleg bewaren").count() == 1
    assert_accessible(page)


def test_a_proposal_the_dossier_supports_is_heard_and_decided_by_a_second_person(page, live_server):
    regisseur = make_staff(username="reg", first_name="Sanne", last_name="Bakker")
    make_staff(username="lead", role=Role.TEAM_LEAD, first_name="Hanna", last_name="de Vries")
    bsn = valid_bsn()
    piet = make_client(regisseur, bsn=bsn, given_names="Piet", family_name="Smit")
    _appointment(piet, regisseur, days_ago=5)

    staff_login(page, live_server, "reg")
    _propose(page, live_server, piet)
    page.get_by_text("Mag verder:").wait_for()
    assert_accessible(page)
    page.get_by_role("button", name="De cliënt vragen om zijn kant te vertellen").click()
    page.get_by_text("De cliënt kan antwoorden tot en met").wait_for()
    assert page.get_by_role("button", name="Besluiten").count() == 0  # never the proposer
    assert_accessible(page)

    page.context.clear_cookies()
    digid_login(page, live_server, bsn)
    page.get_by_role("link", name="Maatregelen", exact=True).click()
    assert_accessible(page)
    page.get_by_role("link", name="Zonder goede reden niet naar een afspraak komen").click()
    page.get_by_label("Uw antwoord").fill(
        "Mijn moeder lag die dag in het ziekenhuis. Ik was bij haar."
    )
    page.get_by_role("button", name="Mijn antwoord versturen").click()
    page.get_by_text("Uw antwoord is bewaard").wait_for()
    assert_accessible(page)

    page.context.clear_cookies()
    staff_login(page, live_server, "lead")
    page.get_by_role("link", name="Maatregelen om te beoordelen").click()
    page.get_by_role("link", name="Piet Smit").click()
    page.get_by_text("Mijn moeder lag die dag in het ziekenhuis").wait_for()
    assert_accessible(page)
    page.get_by_label("afgewezen", exact=True).check()
    page.get_by_label("Waarom (de cliënt leest dit in de brief)").fill(
        "De cliënt was bij zijn moeder in het ziekenhuis. Dat is een goede reden."
    )
    page.get_by_role("button", name="Besluiten").click()
    page.get_by_text("Afgewezen", exact=True).first.wait_for()
    assert_accessible(page)

    page.context.clear_cookies()
    digid_login(page, live_server, bsn)
    page.get_by_role("link", name="Maatregelen", exact=True).click()
    page.get_by_role("link", name="Zonder goede reden niet naar een afspraak komen").click()
    page.get_by_role("link", name="Lees de brief met het besluit").wait_for()
    assert "goede reden" in page.content()
    assert_accessible(page)
