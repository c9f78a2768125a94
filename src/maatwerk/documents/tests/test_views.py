"""Documents through the web: portal hand-in, receipts, the public check, inbox, queue, downloads."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from maatwerk.core.models import AccessLogEntry, Receipt, Role
from maatwerk.core.receipts import verification_code
from maatwerk.documents.intake import IncomingFile, receive
from maatwerk.documents.models import Document, DocumentStatus, TypeCorrection
from maatwerk.documents.processing import process
from maatwerk.documents.tests import samples
from maatwerk.dossiers.portal_auth import portal_user_for
from maatwerk.dossiers.tests.factories import make_client, make_staff

pytestmark = pytest.mark.django_db

LETTER = samples.text_image("Loonstrook juni\nBrutoloon 1200 euro\nLoonheffing 80 euro")


@pytest.fixture
def regisseur():
    return make_staff(username="reg", first_name="Sanne", last_name="Bakker")


@pytest.fixture
def fatima(regisseur):
    return make_client(regisseur, given_names="Fatima", family_name="El Idrissi")


def upload(client, *files):
    return client.post(reverse("portal_docs:documents"), {"bestanden": list(files)})


def test_a_client_hands_in_two_files_and_gets_one_receipt(client, fatima):
    client.force_login(portal_user_for(fatima))
    response = upload(
        client,
        SimpleUploadedFile("loonstrook.png", LETTER, "image/png"),
        SimpleUploadedFile(
            "afschrift.pdf",
            samples.letter_pdf(to="F", address="A 1", postcode_city="1000 AA B", body="saldo"),
            "application/pdf",
        ),
    )
    receipt = Receipt.objects.get()
    assert response.url == reverse("portal_docs:receipt", args=[receipt.number])
    page = client.get(response.url).content.decode()
    assert receipt.number in page and verification_code(receipt) in page
    assert "loonstrook.png" in page and "afschrift.pdf" in page
    pdf = client.get(reverse("portal_docs:receipt_pdf", args=[receipt.number]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert Document.objects.filter(client=fatima).count() == 2


def test_sending_nothing_says_what_to_do(client, fatima):
    client.force_login(portal_user_for(fatima))
    page = client.post(reverse("portal_docs:documents"), {}).content.decode()
    assert "Kies eerst een of meer bestanden" in page


def test_a_zero_byte_upload_gets_a_message_and_no_receipt(client, fatima):
    client.force_login(portal_user_for(fatima))
    page = upload(client, SimpleUploadedFile("leeg.pdf", b"", "application/pdf")).content.decode()
    assert "leeg (0 bytes)" in page and not Receipt.objects.exists()


def test_a_client_cannot_open_another_clients_receipt(client, regisseur, fatima):
    other = make_client(regisseur)
    theirs = receive(
        files=[IncomingFile("x.png", LETTER)], channel="portal", client=other, enqueue=False
    ).receipt
    me = portal_user_for(fatima)
    client.force_login(me)
    assert client.get(reverse("portal_docs:receipt", args=[theirs.number])).status_code == 404
    assert client.get(reverse("portal_docs:receipt_pdf", args=[theirs.number])).status_code == 404
    assert AccessLogEntry.objects.filter(actor=me, result="not_found").count() == 2


def test_anyone_can_check_a_receipt_without_seeing_the_document(client, fatima):
    receipt = receive(
        files=[IncomingFile("loon.png", LETTER)], channel="post", client=fatima, enqueue=False
    ).receipt
    url = reverse("verify_receipt")
    page = client.get(
        url, {"nummer": receipt.number, "code": verification_code(receipt).lower()}
    ).content.decode()
    assert "Dit ontvangstbewijs is echt" in page and "loon.png" in page
    assert "Fatima" not in page
    wrong = client.get(url, {"nummer": receipt.number, "code": "AAAAAAAAAA"}).content.decode()
    assert "Wij vinden geen echt ontvangstbewijs" in wrong
    Receipt.objects.filter(pk=receipt.pk).update(recipient="iemand anders")
    forged = client.get(
        url, {"nummer": receipt.number, "code": verification_code(receipt)}
    ).content.decode()
    assert "Wij vinden geen echt ontvangstbewijs" in forged


def test_the_regisseur_sees_it_in_the_inbox_marks_it_seen_and_corrects_its_type(
    client, regisseur, fatima
):
    document = (
        receive(
            files=[IncomingFile("loon.png", LETTER)], channel="portal", client=fatima, enqueue=False
        )
        .outcomes[0]
        .document
    )
    process(document.pk)
    client.force_login(regisseur)
    assert "loon.png" in client.get(reverse("staff_docs:inbox")).content.decode()
    act = reverse("staff_docs:act", args=[document.public_id])
    client.post(act, {"actie": "soort", "soort": "bankafschrift"})
    client.post(act, {"actie": "gezien"})
    document.refresh_from_db()
    assert (
        document.status == DocumentStatus.ACKNOWLEDGED and document.document_type == "bankafschrift"
    )
    assert TypeCorrection.objects.filter(document=document, document_type="bankafschrift").exists()
    assert "loon.png" not in client.get(reverse("staff_docs:inbox")).content.decode()


def test_downloads_are_checked_logged_and_never_public(client, regisseur, fatima):
    document = (
        receive(
            files=[IncomingFile("loon.png", LETTER)], channel="portal", client=fatima, enqueue=False
        )
        .outcomes[0]
        .document
    )
    url = reverse("staff_docs:download", args=[document.public_id])
    assert client.get(url).status_code == 302  # not logged in: to the login page
    client.force_login(regisseur)
    response = client.get(url)
    assert response.content == LETTER and response["Cache-Control"] == "no-store"
    assert AccessLogEntry.objects.filter(
        actor=regisseur, action="view_document", object_ref=str(document.public_id)
    ).exists()
    outsider = make_staff(role=Role.CONSULTANT, username="out")
    client.force_login(outsider)
    assert client.get(url).status_code == 403


def test_a_sensitive_document_opens_for_the_regisseur_only(client, regisseur, fatima):
    document = (
        receive(
            files=[IncomingFile("huisarts.png", LETTER)],
            channel="portal",
            client=fatima,
            enqueue=False,
        )
        .outcomes[0]
        .document
    )
    Document.objects.filter(pk=document.pk).update(sensitive=True, document_type="medisch")
    lead = make_staff(role=Role.TEAM_LEAD, username="lead")
    client.force_login(lead)
    refused = client.get(reverse("staff_docs:download", args=[document.public_id]))
    assert refused.status_code == 403 and "gevoelig" in refused.content.decode()
    assert AccessLogEntry.objects.get(actor=lead).result == "refused"
    client.force_login(regisseur)
    assert client.get(reverse("staff_docs:download", args=[document.public_id])).status_code == 200


def test_intake_links_a_queued_document_to_a_client_and_it_is_routed(client, regisseur, fatima):
    intake = make_staff(role=Role.INTAKE, username="intake")
    document = (
        receive(
            files=[
                IncomingFile("scan.png", samples.text_image("Geachte heer,\nUw energie rekening."))
            ],
            channel="post",
            enqueue=False,
        )
        .outcomes[0]
        .document
    )
    process(document.pk)
    client.force_login(intake)
    assert "scan.png" in client.get(reverse("staff_docs:queue")).content.decode()
    client.post(
        reverse("staff_docs:act", args=[document.public_id]),
        {"actie": "client", "klantnummer": "X999"},
    )
    document.refresh_from_db()
    assert document.status == DocumentStatus.QUEUED
    client.post(
        reverse("staff_docs:act", args=[document.public_id]),
        {"actie": "client", "klantnummer": fatima.client_number},
    )
    document.refresh_from_db()
    assert document.routed_to == regisseur and document.status == DocumentStatus.ROUTED


def test_consultants_do_not_see_the_queue(client, regisseur):
    client.force_login(regisseur)
    assert client.get(reverse("staff_docs:queue")).status_code == 403


def test_staff_hand_in_at_the_counter_for_a_client(client, regisseur, fatima):
    client.force_login(regisseur)
    url = reverse("staff_docs:client_documents", args=[fatima.public_id])
    client.post(url, {"bestanden": [SimpleUploadedFile("id.png", LETTER, "image/png")]})
    batch = Document.objects.get(client=fatima).batch
    assert (
        batch.channel == "counter" and batch.submitted_by == regisseur and batch.receipt is not None
    )
    assert "id.png" in client.get(url).content.decode()


def test_documents_waiting_longer_than_the_norm_are_flagged_to_the_team_lead(
    client, regisseur, settings
):
    from datetime import timedelta

    from django.utils import timezone

    lead = make_staff(role=Role.TEAM_LEAD, username="lead")
    old = (
        receive(
            files=[IncomingFile("oud.png", samples.blank_photo())], channel="post", enqueue=False
        )
        .outcomes[0]
        .document
    )
    process(old.pk)
    client.force_login(lead)
    assert "langer dan de norm" not in client.get(reverse("staff:caseload")).content.decode()
    Document.objects.filter(pk=old.pk).update(received_at=timezone.now() - timedelta(days=7))
    page = client.get(reverse("staff:caseload")).content.decode()
    assert "1 document wacht al langer dan de norm" in page
    client.force_login(regisseur)
    assert "langer dan de norm" not in client.get(reverse("staff:caseload")).content.decode()


def test_someone_who_may_only_read_cannot_change_or_move_a_document(client, regisseur, fatima):
    document = (
        receive(
            files=[IncomingFile("loon.png", LETTER)], channel="portal", client=fatima, enqueue=False
        )
        .outcomes[0]
        .document
    )
    process(document.pk)
    intake = make_staff(role=Role.INTAKE, username="intake")
    client.force_login(intake)
    client.post(
        reverse("staff:dossier", args=[fatima.public_id]),
        {"reason": "Vraag aan de balie over brief"},
    )
    assert client.get(reverse("staff_docs:download", args=[document.public_id])).status_code == 200
    other = make_client(regisseur)
    client.post(
        reverse("staff_docs:act", args=[document.public_id]),
        {"actie": "client", "klantnummer": other.client_number},
    )
    document.refresh_from_db()
    assert document.client == fatima
    assert AccessLogEntry.objects.get(actor=intake, action="change_document").result == "refused"


def test_a_document_cannot_be_passed_on_to_a_council_member(client, regisseur, fatima):
    document = (
        receive(
            files=[IncomingFile("loon.png", LETTER)], channel="portal", client=fatima, enqueue=False
        )
        .outcomes[0]
        .document
    )
    process(document.pk)
    member = make_staff(role=Role.COUNCIL_MEMBER, username="raad")
    client.force_login(regisseur)
    client.post(
        reverse("staff_docs:act", args=[document.public_id]),
        {"actie": "doorsturen", "naar": member.pk},
    )
    document.refresh_from_db()
    assert document.routed_to == regisseur


def test_post_linked_to_a_client_shows_in_their_timeline_and_receipts(client, regisseur, fatima):
    from maatwerk.dossiers.models import JournalEntry

    letter = samples.letter_pdf(
        to=fatima.full_name,
        address=f"{fatima.street} {fatima.house_number}",
        postcode_city=f"{fatima.postcode} {fatima.city}",
        body="Uw huurverhoging per 1 juli.",
    )
    result = receive(files=[IncomingFile("post.pdf", letter)], channel="post", enqueue=False)
    process(result.outcomes[0].document.pk)
    told = JournalEntry.objects.get(client=fatima, kind="document.linked")
    assert told.visibility == "client" and result.receipt.number in told.summary
    client.force_login(portal_user_for(fatima))
    assert result.receipt.number in client.get(reverse("portal_docs:documents")).content.decode()
    assert (
        client.get(reverse("portal_docs:receipt", args=[result.receipt.number])).status_code == 200
    )


def test_a_quarantined_file_can_still_be_linked_to_a_client(client, regisseur, fatima):
    intake = make_staff(role=Role.INTAKE, username="intake")
    document = (
        receive(files=[IncomingFile("kapot.pdf", b"%PDF-1.7 kapot")], channel="post", enqueue=False)
        .outcomes[0]
        .document
    )
    process(document.pk)
    client.force_login(intake)
    client.post(
        reverse("staff_docs:act", args=[document.public_id]),
        {"actie": "client", "klantnummer": fatima.client_number},
    )
    document.refresh_from_db()
    assert (
        document.client == fatima
        and document.routed_to == regisseur
        and "beschadigd" in document.problem
    )


def test_an_upload_far_over_the_limit_is_refused_before_it_is_stored(client, fatima, settings):
    settings.DOCUMENT_MAX_BYTES = 1000
    client.force_login(portal_user_for(fatima))
    page = upload(
        client, SimpleUploadedFile("enorm.pdf", b"%PDF-1.4\n" + b"0" * 5000, "application/pdf")
    ).content.decode()
    assert "veel te groot" in page and not Document.objects.exists()
