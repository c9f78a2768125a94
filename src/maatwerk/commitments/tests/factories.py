"""Test helpers: a client with a regisseur, and applications received some days ago."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.utils import timezone

from maatwerk.commitments import applications
from maatwerk.commitments.models import Application, ApplicationKind
from maatwerk.core.models import ReceiptChannel
from maatwerk.dossiers.tests.factories import make_client, make_staff


def received_days_ago(days: int) -> datetime:
    """10:00 that day; for today before 10:00 (a run after midnight), now."""
    day = timezone.localdate() - timedelta(days=days)
    return min(timezone.make_aware(datetime.combine(day, time(10))), timezone.now())


def make_application(
    client, actor, *, days_ago: int = 0, kind: str = ApplicationKind.BIJSTAND
) -> Application:
    return applications.record_application(
        client=client,
        kind=kind,
        subject="Bijstand voor mij alleen",
        received_at=received_days_ago(days_ago),
        channel=ReceiptChannel.COUNTER,
        actor=actor,
    )


def client_with_regisseur(**user_fields):
    regisseur = make_staff(**user_fields)
    return make_client(regisseur), regisseur
