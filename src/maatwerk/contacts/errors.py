"""Errors of the contacts app: each carries a Dutch message that says what to do next."""

from __future__ import annotations

from maatwerk.dossiers.errors import DossierError


class ContactError(DossierError):
    """A contact, callback or appointment that cannot be recorded as asked."""
