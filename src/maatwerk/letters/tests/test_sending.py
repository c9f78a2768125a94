"""Writing and sending letters: the plain-language gate, the text in the client's language, the
channels with their delivery records (a real SMTP server, real espeak-ng, real WeasyPrint), and
the bad inputs of issue 7."""

import io
import socket

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from maatwerk.contacts import notify
from maatwerk.contacts.models import Notification
from maatwerk.dossiers import services as dossier_services
from maatwerk.dossiers.models import JournalEntry
from maatwerk.dossiers.portal_auth import portal_user_for
from maatwerk.dossiers.tests.factories import make_client, make_staff
from maatwerk.letters import rendering, sending
from maatwerk.letters.models import Delivery, Letter
from maatwerk.letters.services import LetterError, install_shipped, save_template

pytestmark = pytest.mark.django_db

HARD = (
    "Geachte heer/mevrouw, ingevolge artikel 17 van de Participatiewet dient u onverwijld "
    "zorg te dragen voor de overlegging van de betreffende bescheiden, teneinde de "
    "rechtmatigheid van de aan u verstrekte uitkering te kunnen beoordelen, aangezien "
    "indien zulks achterwege blijft, het recht op bijstand kan worden opgeschort. "
    "Voorts wordt u erop gewezen dat de verstrekte gegevens door de gemeente worden "
    "geverifieerd, waarbij eventuele onjuistheden kunnen leiden tot terugvordering. "
    "Derhalve verzoeken wij u vriendelijk doch dringend om binnen de gestelde termijn "
    "te reageren, bij gebreke waarvan wij genoodzaakt zijn nadere maatregelen te treffen."
)


def _client(*, plain=False, language="nl", channel="portal", **fields):
    regisseur = make_staff(first_name="Sanne", last_name="Bakker")
    person = make_client(regisseur, **fields)
    dossier_services.update_profile(
        client=person,
        actor=regisseur,
        changes={"plain_language": plain, "language": language, "preferred_channel": channel},
    )
    portal_user_for(person)
    person.refresh_from_db()
    return person, regisseur


def _values(person, regisseur):
    values = sending.known_values(person, regisseur, timezone.localdate())
    values.update(tijd="10:00", plaats="het Stadskantoor", onderwerp="uw plan")
    return values


def _send(person, regisseur, **overrides):
    values = _values(person, regisseur)
    subject, body = sending.start_text("appointment_invitation", values)
    arguments = dict(
        client=person,
        purpose="appointment_invitation",
        subject=subject,
        body=body,
        values=values,
        actor=regisseur,
    )
    arguments.update(overrides)
    return sending.send_letter(**arguments)


def test_a_plain_letter_goes_to_the_portal_with_the_translation_beside_the_dutch_text():
    person, regisseur = _client(plain=True, language="en")
    install_shipped()
    save_template(
        purpose="appointment_invitation",
        language="en",
        subject="Invitation for a conversation",
        body="Dear {{ naam }},\n\nYou have an appointment with {{ regisseur }} on {{ datum }}.",
        actor=regisseur,
    )
    letter = _send(person, regisseur)
    assert letter.verdict == "goed" and letter.language == "en"
    assert letter.body.startswith(f"Beste {person.given_names}")
    assert "Dear" in letter.translated_body and "{{" not in letter.translated_body
    assert {d.channel: d.status for d in letter.deliveries.all()} == {
        "portal": "delivered",
        "email": "queued",
    }
    assert JournalEntry.objects.filter(client=person, kind="letter.sent").count() == 1


def test_a_missing_translation_shows_the_dutch_text_marked(client):
    person, regisseur = _client(language="tr")
    letter = _send(person, regisseur)
    assert letter.translation_missing and not letter.translated_body
    client.force_login(person.user)
    page = client.get(reverse("portal_letters:letter", args=[letter.public_id])).content.decode()
    assert "nog niet in uw taal" in page


def test_a_hard_letter_to_a_plain_language_client_needs_what_the_consultant_does_as_well():
    person, regisseur = _client(plain=True)
    with pytest.raises(LetterError, match="eenvoudige taal"):
        _send(person, regisseur, body=HARD)
    with pytest.raises(LetterError, match="Schrijf op wat u doet"):
        _send(person, regisseur, body=HARD, alternative="other")
    assert not Letter.objects.exists()
    letter = _send(
        person, regisseur, body=HARD, alternative="phone", alternative_note="Ik bel dinsdag."
    )
    assert letter.verdict == "te_moeilijk" and letter.alternative == "phone"
    told = JournalEntry.objects.get(client=person, kind="letter.alternative")
    assert "aan de telefoon" in told.summary and "Ik bel dinsdag." in told.summary


def test_the_same_hard_letter_to_a_client_without_the_need_is_sent():
    person, regisseur = _client(plain=False)
    assert _send(person, regisseur, body=HARD).verdict == "te_moeilijk"


def test_a_variable_left_open_is_refused_and_named():
    person, regisseur = _client()
    with pytest.raises(LetterError, match=r"\{\{ tijd \}\}"):
        _send(person, regisseur, body="Beste Piet, kom om {{ tijd }} naar het kantoor.")


def test_an_empty_letter_is_refused():
    person, regisseur = _client()
    with pytest.raises(LetterError, match="Schrijf een onderwerp en een tekst"):
        _send(person, regisseur, body="   ")


def test_html_or_script_in_a_variable_is_shown_as_text_never_run(client):
    person, regisseur = _client()
    values = _values(person, regisseur)
    values["plaats"] = '<script>alert("x")</script><b>Stadskantoor</b>'
    subject, body = sending.start_text("appointment_invitation", values)
    letter = sending.send_letter(
        client=person,
        purpose="appointment_invitation",
        subject=subject,
        body=body,
        values=values,
        actor=regisseur,
    )
    client.force_login(person.user)
    page = client.get(reverse("portal_letters:letter", args=[letter.public_id])).content.decode()
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page
    assert b"<script>" not in rendering.letter_pdf(letter)


def test_the_e_mail_notice_goes_through_a_real_smtp_server_and_the_delivery_records_it(
    smtp_server,
):
    person, regisseur = _client(channel="email")
    letter = _send(person, regisseur)
    email = letter.deliveries.get(channel="email")
    assert notify.send(email.notification_id)
    email.refresh_from_db()
    assert email.status == "sent" and email.attempts == 1
    message = smtp_server.messages[0]
    assert message.rcpt_tos == [person.email]
    text = message.content.decode()
    assert str(letter.public_id) in text and "paspoort" not in text  # a notice, not the letter


def test_an_unreachable_mail_server_queues_retries_then_flags_and_falls_back_to_post(
    settings, client
):
    person, regisseur = _client(channel="email")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", probe.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    letter = _send(person, regisseur)
    email = letter.deliveries.get(channel="email")
    assert not notify.send(email.notification_id)
    email.refresh_from_db()
    assert email.status == "queued" and email.attempts == 1 and email.last_error
    for _ in range(notify.MAX_ATTEMPTS - 1):
        Notification.objects.filter(pk=email.notification_id).update(next_try_at=timezone.now())
        notify.send(email.notification_id)
    email.refresh_from_db()
    assert email.status == "failed" and email.flagged_at is not None
    assert letter.deliveries.filter(channel="post", status="queued").exists()
    client.force_login(regisseur)
    page = client.get(reverse("staff_letters:attention")).content.decode()
    assert letter.subject in page
    assert "did not arrive" in page or "niet aan" in page


def test_a_client_without_any_working_channel_is_flagged_to_the_regisseur():
    regisseur = make_staff()
    person = make_client(regisseur, email="", phone="", street="", postcode="", city="")
    letter = _send(person, regisseur)
    portal = letter.deliveries.get()
    assert portal.channel == "portal" and portal.status == "queued"
    assert portal.flagged_at is not None and "Geen werkend kanaal" in portal.last_error
    staff_only = JournalEntry.objects.get(client=person, kind="letter.flagged")
    assert staff_only.visibility == "staff"


def test_opening_the_letter_in_the_portal_is_recorded_once(client):
    person, regisseur = _client()
    letter = _send(person, regisseur)
    client.force_login(person.user)
    url = reverse("portal_letters:letter", args=[letter.public_id])
    client.get(url)
    client.get(url)
    letter.refresh_from_db()
    assert letter.opened_at is not None
    assert letter.deliveries.get(channel="portal").status == "opened"
    assert JournalEntry.objects.filter(client=person, kind="letter.opened").count() == 1


def test_another_client_cannot_open_the_letter(client):
    person, regisseur = _client()
    other, _ = _client()
    letter = _send(person, regisseur)
    client.force_login(other.user)
    assert client.get(reverse("portal_letters:letter", args=[letter.public_id])).status_code == 404
    assert client.get(reverse("portal_letters:pdf", args=[letter.public_id])).status_code == 404


def test_the_print_queue_records_posting_and_a_returned_letter_is_flagged(client):
    from maatwerk.core.models import Role

    person, regisseur = _client(channel="letter")
    letter = _send(person, regisseur)
    second = _send(person, regisseur)
    intake = make_staff(role=Role.INTAKE)
    client.force_login(intake)
    url = reverse("staff_letters:print_queue")
    assert person.family_name in client.get(url).content.decode()
    post = letter.deliveries.get(channel="post")
    client.post(url, {"delivery": post.pk, "action": "posted"})
    post.refresh_from_db()
    assert post.status == "sent"
    returned = second.deliveries.get(channel="post")
    client.post(url, {"delivery": returned.pk, "action": "returned", "note": "Adres onbekend"})
    returned.refresh_from_db()
    assert (
        returned.status == "failed"
        and returned.flagged_at
        and "Adres onbekend" in (returned.last_error)
    )


def test_phone_first_the_regisseur_records_the_call_and_three_misses_flag_it():
    person, regisseur = _client(channel="phone")
    letter = _send(person, regisseur)
    call = letter.deliveries.get(channel="phone")
    for _ in range(sending.PHONE_TRIES):
        sending.record_call(call, reached=False, note="", actor=regisseur)
    assert call.status == "failed" and call.flagged_at is not None
    with pytest.raises(LetterError):
        sending.handle_flag(call, note="  ", actor=regisseur)
    sending.handle_flag(call, note="Brief bij huisbezoek uitgelegd.", actor=regisseur)
    assert Delivery.objects.get(pk=call.pk).handled_at is not None


def test_the_pdf_is_tagged_with_language_and_large_print_is_bigger():
    person, regisseur = _client()
    letter = _send(person, regisseur)
    normal, large = rendering.letter_pdf(letter), rendering.letter_pdf(letter, large=True)
    reader = PdfReader(io.BytesIO(normal))
    catalog = reader.trailer["/Root"]
    assert "/StructTreeRoot" in catalog and catalog["/Lang"] == "nl"
    assert catalog["/MarkInfo"]["/Marked"]
    assert "Uitnodiging voor een gesprek" in reader.pages[0].extract_text()
    assert _largest_font(large) > 1.3 * _largest_font(normal)


def _largest_font(pdf: bytes) -> float:
    sizes: list[float] = []

    def visit(text, cm, tm, font_dict, font_size):
        if text.strip():
            sizes.append(font_size * abs(tm[3]) * abs(cm[3]))

    for page in PdfReader(io.BytesIO(pdf)).pages:
        page.extract_text(visitor_text=visit)
    return max(sizes)


def test_the_letter_is_read_aloud_as_a_wav(client):
    person, regisseur = _client()
    letter = _send(person, regisseur)
    client.force_login(person.user)
    response = client.get(reverse("portal_letters:listen", args=[letter.public_id]))
    assert response.status_code == 200 and response["Content-Type"] == "audio/wav"
    assert response.content[:4] == b"RIFF" and len(response.content) > 20000


def test_staff_reading_a_letter_is_logged_and_visible_to_the_client(client):
    from maatwerk.core.models import AccessLogEntry

    person, regisseur = _client()
    letter = _send(person, regisseur)
    client.force_login(regisseur)
    assert client.get(reverse("staff_letters:letter", args=[letter.public_id])).status_code == 200
    assert AccessLogEntry.objects.filter(client_ref=person.public_id, action="letter").exists()


def test_one_click_applies_a_suggestion_and_a_changed_text_is_not_touched(client):
    _person, regisseur = _client()
    client.force_login(regisseur)
    text = "Indien u ziek bent, belt u ons. Dat kan elke dag."
    url = reverse("staff_letters:apply")
    page = client.post(url, {"body": text, "apply": "0:6:0"}).content.decode()
    assert 'hx-swap-oob="true"' in page and "Als u ziek bent, belt u ons." in page
    stale = client.post(url, {"body": "Als u ziek bent.", "apply": "0:6:0"}).content.decode()
    assert "De tekst is intussen veranderd" in stale and ">Als u ziek bent.</textarea>" in stale
    nonsense = client.post(url, {"body": text, "apply": "x:y"}).content.decode()
    assert "De tekst is intussen veranderd" in nonsense


def test_the_live_check_marks_findings_in_the_text_and_says_when_it_is_not_dutch(client):
    _person, regisseur = _client()
    client.force_login(regisseur)
    url = reverse("staff_letters:mark")
    page = client.post(url, {"body": "Indien u ziek bent, belt u ons."}).content.decode()
    assert "<mark>Indien</mark>" in page and "Vervang door “als”" in page
    english = "Please send us your bank statements before Friday so we can decide. " * 5
    assert "geen Nederlands" in client.post(url, {"body": english}).content.decode()
    assert "leeg" in client.post(url, {"body": ""}).content.decode()


def test_writing_a_letter_in_the_workspace_sends_it_and_refuses_unfilled_variables(client):
    person, regisseur = _client()
    client.force_login(regisseur)
    url = reverse("staff_letters:write", args=[person.public_id])
    form = client.get(url, {"doel": "appointment_invitation"}).content.decode()
    assert person.given_names in form and "{{ tijd }}" in form
    subject, body = sending.start_text("appointment_invitation", _values(person, regisseur))
    data = {"purpose": "appointment_invitation", "subject": subject, "action": "send"}
    refused = client.post(url, {**data, "body": "Kom om {{ tijd }} naar ons."}).content.decode()
    assert "Vul {{ tijd }} in voordat u de brief verstuurt." in refused
    assert not Letter.objects.exists()
    sent = client.post(url, {**data, "body": body})
    letter = Letter.objects.get()
    assert sent.status_code == 302 and str(letter.public_id) in sent["Location"]


def test_an_official_letter_that_is_hard_goes_out_on_time_with_a_call_to_explain_it():
    person, regisseur = _client(plain=True, language="ar")
    letter = sending.send_official(
        client=person, purpose="penalty_decision", subject="Besluit", body=HARD, actor=regisseur
    )
    assert letter.alternative == "phone" and letter.translation_missing
    assert letter.deliveries.filter(channel="phone", status="queued").exists()
    assert JournalEntry.objects.filter(client=person, kind="letter.alternative").exists()
