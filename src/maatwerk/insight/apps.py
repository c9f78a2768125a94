from typing import Any

from django.apps import AppConfig


class InsightConfig(AppConfig):
    name = "maatwerk.insight"
    label = "insight"
    verbose_name = "Insight"

    def ready(self) -> None:
        from django.db.models.signals import post_save, pre_save

        from maatwerk.commitments.models import Commitment
        from maatwerk.dossiers.models import Assignment

        pre_save.connect(_remember_due, sender=Commitment, dispatch_uid="insight.remember_due")
        post_save.connect(_promise_changed, sender=Commitment, dispatch_uid="insight.promise")
        post_save.connect(_assignment_changed, sender=Assignment, dispatch_uid="insight.assignment")


def _remember_due(sender: Any, instance: Any, **kwargs: Any) -> None:
    if instance.pk:
        instance._insight_old_due = (
            sender.objects.filter(pk=instance.pk).values_list("due_at", flat=True).first()
        )


def _promise_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    if instance.party != "municipality":
        return
    from maatwerk.insight.aggregates import local_day, refresh

    days = {local_day(instance.due_at)}
    old = getattr(instance, "_insight_old_due", None)
    if old is not None:
        days.add(local_day(old))
    refresh(days)  # in the same transaction: a rollback takes the aggregate back too


def _assignment_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    from maatwerk.insight.aggregates import client_days, refresh

    refresh(client_days(instance.client_id))
