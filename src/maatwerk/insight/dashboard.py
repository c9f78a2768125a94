"""What a dashboard shows for a scope: every metric with its figure (or why it is hidden), and
one metric broken down by team (management) or by consultant (a team lead, own team only)."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import User

from maatwerk.core.models import Role, StaffMember, Team
from maatwerk.insight.metrics import CATALOGUE, Figure, Metric
from maatwerk.insight.scope import Scope

MANAGEMENT = frozenset({Role.FUNCTIONAL_ADMIN})
LEADS = frozenset({Role.TEAM_LEAD})


@dataclass(frozen=True)
class Row:
    metric: Metric
    figure: Figure


def figures(scope: Scope) -> list[Row]:
    return [Row(metric, metric.compute(scope)) for metric in CATALOGUE]


def breakdown(metric: Metric, scope: Scope, staff: StaffMember) -> list[tuple[str, Figure]]:
    if staff.role in LEADS and staff.team_id is not None:
        people = User.objects.filter(
            staff__team_id=staff.team_id, staff__role=Role.CONSULTANT
        ).order_by("first_name")
        return [
            (
                p.get_full_name() or p.username,
                metric.compute(Scope(scope.first, scope.last, staff.team_id, p.pk, scope.group)),
            )
            for p in people
        ]
    return [
        (team.name, metric.compute(Scope(scope.first, scope.last, team.pk, None, scope.group)))
        for team in Team.objects.order_by("name")
    ]
