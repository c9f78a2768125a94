"""Errors of the commitments app: each carries a Dutch message that says what to do next."""

from __future__ import annotations

from maatwerk.dossiers.errors import DossierError


class CommitmentError(DossierError):
    """A commitment, application or notice that cannot be recorded as asked."""
