"""Conversation reports: shared with the client, reactions beside them, agreements as promises."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from maatwerk.contacts import reports
from maatwerk.contacts.errors import ContactError
from maatwerk.dossiers.models import JournalEntry
from maatwerk.dossiers.portal_auth import portal_user_for
from maatwerk.dossiers.tests.factories import make_client, make_staff

pytestmark = pytest.mark.django_db


def _report(client_record, regisseur):
    return reports.write_report(
        client=client_record,
        held_on=timezone.localdate(),
        discussed="We spraken over werk in de zorg.",
        agreed="U vraagt een VOG aan\nWij betalen de kosten van de VOG",
        next_steps="Over een maand praten we verder.",
        actor=regisseur,
    )


def test_a_report_is_shared_and_the_clients_reaction_stays_beside_it():
    regisseur = make_staff()
    fatima = make_client(regisseur)
    report = _report(fatima, regisseur)
    assert JournalEntry.objects.filter(client=fatima, kind="report.shared").exists()
    reports.react(report=report, client=fatima, text="Ik had gezegd: 24 uur, niet 32.")
    report.refresh_from_db()
    assert report.discussed == "We spraken over werk in de zorg."
    assert report.reactions.get().text == "Ik had gezegd: 24 uur, niet 32."


def test_a_report_without_content_or_in_the_future_is_refused():
    regisseur = make_staff()
    fatima = make_client(regisseur)
    with pytest.raises(ContactError):
        reports.write_report(
            client=fatima,
            held_on=timezone.localdate(),
            discussed=" ",
            agreed="",
            next_steps="",
            actor=regisseur,
        )
    with pytest.raises(ContactError):
        reports.write_report(
            client=fatima,
            held_on=timezone.localdate() + timedelta(days=1),
            discussed="x",
            agreed="",
            next_steps="",
            actor=regisseur,
        )


def test_an_agreement_becomes_a_promise_once():
    regisseur = make_staff()
    fatima = make_client(regisseur)
    report = _report(fatima, regisseur)
    made = reports.make_commitment(
        report=report,
        line=1,
        party="municipality",
        due_on=timezone.localdate() + timedelta(days=14),
        actor=regisseur,
    )
    assert made.commitment.description == "Wij betalen de kosten van de VOG"
    with pytest.raises(ContactError):
        reports.make_commitment(
            report=report,
            line=1,
            party="municipality",
            due_on=timezone.localdate() + timedelta(days=14),
            actor=regisseur,
        )


def test_a_client_reacts_in_the_portal_and_cannot_react_to_another_clients_report(client):
    regisseur = make_staff()
    fatima = make_client(regisseur)
    other = make_client(regisseur)
    mine, theirs = _report(fatima, regisseur), _report(other, regisseur)
    client.force_login(portal_user_for(fatima))
    page = client.get(reverse("portal_contacts:reports")).content.decode()
    assert "We spraken over werk in de zorg." in page
    client.post(
        reverse("portal_contacts:reports"),
        {"report": str(mine.public_id), f"reaction-{mine.pk}-text": "Klopt"},
    )
    assert mine.reactions.get().text == "Klopt"
    response = client.post(
        reverse("portal_contacts:reports"),
        {"report": str(theirs.public_id), f"reaction-{theirs.pk}-text": "x"},
    )
    assert response.status_code == 404 and not theirs.reactions.exists()
