"""The scanner folder and the SMTP intake address, with a real SMTP conversation."""

import io
import smtplib
import socket
from email.message import EmailMessage

import pytest
from aiosmtpd.controller import Controller

from maatwerk.core.models import Receipt
from maatwerk.documents.channels import (
    FAILED_FOLDER,
    IntakeMailHandler,
    spool_folder,
    take_in_spooled,
    watch_folder,
)
from maatwerk.documents.models import Document, DocumentStatus
from maatwerk.documents.tests import samples
from maatwerk.dossiers.tests.factories import make_client, make_staff

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_scanner_folder_takes_in_each_file_and_keeps_no_plain_copy(tmp_path):
    folder = tmp_path / "scanner"
    folder.mkdir()
    (folder / "scan-001.pdf").write_bytes(
        samples.letter_pdf(to="A", address="B 1", postcode_city="1000 AA C", body="huur")
    )
    (folder / "scan-002.jpg").write_bytes(samples.blank_photo())
    (folder / "leeg.pdf").write_bytes(b"")
    out = io.StringIO()
    watch_folder(folder, interval=0, out=out, once=True)
    assert Receipt.objects.count() == 2  # the empty file gets a message, not a receipt
    # Stored encrypted: the plain scans are gone; the empty file is set aside for a person.
    assert [p.name.split("-", 2)[-1] for p in (folder / FAILED_FOLDER).iterdir()] == ["leeg.pdf"]
    assert not [p for p in folder.iterdir() if p.is_file()]
    assert "leeg (0 bytes)" in out.getvalue()


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def intake_smtp(settings, smtp_server):
    """The intake address as a real SMTP server; replies go to the `smtp_server` fixture."""
    port = _free_port()
    controller = Controller(IntakeMailHandler(), hostname="127.0.0.1", port=port)
    controller.start()
    yield port
    controller.stop()


def _send(port, message):
    with smtplib.SMTP("127.0.0.1", port) as smtp:
        smtp.send_message(message)


def test_a_mail_with_an_attachment_is_taken_in_with_its_body_and_answered(intake_smtp, smtp_server):
    make_client(make_staff(username="reg"), email="fatima@example.org")
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = (
        "Fatima <fatima@example.org>",
        "intake@gemeente.example",
        "Loonstrook",
    )
    message.set_content("Beste meneer, hierbij mijn loonstrook van juni.")
    message.add_attachment(
        samples.text_image("Loonstrook juni"),
        maintype="image",
        subtype="png",
        filename="loonstrook.png",
    )
    _send(intake_smtp, message)
    # The From header is not trusted to pick the client: that comes from the content.
    names = sorted(Document.objects.values_list("name", flat=True))
    assert names == ["e-mail.pdf", "loonstrook.png"]
    receipt = Receipt.objects.get()
    assert receipt.channel == "email"
    reply = smtp_server.messages[-1]
    assert reply.rcpt_tos == ["fatima@example.org"] and receipt.number.encode() in reply.content
    assert not list(
        spool_folder().glob("*.eml")
    )  # the original is removed once its parts are stored


def test_a_mail_without_attachments_is_kept_and_the_sender_is_told(intake_smtp, smtp_server):
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = (
        "iemand@example.org",
        "intake@gemeente.example",
        "Vraag",
    )
    message.set_content("Ik stuur mijn bankafschrift later.")
    _send(intake_smtp, message)
    document = Document.objects.get()
    assert document.name == "e-mail.pdf" and document.status == DocumentStatus.RECEIVED
    assert "geen bijlage" in smtp_server.messages[-1].content.decode()


def test_a_message_left_in_the_spool_by_a_crash_is_taken_in_at_start(settings, smtp_server):
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = (
        "a@example.org",
        "intake@gemeente.example",
        "x",
    )
    message.set_content("Mijn huurcontract.")
    (spool_folder() / "left-over.eml").write_bytes(message.as_bytes())
    results = take_in_spooled()
    assert len(results) == 1 and results[0].receipt is not None
    assert not list(spool_folder().glob("*.eml"))


def test_a_client_who_prefers_e_mail_gets_the_receipt_as_pdf_once(smtp_server):
    from email import message_from_bytes

    from maatwerk.documents.intake import IncomingFile, receive
    from maatwerk.documents.receipt_mail import mail_receipt

    client = make_client(make_staff(username="reg"), email="fatima@example.org")
    client.profile.preferred_channel = "email"
    client.profile.save()
    receipt = receive(
        files=[IncomingFile("loon.png", samples.blank_photo())],
        channel="counter",
        client=client,
        enqueue=False,
    ).receipt
    assert mail_receipt(receipt.pk) is True
    assert mail_receipt(receipt.pk) is False
    assert len(smtp_server.messages) == 1
    mail = message_from_bytes(smtp_server.messages[0].content)
    attachments = [part for part in mail.walk() if part.get_filename()]
    assert attachments[0].get_filename() == f"ontvangstbewijs-{receipt.number}.pdf"
    assert attachments[0].get_payload(decode=True).startswith(b"%PDF")


def test_no_receipt_mail_for_a_client_who_prefers_the_portal(smtp_server):
    from maatwerk.documents.intake import IncomingFile, receive
    from maatwerk.documents.receipt_mail import mail_receipt

    client = make_client(make_staff(username="reg"), email="fatima@example.org")
    receipt = receive(
        files=[IncomingFile("loon.png", samples.blank_photo())],
        channel="portal",
        client=client,
        enqueue=False,
    ).receipt
    assert mail_receipt(receipt.pk) is False and smtp_server.messages == []


def test_files_in_nested_parts_and_forwarded_mails_are_not_lost(intake_smtp, smtp_server):
    inner = EmailMessage()
    inner["From"], inner["Subject"] = "werkgever@example.org", "Loonstrook"
    inner.set_content("Zie bijlage")
    outer = EmailMessage()
    outer["From"], outer["To"], outer["Subject"] = "a@example.org", "intake@gemeente.example", "Fwd"
    outer.set_content("Doorgestuurd.")
    outer.add_alternative("<p>Doorgestuurd.</p>", subtype="html")
    outer.add_attachment(inner)  # a forwarded message: message/rfc822
    outer.add_attachment(
        samples.text_image("Loonstrook"), maintype="image", subtype="png", filename="loon.png"
    )
    _send(intake_smtp, outer)
    names = sorted(Document.objects.values_list("name", flat=True))
    assert names == ["doorgestuurd-bericht.pdf", "e-mail.pdf", "loon.png"]


def test_a_body_in_an_unknown_charset_is_still_taken_in(settings, smtp_server):
    raw = (
        b"From: a@example.org\r\nTo: intake@gemeente.example\r\nSubject: x\r\n"
        b"Content-Type: text/plain; charset=x-onbekend\r\n\r\nMijn huurcontract, zie bijlage.\r\n"
    )
    (spool_folder() / "vreemd.eml").write_bytes(raw)
    results = take_in_spooled()
    assert len(results) == 1 and results[0].receipt is not None
    assert not list(spool_folder().glob("*.eml"))
