"""The pages: the portal's notice of default in one step, staff actions, and who may do what."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from maatwerk.commitments import services
from maatwerk.commitments.models import NoticeStatus, Party, Status
from maatwerk.commitments.tests.factories import client_with_regisseur, make_application
from maatwerk.core.models import AccessLogEntry
from maatwerk.dossiers.portal_auth import portal_user_for
from maatwerk.dossiers.tests.factories import make_client, make_staff

pytestmark = pytest.mark.django_db


def test_a_client_sends_a_notice_from_the_portal_and_lands_on_the_receipt(client):
    fatima, regisseur = client_with_regisseur()
    application = make_application(fatima, regisseur, days_ago=70)
    client.force_login(portal_user_for(fatima))
    url = reverse("portal_commit:application", args=[application.public_id])
    page = client.get(url).content.decode()
    assert "Verstuur de ingebrekestelling" in page
    response = client.post(url, {"notice-text": "Ik stel u in gebreke."})
    notice = application.notices.get(status=NoticeStatus.RECEIVED)
    assert response.url == reverse("portal_docs:receipt", args=[notice.receipt.number])
    page = client.get(url).content.decode()
    assert "Dwangsom omdat wij te laat beslissen" in page
    assert "Verstuur de ingebrekestelling" not in page


def test_an_early_notice_from_the_portal_is_kept_as_draft_with_the_date(client):
    fatima, regisseur = client_with_regisseur()
    application = make_application(fatima, regisseur, days_ago=3)
    client.force_login(portal_user_for(fatima))
    url = reverse("portal_commit:application", args=[application.public_id])
    page = client.post(url, {"notice-text": "Mijn eigen tekst"}).content.decode()
    assert "bewaard als concept" in page
    assert "Mijn eigen tekst" in client.get(url).content.decode()


def test_a_client_cannot_open_someone_elses_application(client):
    fatima, regisseur = client_with_regisseur()
    other = make_client(regisseur)
    theirs = make_application(other, regisseur, days_ago=70)
    client.force_login(portal_user_for(fatima))
    response = client.get(reverse("portal_commit:application", args=[theirs.public_id]))
    assert response.status_code == 404


def test_a_client_cannot_mark_a_municipal_promise_done_through_the_portal(client):
    fatima, regisseur = client_with_regisseur()
    ours = services.promise(
        client=fatima,
        party=Party.MUNICIPALITY,
        description="Wij bellen u terug",
        due_at=timezone.now() + timedelta(days=1),
        actor=regisseur,
    )
    client.force_login(portal_user_for(fatima))
    response = client.post(
        reverse("portal_commit:promises"), {"commitment": str(ours.public_id)}, follow=True
    )
    assert "Alleen de gemeente" in response.content.decode()
    ours.refresh_from_db()
    assert ours.status == Status.OPEN


def test_the_portal_shows_both_lists_and_the_record(client):
    fatima, regisseur = client_with_regisseur()
    make_application(fatima, regisseur, days_ago=70)
    client.force_login(portal_user_for(fatima))
    page = client.get(reverse("portal_commit:promises")).content.decode()
    assert "Wat wij u hebben beloofd" in page and "Wat u hebt toegezegd" in page
    assert "Beloftes nagekomen: 0 van 2 op tijd" in page


def test_the_regisseur_records_an_application_and_the_read_is_logged(client):
    fatima, regisseur = client_with_regisseur()
    client.force_login(regisseur)
    url = reverse("staff_commit:applications", args=[fatima.public_id])
    response = client.post(
        url,
        {
            "application-kind": "bijzondere_bijstand",
            "application-subject": "Een nieuwe wasmachine",
            "application-received_on": timezone.localdate().isoformat(),
            "application-channel": "counter",
        },
    )
    assert response.status_code == 302
    page = client.get(response.url).content.decode()
    assert "Een nieuwe wasmachine" in page and "Uiterste beslisdatum" in page
    assert AccessLogEntry.objects.filter(client_ref=fatima.public_id, action="application").exists()


def test_a_colleague_outside_the_caseload_cannot_change_promises(client):
    fatima, _regisseur = client_with_regisseur()
    outsider = make_staff()
    client.force_login(outsider)
    url = reverse("staff_commit:commitments", args=[fatima.public_id])
    response = client.post(
        url,
        {
            "promise-party": "municipality",
            "promise-description": "Iets",
            "promise-due_on": (timezone.localdate() + timedelta(days=2)).isoformat(),
        },
    )
    assert response.status_code == 403
    assert not fatima.commitments.exists()


def test_a_promise_with_a_past_date_shows_the_dutch_message_and_keeps_the_input(client):
    fatima, regisseur = client_with_regisseur()
    client.force_login(regisseur)
    url = reverse("staff_commit:commitments", args=[fatima.public_id])
    page = client.post(
        url,
        {
            "promise-party": "client",
            "promise-description": "Loonstrook inleveren",
            "promise-due_on": (timezone.localdate() - timedelta(days=2)).isoformat(),
        },
    ).content.decode()
    assert "Kies een moment in de toekomst" in page
    assert "Loonstrook inleveren" in page


def test_the_promise_to_decide_is_closed_only_by_recording_the_decision(client):
    fatima, regisseur = client_with_regisseur()
    application = make_application(fatima, regisseur, days_ago=3)
    decision = application.commitments.get(origin="application_decision")
    client.force_login(regisseur)
    page = client.post(
        reverse("staff_commit:commitment", args=[decision.public_id]),
        {"close-action": "withdraw", "close-reason": "Niet meer nodig"},
    ).content.decode()
    assert "aanvraag" in page
    decision.refresh_from_db()
    assert decision.status == Status.OPEN


def test_the_escalation_list_logs_a_read_per_client(client):
    fatima, regisseur = client_with_regisseur()
    services.promise(
        client=fatima,
        party=Party.MUNICIPALITY,
        description="Wij bellen u terug",
        due_at=timezone.now() - timedelta(hours=1),
        actor=regisseur,
        allow_past=True,
    )
    from maatwerk.commitments.escalation import escalate

    escalate()
    client.force_login(regisseur)
    assert "Wij bellen u terug" in client.get(reverse("staff_commit:escalations")).content.decode()
    entry = AccessLogEntry.objects.get(action="view_escalations")
    assert entry.client_ref == fatima.public_id and entry.basis == "regisseur"
