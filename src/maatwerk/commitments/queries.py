"""Reads shared by the workspace, the portal and (later) insight: commitments per party, the
municipality's record, escalations and applications."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db.models import Case, F, IntegerField, Q, QuerySet, Value, When
from django.utils import timezone

from maatwerk.commitments.models import Application, Commitment, Party, Status
from maatwerk.dossiers.models import Client

# Open and overdue first (soonest due on top), then closed ones, latest first.
_OPEN_FIRST = Case(
    When(status__in=[Status.OPEN, Status.OVERDUE], then=Value(0)),
    default=Value(1),
    output_field=IntegerField(),
)


@dataclass(frozen=True)
class Record:
    kept_on_time: int
    counted: int


def of_party(client: Client, party: str) -> QuerySet[Commitment]:
    return (
        Commitment.objects.filter(client=client, party=party)
        .select_related("receipt", "application")
        .order_by(_OPEN_FIRST, "due_at", "id")
    )


def open_of(client: Client) -> QuerySet[Commitment]:
    """Open and overdue commitments of one dossier: an index range, whatever the total."""
    return Commitment.objects.filter(
        client=client, status__in=[Status.OPEN, Status.OVERDUE]
    ).order_by("due_at", "id")


def record_of(client: Client) -> Record:
    """Municipal promises whose moment has come (or that were kept), and how many on time.

    Withdrawn and excused promises, and those not due yet, are not counted.
    """
    due = Commitment.objects.filter(client=client, party=Party.MUNICIPALITY).filter(
        Q(status=Status.FULFILLED)
        | Q(status__in=[Status.OPEN, Status.OVERDUE], due_at__lt=timezone.now())
    )
    kept = due.filter(status=Status.FULFILLED, closed_at__lte=F("due_at")).count()
    return Record(kept_on_time=kept, counted=due.count())


def escalated_to(user: User, *, team_lead: bool = False) -> QuerySet[Commitment]:
    """Overdue municipal promises passed to `user`, as responsible consultant or team lead.

    A promise for a client who has nobody handling them goes to every team lead, so it is
    never left with no one.
    """
    to = Q(escalated_to=user)
    if team_lead:
        to |= Q(escalated_to__isnull=True)
    return (
        Commitment.objects.filter(to, status=Status.OVERDUE, party=Party.MUNICIPALITY)
        .select_related("client")
        .order_by("due_at", "id")
    )


def applications_of(client: Client) -> QuerySet[Application]:
    return Application.objects.filter(client=client).order_by("-received_at", "-id")
