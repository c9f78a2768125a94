"""A client hands in a photo and checks the receipt; the regisseur finds it; intake works the queue."""

import pytest

from maatwerk.core.models import Role
from maatwerk.documents.intake import IncomingFile, receive
from maatwerk.documents.models import Document, DocumentStatus
from maatwerk.documents.processing import process
from maatwerk.documents.tests import samples
from maatwerk.dossiers.tests.factories import make_client, make_staff
from tests.e2e.conftest import (
    assert_accessible,
    assert_no_horizontal_scroll,
    digid_login,
    staff_login,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHOTO = samples.text_image("Loonstrook juni 2026\nBrutoloon 1.200 euro\nLoonheffing 80 euro")


def test_a_client_hands_in_a_photo_gets_a_receipt_and_checks_it(page, live_server, settings):
    settings.PUBLIC_BASE_URL = live_server.url
    regisseur = make_staff(username="reg", first_name="Sanne", last_name="Bakker")
    make_client(regisseur, given_names="Fatima", family_name="El Idrissi", bsn="111222333")

    digid_login(page, live_server, "111222333")
    page.get_by_role("link", name="Mijn documenten").click()
    page.get_by_role("heading", name="Mijn documenten").wait_for()
    assert_accessible(page)
    page.get_by_role("button", name="Versturen").click()
    page.get_by_text("Kies eerst een of meer bestanden").first.wait_for()
    assert_accessible(page)

    page.get_by_label("Bestanden").set_input_files(
        files=[{"name": "loonstrook-juni.png", "mimeType": "image/png", "buffer": PHOTO}]
    )
    page.get_by_role("button", name="Versturen").click()
    page.get_by_role("heading", name="Ontvangstbewijs MW-").wait_for()
    assert "loonstrook-juni.png" in page.content()
    assert_accessible(page)
    assert_no_horizontal_scroll(page)

    with page.expect_download() as download:
        page.get_by_role("link", name="Ontvangstbewijs downloaden (PDF)").click()
    assert download.value.suggested_filename.startswith("ontvangstbewijs-MW-")

    page.get_by_role("link", name="Controleer of dit ontvangstbewijs echt is").click()
    page.get_by_text("Dit ontvangstbewijs is echt.").wait_for()
    assert_accessible(page)
    assert_no_horizontal_scroll(page)

    document = Document.objects.get()
    process(document.pk)  # what the worker does after the receipt
    page.context.clear_cookies()
    staff_login(page, live_server, "reg")
    page.get_by_role("link", name="Nieuwe documenten").click()
    page.get_by_role("heading", name="loonstrook-juni.png").wait_for()
    assert_accessible(page)
    page.get_by_role("button", name="Gezien").click()
    page.get_by_text("Gemarkeerd als gezien.").wait_for()
    document.refresh_from_db()
    assert document.status == DocumentStatus.ACKNOWLEDGED


def test_intake_links_an_unclear_letter_from_the_queue(page, live_server):
    regisseur = make_staff(username="reg", first_name="Sanne", last_name="Bakker")
    client = make_client(regisseur, family_name="Yilmaz")
    make_staff(role=Role.INTAKE, username="intake")
    scan = samples.text_image(
        "Geachte heer of mevrouw,\nUw energierekening: termijnbedrag 120 euro."
    )
    document = (
        receive(files=[IncomingFile("scan-0007.png", scan)], channel="post", enqueue=False)
        .outcomes[0]
        .document
    )
    process(document.pk)

    staff_login(page, live_server, "intake", lands_on="Wachtrij intake")
    page.get_by_role("link", name="Wachtrij intake").click()
    page.get_by_role("heading", name="scan-0007.png").wait_for()
    assert_accessible(page)
    page.get_by_label("Klantnummer").fill(client.client_number)
    page.get_by_role("button", name="Koppelen").click()
    page.get_by_text(f"Gekoppeld aan cliënt {client.client_number}").wait_for()
    assert_accessible(page)
    document.refresh_from_db()
    assert document.routed_to == regisseur
