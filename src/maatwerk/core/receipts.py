"""Receipts (ontvangstbewijzen): numbered, signed with Ed25519, verifiable by anyone.

A receipt is issued only for what is durably stored; callers issue it last. The verification
code printed on the receipt is derived from the signature, so only the holder of the receipt
can look it up, and a forged or altered receipt does not verify.
"""

from __future__ import annotations

import base64
import hashlib
import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from maatwerk.core.models import Receipt, ReceiptCounter

CODE_LENGTH = 10


@dataclass(frozen=True)
class ReceiptItem:
    name: str
    sha256: str
    pages: int
    size: int


def _private_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(bytes.fromhex(settings.RECEIPT_SIGNING_KEY))


def public_key() -> Ed25519PublicKey:
    return _private_key().public_key()


def payload(receipt: Receipt) -> bytes:
    """The exact bytes that are signed: every field that says what was received."""
    data = {
        "number": receipt.number,
        "received_at": receipt.received_at.astimezone(UTC).isoformat(timespec="seconds"),
        "channel": receipt.channel,
        "subject": receipt.subject,
        "items": receipt.items,
        "recipient": receipt.recipient,
        "client": str(receipt.client_ref) if receipt.client_ref else None,
    }
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def verification_code(receipt: Receipt) -> str:
    digest = hashlib.sha256(receipt.signature.encode()).digest()
    return base64.b32encode(digest).decode()[:CODE_LENGTH]


def next_number(year: int) -> str:
    """MW-2026-0001234: consecutive per year, safe with several processes (row lock)."""
    with transaction.atomic():
        counter, _ = ReceiptCounter.objects.select_for_update().get_or_create(year=year)
        counter.last += 1
        counter.save(update_fields=["last"])
        return f"MW-{year}-{counter.last:07d}"


def issue_receipt(
    *,
    channel: str,
    subject: str,
    items: list[ReceiptItem],
    recipient: str,
    client_ref: uuid.UUID | None,
    received_at: datetime | None = None,
) -> Receipt:
    received = (received_at or timezone.now()).replace(microsecond=0)
    local_year = timezone.localtime(received).year
    receipt = Receipt(
        number=next_number(local_year),
        received_at=received,
        channel=channel,
        subject=subject,
        items=[item.__dict__ for item in items],
        recipient=recipient,
        client_ref=client_ref,
    )
    receipt.signature = base64.b64encode(_private_key().sign(payload(receipt))).decode()
    receipt.save()
    return receipt


def is_genuine(receipt: Receipt) -> bool:
    try:
        public_key().verify(base64.b64decode(receipt.signature), payload(receipt))
    except (InvalidSignature, ValueError):
        return False
    return True


def find_genuine(number: str, code: str) -> Receipt | None:
    """The receipt with this number if the code matches and the signature verifies."""
    receipt = Receipt.objects.filter(number=number.strip().upper()).first()
    if receipt is None:
        return None
    if verification_code(receipt) != code.strip().upper().replace(" ", ""):
        return None
    return receipt if is_genuine(receipt) else None


def describe(receipt: Receipt) -> dict[str, Any]:
    """What a receipt covers, for the verification page: never the documents themselves."""
    return {
        "number": receipt.number,
        "received_at": timezone.localtime(receipt.received_at),
        "channel": receipt.get_channel_display(),
        "subject": receipt.subject,
        "items": receipt.items,
        "recipient": receipt.recipient,
    }
