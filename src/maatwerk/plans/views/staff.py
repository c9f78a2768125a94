"""Workspace: a client's plan, its draft, a version with its changes, the review form, the
printed plan, and plan templates for functional administrators.

Every page opens the dossier through the same access check and log as the dossier page.
"""

from __future__ import annotations

import uuid
from typing import Any

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _

from maatwerk.core.models import StaffMember
from maatwerk.core.parsing import parse_int
from maatwerk.core.roles import Capability
from maatwerk.dossiers.errors import DossierError
from maatwerk.dossiers.web import MAY_CHANGE, open_client_for, render_staff, staff_view
from maatwerk.plans import agreement, drafts, printing, queries, reviews
from maatwerk.plans.access import open_plan_version
from maatwerk.plans.errors import PlanError
from maatwerk.plans.forms import (
    PROGRESS_CHOICES,
    DetailsForm,
    GoalForm,
    ObstacleForm,
    ReviewForm,
    StartForm,
    StepForm,
    StepUpdateForm,
    TemplateForm,
)
from maatwerk.plans.models import (
    GoalProposal,
    PlanTemplate,
    PlanVersion,
    Progress,
    ProvisionStatus,
)


def _render(
    request: HttpRequest, staff: StaffMember, template: str, **context: Any
) -> HttpResponse:
    context["sides"] = queries.sides(portal=False)
    context["provision_statuses"] = ProvisionStatus.choices
    return render_staff(request, staff, f"plans/staff/{template}", **context)


@staff_view(needs=Capability.OPEN_DOSSIER)
def plan(request: HttpRequest, public_id: uuid.UUID, staff: StaffMember) -> HttpResponse:
    access = open_client_for(request, staff, public_id, "plan")
    client = access.client
    start_form = StartForm(request.POST or None, prefix="start")
    if request.method == "POST":
        try:
            target = _plan_action(request, staff, client, start_form)
        except DossierError as exc:
            messages.error(request, exc.message)
        else:
            if target is not None:
                return redirect("staff_plans:draft", public_id=target.public_id)
            messages.success(request, _("Saved. The client sees this in Mijn Maatwerk."))
        return redirect("staff_plans:plan", public_id=client.public_id)
    found = queries.plan_for(client)
    return _render(
        request,
        staff,
        "plan.html",
        client=client,
        plan=found,
        active=queries.full_version(found.active_id) if found and found.active_id else None,
        waiting=queries.open_version(found) if found else None,
        disagreed=queries.last_disagreed(found) if found else None,
        proposals=queries.open_proposals(found) if found else [],
        reviews=queries.recent_reviews(found, everything=request.GET.get("gesprekken") == "alle")
        if found
        else [],
        review_count=found.reviews.count() if found else 0,
        versions=queries.versions_of(found) if found else [],
        ladder=queries.ladder_of(client),
        next_talk=queries.next_talk(found),
        start_form=start_form,
        may_change=access.basis in MAY_CHANGE,
    )


def _plan_action(
    request: HttpRequest, staff: StaffMember, client: Any, start_form: StartForm
) -> PlanVersion | None:
    action = request.POST.get("action", "")
    if action == "start":
        template = start_form.cleaned_data["template"] if start_form.is_valid() else None
        return drafts.start_draft(client=client, actor=staff.user, template=template)
    version = _version_of(client, request.POST.get("version", ""))
    if action == "take_back":
        return drafts.take_back(version=version, actor=staff.user)
    if action == "signed":
        agreement.record_signed(
            version=version, actor=staff.user, evidence=request.POST.get("evidence", "")
        )
        return None
    raise Http404


def _version_of(client: Any, public_id: str) -> PlanVersion:
    try:
        wanted = uuid.UUID(public_id)
    except ValueError as error:
        raise Http404 from error
    found = PlanVersion.objects.filter(public_id=wanted, plan__client=client).first()
    if found is None:
        raise Http404
    return found


_DRAFT_FORMS: dict[str, type[forms.Form]] = {
    "goal": GoalForm,
    "obstacle": ObstacleForm,
    "step": StepForm,
    "details": DetailsForm,
    "update_step": StepUpdateForm,
}


@staff_view(needs=Capability.OPEN_DOSSIER)
def draft(request: HttpRequest, public_id: uuid.UUID, staff: StaffMember) -> HttpResponse:
    version, access = open_plan_version(request, staff, public_id, "plan_draft")
    action = request.POST.get("action", "")
    bound = {
        name: form_class(
            request.POST if name == action else None,
            prefix=name,
            initial=_details_initial(version) if name == "details" else None,
        )
        for name, form_class in _DRAFT_FORMS.items()
    }
    if request.method == "POST":
        done = _draft_action(request, staff, version, action, bound)
        if done is not None:
            return done
    return _render(
        request,
        staff,
        "draft.html",
        client=version.plan.client,
        version=queries.full_version(version.pk),
        forms=bound,
        proposals=queries.open_proposals(version.plan),
        may_change=access.basis in MAY_CHANGE and version.is_draft,
    )


def _details_initial(version: PlanVersion) -> dict[str, Any]:
    return {
        "strengths": version.strengths,
        "wishes": version.wishes,
        "contact_frequency": version.contact_frequency,
        "contact_channel": version.contact_channel,
        "next_review_on": version.next_review_on,
    }


def _draft_action(
    request: HttpRequest,
    staff: StaffMember,
    version: PlanVersion,
    action: str,
    bound: dict[str, forms.Form],
) -> HttpResponse | None:
    """Apply one change; on an error keep the typed input and show the message."""
    revision = parse_int(request.POST.get("revision"))
    form = bound.get(action)
    try:
        if form is not None:
            if not form.is_valid():
                return None
            _apply(
                action, version, revision, form.cleaned_data, parse_int(request.POST.get("item"))
            )
        elif action == "remove":
            drafts.remove_item(
                version=version,
                revision=revision,
                kind=request.POST.get("kind", ""),
                item_id=parse_int(request.POST.get("item")),
            )
        elif action == "discard":
            drafts.discard(version=version, revision=revision)
            messages.success(request, _("The draft is thrown away. The plan in force stays."))
            return redirect("staff_plans:plan", public_id=version.plan.client.public_id)
        elif action == "take_proposal":
            proposal = GoalProposal.objects.get(
                pk=parse_int(request.POST.get("proposal")), plan=version.plan
            )
            drafts.take_proposal(version=version, revision=revision, proposal=proposal)
        elif action in ("propose", "agreed_in_meeting"):
            drafts.propose(
                version=version,
                revision=revision,
                actor=staff.user,
                in_meeting=action == "agreed_in_meeting",
            )
            messages.success(request, _("The plan is put to the client in Mijn Maatwerk."))
            return redirect("staff_plans:plan", public_id=version.plan.client.public_id)
        else:
            raise Http404
    except (PlanError, GoalProposal.DoesNotExist) as exc:
        message = getattr(exc, "message", _("This goal proposal is no longer there."))
        if form is not None:
            form.add_error(None, message)
            return None
        messages.error(request, message)
    return redirect("staff_plans:draft", public_id=version.public_id)


def _apply(
    action: str, version: PlanVersion, revision: int, data: dict[str, Any], item: int
) -> None:
    if action == "update_step":
        drafts.update_step(version=version, revision=revision, step_id=item, **data)
    elif action == "goal":
        drafts.add_goal(version=version, revision=revision, **data)
    elif action == "obstacle":
        drafts.add_obstacle(version=version, revision=revision, **data)
    elif action == "step":
        drafts.add_step(version=version, revision=revision, **data)
    else:
        drafts.update_details(version=version, revision=revision, **data)


@staff_view(needs=Capability.OPEN_DOSSIER)
def version(request: HttpRequest, public_id: uuid.UUID, staff: StaffMember) -> HttpResponse:
    found, _access = open_plan_version(request, staff, public_id, "plan_version")
    full = queries.full_version(found.pk)
    previous, changes = queries.changes_since_previous(full)
    return _render(
        request,
        staff,
        "version.html",
        client=full.plan.client,
        version=full,
        previous=previous,
        changes=changes,
    )


@staff_view(needs=Capability.OPEN_DOSSIER)
def review(request: HttpRequest, public_id: uuid.UUID, staff: StaffMember) -> HttpResponse:
    access = open_client_for(request, staff, public_id, "plan_review")
    client = access.client
    found = queries.plan_for(client)
    if found is None or found.active_id is None:
        messages.error(request, _("There is no agreed plan yet. Make the plan together first."))
        return redirect("staff_plans:plan", public_id=client.public_id)
    active = queries.full_version(found.active_id)
    form = ReviewForm(
        request.POST or None, prefix="review", initial={"held_on": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            reviews.record_review(
                plan=found,
                actor=staff.user,
                held_on=data["held_on"],
                notes=_notes(request, active),
                changes=data["changes"],
                rung=data["rung"],
                next_review_on=data["next_review_on"],
            )
        except DossierError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("The talk is saved. The client sees it in Mijn Maatwerk."))
            return redirect("staff_plans:plan", public_id=client.public_id)
    return _render(
        request,
        staff,
        "review.html",
        client=client,
        active=active,
        form=form,
        progress_choices=PROGRESS_CHOICES,
    )


def _notes(request: HttpRequest, active: PlanVersion) -> list[reviews.NoteInput]:
    notes = []
    items = [("goal", g) for g in active.goals.all()] + [("step", s) for s in active.steps.all()]
    for kind, item in items:
        progress = request.POST.get(f"{kind}-{item.pk}-progress", "")
        if progress not in Progress.values:
            continue
        notes.append(
            reviews.NoteInput(
                progress=progress,
                note=request.POST.get(f"{kind}-{item.pk}-note", "").strip(),
                goal=item if kind == "goal" else None,  # type: ignore[arg-type]
                step=item if kind == "step" else None,  # type: ignore[arg-type]
            )
        )
    return notes


@staff_view(needs=Capability.OPEN_DOSSIER)
def plan_pdf(request: HttpRequest, public_id: uuid.UUID, staff: StaffMember) -> HttpResponse:
    access = open_client_for(request, staff, public_id, "plan_print")
    found = queries.plan_for(access.client)
    if found is None or found.active_id is None:
        raise Http404
    return printing.pdf_response(queries.full_version(found.active_id))


@staff_view(needs=Capability.KEEP_TEMPLATES)
def templates(request: HttpRequest, staff: StaffMember) -> HttpResponse:
    return _render(request, staff, "templates.html", rows=PlanTemplate.objects.all())


@staff_view(needs=Capability.KEEP_TEMPLATES)
def template_edit(request: HttpRequest, staff: StaffMember, pk: int | None = None) -> HttpResponse:
    instance = PlanTemplate.objects.filter(pk=pk).first() if pk else None
    if pk and instance is None:
        raise Http404
    form = TemplateForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        try:
            drafts.save_template(form=form, actor=staff.user)
        except PlanError as exc:
            form.add_error("steps", exc.message)
        else:
            messages.success(request, _("The template is saved."))
            return redirect("staff_plans:templates")
    return _render(request, staff, "template_form.html", form=form, instance=instance)
