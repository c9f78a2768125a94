"""Always called back, in the browser: the client asks for a callback in the portal and sees by
when; the regisseur sees it, calls, and the client sees the call in their contact history."""

from datetime import timedelta

import pytest
from django.utils import timezone

from maatwerk.contacts import appointments
from maatwerk.dossiers.tests.factories import make_client, make_staff
from tests.e2e.conftest import (
    assert_accessible,
    assert_no_horizontal_scroll,
    digid_login,
    staff_login,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_callback_asked_in_the_portal_is_made_and_both_see_it(page, live_server):
    make_staff(username="reg", first_name="Sanne", last_name="Bakker")
    regisseur = make_staff(username="reg2")
    me = make_client(
        regisseur,
        given_names="Fatima",
        family_name="El Idrissi",
        bsn="111222333",
        phone="0612345678",
    )

    appointment = appointments.plan_appointment(
        client=me,
        staff=regisseur,
        kind="in_person",
        location="Stadskantoor, balie 3",
        starts_at=timezone.now() + timedelta(days=2),
        minutes=45,
        subject="Kennismaking",
        actor=regisseur,
    )

    digid_login(page, live_server, "111222333")
    page.get_by_role("link", name="Afspraken").first.click()
    page.get_by_role("heading", name="Mijn afspraken").wait_for()
    assert_accessible(page)
    page.get_by_text("Vraag om een andere tijd").click()
    page.get_by_label("Waarom hebt u een andere tijd nodig?").fill("Ik moet die dag werken.")
    page.get_by_label("Welke tijd past u?").fill("vrijdagochtend")
    page.get_by_role("button", name="Stuur mijn verzoek").click()
    page.get_by_text("Wij hebben uw verzoek om een andere tijd ontvangen.").wait_for()
    assert_accessible(page)
    assert appointment.reschedule_requests.count() == 1

    page.get_by_role("link", name="Contact", exact=True).first.click()
    page.get_by_role("heading", name="Vraag ons om u terug te bellen").wait_for()
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    page.get_by_label("Waarover wilt u praten?").fill("Mijn toeslag is gestopt")
    page.get_by_role("button", name="Bel mij terug").click()
    page.get_by_text("Wij bellen u uiterlijk").first.wait_for()
    assert_accessible(page)

    page.context.clear_cookies()
    staff_login(page, live_server, "reg2")
    page.get_by_role("link", name="Terugbellen").first.click()
    page.get_by_role("link", name="Mijn toeslag is gestopt").click()
    page.get_by_role("heading", name="Mijn toeslag is gestopt").wait_for()
    assert_accessible(page)
    page.get_by_label("gesproken", exact=True).check()
    page.get_by_label("Opmerking").fill("Toeslag opnieuw aangevraagd")
    page.get_by_role("button", name="Bewaar de poging").click()
    page.get_by_text("Bewaard. De cliënt ziet dit in Mijn Maatwerk.").wait_for()
    assert_accessible(page)
    page.goto(f"{live_server.url}/werk/dossiers/{me.public_id}/contact/")
    page.get_by_text("Toeslag opnieuw aangevraagd").wait_for()
    assert_accessible(page)
    page.goto(f"{live_server.url}/werk/afspraken/{appointment.public_id}/")
    page.get_by_text("Ik moet die dag werken.").wait_for()
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    page.goto(f"{live_server.url}/werk/dossiers/{me.public_id}/verslagen/")
    assert_accessible(page)
    page.get_by_label("Waar we over spraken").fill("We spraken over de gestopte toeslag.")
    page.get_by_label("Wat we afspraken (één afspraak per regel)").fill(
        "U stuurt de brief van de Belastingdienst"
    )
    page.get_by_role("button", name="Deel het verslag met de cliënt").click()
    page.get_by_role("button", name="Maak er een belofte van").wait_for()
    assert_accessible(page)
    assert_no_horizontal_scroll(page)

    page.context.clear_cookies()
    digid_login(page, live_server, "111222333")
    page.goto(f"{live_server.url}/mijn/contact/")
    page.get_by_text("Toeslag opnieuw aangevraagd").wait_for()
    assert "Wij bellen u uiterlijk" not in page.content()
    assert_accessible(page)
    page.get_by_role("link", name="Verslagen").first.click()
    page.get_by_text("We spraken over de gestopte toeslag.").wait_for()
    assert_accessible(page)
    page.get_by_label("Uw reactie of verbetering").fill("De brief heb ik al gestuurd.")
    page.get_by_role("button", name="Stuur mijn reactie").click()
    page.get_by_text("Uw reactie is bij het verslag bewaard.").wait_for()
    assert "De brief heb ik al gestuurd." in page.content()
    assert_accessible(page)


def test_messages_and_a_shared_diary_note(page, live_server):
    make_staff(username="reg", first_name="Sanne", last_name="Bakker")
    me = make_client(
        make_staff(username="reg3"), given_names="Piet", family_name="Jansen", bsn="111222333"
    )
    digid_login(page, live_server, "111222333")
    page.get_by_role("link", name="Berichten").first.click()
    page.get_by_label("Uw bericht").fill("Mag ik mijn afspraak telefonisch doen?")
    page.get_by_role("button", name="Versturen").click()
    page.get_by_text("Uw bericht is verstuurd.").wait_for()
    assert_accessible(page)
    page.get_by_role("link", name="Mijn dagboek").first.click()
    page.get_by_label("Nieuwe notitie").fill("Ik slaap slecht door de zorgen.")
    page.get_by_role("button", name="Bewaar mijn notitie").click()
    page.get_by_role("button", name="Deel met mijn regisseur").click()
    page.get_by_role("button", name="Stop met delen").wait_for()
    assert_accessible(page)
    assert_no_horizontal_scroll(page)

    page.context.clear_cookies()
    staff_login(page, live_server, "reg3")
    page.goto(f"{live_server.url}/werk/dossiers/{me.public_id}/berichten/")
    page.get_by_text("Ik slaap slecht door de zorgen.").wait_for()
    page.get_by_label("Uw antwoord").fill("Ja, dat kan. Ik bel u donderdag.")
    page.get_by_role("button", name="Stuur het antwoord").click()
    page.get_by_text("Uw antwoord is verstuurd.").wait_for()
    assert_accessible(page)


def test_the_queue_recordings_appointments_and_unsent_pages_pass_axe(page, live_server):
    from maatwerk.contacts import notify, recordings, services
    from maatwerk.contacts.models import Notification
    from maatwerk.core.models import Role

    lead = make_staff(username="lead", role=Role.TEAM_LEAD)
    regisseur = make_staff(username="reg4", team=lead.staff.team)
    me = make_client(
        regisseur, given_names="Sara", family_name="Bos", bsn="111222333", email="sara@example.org"
    )
    queued = services.request_callback(
        phone="0201234567", subject="Onbekende beller", requested_via="voicemail", actor=None
    )
    recordings.give_consent(
        client=me,
        purpose="Gesprek terugluisteren",
        what="Het gesprek",
        retention_days=30,
        expires_on=timezone.localdate() + timedelta(days=40),
        given_how="in_person",
        actor=regisseur,
    )
    recordings.store_recording(
        client=me,
        data=b"RIFF\x24\x00\x00\x00WAVEfmt " + b"\x00" * 64,
        name="gesprek.wav",
        actor=regisseur,
    )
    stuck = notify.notify(client=me, kind="test", subject="Bericht dat bleef hangen", body="x")
    Notification.objects.filter(pk=stuck.pk).update(
        status="queued", attempts=2, last_error="ConnectionRefusedError", channel="email"
    )

    staff_login(page, live_server, "lead")
    page.get_by_text("wacht tot iemand de cliënt kiest").wait_for()
    assert_accessible(page)
    page.goto(f"{live_server.url}/werk/terugbellen/{queued.public_id}/")
    page.get_by_role("heading", name="Terugbelverzoek zonder cliënt").wait_for()
    assert_accessible(page)
    page.goto(f"{live_server.url}/werk/niet-verstuurd/")
    page.get_by_text("Bericht dat bleef hangen").wait_for()
    assert_accessible(page)
    page.goto(f"{live_server.url}/werk/dossiers/{me.public_id}/afspraken/")
    page.get_by_role("heading", name="Plan een afspraak").wait_for()
    assert_accessible(page)
    assert_no_horizontal_scroll(page)

    page.context.clear_cookies()
    staff_login(page, live_server, "reg4")
    page.goto(f"{live_server.url}/werk/dossiers/{me.public_id}/opnames/")
    page.get_by_role("link", name="Afspelen").wait_for()
    assert_accessible(page)

    page.context.clear_cookies()
    digid_login(page, live_server, "111222333")
    page.goto(f"{live_server.url}/mijn/opnames/")
    page.get_by_role("button", name="Trek mijn toestemming in en verwijder de opnames").click()
    page.get_by_text("Uw toestemming is ingetrokken.").wait_for()
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
