"""Reads for the contact pages: one history across channels, and the callbacks to make."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db.models import QuerySet
from django.utils import timezone

from maatwerk.contacts.models import Callback, CallbackStatus, ContactMoment
from maatwerk.dossiers.models import Client
from maatwerk.dossiers.queries import caseload


def history(client: Client) -> QuerySet[ContactMoment]:
    return (
        ContactMoment.objects.filter(client=client)
        .select_related("staff")
        .order_by("-moment", "-id")
    )


def callbacks_to_make(user: User) -> QuerySet[Callback]:
    """Open callbacks for the clients `user` handles now (own, deputised, team for a lead)."""
    return (
        Callback.objects.filter(
            status=CallbackStatus.OPEN, client__in=caseload(user, timezone.now())
        )
        .select_related("client", "commitment")
        .order_by("due_at", "id")
    )


def queued_callbacks() -> QuerySet[Callback]:
    return Callback.objects.filter(status=CallbackStatus.QUEUED).order_by("due_at", "id")


def open_callbacks_of(client: Client) -> QuerySet[Callback]:
    return Callback.objects.filter(client=client, status=CallbackStatus.OPEN).order_by("due_at")


def candidates_of(callback: Callback) -> list[Client]:
    return list(Client.objects.filter(public_id__in=callback.candidates).order_by("family_name"))
