"""Secure messages between client and regisseur, and the client's diary.

A message from the client is answered within the callback norm: that reply is a promise of the
municipality, kept by the first reply. Attachments go through document intake, so each gets a
receipt and the intake rules (file types, sizes) apply.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from maatwerk.commitments import services as commitments
from maatwerk.commitments.models import Evidence, Origin, Party, Status
from maatwerk.contacts.errors import ContactError
from maatwerk.contacts.events import MessageReceived
from maatwerk.contacts.models import DiaryEntry, Message, Sender
from maatwerk.contacts.notify import in_language_of, notify
from maatwerk.contacts.rules.callbacks import callback_due
from maatwerk.core import events
from maatwerk.core.models import ReceiptChannel
from maatwerk.documents.intake import IncomingFile, receive
from maatwerk.dossiers import journal
from maatwerk.dossiers.models import Client

MAX_LENGTH = 5000


def send_from_client(
    *, client: Client, text: str, files: list[IncomingFile] | None = None
) -> tuple[Message, list[str]]:
    """The client writes; the reply is promised within the norm. Returns the intake problems."""
    text = _checked(text)
    assert client.user is not None
    problems: list[str] = []
    with transaction.atomic():
        receipt = None
        if files:
            result = receive(
                files=files, channel=ReceiptChannel.PORTAL, client=client, submitted_by=client.user
            )
            receipt, problems = result.receipt, result.problems
        message = Message.objects.create(
            client=client,
            sender=Sender.CLIENT,
            author=client.user,
            text=text,
            attachments_receipt=receipt,
        )
        local = timezone.localtime().replace(tzinfo=None)
        due = timezone.make_aware(callback_due(local, settings.CALLBACK_NORM_WORKING_DAYS))
        with journal.dutch():
            description = _("We answer your message of %(day)s.") % {
                "day": timezone.localdate().strftime("%d-%m-%Y")
            }
        message.reply_commitment = commitments.promise(
            client=client,
            party=Party.MUNICIPALITY,
            description=description,
            due_at=due,
            origin=Origin.OTHER,
            actor=client.user,
        )
        message.save(update_fields=["reply_commitment"])
        events.publish(MessageReceived(message_id=message.pk, client_id=client.pk, reply_due=due))
    return message, problems


def reply(*, client: Client, text: str, actor: User) -> Message:
    """The regisseur answers: the client's messages are read, the promises to answer kept."""
    text = _checked(text)
    now = timezone.now()
    with transaction.atomic():
        message = Message.objects.create(
            client=client, sender=Sender.STAFF, author=actor, text=text
        )
        waiting = Message.objects.filter(client=client, sender=Sender.CLIENT).select_related(
            "reply_commitment"
        )
        waiting.filter(read_at__isnull=True).update(read_at=now)
        for earlier in waiting.filter(reply_commitment__status__in=[Status.OPEN, Status.OVERDUE]):
            assert earlier.reply_commitment is not None
            commitments.fulfil(
                commitment=earlier.reply_commitment,
                evidence=Evidence.CONTACT,
                evidence_ref=str(message.public_id),
                actor=actor,
                moment=now,
            )
        with in_language_of(client):
            notify(
                client=client,
                kind="message.reply",
                subject=_("You have a new message in Mijn Maatwerk"),
                body=_("Your regisseur answered your message. Log in to Mijn Maatwerk to read it."),
            )
    return message


def mark_read_by_client(client: Client) -> None:
    Message.objects.filter(client=client, sender=Sender.STAFF, read_at__isnull=True).update(
        read_at=timezone.now()
    )


def mark_read_by_staff(client: Client) -> None:
    Message.objects.filter(client=client, sender=Sender.CLIENT, read_at__isnull=True).update(
        read_at=timezone.now()
    )


def write_note(*, client: Client, text: str) -> DiaryEntry:
    return DiaryEntry.objects.create(client=client, text=_checked(text))


def set_shared(*, entry: DiaryEntry, client: Client, shared: bool) -> DiaryEntry:
    """Share a diary note with the regisseur, or take the sharing back."""
    if entry.client_id != client.pk:
        raise ContactError(_("This note is not yours."))
    entry.shared_at = timezone.now() if shared else None
    entry.save(update_fields=["shared_at"])
    return entry


def _checked(text: str) -> str:
    text = text.strip()
    if not text:
        raise ContactError(_("Write your message first."))
    if len(text) > MAX_LENGTH:
        raise ContactError(
            _("Your message is too long. Write at most %(n)d characters, or send a file.")
            % {"n": MAX_LENGTH}
        )
    return text
