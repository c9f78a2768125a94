"""Limits on what one upload may bring, shared by every form that takes files from a client."""

from __future__ import annotations

from django.conf import settings

MAX_FILES = 20


def hard_limit() -> int:
    """Bigger uploads are not even stored: a few times the normal limit (which is kept in
    quarantine with a message) protects memory and disk from abuse."""
    return int(settings.DOCUMENT_MAX_BYTES) * 4
