"""Mijn Maatwerk: my plan first (my goals, what I do next, what the municipality does next,
when we meet), the version waiting for me with "ik ga akkoord" or my own words, my proposals
for my goals, the history with the ladder, and the printed plan."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.models import User
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from maatwerk.core.parsing import parse_int
from maatwerk.dossiers.access import own_client
from maatwerk.dossiers.errors import DossierError
from maatwerk.dossiers.models import Client
from maatwerk.dossiers.web import portal_login_required
from maatwerk.plans import agreement, printing, queries, reviews
from maatwerk.plans.errors import OutdatedVersion
from maatwerk.plans.forms import DisagreeForm, ProposalForm
from maatwerk.plans.models import PlanVersion


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


@portal_login_required
def plan(request: HttpRequest) -> HttpResponse:
    client = own_client(_user(request))
    found = queries.plan_for(client)
    if request.method == "POST":
        if found is None:
            raise Http404
        return _answer(request, client, found)
    active = queries.full_version(found.active_id) if found and found.active_id else None
    waiting = _waiting(found)
    # The client compares a new version with the plan in force, not with one they turned down.
    previous, changes = (
        queries.changes_since_previous(waiting, against=found.active_id if found else None)
        if waiting
        else (None, [])
    )
    return render(
        request,
        "plans/portal/plan.html",
        {
            "plan": found,
            "active": active,
            "waiting": waiting,
            "waiting_previous": previous,
            "waiting_changes": changes,
            "sides": queries.sides(portal=True),
            "reviews": queries.recent_reviews(
                found, everything=request.GET.get("gesprekken") == "alle"
            )
            if found
            else [],
            "review_count": found.reviews.count() if found else 0,
            "versions": queries.versions_of(found) if found else [],
            "ladder": queries.ladder_of(client),
            "next_talk": queries.next_talk(found),
            "disagree_form": DisagreeForm(prefix="disagree"),
            "proposal_form": ProposalForm(prefix="proposal", goals=_goal_choices(active)),
        },
    )


def _goal_choices(active: PlanVersion | None) -> list[tuple[str, str]]:
    return [(str(g.key), g.text) for g in active.goals.all()] if active else []


def _waiting(found: object) -> PlanVersion | None:
    version = queries.open_version(found) if found is not None else None  # type: ignore[arg-type]
    return version if version is not None and not version.is_draft else None


def _answer(request: HttpRequest, client: Client, found: object) -> HttpResponse:
    action = request.POST.get("action", "")
    try:
        if action == "propose_goal":
            active = found.active  # type: ignore[attr-defined]
            form = ProposalForm(request.POST, prefix="proposal", goals=_goal_choices(active))
            form.is_valid()
            chosen = form.cleaned_data.get("goal") or ""
            reviews.propose_goal(
                plan=found,  # type: ignore[arg-type]
                client=client,
                text=form.cleaned_data.get("text", ""),
                success=form.cleaned_data.get("success", ""),
                goal_key=uuid.UUID(chosen) if chosen else None,
            )
            messages.success(
                request, _("Your regisseur sees your proposal and talks about it with you.")
            )
            return redirect("portal_plans:plan")
        version = _own_version(client, request.POST.get("version", ""))
        revision = parse_int(request.POST.get("revision"))
        if action == "agree":
            agreed = agreement.agree(version=version, client=client, revision=revision)
            messages.success(request, _("You agreed to your plan. This is your receipt."))
            assert agreed.agreement_receipt is not None
            return redirect("portal_docs:receipt", number=agreed.agreement_receipt.number)
        if action == "disagree":
            steps = {
                int(key.split("-")[1]): str(value)
                for key, value in request.POST.items()
                if key.startswith("step-") and key.split("-")[1].isdigit()
            }
            agreement.disagree(
                version=version,
                client=client,
                revision=revision,
                text=request.POST.get("disagree-text", ""),
                steps=steps,
            )
            messages.success(
                request,
                _("We saved what you do not agree with. Your regisseur talks about it with you."),
            )
            return redirect("portal_plans:plan")
    except OutdatedVersion as exc:
        messages.warning(request, exc.message)
        return redirect("portal_plans:plan")
    except DossierError as exc:
        messages.error(request, exc.message)
        return redirect("portal_plans:plan")
    raise Http404


def _own_version(client: Client, public_id: str) -> PlanVersion:
    try:
        wanted = uuid.UUID(public_id)
    except ValueError as error:
        raise Http404 from error
    version = PlanVersion.objects.filter(public_id=wanted, plan__client=client).first()
    if version is None:
        raise Http404
    return version


@portal_login_required
def version(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    client = own_client(_user(request))
    found = _own_version(client, str(public_id))
    if found.is_draft:
        raise Http404  # a draft is still being written; the client sees it once it is put to them
    full = queries.full_version(found.pk)
    previous, changes = queries.changes_since_previous(full)
    return render(
        request,
        "plans/portal/version.html",
        {
            "version": full,
            "previous": previous,
            "changes": changes,
            "sides": queries.sides(portal=True),
        },
    )


@portal_login_required
def plan_pdf(request: HttpRequest) -> HttpResponse:
    client = own_client(_user(request))
    found = queries.plan_for(client)
    if found is None or found.active_id is None:
        raise Http404
    return printing.pdf_response(queries.full_version(found.active_id))
