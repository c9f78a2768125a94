"""Demo data for letters: English translations of two letter texts, a client who needs plain
language and reads English (with a letter in Dutch and English), a client who gets letters by
post (one waits in the print queue) and one who is called first."""

from __future__ import annotations

from django.utils import timezone

from maatwerk.dossiers import services as dossier_services
from maatwerk.dossiers.models import Client
from maatwerk.dossiers.portal_auth import portal_user_for
from maatwerk.dossiers.queries import regisseur_of
from maatwerk.letters import sending
from maatwerk.letters.services import install_shipped, save_template

ENGLISH = {
    "appointment_invitation": (
        "Invitation for a conversation",
        "Dear {{ naam }},\n\nWe would like to talk with you. You have an appointment with "
        "{{ regisseur }}. The appointment is on {{ datum }} at {{ tijd }}. You are welcome at "
        "{{ plaats }}. We will talk about {{ onderwerp }}. Please bring your passport or ID card. "
        "Can you not come? Then let us know soon. You can do that in Mijn Maatwerk. You can also "
        "call us. Then we make a new appointment together.\n\nKind regards,\n{{ regisseur }}",
    ),
    "document_request": (
        "We still need papers from you",
        "Dear {{ naam }},\n\nWe are looking at your application. For that we still need "
        "something from you: {{ documenten }}. Please send it by {{ uiterlijk }} at the latest. "
        "You can do that in Mijn Maatwerk: take a photo or send a PDF. You get a receipt at "
        "once. Is that not possible in time? Let us know. Then we look for a solution together."
        "\n\nKind regards,\n{{ regisseur }}",
    ),
}


def create_demo_letters(people: list[Client]) -> None:
    install_shipped()
    if len(people) < 6:
        return
    reader, by_post, by_phone = people[4], people[5], people[1]
    author = regisseur_of(reader, timezone.now())
    if author is None:
        return
    for purpose, (subject, body) in ENGLISH.items():
        save_template(purpose=purpose, language="en", subject=subject, body=body, actor=author)
    profiles: list[tuple[Client, dict[str, object]]] = [
        (reader, {"plain_language": True, "language": "en", "preferred_channel": "portal"}),
        (by_post, {"preferred_channel": "letter"}),
        (by_phone, {"preferred_channel": "phone"}),
    ]
    for person, changes in profiles:
        dossier_services.update_profile(client=person, actor=author, changes=changes)
        portal_user_for(person)
        person.refresh_from_db()
        _send(person, "document_request", documenten="uw bankafschrift van vorige maand")


def _send(person: Client, purpose: str, **extra: str) -> None:
    author = regisseur_of(person, timezone.now())
    if author is None:
        return
    values = sending.known_values(person, author, timezone.localdate())
    values.update(extra, uiterlijk="vrijdag over twee weken")
    subject, body = sending.start_text(purpose, values)
    sending.send_letter(
        client=person,
        purpose=purpose,
        subject=subject,
        body=body,
        values=values,
        actor=author,
    )
