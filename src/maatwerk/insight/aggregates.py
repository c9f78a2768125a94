"""Daily aggregates of municipal promises for the dashboards, kept correct as they change.

A change to a promise recomputes the day it is due (and the day it was due, when that moved);
a new regisseur recomputes the days of that client's promises, because figures follow the
current regisseur's team. Each recompute is one grouped query over one day's promises.
Rows written without signals (bulk loads) need `maatwerk insight rebuild`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.utils import timezone

from maatwerk.commitments.models import Commitment, Party, Status
from maatwerk.dossiers.models import Assignment
from maatwerk.insight.models import PromiseDay


def local_day(moment: datetime) -> date:
    return timezone.localtime(moment).date()


def _bounds(day: date) -> tuple[datetime, datetime]:
    start = timezone.make_aware(datetime.combine(day, time.min))
    return start, timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min))


def refresh(days: Iterable[date]) -> None:
    for day in sorted(set(days)):
        start, end = _bounds(day)
        current = Assignment.objects.filter(client_id=OuterRef("client_id"), ended_at__isnull=True)
        rows = (
            Commitment.objects.filter(party=Party.MUNICIPALITY, due_at__gte=start, due_at__lt=end)
            .exclude(status__in=[Status.WITHDRAWN, Status.EXCUSED])
            .annotate(team=Subquery(current.values("regisseur__staff__team_id")[:1]))
            .values("origin", "team")
            .annotate(
                total=Count("id"),
                kept=Count("id", filter=Q(status=Status.FULFILLED, closed_at__lte=F("due_at"))),
            )
            .order_by()
        )
        merged: dict[tuple[str, int], list[int]] = {}
        for row in rows:
            key = (row["origin"], row["team"] or 0)
            counts = merged.setdefault(key, [0, 0])
            counts[0] += row["total"]
            counts[1] += row["kept"]
        with transaction.atomic():
            PromiseDay.objects.filter(day=day).delete()
            PromiseDay.objects.bulk_create(
                PromiseDay(day=day, origin=o, team_id=t, total=c[0], kept=c[1])
                for (o, t), c in merged.items()
            )


def rebuild() -> int:
    """Every day that has promises (after a bulk load)."""
    PromiseDay.objects.all().delete()
    days = {
        local_day(d)
        for d in Commitment.objects.filter(party=Party.MUNICIPALITY)
        .values_list("due_at", flat=True)
        .iterator()
    }
    refresh(days)
    return len(days)


def client_days(client_id: int) -> set[date]:
    rows = Commitment.objects.filter(client_id=client_id, party=Party.MUNICIPALITY)
    return {local_day(d) for d in rows.values_list("due_at", flat=True)}
