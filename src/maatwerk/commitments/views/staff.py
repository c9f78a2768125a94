"""Workspace: a dossier's commitments and applications, their actions, and my escalations.

Thin: parse the form, call a service, render. Every page opens the dossier through the same
access check (and log) as the dossier page.
"""

from __future__ import annotations

import uuid
from datetime import datetime, time
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _

from maatwerk.commitments import applications, letters, notices, queries, services
from maatwerk.commitments.access import open_application, open_commitment
from maatwerk.commitments.errors import CommitmentError
from maatwerk.commitments.forms import (
    ApplicationForm,
    CloseForm,
    DecisionForm,
    ExtensionForm,
    PaperNoticeForm,
    PaymentForm,
    PenaltyDecisionForm,
    PromiseForm,
    SuspensionForm,
)
from maatwerk.commitments.models import Application, Commitment, Origin, Party
from maatwerk.commitments.moments import END_OF_DAY
from maatwerk.core.models import Role, StaffMember
from maatwerk.core.roles import Capability
from maatwerk.dossiers.access import log_list_read
from maatwerk.dossiers.web import MAY_CHANGE, open_client_for, render_staff, staff_view

ESCALATION_ROWS = 200
# These are kept by their own step on the application page (decision, penalty, payment).
_CLOSED_BY_OWN_STEP = frozenset(
    {Origin.APPLICATION_DECISION, Origin.PENALTY_DECISION, Origin.PENALTY_PAYMENT}
)


def _render(
    request: HttpRequest, staff: StaffMember, template: str, **context: Any
) -> HttpResponse:
    return render_staff(request, staff, f"commitments/staff/{template}", **context)


def _moment(day: Any, at: time | None, *, default: time) -> datetime:
    return timezone.make_aware(datetime.combine(day, at or default))


@staff_view(needs=Capability.OPEN_DOSSIER)
def dossier_commitments(
    request: HttpRequest, public_id: uuid.UUID, staff: StaffMember
) -> HttpResponse:
    access = open_client_for(request, staff, public_id, "commitments")
    client = access.client
    form = PromiseForm(request.POST or None, prefix="promise")
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.promise(
                client=client,
                party=data["party"],
                description=data["description"],
                due_at=_moment(data["due_on"], data["due_time"], default=END_OF_DAY),
                actor=staff.user,
            )
        except CommitmentError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(
                request, _("The promise is saved. The client sees it in Mijn Maatwerk.")
            )
            return redirect("staff_commit:commitments", public_id=client.public_id)
    return _render(
        request,
        staff,
        "commitments.html",
        client=client,
        ours=queries.of_party(client, Party.MUNICIPALITY),
        theirs=queries.of_party(client, Party.CLIENT),
        record=queries.record_of(client),
        form=form,
        may_change=access.basis in MAY_CHANGE,
    )


@staff_view(needs=Capability.OPEN_DOSSIER)
def commitment(request: HttpRequest, public_id: uuid.UUID, staff: StaffMember) -> HttpResponse:
    found, access = open_commitment(request, staff, public_id)
    form = CloseForm(request.POST or None, prefix="close")
    if found.origin in _CLOSED_BY_OWN_STEP and request.method == "POST":
        form.is_valid()
        form.add_error(None, _("Close this on the application page, with its own step."))
    elif request.method == "POST" and form.is_valid():
        try:
            _close(found, form.cleaned_data, staff)
        except CommitmentError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Saved. The client sees this in Mijn Maatwerk."))
            return redirect("staff_commit:commitments", public_id=found.client.public_id)
    return _render(
        request,
        staff,
        "commitment.html",
        client=found.client,
        commitment=found,
        form=form,
        may_change=access.basis in MAY_CHANGE and not found.is_closed,
        own_step=found.origin in _CLOSED_BY_OWN_STEP,
    )


def _close(found: Commitment, data: dict[str, Any], staff: StaffMember) -> None:
    if data["action"] == "fulfil":
        services.fulfil(
            commitment=found,
            evidence=data["evidence"],
            evidence_ref=data["evidence_ref"],
            note=data["reason"],
            actor=staff.user,
        )
    elif data["action"] == "excuse":
        services.excuse(commitment=found, reason=data["reason"], actor=staff.user)
    else:
        services.withdraw(commitment=found, reason=data["reason"], actor=staff.user)


@staff_view(needs=Capability.CASE_WORK)
def escalations(request: HttpRequest, staff: StaffMember) -> HttpResponse:
    rows = list(
        queries.escalated_to(staff.user, team_lead=staff.role == Role.TEAM_LEAD)[:ESCALATION_ROWS]
    )
    log_list_read(
        request=request,
        staff=staff,
        clients=[row.client for row in rows],
        action="view_escalations",
        object_type="commitments",
    )
    return _render(request, staff, "escalations.html", rows=rows)


@staff_view(needs=Capability.OPEN_DOSSIER)
def dossier_applications(
    request: HttpRequest, public_id: uuid.UUID, staff: StaffMember
) -> HttpResponse:
    access = open_client_for(request, staff, public_id, "applications")
    client = access.client
    form = ApplicationForm(
        request.POST or None, prefix="application", initial={"received_on": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            application = applications.record_application(
                client=client,
                kind=data["kind"],
                subject=data["subject"],
                received_at=_received_at(data["received_on"], data["received_time"]),
                channel=data["channel"],
                actor=staff.user,
                term_weeks=data["term_weeks"],
                objection_period_ended=data["objection_period_ended"],
            )
        except CommitmentError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("The application is registered. The client got a receipt."))
            return redirect("staff_commit:application", public_id=application.public_id)
    return _render(
        request,
        staff,
        "applications.html",
        client=client,
        rows=queries.applications_of(client),
        form=form,
        may_change=access.basis in MAY_CHANGE,
    )


def _received_at(day: Any, at: time | None) -> datetime:
    if at is None and day == timezone.localdate():
        return timezone.now()
    return _moment(day, at, default=time(12))


_STEPS: dict[str, type[forms.Form]] = {
    "extend": ExtensionForm,
    "suspend": SuspensionForm,
    "decide": DecisionForm,
    "notice": PaperNoticeForm,
    "penalty": PenaltyDecisionForm,
    "payment": PaymentForm,
}


@staff_view(needs=Capability.OPEN_DOSSIER)
def application(request: HttpRequest, public_id: uuid.UUID, staff: StaffMember) -> HttpResponse:
    found, access = open_application(request, staff, public_id)
    step = request.POST.get("step", "")
    bound = {
        name: form_class(
            request.POST if name == step else None, prefix=name, initial=_initial(name, found)
        )
        for name, form_class in _STEPS.items()
    }
    if request.method == "POST" and step in bound and bound[step].is_valid():
        try:
            _apply(step, found, bound[step].cleaned_data, staff)
        except CommitmentError as exc:
            bound[step].add_error(None, exc.message)
        else:
            messages.success(request, _("Saved. The client sees this in Mijn Maatwerk."))
            return redirect("staff_commit:application", public_id=found.public_id)
    term = applications.term_of(found)
    state = notices.state_of(found)
    penalty_gaps = state.penalty.calendar_gaps if state.penalty else ()
    return _render(
        request,
        staff,
        "application.html",
        client=found.client,
        application=found,
        term=term,
        state=state,
        calendar_gaps=sorted({*term.calendar_gaps, *penalty_gaps}),
        decision=getattr(found, "penalty_decision", None),
        forms=bound,
        may_change=access.basis in MAY_CHANGE,
    )


def _initial(step: str, found: Application) -> dict[str, Any]:
    today = timezone.localdate()
    if step == "extend":
        return {"notified_on": today, "letter": letters.render("extension", application=found)}
    if step in ("decide", "payment"):
        return {"decided_on": today, "paid_on": today}
    return {}


def _apply(step: str, found: Application, data: dict[str, Any], staff: StaffMember) -> None:
    user = staff.user
    if step == "extend":
        applications.extend_term(
            application=found,
            extended_to=data["extended_to"],
            notified_on=data["notified_on"],
            reason=data["reason"],
            letter=data["letter"],
            actor=user,
            consent=data.get("consent", ""),
        )
    elif step == "suspend":
        applications.suspend_term(
            application=found,
            first_day=data["first_day"],
            last_day=data["last_day"],
            ground=data["ground"],
            note=data["note"],
            actor=user,
        )
    elif step == "decide":
        applications.decide(
            application=found,
            decided_on=data["decided_on"],
            outcome=data["outcome"],
            note=data["note"],
            actor=user,
        )
    elif step == "notice":
        notices.register_paper_notice(
            application=found, received_on=data["received_on"], text=data["text"], actor=user
        )
    elif step == "penalty":
        notices.decide_penalty(
            application=found, actor=user, exemption=data["exemption"], reason=data["reason"]
        )
    else:
        notices.register_payment(
            application=found, paid_on=data["paid_on"], reference=data["reference"], actor=user
        )
