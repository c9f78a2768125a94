"""Which clients a figure is about: a period, and optionally a team, a consultant and a target
group. Clients belong to the team and consultant of their current regisseur."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import QuerySet
from django.utils import timezone

from maatwerk.dossiers.models import Client


@dataclass(frozen=True)
class Scope:
    first: date
    last: date
    team_id: int | None = None
    consultant_id: int | None = None
    group: str = ""

    @property
    def start(self) -> datetime:
        return timezone.make_aware(datetime.combine(self.first, time.min))

    @property
    def end(self) -> datetime:
        return timezone.make_aware(datetime.combine(self.last + timedelta(days=1), time.min))

    def clients(self) -> QuerySet[Client]:
        rows = Client.objects.all()
        if self.consultant_id is not None:
            rows = rows.filter(
                assignments__ended_at__isnull=True, assignments__regisseur_id=self.consultant_id
            )
        elif self.team_id is not None:
            rows = rows.filter(
                assignments__ended_at__isnull=True,
                assignments__regisseur__staff__team_id=self.team_id,
            )
        if self.group:
            rows = rows.filter(target_groups__icontains=f'"{self.group}"')
        return rows

    def narrowed(self) -> bool:
        return self.team_id is not None or self.consultant_id is not None or bool(self.group)
