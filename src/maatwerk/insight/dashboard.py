"""What a dashboard shows for a scope: every metric with its figure (or why it is hidden), and
one metric broken down by team (management) or by consultant (a team lead, own team only)."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import User

from maatwerk.core.models import Role, StaffMember, Team
from maatwerk.insight.metrics import CATALOGUE, Figure, Metric, shared_queries
from maatwerk.insight.scope import Scope

MANAGEMENT = frozenset({Role.FUNCTIONAL_ADMIN})
LEADS = frozenset({Role.TEAM_LEAD})


@dataclass(frozen=True)
class Row:
    metric: Metric
    figure: Figure


def figures(scope: Scope) -> list[Row]:
    with shared_queries():
        return [Row(metric, metric.compute(scope)) for metric in CATALOGUE]


def breakdown(metric: Metric, scope: Scope, staff: StaffMember) -> list[tuple[str, Figure]]:
    """The metric per consultant of the lead's team, or per team for management."""
    if staff.role in LEADS and staff.team_id is not None:
        people = User.objects.filter(
            staff__team_id=staff.team_id, staff__role=Role.CONSULTANT
        ).order_by("first_name")
        units = [(p.pk, p.get_full_name() or p.username) for p in people]
        by, team = "consultant", staff.team_id
    else:
        units = list(Team.objects.order_by("name").values_list("pk", "name"))
        by, team = "team", None
    if metric.grouped is not None:
        found = metric.grouped(Scope(scope.first, scope.last, team, None, scope.group), by)
        return [(name, found.get(pk, Figure(0, 0))) for pk, name in units]
    return [(name, metric.compute(_unit_scope(scope, by, team, pk))) for pk, name in units]


def _unit_scope(scope: Scope, by: str, team: int | None, pk: int) -> Scope:
    if by == "consultant":
        return Scope(scope.first, scope.last, team, pk, scope.group)
    return Scope(scope.first, scope.last, pk, None, scope.group)
