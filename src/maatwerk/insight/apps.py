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


# The tallies are recounted after the change commits (aggregates.after_commit), each day in its
# own short transaction: holding a tally lock until a request commits could deadlock two requests.


def _remember(sender: Any, instance: Any, **kwargs: Any) -> None:
    if instance.pk:
        instance._insight_before = (
            sender.objects.filter(pk=instance.pk).values_list("due_at", "closed_at").first()
        )


def _commitment_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    from maatwerk.insight.aggregates import after_commit, first_step_days, local_day

    before = getattr(instance, "_insight_before", None) or (None, None)
    if instance.party == "municipality":
        days = {local_day(m) for m in (instance.due_at, before[0]) if m is not None}
        after_commit("promise", days)
        after_commit("reply", days)
    elif instance.origin == "plan_step":
        client, closed = instance.client_id, before[1]
        after_commit("first_step", lambda: first_step_days(client, closed))


def _message_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    from maatwerk.insight.aggregates import after_commit, local_day

    if instance.reply_commitment_id is not None:
        after_commit("reply", {local_day(instance.reply_commitment.due_at)})


def _document_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    from maatwerk.insight.aggregates import after_commit, local_day

    after_commit("document", {local_day(instance.received_at)})


def _letter_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    from maatwerk.insight.aggregates import after_commit, local_day

    day = local_day(instance.sent_at)
    after_commit("letter", {day})
    after_commit("plain_letter", {day})


def _measured(sender: Any, instance: Any, **kwargs: Any) -> None:
    from maatwerk.insight.aggregates import after_commit, ladder_days

    client, day = instance.client_id, instance.measured_on
    after_commit("ladder", lambda: ladder_days(client, day))


def _assignment_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    from maatwerk.insight.aggregates import after_commit_client

    if instance.ended_at is not None:
        # Ending one is followed by the new one in the same transaction (assign_regisseur): one
        # recount after the commit, for the new one, covers both (about a second at 40,000).
        return
    after_commit_client(instance.client_id)
