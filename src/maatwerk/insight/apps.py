from typing import Any

from django.apps import AppConfig


class InsightConfig(AppConfig):
    name = "maatwerk.insight"
    label = "insight"
    verbose_name = "Insight"

    def ready(self) -> None:
        from django.db.models.signals import post_save, pre_save

        from maatwerk.commitments.models import Commitment
        from maatwerk.contacts.models import Message
        from maatwerk.documents.models import Document
        from maatwerk.dossiers.models import Assignment
        from maatwerk.letters.models import Letter
        from maatwerk.plans.models import LadderMeasurement

        pre_save.connect(_remember, sender=Commitment, dispatch_uid="insight.remember")
        post_save.connect(_commitment_changed, sender=Commitment, dispatch_uid="insight.promise")
        post_save.connect(_message_changed, sender=Message, dispatch_uid="insight.message")
        post_save.connect(_document_changed, sender=Document, dispatch_uid="insight.document")
        post_save.connect(_letter_changed, sender=Letter, dispatch_uid="insight.letter")
        post_save.connect(_assignment_changed, sender=Assignment, dispatch_uid="insight.assignment")
        post_save.connect(_measured, sender=LadderMeasurement, dispatch_uid="insight.ladder")


# The tallies are refreshed in the same transaction as the change: a rollback takes them back.


def _remember(sender: Any, instance: Any, **kwargs: Any) -> None:
    if instance.pk:
        instance._insight_before = (
            sender.objects.filter(pk=instance.pk).values_list("due_at", "closed_at").first()
        )


def _commitment_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    from maatwerk.insight.aggregates import completed_steps, local_day, refresh

    before = getattr(instance, "_insight_before", None) or (None, None)
    if instance.party == "municipality":
        days = {local_day(m) for m in (instance.due_at, before[0]) if m is not None}
        refresh("promise", days)
        refresh("reply", days)
    elif instance.origin == "plan_step":
        # The client's first step is on one of the days of their completed steps, before or after.
        steps = completed_steps().filter(client_id=instance.client_id)
        moments = [*steps.values_list("closed_at", flat=True), before[1]]
        refresh("first_step", {local_day(m) for m in moments if m is not None})


def _message_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    from maatwerk.insight.aggregates import local_day, refresh

    if instance.reply_commitment_id is not None:
        refresh("reply", {local_day(instance.reply_commitment.due_at)})


def _document_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    from maatwerk.insight.aggregates import local_day, refresh

    refresh("document", {local_day(instance.received_at)})


def _letter_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    from maatwerk.insight.aggregates import local_day, refresh

    day = local_day(instance.sent_at)
    refresh("letter", {day})
    refresh("plain_letter", {day})


def _measured(sender: Any, instance: Any, **kwargs: Any) -> None:
    from maatwerk.insight.aggregates import ladder_days, refresh

    refresh("ladder", ladder_days(instance.client_id, instance.measured_on))


def _assignment_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    from maatwerk.insight.aggregates import refresh_client

    refresh_client(instance.client_id)
