"""Reading identifiers that come back from forms: a bad value is None or -1, never a crash."""

from __future__ import annotations

import uuid


def parse_uuid(value: str | None) -> uuid.UUID | None:
    try:
        return uuid.UUID(value or "")
    except ValueError:
        return None


def parse_int(value: str | None) -> int:
    """A whole number from a form field, or -1 when it is missing or not a number."""
    try:
        return int(value or "-1")
    except ValueError:
        return -1
