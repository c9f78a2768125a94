"""Messages and the diary: the reply promise, attachments through intake, sharing notes."""

import pytest
from django.urls import reverse

from maatwerk.commitments.models import Status
from maatwerk.contacts import messages
from maatwerk.contacts.errors import ContactError
from maatwerk.contacts.models import DiaryEntry, Message, Notification
from maatwerk.documents.intake import IncomingFile
from maatwerk.dossiers.portal_auth import portal_user_for
from maatwerk.dossiers.tests.factories import make_client, make_staff

pytestmark = pytest.mark.django_db


def _client():
    regisseur = make_staff()
    fatima = make_client(regisseur)
    portal_user_for(fatima)
    fatima.refresh_from_db()
    return fatima, regisseur


def test_a_message_is_a_promise_to_answer_kept_by_the_reply_and_the_client_is_told():
    fatima, regisseur = _client()
    sent, problems = messages.send_from_client(client=fatima, text="Wanneer krijg ik mijn geld?")
    assert problems == [] and sent.reply_commitment.status == Status.OPEN
    messages.reply(client=fatima, text="Morgen staat het op uw rekening.", actor=regisseur)
    sent.refresh_from_db()
    sent.reply_commitment.refresh_from_db()
    assert sent.read_at is not None and sent.reply_commitment.status == Status.FULFILLED
    assert Notification.objects.get(client=fatima).kind == "message.reply"


def test_an_unsafe_attachment_is_caught_by_intake_with_a_receipt_and_a_dutch_message():
    fatima, _regisseur = _client()
    sent, problems = messages.send_from_client(
        client=fatima,
        text="Hier is mijn loonstrook",
        files=[IncomingFile(name="loonstrook.pdf", data=b"MZ\x90\x00" + b"\x00" * 200)],
    )
    assert sent.attachments_receipt is not None
    assert problems and "Stuur een PDF of een foto" in " ".join(problems)


def test_an_empty_message_is_refused():
    fatima, _regisseur = _client()
    with pytest.raises(ContactError):
        messages.send_from_client(client=fatima, text="   ")


def test_diary_notes_are_private_until_shared_and_sharing_can_be_taken_back(client):
    fatima, regisseur = _client()
    note = messages.write_note(client=fatima, text="Vandaag ging het slecht met mijn rug.")
    client.force_login(regisseur)
    url = reverse("staff_contacts:messages", args=[fatima.public_id])
    assert "mijn rug" not in client.get(url).content.decode()
    client.force_login(fatima.user)
    client.post(reverse("portal_contacts:diary"), {"action": "share", "entry": str(note.public_id)})
    client.force_login(regisseur)
    assert "mijn rug" in client.get(url).content.decode()
    client.force_login(fatima.user)
    client.post(
        reverse("portal_contacts:diary"), {"action": "unshare", "entry": str(note.public_id)}
    )
    note.refresh_from_db()
    assert note.shared_at is None


def test_a_client_cannot_share_someone_elses_note(client):
    fatima, _ = _client()
    other, _ = _client()
    theirs = DiaryEntry.objects.create(client=other, text="privé")
    client.force_login(fatima.user)
    response = client.post(
        reverse("portal_contacts:diary"), {"action": "share", "entry": str(theirs.public_id)}
    )
    assert response.status_code == 404


def test_the_portal_conversation_sends_and_shows_the_reply(client):
    fatima, regisseur = _client()
    client.force_login(fatima.user)
    client.post(reverse("portal_contacts:messages"), {"text": "Hallo, ik heb een vraag."})
    client.force_login(regisseur)
    client.post(
        reverse("staff_contacts:messages", args=[fatima.public_id]), {"text": "Wat is uw vraag?"}
    )
    client.force_login(fatima.user)
    page = client.get(reverse("portal_contacts:messages")).content.decode()
    assert "Hallo, ik heb een vraag." in page and "Wat is uw vraag?" in page
    assert Message.objects.filter(client=fatima, read_at__isnull=True).count() == 0
