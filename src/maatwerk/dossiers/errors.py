"""Errors of the dossiers app. Each carries a Dutch message for people that says what to do."""

from __future__ import annotations

import uuid


class DossierError(Exception):
    """A domain error with a message meant for the person who caused it."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ReasonRequired(DossierError):
    """The dossier is outside the user's caseload: opening it needs a stated reason."""

    def __init__(self, message: str, client_ref: uuid.UUID | None = None) -> None:
        super().__init__(message)
        self.client_ref = client_ref


class AccessRefused(DossierError):
    """This role may never open dossiers, with or without a reason."""
