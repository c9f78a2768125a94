"""Making a plan version: start a draft (from the plan in force, or a template), change it,
and put it to the client. Every change to a draft checks the revision it was made on.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from maatwerk.dossiers import journal
from maatwerk.dossiers.models import Client
from maatwerk.plans.errors import DraftConflict, PlanError
from maatwerk.plans.models import (
    Goal,
    GoalProposal,
    Obstacle,
    Plan,
    PlanTemplate,
    PlanVersion,
    Step,
    VersionStatus,
)
from maatwerk.plans.rules.templates import parse_steps

OPEN_STATUSES = (VersionStatus.DRAFT, VersionStatus.PROPOSED, VersionStatus.AGREED_IN_MEETING)


def plan_of(client: Client) -> Plan:
    plan, _created = Plan.objects.get_or_create(client=client)
    return plan


def open_version(plan: Plan) -> PlanVersion | None:
    return plan.versions.filter(status__in=OPEN_STATUSES).first()


def start_draft(
    *,
    client: Client,
    actor: User,
    template: PlanTemplate | None = None,
    based_on: PlanVersion | None = None,
) -> PlanVersion:
    """A new draft: a copy of `based_on` (default: the plan in force), plus a template's steps.

    The client's own words are copied as they are, never filled in from a template.
    """
    with transaction.atomic():
        plan = (
            Plan.objects.select_for_update(of=("self",))
            .select_related("active")
            .get(pk=plan_of(client).pk)
        )
        if open_version(plan) is not None:
            raise PlanError(
                _("There is already a version in the making. Continue with that one first.")
            )
        source = based_on or plan.active
        number = (plan.versions.aggregate(n=Max("number"))["n"] or 0) + 1
        try:
            draft = PlanVersion.objects.create(
                plan=plan,
                number=number,
                status=VersionStatus.DRAFT,
                based_on=source,
                template=template,
                created_by=actor,
                strengths=source.strengths if source else "",
                wishes=source.wishes if source else "",
                contact_frequency=source.contact_frequency if source else "",
                contact_channel=source.contact_channel if source else "",
                next_review_on=_still_ahead(source.next_review_on) if source else None,
            )
        except IntegrityError as error:
            raise PlanError(
                _("There is already a version in the making. Continue with that one first.")
            ) from error
        if source is not None:
            _copy_items(source, draft)
        if template is not None:
            _add_template_steps(template, draft)
    return draft


def _still_ahead(day: date | None) -> date | None:
    return day if day is not None and day > timezone.localdate() else None


def _copy_items(source: PlanVersion, draft: PlanVersion) -> None:
    Goal.objects.bulk_create(
        Goal(
            version=draft,
            key=g.key,
            text=g.text,
            success=g.success,
            timeframe=g.timeframe,
            position=g.position,
            achieved_on=g.achieved_on,
        )
        for g in source.goals.all()
    )
    Obstacle.objects.bulk_create(
        Obstacle(
            version=draft,
            key=o.key,
            kind=o.kind,
            description=o.description,
            approach=o.approach,
            private=o.private,
        )
        for o in source.obstacles.all()
    )
    Step.objects.bulk_create(
        Step(
            version=draft,
            key=s.key,
            party=s.party,
            description=s.description,
            due_on=s.due_on,
            provision=s.provision,
            budget=s.budget,
            provision_status=s.provision_status,
            commitment=s.commitment,
            private=s.private,
            position=s.position,
        )
        for s in source.steps.all()
    )


def _add_template_steps(template: PlanTemplate, draft: PlanVersion) -> None:
    steps, _problems = parse_steps(template.steps)
    today = timezone.localdate()
    Step.objects.bulk_create(
        Step(
            version=draft,
            party=step.party,
            description=step.description,
            due_on=today + timedelta(weeks=step.weeks),
            position=n,
        )
        for n, step in enumerate(steps)
    )


@contextmanager
def editing(version: PlanVersion, revision: int) -> Iterator[PlanVersion]:
    """Lock the draft, check it is still the revision the editor saw, and raise it after."""
    with transaction.atomic():
        locked = PlanVersion.objects.select_for_update(of=("self",)).get(pk=version.pk)
        if locked.status != VersionStatus.DRAFT:
            raise PlanError(_("This version is no longer a draft. Start a new draft to change it."))
        if locked.revision != revision:
            raise DraftConflict(
                _(
                    "A colleague changed this draft while you were working on it. Nothing was "
                    "overwritten: look at the draft as it is now and make your change again. "
                    "What you typed is still in the form."
                )
            )
        yield locked
        locked.revision += 1
        locked.save(update_fields=["revision"])


def add_goal(
    *, version: PlanVersion, revision: int, text: str, success: str, timeframe: str
) -> Goal:
    """A goal as the client says it. Once written, staff cannot change these words."""
    if not text.strip():
        raise PlanError(_("Write the goal as the client says it."))
    with editing(version, revision) as draft:
        position = draft.goals.count()
        return Goal.objects.create(
            version=draft,
            text=text.strip(),
            success=success.strip(),
            timeframe=timeframe.strip(),
            position=position,
        )


def take_proposal(*, version: PlanVersion, revision: int, proposal: GoalProposal) -> Goal:
    """Take the client's proposed goal into the draft, word for word."""
    with editing(version, revision) as draft:
        if proposal.goal_key:
            draft.goals.filter(key=proposal.goal_key).delete()
        goal = Goal.objects.create(
            version=draft,
            key=proposal.goal_key or uuid.uuid4(),
            text=proposal.text,
            success=proposal.success,
            position=draft.goals.count(),
        )
        proposal.taken_into = draft
        proposal.save(update_fields=["taken_into"])
        return goal


def add_obstacle(
    *,
    version: PlanVersion,
    revision: int,
    kind: str,
    description: str,
    approach: str,
    private: bool,
) -> Obstacle:
    if not description.strip():
        raise PlanError(_("Describe what is in the way."))
    with editing(version, revision) as draft:
        return Obstacle.objects.create(
            version=draft,
            kind=kind,
            description=description.strip(),
            approach=approach.strip(),
            private=private,
        )


def add_step(
    *,
    version: PlanVersion,
    revision: int,
    party: str,
    description: str,
    due_on: date | None,
    provision: str = "",
    budget: Decimal | None = None,
    provision_status: str = "",
    private: bool = False,
) -> Step:
    if party not in ("client", "municipality"):
        raise PlanError(_("Choose who does this step: the client or the municipality."))
    if due_on is None:
        raise PlanError(_("Choose by when this step is done."))
    if not description.strip():
        raise PlanError(_("Write what is done in this step."))
    if provision and party != "municipality":
        raise PlanError(
            _("A provision is something the municipality arranges: choose the municipality.")
        )
    with editing(version, revision) as draft:
        return Step.objects.create(
            version=draft,
            party=party,
            description=description.strip(),
            due_on=due_on,
            provision=provision,
            budget=budget if provision else None,
            provision_status=provision_status or ("planned" if provision else ""),
            private=private,
            position=draft.steps.count(),
        )


def update_step(
    *,
    version: PlanVersion,
    revision: int,
    step_id: int,
    due_on: date | None,
    provision_status: str,
    budget: Decimal | None,
) -> None:
    """Move a step's date or a provision's status and budget; the step keeps its key, so its
    commitment follows when the version comes into force."""
    if due_on is None:
        raise PlanError(_("Choose by when this step is done."))
    with editing(version, revision) as draft:
        step = draft.steps.filter(pk=step_id).first()
        if step is None:
            raise PlanError(_("This step is no longer in the draft."))
        step.due_on = due_on
        if step.provision:
            step.provision_status = provision_status or step.provision_status
            step.budget = budget
        step.save(update_fields=["due_on", "provision_status", "budget"])


def remove_item(*, version: PlanVersion, revision: int, kind: str, item_id: int) -> None:
    models: dict[str, Any] = {"goal": Goal, "obstacle": Obstacle, "step": Step}
    if kind not in models:
        raise PlanError(_("This cannot be removed."))
    with editing(version, revision) as draft:
        models[kind].objects.filter(version=draft, pk=item_id).delete()


def discard(*, version: PlanVersion, revision: int) -> None:
    """Throw away a draft that was started by mistake; earlier versions stay as they are."""
    with editing(version, revision) as draft:
        draft.status = VersionStatus.WITHDRAWN
        draft.save(update_fields=["status"])


def update_details(
    *,
    version: PlanVersion,
    revision: int,
    strengths: str,
    wishes: str,
    contact_frequency: str,
    contact_channel: str,
    next_review_on: date | None,
) -> None:
    with editing(version, revision) as draft:
        draft.strengths = strengths.strip()
        draft.wishes = wishes.strip()
        draft.contact_frequency = contact_frequency
        draft.contact_channel = contact_channel
        draft.next_review_on = next_review_on
        draft.save(
            update_fields=[
                "strengths",
                "wishes",
                "contact_frequency",
                "contact_channel",
                "next_review_on",
            ]
        )


def propose(*, version: PlanVersion, revision: int, actor: User, in_meeting: bool = False) -> None:
    """Put the draft to the client: in the portal, or as agreed in the meeting (to confirm)."""
    with editing(version, revision) as draft:
        _check_complete(draft)
        now = timezone.now()
        draft.status = VersionStatus.AGREED_IN_MEETING if in_meeting else VersionStatus.PROPOSED
        draft.proposed_at = now
        if in_meeting:
            draft.agreed_in_meeting_at = now
        draft.save(update_fields=["status", "proposed_at", "agreed_in_meeting_at"])
        with journal.dutch():
            summary = (
                _(
                    "In the meeting you agreed to plan version %(n)d. Please confirm this in Mijn "
                    "Maatwerk."
                )
                if in_meeting
                else _(
                    "Your regisseur put plan version %(n)d to you. Read it and say whether you "
                    "agree."
                )
            ) % {"n": draft.number}
        journal.record(
            client=draft.plan.client,
            kind="plan.proposed",
            summary=summary,
            actor=actor,
            subject=draft,
        )


def take_back(*, version: PlanVersion, actor: User) -> PlanVersion:
    """A version waiting for the client, or one they did not agree to, becomes a new draft."""
    with transaction.atomic():
        locked = (
            PlanVersion.objects.select_for_update(of=("self",))
            .select_related("plan__client")
            .get(pk=version.pk)
        )
        if locked.status in (VersionStatus.PROPOSED, VersionStatus.AGREED_IN_MEETING):
            locked.status = VersionStatus.WITHDRAWN
            locked.save(update_fields=["status"])
            with journal.dutch():
                summary = _(
                    "Your regisseur took plan version %(n)d back to change it. You get the new "
                    "version to read."
                ) % {"n": locked.number}
            journal.record(
                client=locked.plan.client,
                kind="plan.taken_back",
                summary=summary,
                actor=actor,
                subject=locked,
            )
        elif locked.status != VersionStatus.DISAGREED:
            raise PlanError(_("Only a version that waits for the client can be taken back."))
        return start_draft(client=locked.plan.client, actor=actor, based_on=locked)


def _check_complete(draft: PlanVersion) -> None:
    if not draft.goals.exists():
        raise PlanError(
            _("A plan needs at least one goal of the client, in their own words. Add a goal first.")
        )
    if draft.next_review_on is None or not draft.contact_frequency or not draft.contact_channel:
        raise PlanError(
            _(
                "Agree how often and how you talk, and the date of the next talk about the plan. "
                "Fill in the contact arrangement first."
            )
        )
    if draft.next_review_on <= timezone.localdate():
        raise PlanError(_("The next talk about the plan must be after today. Choose a later date."))
    closed = ["fulfilled", "excused", "withdrawn"]
    late = draft.steps.filter(due_on__lt=timezone.localdate()).exclude(
        commitment__status__in=closed
    )
    if late.exists():
        raise PlanError(
            _(
                "A step that is not done yet has a date that has passed. Give it a new date "
                "before you put the plan to the client."
            )
        )


def save_template(*, form: Any, actor: User) -> PlanTemplate:
    """Save a plan template after checking every step line; problems name their line."""
    _steps, problems = parse_steps(form.cleaned_data["steps"])
    if problems:
        raise PlanError(" ".join(_line_message(p.line, p.code) for p in problems))
    template: PlanTemplate = form.save(commit=False)
    template.updated_by = actor
    template.save()
    return template


def _line_message(line: int, code: str) -> str:
    messages = {
        "columns": _("Line %(line)d: write three parts with | between them."),
        "party": _("Line %(line)d: start with gemeente or cliënt."),
        "description": _("Line %(line)d: write what is done."),
        "weeks": _("Line %(line)d: end with the number of weeks, from 0 to 104."),
        "empty": _("Write at least one step."),
    }
    return messages[code] % {"line": line}
