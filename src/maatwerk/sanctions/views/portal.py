"""Portal pages: report and change absences (with a check before confirming), and the client's
sanction proposals in order: proposal, findings, their answer, decision, objection."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.models import User
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from maatwerk.core.models import ReceiptChannel
from maatwerk.core.parsing import parse_uuid
from maatwerk.dossiers.access import own_client
from maatwerk.dossiers.models import Client
from maatwerk.dossiers.web import portal_login_required
from maatwerk.sanctions import absences, objections, proposals
from maatwerk.sanctions.errors import SanctionError
from maatwerk.sanctions.forms import AbsenceForm, ChangeAbsenceForm
from maatwerk.sanctions.models import Absence, Proposal, ProposalStatus, ResponseChannel


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


@portal_login_required
def my_absences(request: HttpRequest) -> HttpResponse:
    client = own_client(_user(request))
    if request.method == "POST" and request.POST.get("action") in ("change", "cancel"):
        return _change(request, client)
    form = AbsenceForm(request.POST or None, prefix="absence")
    preview = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if request.POST.get("action") == "confirm":
                made = absences.report(
                    client=client,
                    kind=data["kind"],
                    first_day=data["first_day"],
                    last_day=data["last_day"],
                    abroad=data["abroad"],
                    place=data["place"],
                    note=data["note"],
                    via=ReceiptChannel.PORTAL,
                    actor=_user(request),
                )
                messages.success(
                    request,
                    _("Your absence is registered. Your receipt: %(number)s.")
                    % {"number": made.receipt.number},
                )
                return redirect("portal_sanctions:absences")
            preview = absences.preview(
                client=client,
                first_day=data["first_day"],
                last_day=data["last_day"],
                abroad=data["abroad"] or data["kind"] == "abroad",
            )
        except SanctionError as exc:
            form.add_error(None, exc.message)
    return render(
        request,
        "sanctions/portal/absences.html",
        {
            "form": form,
            "preview": preview,
            "rows": Absence.objects.filter(client=client).select_related("receipt")[:100],
            "days_left": absences.days_left_this_year(client),
            "aow_message": absences.aow_unpublished_message(),
            "notice_days": settings.ABSENCE_NOTICE_DAYS,
        },
    )


def _change(request: HttpRequest, client: Client) -> HttpResponse:
    wanted = parse_uuid(request.POST.get("absence"))
    absence = Absence.objects.filter(client=client, public_id=wanted).first() if wanted else None
    if absence is None:
        raise Http404
    try:
        if request.POST.get("action") == "cancel":
            absences.cancel(absence=absence, actor=_user(request))
        else:
            form = ChangeAbsenceForm(request.POST, prefix="change")
            if not form.is_valid():
                raise SanctionError(_("Fill in both days, as day-month-year."))
            absences.change(
                absence=absence,
                first_day=form.cleaned_data["first_day"],
                last_day=form.cleaned_data["last_day"],
                place=form.cleaned_data["place"],
                actor=_user(request),
            )
    except SanctionError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Your change is saved. You get a new receipt."))
    return redirect("portal_sanctions:absences")


@portal_login_required
def my_sanctions(request: HttpRequest) -> HttpResponse:
    client = own_client(_user(request))
    rows = Proposal.objects.filter(client=client).select_related("rule")
    return render(request, "sanctions/portal/sanctions.html", {"rows": rows})


@portal_login_required
def my_sanction(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    client = own_client(_user(request))
    found = (
        Proposal.objects.filter(client=client, public_id=public_id).select_related("rule").first()
    )
    if found is None:
        raise Http404
    if request.method == "POST":
        try:
            if request.POST.get("action") == "respond":
                proposals.respond(
                    proposal=found,
                    text=request.POST.get("text", ""),
                    channel=ResponseChannel.PORTAL,
                    actor=_user(request),
                )
                messages.success(
                    request, _("Thank you. Your answer is saved and will be read before we decide.")
                )
            elif request.POST.get("action") == "object":
                made = objections.object_to(
                    proposal=found,
                    grounds=request.POST.get("grounds", ""),
                    late_reason=request.POST.get("late_reason", ""),
                    actor=_user(request),
                    channel=ReceiptChannel.PORTAL,
                )
                messages.success(
                    request,
                    _("Your objection is received. Receipt %(number)s. We decide by %(day)s.")
                    % {
                        "number": made.application.receipt.number
                        if made.application.receipt
                        else "",
                        "day": made.application.decision_due.strftime("%d-%m-%Y"),
                    },
                )
            else:
                raise Http404
        except SanctionError as exc:
            # Shown on this page again, with what the client typed: nothing written is lost.
            messages.error(request, exc.message)
        else:
            return redirect("portal_sanctions:sanction", public_id=found.public_id)
    period = objections.period_of(found)
    return render(
        request,
        "sanctions/portal/sanction.html",
        {
            "proposal": found,
            "period": period,
            "period_over": period is not None and period.is_over_on(timezone.localdate()),
            "against": [f for f in found.findings if f.get("direction") == "against"],
            "supporting": [f for f in found.findings if f.get("direction") == "for"],
            "open_to_answer": found.status == ProposalStatus.HEARING,
            "may_object": found.status == ProposalStatus.DECIDED
            and not hasattr(found, "objection"),
            "objection": getattr(found, "objection", None),
            "typed": {
                name: request.POST.get(name, "") for name in ("text", "grounds", "late_reason")
            },
        },
    )
