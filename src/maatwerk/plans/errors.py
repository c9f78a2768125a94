"""Errors of the plans app: each carries a Dutch message that says what to do next."""

from __future__ import annotations

from maatwerk.dossiers.errors import DossierError


class PlanError(DossierError):
    """A plan change that cannot be made as asked."""


class DraftConflict(PlanError):
    """Someone else changed the draft since it was loaded: nothing was overwritten."""


class OutdatedVersion(PlanError):
    """The client answered a version that is no longer the one waiting for them."""
