"""Reads of letters that views and the workspace alerts share."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils import timezone

from maatwerk.core.models import StaffMember
from maatwerk.dossiers.queries import caseload
from maatwerk.letters.models import Delivery, DeliveryChannel


def flagged_for(staff: StaffMember) -> QuerySet[Delivery]:
    """Deliveries to my clients that failed by some channel and wait for what I do."""
    clients = caseload(staff.user, timezone.now())
    return (
        Delivery.objects.filter(
            flagged_at__isnull=False, handled_at__isnull=True, letter__client__in=clients
        )
        .select_related("letter__client")
        .order_by("flagged_at")
    )


def print_queue() -> QuerySet[Delivery]:
    """Letters that wait to be printed and posted, oldest first."""
    return (
        Delivery.objects.filter(channel=DeliveryChannel.POST, status="queued")
        .select_related("letter__client")
        .order_by("letter__sent_at", "id")
    )
