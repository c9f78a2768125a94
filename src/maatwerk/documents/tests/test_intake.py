"""The intake service and processing, with real files, real storage and real Tesseract."""

import pytest

from maatwerk.core.models import Receipt
from maatwerk.core.receipts import is_genuine
from maatwerk.documents import store
from maatwerk.documents.intake import IncomingFile, receive
from maatwerk.documents.models import Document, DocumentStatus
from maatwerk.documents.processing import process
from maatwerk.documents.tests import samples
from maatwerk.dossiers.models import JournalEntry
from maatwerk.dossiers.tests.factories import make_client, make_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def regisseur():
    return make_staff(username="s.bakker", first_name="Sanne", last_name="Bakker")


@pytest.fixture
def fatima(regisseur):
    return make_client(
        regisseur,
        given_names="Fatima",
        family_name="El Idrissi",
        bsn="111222333",
        street="Kerkstraat",
        house_number="12",
        postcode="3901 AB",
        city="Lindenburg",
    )


def letter_for(client, body, extra=""):
    return samples.letter_pdf(
        to=client.full_name,
        address=f"{client.street} {client.house_number}",
        postcode_city=f"{client.postcode} {client.city}",
        body=body,
        extra=extra,
    )


def take_in(data, name="brief.pdf", **kwargs):
    kwargs.setdefault("channel", "post")
    return receive(files=[IncomingFile(name=name, data=data)], enqueue=False, **kwargs)


def test_a_letter_is_stored_receipted_read_and_routed_to_the_regisseur(fatima, regisseur):
    result = take_in(
        letter_for(fatima, "Hierbij uw loonstrook. Brutoloon 1.200 euro, loonheffing 80 euro.")
    )
    receipt = result.receipt
    assert receipt is not None and is_genuine(receipt)
    document = result.outcomes[0].document
    assert store.get(document.sha256)  # stored, decrypts, and matches its hash
    assert receipt.items[0]["sha256"] == document.sha256
    outcome = process(document.pk)
    assert outcome.client_number == fatima.client_number
    assert outcome.routed_to == "s.bakker"
    assert outcome.document_type == "loonstrook"
    document.refresh_from_db()
    assert document.status == DocumentStatus.ROUTED


def test_processing_twice_changes_nothing(fatima):
    document = take_in(letter_for(fatima, "Uw huurverhoging per 1 juli.")).outcomes[0].document
    first = process(document.pk)
    assert process(document.pk) == first
    assert document.routing.count() == 1


def test_a_rotated_phone_photo_is_read_with_ocr(fatima, regisseur):
    photo = samples.scanned(
        letter_for(fatima, "Uw zorgverzekering: het eigen risico is 385 euro."), rotate=90
    )
    document = (
        take_in(photo, name="IMG_2041.jpg", channel="portal", client=fatima).outcomes[0].document
    )
    outcome = process(document.pk)
    assert outcome.routed_to == "s.bakker"
    assert outcome.document_type == "zorgverzekering"


def test_the_client_sees_the_receipt_in_the_timeline(fatima):
    result = take_in(letter_for(fatima, "tekst"), channel="portal", client=fatima)
    entry = JournalEntry.objects.get(client=fatima, kind="documents.received")
    assert result.receipt.number in entry.summary and entry.visibility == "client"


def test_the_same_document_twice_gets_the_first_receipt_and_no_second_record(fatima):
    data = letter_for(fatima, "Bankafschrift, saldo 12 euro.")
    first = take_in(data, channel="portal", client=fatima)
    again = take_in(data, name="nog-een-keer.pdf", channel="portal", client=fatima)
    assert again.receipt == first.receipt
    assert again.outcomes[0].earlier_receipt == first.receipt
    assert Document.objects.count() == 1 and Receipt.objects.count() == 1


def test_a_zero_byte_file_gets_a_message_and_no_receipt():
    result = take_in(b"", name="leeg.pdf")
    assert result.receipt is None
    assert "leeg (0 bytes)" in result.problems[0]
    assert Document.objects.count() == 0


def test_an_executable_renamed_to_pdf_is_refused_by_content_but_kept_in_quarantine():
    result = take_in(b"MZ\x90\x00" + b"\x00" * 200, name="factuur.pdf")
    assert "geen document dat wij kunnen lezen" in result.problems[0]
    document = result.outcomes[0].document
    assert document.status == DocumentStatus.QUARANTINED
    assert store.get(document.sha256).startswith(b"MZ")
    assert result.receipt is not None  # proof that it was handed in


def test_a_password_protected_pdf_is_quarantined_with_a_message(fatima):
    document = take_in(samples.password_pdf(), client=fatima).outcomes[0].document
    process(document.pk)
    document.refresh_from_db()
    assert document.status == DocumentStatus.QUARANTINED and "wachtwoord" in document.problem
    assert JournalEntry.objects.filter(client=fatima, kind="document.problem").exists()


def test_a_damaged_pdf_is_quarantined_with_a_message():
    document = take_in(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\n%%garbage").outcomes[0].document
    process(document.pk)
    document.refresh_from_db()
    assert document.status == DocumentStatus.QUARANTINED and "beschadigd" in document.problem


def test_an_image_with_too_many_pixels_is_refused(settings):
    settings.DOCUMENT_MAX_PIXELS = 4_000_000
    document = take_in(samples.huge_png(3000, 3000), name="foto.png").outcomes[0].document
    process(document.pk)
    document.refresh_from_db()
    assert document.status == DocumentStatus.QUARANTINED and "te groot" in document.problem


def test_a_decompression_bomb_is_refused_without_decoding_it():
    bomb = samples.huge_png(20_000, 20_000)  # 400 million pixels in a few kilobytes
    assert len(bomb) < 200_000
    document = take_in(bomb, name="bom.png").outcomes[0].document
    process(document.pk)
    document.refresh_from_db()
    assert document.status == DocumentStatus.QUARANTINED and "te groot" in document.problem


def test_a_file_over_the_size_limit_is_kept_in_quarantine_with_a_message(settings):
    settings.DOCUMENT_MAX_BYTES = 1024 * 1024
    result = take_in(b"%PDF-1.4\n" + b"0" * (2 * 1024 * 1024), name="groot.pdf")
    assert "groter dan 1 MB" in result.problems[0]
    assert result.outcomes[0].document.status == DocumentStatus.QUARANTINED


def test_an_unreadable_scan_goes_to_the_queue_with_a_message():
    document = take_in(samples.blank_photo(), name="scan.jpg").outcomes[0].document
    process(document.pk)
    document.refresh_from_db()
    assert document.status == DocumentStatus.QUEUED
    assert "niet lezen" in document.problem


def test_odd_file_names_are_made_safe_and_keep_their_meaning(fatima):
    result = take_in(
        letter_for(fatima, "tekst"), name="..\\..\\etc/pass\u200bwd\u0000 loonstrook juni.pdf"
    )
    document = result.outcomes[0].document
    assert "/" not in document.name and "\\" not in document.name and "\x00" not in document.name
    assert document.name.endswith("loonstrook juni.pdf")


def test_a_document_for_someone_who_is_not_a_client_goes_to_the_manual_queue(fatima):
    stranger = samples.letter_pdf(
        to="Jan Onbekend",
        address="Nergensweg 99",
        postcode_city="9999 ZZ Elders",
        body="Uw energierekening: termijnbedrag 120 euro.",
    )
    document = take_in(stranger).outcomes[0].document
    outcome = process(document.pk)
    assert outcome.status == DocumentStatus.QUEUED and outcome.client_number is None
    assert outcome.routed_to is None


def test_a_partner_s_bsn_does_not_route_the_letter_to_the_partner(regisseur, fatima):
    partner = make_client(regisseur, given_names="Youssef", family_name="Amrani", bsn="123456782")
    text = f"BSN: 111222333. Gegevens partner: Youssef Amrani, BSN partner {partner.bsn}. Uw huurtoeslag wijzigt."
    document = take_in(letter_for(fatima, text)).outcomes[0].document
    assert process(document.pk).client_number == fatima.client_number


def test_a_sensitive_type_is_marked_sensitive(fatima):
    document = (
        take_in(
            letter_for(
                fatima, "Verklaring van de huisarts over de medische behandeling van de patiënt."
            )
        )
        .outcomes[0]
        .document
    )
    process(document.pk)
    document.refresh_from_db()
    assert document.document_type == "medisch" and document.sensitive


def test_a_skewed_scan_is_still_read_and_routed(fatima, regisseur):
    scan = samples.scanned(
        letter_for(fatima, "Uw huurverhoging per 1 juli: de kale huur wordt 712 euro."), rotate=4
    )
    document = take_in(scan, name="scan-scheef.jpg").outcomes[0].document
    outcome = process(document.pk)
    assert outcome.client_number == fatima.client_number
    assert outcome.document_type == "huur"


def test_the_same_file_from_another_client_gets_its_own_receipt(regisseur, fatima):
    other = make_client(regisseur)
    data = letter_for(fatima, "Standaardformulier wijziging.")
    first = take_in(data, channel="portal", client=fatima)
    second = take_in(data, channel="portal", client=other)
    assert second.receipt != first.receipt and second.receipt.client_ref == other.public_id


def test_unknown_senders_are_never_matched_to_each_other(fatima):
    data = letter_for(fatima, "Standaardbrief.")
    assert take_in(data).receipt != take_in(data).receipt


def test_a_pdf_that_makes_the_reader_fail_is_quarantined_not_stuck(monkeypatch, fatima):
    from maatwerk.documents import processing

    document = take_in(letter_for(fatima, "tekst")).outcomes[0].document

    def explode(data, kind):
        raise NotImplementedError("an unsupported filter in a hostile PDF")

    monkeypatch.setattr(processing, "read", explode)
    assert process(document.pk).status == DocumentStatus.QUARANTINED
    document.refresh_from_db()
    assert "beschadigd" in document.problem


def test_a_pdf_page_too_large_to_render_is_refused(settings):
    import io

    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=72 * 1000, height=72 * 1000)  # 1000 x 1000 inch
    out = io.BytesIO()
    writer.write(out)
    document = take_in(out.getvalue(), name="poster.pdf").outcomes[0].document
    process(document.pk)
    document.refresh_from_db()
    assert document.status == DocumentStatus.QUARANTINED and "te groot" in document.problem


def test_a_phone_scan_saved_as_pdf_without_resolution_is_read_at_a_sensible_size(fatima, regisseur):
    import io

    from PIL import Image
    from pypdf import PdfReader

    from maatwerk.documents.reading import ocr_dpi

    photo = Image.open(
        io.BytesIO(samples.scanned(letter_for(fatima, "Uw huurverhoging per 1 juli.")))
    )
    out = io.BytesIO()
    photo.save(
        out, format="PDF"
    )  # Pillow's default: 72 dpi, so the page is as many points as pixels
    assert ocr_dpi(PdfReader(io.BytesIO(out.getvalue()))) < 150
    outcome = process(take_in(out.getvalue(), name="scan-app.pdf").outcomes[0].document.pk)
    assert outcome.client_number == fatima.client_number and outcome.document_type == "huur"


def test_a_black_and_white_group4_tiff_scan_is_read(fatima, regisseur):
    import io

    from PIL import Image

    page = Image.open(
        io.BytesIO(samples.scanned(letter_for(fatima, "Uw huurverhoging per 1 juli.")))
    )
    out = io.BytesIO()
    page.convert("1").save(out, format="TIFF", compression="group4")
    outcome = process(take_in(out.getvalue(), name="fax.tif").outcomes[0].document.pk)
    assert outcome.client_number == fatima.client_number and outcome.document_type == "huur"
