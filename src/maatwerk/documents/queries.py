"""Reads of the documents app shared by views, commands and (later) insight."""

from __future__ import annotations

from datetime import datetime, time

from django.contrib.auth.models import User
from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from maatwerk.core.rules.calendar import subtract_working_days
from maatwerk.documents.models import Document, DocumentStatus, IntakeBatch
from maatwerk.dossiers.models import Client
from maatwerk.dossiers.queries import deputised_colleagues


def hand_ins_of(client: Client) -> QuerySet[IntakeBatch]:
    """A client's hand-ins with their receipts and documents, newest first."""
    return (
        IntakeBatch.objects.filter(
            Q(client=client) | Q(documents__client=client), receipt__isnull=False
        )
        .distinct()
        .select_related("receipt")
        .prefetch_related(Prefetch("documents", queryset=Document.objects.order_by("id")))
        .order_by("-received_at", "-id")
    )


def inbox(user: User, moment: datetime) -> QuerySet[Document]:
    """New documents for `user`: routed to them or to colleagues they deputise for."""
    people = [user.pk, *(c.pk for c in deputised_colleagues(user, moment))]
    return (
        Document.objects.filter(routed_to_id__in=people, status=DocumentStatus.ROUTED)
        .select_related("client", "batch__receipt", "routed_to")
        .order_by("-received_at", "-id")
    )


def queue() -> QuerySet[Document]:
    """What intake still has to handle: unrouted and quarantined documents, oldest first."""
    return (
        Document.objects.filter(status__in=[DocumentStatus.QUEUED, DocumentStatus.QUARANTINED])
        .select_related("batch__receipt", "client")
        .order_by("received_at", "id")
    )


def documents_of(client: Client) -> QuerySet[Document]:
    return (
        Document.objects.filter(client=client)
        .select_related("batch__receipt", "routed_to")
        .order_by("-received_at", "-id")
    )


def late_in_queue(moment: datetime, norm_working_days: int) -> int:
    """How many queued documents have waited longer than the norm (in working days)."""
    today = timezone.localdate(moment)
    cutoff_day = subtract_working_days(today, norm_working_days)
    cutoff = timezone.make_aware(datetime.combine(cutoff_day, time.min))
    return queue().filter(received_at__lt=cutoff).count()
