"""Encryption at rest for sensitive fields, and a keyed digest for exact look-up.

A BSN is stored AES-GCM encrypted (so a database dump does not reveal it) next to an
HMAC-SHA256 digest under the same key (so "search by exact BSN" and DigiD login can find the
client without decrypting every row). The key comes from settings.FIELD_ENCRYPTION_KEY.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings

_NONCE_BYTES = 12


def _key(setting: str = "FIELD_ENCRYPTION_KEY") -> bytes:
    key = bytes.fromhex(getattr(settings, setting))
    if len(key) != 32:
        raise ValueError(f"{setting} must be 32 bytes, written as 64 hex characters.")
    return key


def encrypt_text(plain: str, *, purpose: str) -> str:
    """Encrypt; `purpose` is bound as associated data so a ciphertext can't be moved."""
    nonce = os.urandom(_NONCE_BYTES)
    sealed = AESGCM(_key()).encrypt(nonce, plain.encode(), purpose.encode())
    return base64.b64encode(nonce + sealed).decode("ascii")


def decrypt_text(token: str, *, purpose: str) -> str:
    raw = base64.b64decode(token)
    nonce, sealed = raw[:_NONCE_BYTES], raw[_NONCE_BYTES:]
    return AESGCM(_key()).decrypt(nonce, sealed, purpose.encode()).decode()


def keyed_digest(value: str, *, purpose: str) -> str:
    return hmac.new(_key(), f"{purpose}:{value}".encode(), hashlib.sha256).hexdigest()


def encrypt_bytes(data: bytes, *, purpose: str) -> bytes:
    """Encrypt a document's bytes with the document key (nonce + ciphertext + tag)."""
    nonce = os.urandom(_NONCE_BYTES)
    return nonce + AESGCM(_key("DOCUMENT_ENCRYPTION_KEY")).encrypt(nonce, data, purpose.encode())


def decrypt_bytes(sealed: bytes, *, purpose: str) -> bytes:
    nonce, body = sealed[:_NONCE_BYTES], sealed[_NONCE_BYTES:]
    return AESGCM(_key("DOCUMENT_ENCRYPTION_KEY")).decrypt(nonce, body, purpose.encode())
