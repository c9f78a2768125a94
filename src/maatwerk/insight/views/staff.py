"""Dashboards for team leads and management, the metric catalogue, the clients behind a figure
(access logged, own team only for a team lead), and "wat werkt voor deze cliënt" in a dossier."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from maatwerk.commitments.models import Commitment, Party, Status
from maatwerk.core.models import Role, StaffMember, Team
from maatwerk.core.parsing import parse_int
from maatwerk.core.roles import Capability
from maatwerk.dossiers.access import log_list_read
from maatwerk.dossiers.errors import AccessRefused
from maatwerk.dossiers.models import TargetGroup
from maatwerk.dossiers.queries import with_current_regisseur
from maatwerk.dossiers.web import open_client, render_staff, staff_view
from maatwerk.insight import charts, dashboard, metrics
from maatwerk.insight.scope import Scope
from maatwerk.plans.models import Goal, Plan, Step
from maatwerk.plans.queries import ladder_of


def _render(
    request: HttpRequest, staff: StaffMember, template: str, status: int = 200, **context: Any
) -> HttpResponse:
    return render_staff(request, staff, f"insight/{template}", status, **context)


def _day(value: str | None, default: date) -> date:
    try:
        return date.fromisoformat(value or "")
    except ValueError:
        return default


def _scope(request: HttpRequest, staff: StaffMember) -> Scope:
    today = timezone.localdate()
    first = _day(request.GET.get("van"), today - timedelta(days=182))
    last = _day(request.GET.get("tot"), today)
    if last < first:
        first, last = last, first
    group = request.GET.get("groep", "")
    group = group if group in TargetGroup.values else ""
    asked = parse_int(request.GET.get("team"))
    consultant = parse_int(request.GET.get("consulent"))
    if staff.role == Role.TEAM_LEAD:
        if staff.team_id is None or asked not in (-1, staff.team_id):
            raise _outside_team()
        team: int | None = staff.team_id
        if (
            consultant != -1
            and not StaffMember.objects.filter(user_id=consultant, team_id=team or -1).exists()
        ):
            raise _outside_team()
    else:
        team = asked if asked != -1 else None
        consultant = -1  # per consultant is for team leads only
    return Scope(first, last, team, consultant if consultant != -1 else None, group)


def _outside_team() -> AccessRefused:
    return AccessRefused(_("You can only see figures and clients of your own team."))


@staff_view(needs=Capability.SEE_DASHBOARDS)
def overview(request: HttpRequest, staff: StaffMember) -> HttpResponse:
    scope = _scope(request, staff)
    rows = dashboard.figures(scope)
    chosen = metrics.BY_KEY.get(request.GET.get("maat", ""), metrics.BY_KEY["promises_on_time"])
    parts = dashboard.breakdown(chosen, scope, staff)
    shown = [
        {"wie": name, "waarde": f.value}
        for name, f in parts
        if f.value is not None and not f.too_small
    ]
    chart = (
        charts.bars(shown, x="wie", y="waarde", title=chosen.name, unit=chosen.unit)
        if shown
        else ""
    )
    return _render(
        request,
        staff,
        "dashboard.html",
        scope=scope,
        sections=[
            (label, [r for r in rows if r.metric.section == key])
            for key, label in metrics.SECTIONS.items()
        ],
        empty=all(r.figure.denominator == 0 for r in rows),
        chosen=chosen,
        parts=parts,
        chart=chart,
        teams=Team.objects.order_by("name") if staff.role != Role.TEAM_LEAD else [],
        groups=TargetGroup.choices,
        per_consultant=staff.role == Role.TEAM_LEAD,
        query=request.GET.urlencode(),
        k=metrics.MIN_GROUP,
    )


@staff_view(needs=Capability.SEE_DASHBOARDS)
def drill(request: HttpRequest, key: str, staff: StaffMember) -> HttpResponse:
    """The clients behind a figure: the link between management and client information."""
    metric = metrics.BY_KEY.get(key)
    if metric is None:
        raise Http404
    scope = _scope(request, staff)
    clients = metric.clients(scope)
    if staff.role == Role.TEAM_LEAD:
        clients = clients & Scope(scope.first, scope.last, staff.team_id).clients()
    rows = with_current_regisseur(clients.distinct().order_by("family_name", "given_names")[:500])
    log_list_read(
        request=request,
        staff=staff,
        clients=[c for c, _r in rows],
        action=f"insight.drill.{metric.key}",
        object_type="client",
    )
    return _render(
        request,
        staff,
        "drill.html",
        metric=metric,
        rows=rows,
        scope=scope,
        query=request.GET.urlencode(),
    )


@staff_view(needs=Capability.LOG_IN)
def catalogue(request: HttpRequest, staff: StaffMember) -> HttpResponse:
    return _render(
        request,
        staff,
        "catalogue.html",
        sections=[
            (label, [m for m in metrics.CATALOGUE if m.section == key])
            for key, label in metrics.SECTIONS.items()
        ],
        k=metrics.MIN_GROUP,
    )


@staff_view(needs=Capability.OPEN_DOSSIER)
def what_works(request: HttpRequest, public_id: uuid.UUID, staff: StaffMember) -> HttpResponse:
    """One client's ladder over time, goals, steps and provisions, and the promises kept."""
    access = open_client(request, staff, public_id, "what_works")
    client = access.client
    plan = Plan.objects.filter(client=client).select_related("active").first()
    steps = (
        list(Step.objects.filter(version=plan.active).select_related("commitment"))
        if plan and plan.active
        else []
    )
    promises = Commitment.objects.filter(client=client, party=Party.MUNICIPALITY).exclude(
        status__in=[Status.WITHDRAWN, Status.EXCUSED, Status.OPEN]
    )
    kept = sum(
        1
        for c in promises
        if c.status == Status.FULFILLED and c.closed_at and c.closed_at <= c.due_at
    )
    return _render(
        request,
        staff,
        "what_works.html",
        client=client,
        ladder=ladder_of(client),
        goals=_goals(client),
        steps=steps,
        provisions=[s for s in steps if s.provision],
        kept=kept,
        due=promises.count(),
        outflows=client.outflows.all(),
    )


def _goals(client: Any) -> list[Goal]:
    """The goals of the newest version that has each goal (goals carry a key across versions)."""
    newest: dict[Any, Goal] = {}
    for goal in (
        Goal.objects.filter(version__plan__client=client)
        .select_related("version")
        .order_by("version__number")
    ):
        newest[goal.key] = goal
    return list(newest.values())
