from typing import Any

from django.apps import AppConfig


class SanctionsConfig(AppConfig):
    name = "maatwerk.sanctions"
    label = "sanctions"
    verbose_name = "Sanctions"

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from maatwerk.dossiers.models import JournalEntry

        post_save.connect(_dossier_changed, sender=JournalEntry, dispatch_uid="sanctions.recheck")


def _dossier_changed(sender: Any, instance: Any, created: bool, **kwargs: Any) -> None:
    """Every change to a dossier is journaled: open proposals of that client are checked again."""
    if not created or instance.kind.startswith("sanction."):
        return
    from maatwerk.sanctions.models import Proposal
    from maatwerk.sanctions.proposals import OPEN_STATUSES, recheck_open

    if Proposal.objects.filter(client_id=instance.client_id, status__in=OPEN_STATUSES).exists():
        recheck_open(instance.client)
