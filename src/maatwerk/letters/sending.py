"""Writing and sending a letter to one client, and following it per channel.

A letter starts from the template for its purpose, filled with values the consultant confirms;
the consultant may change the Dutch text (it is checked for plain language as they write). On
sending, the text in the client's language is put beside it (the Dutch text stays legally
leading), and the letter goes by the channels the communication profile asks for
(`rules/channels.py`). A letter to a client who needs plain language that does not score "goed"
is only sent with what the consultant does instead recorded, and journaled.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from maatwerk.contacts import notify
from maatwerk.contacts.events import NotificationFailed, NotificationSent
from maatwerk.contacts.notify import in_language_of
from maatwerk.core import events
from maatwerk.dossiers import journal
from maatwerk.dossiers.models import Client, CommunicationProfile, Visibility
from maatwerk.letters.events import LetterOpened, LetterSent
from maatwerk.letters.models import (
    Alternative,
    Delivery,
    DeliveryChannel,
    DeliveryStatus,
    Language,
    Letter,
    Purpose,
)
from maatwerk.letters.rules import channels
from maatwerk.letters.rules.readability import GOOD, Report, check
from maatwerk.letters.rules.variables import ALLOWED, fill, variables_in
from maatwerk.letters.services import LetterError, text_for

MAX_LETTER_LENGTH = 20000


def profile_of(client: Client) -> CommunicationProfile:
    found = CommunicationProfile.objects.filter(client=client).first()
    return found or CommunicationProfile(client=client)


def known_values(client: Client, author: User, today: date) -> dict[str, str]:
    """The variables Maatwerk knows itself; the consultant fills in the rest."""
    with translation.override("nl"):
        day = formats.date_format(today, "l j F Y")
    return {
        "naam": f"{client.given_names} {client.family_name}",
        "regisseur": author.get_full_name() or author.username,
        "datum": day,
    }


def variable_names(purpose: str) -> list[str]:
    first = ["naam", "regisseur", "datum"]
    return first + sorted(ALLOWED.get(purpose, set()) - set(first))


def start_text(purpose: str, values: dict[str, str]) -> tuple[str, str]:
    """The Dutch template for `purpose` with the values put in."""
    template, _translated = text_for(purpose, Language.NL)
    return fill(template.subject, values), fill(template.body, values)


def send_letter(
    *,
    client: Client,
    purpose: str,
    subject: str,
    body: str,
    values: dict[str, str],
    actor: User,
    alternative: str = "",
    alternative_note: str = "",
    large_print: bool = False,
) -> Letter:
    subject, body = subject.strip(), body.strip()
    _refuse_unfinished(purpose, subject, body, values)
    report = check(body)
    profile = profile_of(client)
    if alternative and alternative not in Alternative.values:
        alternative = ""
    _plain_language_gate(profile, report, alternative, alternative_note.strip())
    with transaction.atomic():
        return _record(
            profile,
            report,
            actor,
            purpose=purpose,
            subject=subject,
            body=body,
            alternative=alternative,
            alternative_note=alternative_note.strip(),
            large_print=large_print,
            **_translation(profile.language, purpose, subject, body, values),
        )


def _record(profile: CommunicationProfile, report: Report, actor: User, **fields: object) -> Letter:
    """Store the letter as sent, journal it, and start its delivery on every channel."""
    letter = Letter.objects.create(
        client=profile.client,
        verdict=report.verdict,
        douma=report.douma,
        plain_language_needed=profile.plain_language,
        author=actor,
        **fields,
    )
    events.publish(
        LetterSent(letter_id=letter.pk, client_id=letter.client_id, sent_at=letter.sent_at)
    )
    _journal_sent(letter, actor)
    _deliver(letter, profile)
    return letter


def send_official(*, client: Client, purpose: str, subject: str, body: str, actor: User) -> Letter:
    """A letter the law needs sent now (an extension, a decision), written by its own app.

    It is never held back by the plain-language gate, since a late decision harms the client
    more; when it does not score "goed" for a client who needs plain language, the regisseur
    is asked to call and explain it, and that is recorded as the alternative.
    """
    report = check(body)
    profile = profile_of(client)
    needs_call = profile.plain_language and report.verdict != GOOD
    with transaction.atomic():
        letter = _record(
            profile,
            report,
            actor,
            purpose=purpose,
            subject=subject,
            body=body,
            alternative=Alternative.PHONE if needs_call else "",
            alternative_note=_OFFICIAL_CALL if needs_call else "",
            language=profile.language if profile.language in Language.values else Language.NL,
            translation_missing=profile.language not in ("", Language.NL),
        )
        if needs_call:
            Delivery.objects.get_or_create(letter=letter, channel=DeliveryChannel.PHONE)
    return letter


_OFFICIAL_CALL = "Deze brief moest op tijd weg. Uw regisseur belt u om hem uit te leggen."


def _refuse_unfinished(purpose: str, subject: str, body: str, values: dict[str, str]) -> None:
    if purpose not in Purpose.values:
        raise LetterError(_("Choose what kind of letter this is."))
    if not subject or not body:
        raise LetterError(_("Write a subject and a text."))
    if len(body) > MAX_LETTER_LENGTH:
        raise LetterError(
            _("The letter is too long. Keep it under %(n)s characters.") % {"n": MAX_LETTER_LENGTH}
        )
    left = variables_in(subject + "\n" + body)
    if left:
        names = ", ".join("{{ " + name + " }}" for name in left)
        raise LetterError(_("Fill in %(names)s before you send the letter.") % {"names": names})


def _plain_language_gate(
    profile: CommunicationProfile, report: Report, alternative: str, note: str
) -> None:
    if not profile.plain_language or report.verdict == GOOD:
        return
    if not alternative:
        raise LetterError(
            _(
                "This client needs plain language and the letter does not score 'good' yet. "
                "Make the letter simpler, or write down what you do as well (phone, interpreter, "
                "visit)."
            )
        )
    if alternative == Alternative.OTHER and not note:
        raise LetterError(_("Write down what you do to explain the letter."))


def _translation(
    language: str, purpose: str, subject: str, body: str, values: dict[str, str]
) -> dict[str, object]:
    if language == Language.NL or language not in Language.values:
        return {"language": Language.NL}
    template, translated = text_for(purpose, language)
    if not translated:
        return {"language": language, "translation_missing": True}
    return {
        "language": language,
        "translated_subject": fill(template.subject, values),
        "translated_body": fill(template.body, values),
    }


def follows_template(letter: Letter, values: dict[str, str]) -> bool:
    """Whether the Dutch text is the standard text (then the translation says the same)."""
    return (letter.subject, letter.body) == start_text(letter.purpose, values)


# How the client reads it in their timeline: "Uw regisseur legt de brief ... ook uit<how>."
_HOW_FOR_CLIENT: dict[str, str] = {
    Alternative.PHONE: " aan de telefoon",
    Alternative.INTERPRETER: " met een tolk",
    Alternative.VISIT: " bij een bezoek of aan de balie",
    Alternative.OTHER: "",
}


def _journal_sent(letter: Letter, actor: User) -> None:
    with journal.dutch():
        summary = f"Brief verstuurd: {letter.subject}"
    journal.record(
        client=letter.client, kind="letter.sent", summary=summary, actor=actor, subject=letter
    )
    if letter.alternative:
        how = _HOW_FOR_CLIENT[letter.alternative]
        text = f"Uw regisseur legt de brief '{letter.subject}' ook uit{how}."
        if letter.alternative_note:
            text += f" {letter.alternative_note}"
        journal.record(
            client=letter.client,
            kind="letter.alternative",
            summary=text[:1000],
            actor=actor,
            subject=letter,
        )


def reach_of(client: Client, profile: CommunicationProfile) -> channels.Reach:
    return channels.Reach(
        preferred=profile.preferred_channel,
        portal_account=client.user_id is not None,
        email=bool(client.email),
        address=bool(client.street and client.postcode and client.city),
        phone=bool(client.phone),
    )


def _deliver(letter: Letter, profile: CommunicationProfile) -> None:
    reach = reach_of(letter.client, profile)
    chosen = channels.channels_for(reach)
    for channel in chosen:
        if channel == DeliveryChannel.EMAIL:
            _email_notice(letter)
        else:
            status = DeliveryStatus.QUEUED
            if channel == DeliveryChannel.PORTAL and reach.portal_account:
                status = DeliveryStatus.DELIVERED
            Delivery.objects.create(letter=letter, channel=channel, status=status)
    if channels.unreachable(reach, chosen):
        portal = letter.deliveries.get(channel=DeliveryChannel.PORTAL)
        _flag(
            portal,
            "Geen werkend kanaal: geen e-mail, adres of telefoon, en nog geen account op "
            "Mijn Maatwerk.",
        )


def _email_notice(letter: Letter) -> Delivery:
    """An e-mail that a letter waits in the portal; the letter itself stays out of the mail."""
    client = letter.client
    link = settings.PUBLIC_BASE_URL + reverse("portal_letters:letter", args=[letter.public_id])
    with in_language_of(client):
        subject = _("A letter from the municipality is ready for you")
        body = _(
            "Dear %(name)s,\n\nThere is a new letter for you in Mijn Maatwerk: %(subject)s.\n"
            "Log in to read it: %(link)s\n\nYou can also listen to it or download it."
        ) % {"name": client.given_names, "subject": letter.subject, "link": link}
    notification = notify.by_email(client=client, kind="letter", subject=subject, body=body)
    return Delivery.objects.create(
        letter=letter, channel=DeliveryChannel.EMAIL, notification=notification
    )


def _flag(delivery: Delivery, reason: str) -> None:
    """Put a delivery that did not work before the regisseur (an alert and their list)."""
    delivery.flagged_at = timezone.now()
    delivery.last_error = reason[:300]
    delivery.save(update_fields=["flagged_at", "last_error", "updated_at"])
    with journal.dutch():
        channel = delivery.get_channel_display()
        summary = f"Brief '{delivery.letter.subject}' kwam niet aan ({channel}). {reason}"
    journal.record(
        client=delivery.letter.client,
        kind="letter.flagged",
        summary=summary[:1000],
        visibility=Visibility.STAFF_ONLY,
        subject=delivery.letter,
    )


def emails_sent(sent: Sequence[NotificationSent]) -> None:
    """Follows the outbox: a letter's e-mail notice went out."""
    for notification in sent:
        if notification.kind == "letter":
            Delivery.objects.filter(notification_id=notification.notification_id).update(
                status=DeliveryStatus.SENT,
                attempts=notification.attempts,
                last_error="",
                updated_at=timezone.now(),
            )


def email_tries_failed(failed: Sequence[NotificationFailed]) -> None:
    """Follows the outbox: a try to send a letter's e-mail notice failed."""
    for notification in failed:
        if notification.kind == "letter":
            _email_try_failed(notification)


def _email_try_failed(notification: NotificationFailed) -> None:
    """A failed try is recorded; after the last one the regisseur is flagged and the letter goes
    by post where an address is known."""
    delivery = (
        Delivery.objects.select_related("letter__client")
        .filter(notification_id=notification.notification_id)
        .first()
    )
    if delivery is None:
        return
    delivery.attempts = notification.attempts
    delivery.last_error = notification.last_error
    if not notification.final:
        delivery.save(update_fields=["attempts", "last_error", "updated_at"])
        return
    with transaction.atomic():
        delivery.status = DeliveryStatus.FAILED
        delivery.save(update_fields=["attempts", "last_error", "status", "updated_at"])
        _flag(delivery, "De e-mail kon na meerdere pogingen niet worden verstuurd.")
        letter = delivery.letter
        if reach_of(letter.client, profile_of(letter.client)).address:
            Delivery.objects.get_or_create(letter=letter, channel=DeliveryChannel.POST)


def mark_opened(letter: Letter) -> None:
    """The client opened the letter in the portal (the first time counts)."""
    if letter.opened_at is not None:
        return
    with transaction.atomic():
        locked = Letter.objects.select_for_update().get(pk=letter.pk)
        if locked.opened_at is not None:
            return
        locked.opened_at = timezone.now()
        locked.save(update_fields=["opened_at"])
        events.publish(
            LetterOpened(letter_id=locked.pk, client_id=locked.client_id, sent_at=locked.sent_at)
        )
        letter.deliveries.filter(channel=DeliveryChannel.PORTAL).update(
            status=DeliveryStatus.OPENED, updated_at=timezone.now()
        )
        with journal.dutch():
            summary = f"Brief '{letter.subject}' is geopend in Mijn Maatwerk."
        journal.record(client=letter.client, kind="letter.opened", summary=summary, subject=letter)


def record_post(delivery: Delivery, *, posted: bool, note: str, actor: User) -> None:
    """The print queue: printed and posted, or came back (then the regisseur is flagged)."""
    if delivery.channel != DeliveryChannel.POST or delivery.status != DeliveryStatus.QUEUED:
        raise LetterError(_("This letter is no longer in the print queue."))
    with transaction.atomic():
        delivery.attempts += 1
        if posted:
            delivery.status = DeliveryStatus.SENT
            delivery.save(update_fields=["status", "attempts", "updated_at"])
            with journal.dutch():
                summary = f"Brief '{delivery.letter.subject}' is per post verstuurd."
            journal.record(
                client=delivery.letter.client,
                kind="letter.posted",
                summary=summary,
                actor=actor,
                subject=delivery.letter,
            )
        else:
            delivery.status = DeliveryStatus.FAILED
            delivery.save(update_fields=["status", "attempts", "updated_at"])
            _flag(delivery, note.strip() or "De brief kon niet per post worden verstuurd.")


PHONE_TRIES = 3


def record_call(delivery: Delivery, *, reached: bool, note: str, actor: User) -> None:
    """The regisseur called about the letter: explained, or not reached (three times: flagged)."""
    if delivery.channel != DeliveryChannel.PHONE or delivery.status != DeliveryStatus.QUEUED:
        raise LetterError(_("This call is already recorded."))
    with transaction.atomic():
        delivery.attempts += 1
        delivery.last_error = "" if reached else (note.strip() or "Niet bereikt.")[:300]
        if reached:
            delivery.status = DeliveryStatus.DELIVERED
            with journal.dutch():
                subject = delivery.letter.subject
                summary = (
                    f"Uw regisseur heeft de brief '{subject}' met u besproken aan de telefoon."
                )
            journal.record(
                client=delivery.letter.client,
                kind="letter.called",
                summary=summary,
                actor=actor,
                subject=delivery.letter,
            )
        elif delivery.attempts >= PHONE_TRIES:
            delivery.status = DeliveryStatus.FAILED
        delivery.save(update_fields=["status", "attempts", "last_error", "updated_at"])
        if delivery.status == DeliveryStatus.FAILED:
            _flag(delivery, f"Na {PHONE_TRIES} keer bellen niet bereikt.")


def handle_flag(delivery: Delivery, *, note: str, actor: User) -> None:
    """The regisseur records what they did about a delivery that did not work."""
    if not note.strip():
        raise LetterError(_("Write down what you did, so your colleagues know."))
    if delivery.flagged_at is None or delivery.handled_at is not None:
        raise LetterError(_("This letter does not need attention any more."))
    with transaction.atomic():
        delivery.handled_at = timezone.now()
        delivery.handled_note = note.strip()[:2000]
        delivery.save(update_fields=["handled_at", "handled_note", "updated_at"])
        with journal.dutch():
            summary = f"Opgelost voor brief '{delivery.letter.subject}': {delivery.handled_note}"
        journal.record(
            client=delivery.letter.client,
            kind="letter.handled",
            summary=summary[:1000],
            visibility=Visibility.STAFF_ONLY,
            actor=actor,
            subject=delivery.letter,
        )
