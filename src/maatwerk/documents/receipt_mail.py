"""Receipts by the client's preferred channel: e-mail here; post comes with the letters app."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils.translation import gettext as _

from maatwerk.core.models import Receipt
from maatwerk.core.receipt_pdf import render_receipt_pdf
from maatwerk.dossiers import journal
from maatwerk.dossiers.models import Channel, Client, JournalEntry

SENT_KIND = "receipt.mailed"


def mail_receipt(receipt_id: int) -> bool:
    receipt = Receipt.objects.get(pk=receipt_id)
    if receipt.client_ref is None:
        return False
    client = Client.objects.filter(public_id=receipt.client_ref).select_related("profile").first()
    if client is None or not client.email or client.profile.preferred_channel != Channel.EMAIL:
        return False
    if JournalEntry.objects.filter(
        client=client, kind=SENT_KIND, object_ref=str(receipt.pk)
    ).exists():
        return False
    with journal.dutch():
        subject = _("Receipt %(number)s") % {"number": receipt.number}
        body = _(
            "Dear %(name)s,\n\nWe received what you sent us. The receipt is attached: keep it, "
            "it is your proof.\n\nKind regards,\nWork and Income"
        ) % {"name": client.full_name}
        told = _("We e-mailed you receipt %(number)s.") % {"number": receipt.number}
    message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [client.email])
    message.attach(
        f"ontvangstbewijs-{receipt.number}.pdf", render_receipt_pdf(receipt), "application/pdf"
    )
    message.send()
    journal.record(client=client, kind=SENT_KIND, summary=told, subject=receipt)
    return True
