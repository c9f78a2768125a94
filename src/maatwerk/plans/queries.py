"""Reads for the plan pages (workspace and portal) and the printed plan."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from maatwerk.commitments.models import Commitment, Origin, Status
from maatwerk.dossiers.models import Client
from maatwerk.plans.models import (
    ClientView,
    GoalProposal,
    LadderMeasurement,
    Plan,
    PlanVersion,
    Review,
    ReviewNote,
    Step,
    VersionStatus,
)
from maatwerk.plans.rules.compare import Change, Item, compare
from maatwerk.plans.rules.ladder import Point, ladder_svg


@dataclass(frozen=True)
class Ladder:
    measurements: list[LadderMeasurement]
    svg: str


def plan_for(client: Client) -> Plan | None:
    return Plan.objects.filter(client=client).select_related("active").first()


def full_version(version_id: int) -> PlanVersion:
    """A version with everything a page shows of it, in a fixed number of queries."""
    return (
        PlanVersion.objects.select_related("plan__client", "agreement_receipt", "created_by")
        .prefetch_related(
            "goals",
            "obstacles",
            Prefetch("steps", queryset=Step.objects.select_related("commitment")),
            Prefetch("views", queryset=ClientView.objects.select_related("step")),
        )
        .get(pk=version_id)
    )


def open_version(plan: Plan) -> PlanVersion | None:
    found = plan.versions.filter(
        status__in=[VersionStatus.DRAFT, VersionStatus.PROPOSED, VersionStatus.AGREED_IN_MEETING]
    ).first()
    return full_version(found.pk) if found else None


def last_disagreed(plan: Plan) -> PlanVersion | None:
    """The newest version the client did not agree to, if nothing newer was made since."""
    newest = plan.versions.order_by("-number").first()
    if newest is None or newest.status != VersionStatus.DISAGREED:
        return None
    return full_version(newest.pk)


def versions_of(plan: Plan) -> QuerySet[PlanVersion]:
    return plan.versions.order_by("-number")


def reviews_of(plan: Plan) -> QuerySet[Review]:
    return plan.reviews.select_related("recorded_by").prefetch_related(
        Prefetch("notes", queryset=ReviewNote.objects.select_related("goal", "step").order_by("id"))
    )


# The last year of talks by default; all of them on request (five years can be 60 talks).
RECENT_TALKS = 12


def recent_reviews(plan: Plan, *, everything: bool = False) -> QuerySet[Review]:
    rows = reviews_of(plan)
    return rows if everything else rows[:RECENT_TALKS]


def open_proposals(plan: Plan) -> QuerySet[GoalProposal]:
    return plan.proposals.filter(taken_into__isnull=True)


def ladder_of(client: Client) -> Ladder:
    measurements = list(LadderMeasurement.objects.filter(client=client).order_by("measured_on"))
    svg = ladder_svg(
        [Point(m.measured_on, m.rung) for m in measurements],
        title=_("Participation ladder over time"),
    )
    return Ladder(measurements=measurements, svg=svg)


def items_of(version: PlanVersion) -> list[Item]:
    items = [Item(str(g.key), "goal", g.text) for g in version.goals.all()]
    items += [Item(str(o.key), "obstacle", o.description) for o in version.obstacles.all()]
    items += [
        Item(
            str(s.key),
            "step",
            f"{s.get_party_display()}: {s.description} ({s.due_on:%d-%m-%Y})",
        )
        for s in version.steps.all()
    ]
    arrangement = " · ".join(
        part
        for part in (
            version.get_contact_frequency_display(),
            version.get_contact_channel_display(),
            f"{version.next_review_on:%d-%m-%Y}" if version.next_review_on else "",
        )
        if part
    )
    items.append(Item("arrangement", "arrangement", arrangement))
    return items


def changes_since_previous(
    version: PlanVersion, against: int | None = None
) -> tuple[PlanVersion | None, list[Change]]:
    """What changed against `against` (a version id), by default the version it was made from."""
    base = against or version.based_on_id
    previous = full_version(base) if base else None
    if previous is None:
        return None, []
    return previous, compare(items_of(previous), items_of(version))


def sides(*, portal: bool) -> list[tuple[str, str]]:
    """The two columns of steps, with equal weight: the client's and the municipality's."""
    mine = _("What you do") if portal else _("What the client does")
    return [("client", mine), ("municipality", _("What the municipality does"))]


def next_talk(plan: Plan | None) -> date | None:
    """When we meet next: the municipality's open promise to talk about the plan."""
    if plan is None:
        return None
    promise = (
        Commitment.objects.filter(
            client_id=plan.client_id,
            origin=Origin.PLAN_REVIEW,
            status__in=[Status.OPEN, Status.OVERDUE],
        )
        .only("due_at")
        .first()
    )
    return timezone.localtime(promise.due_at).date() if promise else None
