"""Talking the plan through: progress per goal and step, what changes, the ladder rung and the
next date. And the client's proposals for their goals between meetings."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from maatwerk.commitments import services as commitments
from maatwerk.commitments.models import Commitment, Evidence, Origin, Status
from maatwerk.commitments.moments import end_of
from maatwerk.core import events
from maatwerk.dossiers import journal
from maatwerk.dossiers.models import Client
from maatwerk.plans.agreement import plan_next_review
from maatwerk.plans.errors import PlanError
from maatwerk.plans.events import LadderMeasured
from maatwerk.plans.models import (
    LADDER_DEFINITION,
    Goal,
    GoalProposal,
    LadderMeasurement,
    Plan,
    Progress,
    Review,
    ReviewNote,
    Step,
)


@dataclass(frozen=True)
class NoteInput:
    progress: str
    note: str = ""
    goal: Goal | None = None
    step: Step | None = None


def record_review(
    *,
    plan: Plan,
    actor: User,
    held_on: date,
    notes: list[NoteInput],
    changes: str,
    rung: int | None,
    next_review_on: date | None,
) -> Review:
    """Record the talk: the promise to talk is kept, the next one is made."""
    with transaction.atomic():
        plan = (
            Plan.objects.select_for_update(of=("self",))
            .select_related("active", "client")
            .get(pk=plan.pk)
        )
        return _record(plan, actor, held_on, notes, changes, rung, next_review_on)


def _record(
    plan: Plan,
    actor: User,
    held_on: date,
    notes: list[NoteInput],
    changes: str,
    rung: int | None,
    next_review_on: date | None,
) -> Review:
    version = plan.active
    if version is None:
        raise PlanError(_("There is no agreed plan yet. Make the plan together first."))
    today = timezone.localdate()
    if held_on > today:
        raise PlanError(_("The talk cannot be in the future. Check the date."))
    if next_review_on is None or next_review_on <= today:
        raise PlanError(_("The next talk about the plan must be after today. Choose a later date."))
    if rung is not None and not 1 <= rung <= 6:
        raise PlanError(_("Choose a rung of the participation ladder from 1 to 6."))
    if plan.reviews.filter(held_on=held_on).exists():
        raise PlanError(
            _("A talk on this day is already recorded. See the plan page: it was not saved twice.")
        )
    review = Review.objects.create(
        plan=plan,
        version=version,
        held_on=held_on,
        changes=changes.strip(),
        next_review_on=next_review_on,
        recorded_by=actor,
    )
    ReviewNote.objects.bulk_create(
        ReviewNote(review=review, goal=n.goal, step=n.step, progress=n.progress, note=n.note)
        for n in notes
    )
    _apply_progress(notes, held_on, actor)
    if rung is not None:
        measured = LadderMeasurement.objects.create(
            client=plan.client,
            rung=rung,
            measured_on=held_on,
            definition=LADDER_DEFINITION,
            review=review,
            recorded_by=actor,
        )
        events.publish(
            LadderMeasured(
                measurement_id=measured.pk, client_id=measured.client_id, measured_on=held_on
            )
        )
    _keep_review_promise(plan.client, held_on, actor)
    plan_next_review(version, actor, day=next_review_on)
    with journal.dutch():
        summary = _("We talked about your plan. Next talk: %(day)s.") % {
            "day": next_review_on.strftime("%d-%m-%Y")
        }
        if changes.strip():
            summary += " " + _("What changes: %(changes)s") % {"changes": changes.strip()}
    journal.record(
        client=plan.client, kind="plan.reviewed", summary=summary, actor=actor, subject=review
    )
    return review


def _apply_progress(notes: list[NoteInput], held_on: date, actor: User) -> None:
    for note in notes:
        if note.progress != Progress.DONE:
            continue
        if note.goal is not None and note.goal.achieved_on is None:
            # Only the plan in force: agreed earlier versions stay as they were agreed, and a
            # draft takes it over when it is made from this one.
            Goal.objects.filter(pk=note.goal.pk).update(achieved_on=held_on)
        if note.step is not None and note.step.commitment is not None:
            commitment = note.step.commitment
            if commitment.status in (Status.OPEN, Status.OVERDUE):
                commitments.fulfil(
                    commitment=commitment,
                    evidence=Evidence.CONTACT,
                    note=note.note,
                    actor=actor,
                    moment=min(end_of(held_on), timezone.now()),
                )


def _keep_review_promise(client: Client, held_on: date, actor: User) -> None:
    current = Commitment.objects.filter(
        client=client, origin=Origin.PLAN_REVIEW, status__in=[Status.OPEN, Status.OVERDUE]
    ).first()
    if current is not None:
        commitments.fulfil(
            commitment=current,
            evidence=Evidence.CONTACT,
            actor=actor,
            moment=min(end_of(held_on), timezone.now()),
        )


def propose_goal(
    *, plan: Plan, client: Client, text: str, success: str, goal_key: uuid.UUID | None = None
) -> GoalProposal:
    """Between meetings the client proposes a new or changed goal, in their own words."""
    if plan.client_id != client.pk:
        raise PlanError(_("This plan is not in your dossier."))
    if not text.strip():
        raise PlanError(_("Write your goal in your own words."))
    with transaction.atomic():
        proposal = GoalProposal.objects.create(
            plan=plan, goal_key=goal_key, text=text.strip(), success=success.strip()
        )
        with journal.dutch():
            summary = _("You proposed a goal for your plan: %(text)s") % {"text": proposal.text}
        journal.record(
            client=client,
            kind="plan.goal_proposed",
            summary=summary,
            actor=client.user,
            subject=proposal,
        )
    return proposal
