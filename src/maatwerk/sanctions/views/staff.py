"""Workspace pages: the absences of a client (registered by phone or at the counter), sanction
proposals with the evidence check on one screen, the review list, and the sanction table."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _

from maatwerk.commitments.models import Commitment, Party
from maatwerk.contacts.models import Appointment
from maatwerk.core.models import Role, StaffMember
from maatwerk.core.parsing import parse_int, parse_uuid
from maatwerk.core.roles import Capability
from maatwerk.dossiers.access import log_list_read
from maatwerk.dossiers.models import Client
from maatwerk.dossiers.web import MAY_CHANGE, open_client_for, render_staff, staff_view
from maatwerk.sanctions import absences, information, objections, proposals
from maatwerk.sanctions.access import open_proposal
from maatwerk.sanctions.errors import SanctionError
from maatwerk.sanctions.forms import (
    ChangeAbsenceForm,
    DecisionForm,
    ExplainForm,
    MissingInformationForm,
    ObjectionOutcomeForm,
    PaperObjectionForm,
    ProposalForm,
    ResponseForm,
    StaffAbsenceForm,
)
from maatwerk.sanctions.models import (
    Absence,
    MissingInformation,
    Proposal,
    ProposalStatus,
    SanctionTable,
)


def _render(
    request: HttpRequest, staff: StaffMember, template: str, status: int = 200, **context: Any
) -> HttpResponse:
    return render_staff(request, staff, f"sanctions/staff/{template}", status, **context)


@staff_view(needs=Capability.OPEN_DOSSIER)
def client_absences(request: HttpRequest, public_id: uuid.UUID, staff: StaffMember) -> HttpResponse:
    access = open_client_for(request, staff, public_id, "absences")
    client = access.client
    form = StaffAbsenceForm(request.POST or None, prefix="absence")
    if request.method == "POST" and request.POST.get("action") in ("change", "cancel"):
        return _change_absence(request, staff, client)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            made = absences.report(
                client=client,
                kind=data["kind"],
                first_day=data["first_day"],
                last_day=data["last_day"],
                abroad=data["abroad"],
                place=data["place"],
                note=data["note"],
                via=data["via"],
                actor=staff.user,
            )
        except SanctionError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(
                request,
                _("The absence is registered. Receipt %(number)s; the client gets it too.")
                % {"number": made.receipt.number},
            )
            if made.aow_unpublished:
                messages.warning(request, absences.aow_unpublished_message())
            return redirect("staff_sanctions:absences", public_id=client.public_id)
    return _render(
        request,
        staff,
        "absences.html",
        client=client,
        rows=Absence.objects.filter(client=client).select_related("receipt")[:100],
        form=form,
        days_left=absences.days_left_this_year(client),
        aow_message=absences.aow_unpublished_message(),
        may_change=access.basis in MAY_CHANGE,
    )


def _change_absence(request: HttpRequest, staff: StaffMember, client: Client) -> HttpResponse:
    wanted = parse_uuid(request.POST.get("absence"))
    absence = Absence.objects.filter(client=client, public_id=wanted).first() if wanted else None
    if absence is None:
        raise Http404
    try:
        if request.POST.get("action") == "cancel":
            absences.cancel(absence=absence, actor=staff.user)
        else:
            form = ChangeAbsenceForm(request.POST, prefix="change")
            if not form.is_valid():
                raise SanctionError(_("Fill in both days, as day-month-year."))
            absences.change(
                absence=absence,
                first_day=form.cleaned_data["first_day"],
                last_day=form.cleaned_data["last_day"],
                place=form.cleaned_data["place"],
                actor=staff.user,
            )
    except SanctionError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Saved. The client gets a new receipt."))
    return redirect("staff_sanctions:absences", public_id=client.public_id)


def _choices(form: ProposalForm, name: str) -> forms.ChoiceField:
    field = form.fields[name]
    assert isinstance(field, forms.ChoiceField)
    return field


def _proposal_form(request: HttpRequest, client: Client, staff: StaffMember) -> ProposalForm:
    form = ProposalForm(request.POST or None, prefix="proposal")
    table = proposals.table_on(timezone.localdate())
    rules = [r for r in table.rules.all() if proposals.proposable(r)] if table else []
    _choices(form, "code").choices = [("", "—")] + [(r.code, r.label) for r in rules]
    since = timezone.now() - timedelta(days=120)
    _choices(form, "appointment").choices = [("", "—")] + [
        (str(a.public_id), f"{timezone.localtime(a.starts_at):%d-%m-%Y %H:%M} {a.subject}")
        for a in Appointment.objects.filter(client=client, starts_at__gte=since).order_by(
            "-starts_at"
        )[:30]
    ]
    for name, party in (
        ("commitments", Party.CLIENT),
        ("municipal_commitments", Party.MUNICIPALITY),
    ):
        _choices(form, name).choices = [
            (
                str(c.public_id),
                f"{timezone.localtime(c.due_at):%d-%m-%Y}: {c.description[:80]} "
                f"({c.get_status_display()})",
            )
            for c in Commitment.objects.filter(
                client=client, party=party, due_at__gte=since
            ).order_by("-due_at")[:30]
        ]
    colleagues = proposals.eligible_reviewers(staff.user)
    _choices(form, "reviewer").choices = [("", "—")] + [
        (str(u.pk), u.get_full_name() or u.username)
        for u in colleagues.order_by("first_name")[:100]
    ]
    return form


@staff_view(needs=Capability.OPEN_DOSSIER)
def client_proposals(
    request: HttpRequest, public_id: uuid.UUID, staff: StaffMember
) -> HttpResponse:
    access = open_client_for(request, staff, public_id, "sanctions")
    client = access.client
    may_change = access.basis in MAY_CHANGE
    action = request.POST.get("action", "propose")
    if request.method == "POST" and action != "propose":
        if not may_change:
            raise PermissionDenied
        missing_form, done = _missing_information(request, staff, client, action)
        if done:
            return redirect("staff_sanctions:proposals", public_id=client.public_id)
    else:
        missing_form = MissingInformationForm(prefix="missing")
    form = _proposal_form(request, client, staff)
    if request.method == "POST" and action == "propose" and form.is_valid():
        data = form.cleaned_data
        try:
            made = proposals.propose(
                client=client,
                code=data["code"],
                event_date=data["event_date"],
                facts=data["facts"],
                actor=staff.user,
                commitments=list(
                    Commitment.objects.filter(
                        client=client,
                        public_id__in=data["commitments"] + data["municipal_commitments"],
                    )
                ),
                appointment=Appointment.objects.filter(
                    client=client, public_id=parse_uuid(data["appointment"]) or uuid.UUID(int=0)
                ).first(),
                reviewer=User.objects.filter(pk=parse_int(data["reviewer"])).first(),
            )
        except SanctionError as exc:
            form.add_error(None, exc.message)
        else:
            return redirect("staff_sanctions:proposal", public_id=made.public_id)
    return _render(
        request,
        staff,
        "proposals.html",
        client=client,
        rows=Proposal.objects.filter(client=client).select_related("rule")[:100],
        form=form,
        missing_form=missing_form,
        missing=MissingInformation.objects.filter(client=client)[:20],
        may_change=may_change,
    )


def _missing_information(
    request: HttpRequest, staff: StaffMember, client: Client, action: str
) -> tuple[MissingInformationForm, bool]:
    """Start or end the information-duty path (Pw art. 17 lid 1, art. 54): never a sanction."""
    form = MissingInformationForm(request.POST, prefix="missing")
    try:
        if action == "missing_end":
            found = MissingInformation.objects.filter(
                client=client,
                public_id=parse_uuid(request.POST.get("missing", "")) or uuid.UUID(int=0),
            ).first()
            if found is None:
                raise Http404
            information.end(missing=found, note=request.POST.get("note", ""), actor=staff.user)
            messages.success(request, _("Saved: the papers arrived, the suspension ends."))
            return form, True
        if form.is_valid():
            information.start(
                client=client,
                what=form.cleaned_data["what"],
                due_on=form.cleaned_data["due_on"],
                actor=staff.user,
            )
            messages.success(request, _("Saved. The client gets a letter with the term."))
            return form, True
    except SanctionError as exc:
        form.add_error(None, exc.message)
    return form, False


@staff_view(needs=Capability.OPEN_DOSSIER)
def proposal(request: HttpRequest, public_id: uuid.UUID, staff: StaffMember) -> HttpResponse:
    """One screen: why the proposal is stopped or may go on, and every next step."""
    found, access, may_review = open_proposal(request, staff, public_id)
    typed = _Typed(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        try:
            _act(request, staff, found, typed)
        except SanctionError as exc:
            # The page comes again with the message and every form as it was sent: what staff
            # typed (often copied from a letter) is never lost.
            messages.error(request, exc.message)
            found = Proposal.objects.select_related("rule", "client").get(pk=found.pk)
        else:
            messages.success(request, _("Saved."))
            return redirect("staff_sanctions:proposal", public_id=found.public_id)
    proposals.recheck(found)
    objection = getattr(found, "objection", None)
    return _render(
        request,
        staff,
        "proposal.html",
        proposal=found,
        client=found.client,
        breach_text=proposals.breach_text(found),
        blocking=found.blocking(),
        weighed=[f for f in found.findings if f.get("applies", True)],
        dropped=[f for f in found.findings if not f.get("applies", True)],
        overrides={o.finding_key: o for o in found.overrides.select_related("by")},
        may_change=access.basis in MAY_CHANGE,
        may_review=may_review,
        may_decide_now=_may_decide_now(found),
        is_lead=staff.role == Role.TEAM_LEAD,
        explain_form=typed.explain,
        response_form=typed.response,
        decision_form=typed.decision,
        outcome_form=typed.outcome,
        paper_form=typed.paper,
        withdraw_reason=typed.withdraw_reason,
        objection=objection,
        period=objections.period_of(found),
        deferrals=objection.application.extensions.all() if objection else [],
    )


class _Typed:
    """The forms of the proposal page; only the one that was sent is bound to what was typed,
    so the others show empty and without errors."""

    def __init__(self, data: QueryDict | None) -> None:
        action = data.get("action", "") if data is not None else ""

        def sent(name: str) -> QueryDict | None:
            return data if action == name else None

        self.explain = ExplainForm(sent("explain"), prefix="explain")
        self.response = ResponseForm(sent("response"), prefix="response")
        self.decision = DecisionForm(sent("decide"), prefix="decision")
        self.outcome = ObjectionOutcomeForm(sent("objection"), prefix="outcome")
        self.paper = PaperObjectionForm(sent("paper_objection"), prefix="paper")
        withdraw = sent("withdraw")
        self.withdraw_reason = withdraw.get("reason", "") if withdraw is not None else ""


def _may_decide_now(found: Proposal) -> bool:
    if found.status == ProposalStatus.REVIEW:
        return True
    return (
        found.status == ProposalStatus.HEARING
        and found.hearing_due is not None
        and timezone.localdate() > found.hearing_due
    )


def _act(request: HttpRequest, staff: StaffMember, found: Proposal, typed: _Typed) -> None:
    action = request.POST.get("action", "")
    if action == "explain":
        if not typed.explain.is_valid():
            raise SanctionError(_("Explain in a full sentence why this finding does not apply."))
        proposals.explain_finding(
            proposal=found,
            key=typed.explain.cleaned_data["key"],
            reason=typed.explain.cleaned_data["reason"],
            actor=staff.user,
        )
    elif action == "hearing":
        proposals.start_hearing(proposal=found, actor=staff.user)
    elif action == "response":
        if not typed.response.is_valid():
            raise SanctionError(
                _("Write the answer. Tell in the client's own words what happened.")
            )
        proposals.respond(
            proposal=found,
            text=typed.response.cleaned_data["text"],
            channel=typed.response.cleaned_data["channel"],
            actor=staff.user,
        )
    elif action == "decide":
        if not typed.decision.is_valid():
            raise SanctionError(_("Choose a decision and write why."))
        data = typed.decision.cleaned_data
        proposals.decide(
            proposal=found,
            actor=staff.user,
            decision=data["decision"],
            reason=data["reason"],
            percentage=data["percentage"],
            months=data["months"],
            urgent_reasons=data["urgent_reasons"],
        )
    elif action == "withdraw":
        proposals.withdraw(proposal=found, reason=typed.withdraw_reason, actor=staff.user)
    elif action in ("objection", "paper_objection", "committee"):
        _act_on_objection(staff, found, action, typed)
    else:
        raise Http404


def _act_on_objection(staff: StaffMember, found: Proposal, action: str, typed: _Typed) -> None:
    if action == "paper_objection":
        if not typed.paper.is_valid():
            raise SanctionError(
                _("Fill in the grounds, the day it arrived (day-month-year) and how it arrived.")
            )
        data = typed.paper.cleaned_data
        objections.object_to(
            proposal=found,
            grounds=data["grounds"],
            actor=staff.user,
            channel=data["channel"],
            received_on=data["received_on"],
            posted_on=data["posted_on"],
            late_reason=data["late_reason"],
            committee=data["committee"],
        )
        return
    if not hasattr(found, "objection"):
        raise Http404
    if action == "committee":
        objections.hear_by_committee(objection=found.objection, actor=staff.user)
        return
    if not typed.outcome.is_valid():
        raise SanctionError(
            _("Choose the outcome and write why. A new percentage is 1 to 100, months 1 to 3.")
        )
    data = typed.outcome.cleaned_data
    objections.decide_objection(
        objection=found.objection,
        outcome=data["outcome"],
        reason=data["reason"],
        actor=staff.user,
        percentage=data["percentage"],
        months=data["months"],
        excused_reason=data["excused_reason"],
    )


@staff_view(needs=Capability.REVIEW_SANCTIONS)
def review_list(request: HttpRequest, staff: StaffMember) -> HttpResponse:
    """Proposals waiting for me: as team lead (my team) or as the chosen colleague."""
    rows = Proposal.objects.filter(status__in=proposals.OPEN_STATUSES).select_related(
        "client", "rule", "proposer"
    )
    if staff.role == Role.TEAM_LEAD:
        rows = rows.filter(proposer__staff__team=staff.team)
    else:
        rows = rows.filter(reviewer=staff.user)
    rows = rows.exclude(proposer=staff.user).order_by("created_at")[:200]
    shown = list(rows)
    log_list_read(
        request=request,
        staff=staff,
        clients=[p.client for p in shown],
        action="sanctions.review_list",
        object_type="proposal",
    )
    return _render(request, staff, "review_list.html", rows=shown)


@staff_view(needs=Capability.REVIEW_SANCTIONS)
def table(request: HttpRequest, staff: StaffMember) -> HttpResponse:
    proposals.ensure_table()
    return _render(
        request, staff, "table.html", tables=SanctionTable.objects.prefetch_related("rules")
    )
