"""Mijn Maatwerk: what we promised you and what you promised, your applications, and the
notice of default in one step when we decide too late."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.models import User
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from maatwerk.commitments import applications, notices, queries, services
from maatwerk.commitments.errors import CommitmentError
from maatwerk.commitments.forms import DoneForm, NoticeForm
from maatwerk.commitments.models import Application, Commitment, Party
from maatwerk.core.access_log import AccessEvent, log_access, origin_of
from maatwerk.core.models import AccessResult
from maatwerk.core.parsing import parse_uuid
from maatwerk.dossiers.access import own_client
from maatwerk.dossiers.models import Client
from maatwerk.dossiers.web import portal_login_required


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


@portal_login_required
def promises(request: HttpRequest) -> HttpResponse:
    client = own_client(_user(request))
    if request.method == "POST":
        return _report_done(request, client)
    return render(
        request,
        "commitments/portal/promises.html",
        {
            "ours": queries.of_party(client, Party.MUNICIPALITY),
            "theirs": queries.of_party(client, Party.CLIENT),
            "record": queries.record_of(client),
            "form": DoneForm(prefix="done"),
        },
    )


def _report_done(request: HttpRequest, client: Client) -> HttpResponse:
    form = DoneForm(request.POST, prefix="done")
    wanted = parse_uuid(request.POST.get("commitment", ""))
    found = Commitment.objects.filter(public_id=wanted, client=client).first() if wanted else None
    if found is None:
        _log_not_found(request, "commitment", request.POST.get("commitment", ""))
        raise Http404
    try:
        form.is_valid()
        done = services.report_done_by_client(
            commitment=found, client=client, note=form.cleaned_data.get("note", "")
        )
    except CommitmentError as exc:
        messages.error(request, exc.message)
        return redirect("portal_commit:promises")
    messages.success(request, _("Thank you. We saved that you did this. Keep your receipt."))
    assert done.receipt is not None
    return redirect("portal_docs:receipt", number=done.receipt.number)


@portal_login_required
def application_list(request: HttpRequest) -> HttpResponse:
    client = own_client(_user(request))
    rows = [(a, notices.state_of(a)) for a in queries.applications_of(client)]
    return render(request, "commitments/portal/applications.html", {"rows": rows})


@portal_login_required
def application(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    user = _user(request)
    client = own_client(user)
    found = Application.objects.filter(public_id=public_id, client=client).first()
    if found is None:
        _log_not_found(request, "application", str(public_id))
        raise Http404
    state = notices.state_of(found)
    initial_text = state.draft.text if state.draft else notices.default_text(found)
    form = NoticeForm(request.POST or None, prefix="notice", initial={"text": initial_text})
    if request.method == "POST" and form.is_valid():
        try:
            notice = notices.send_notice(
                application=found, text=form.cleaned_data["text"], user=user
            )
        except CommitmentError as exc:
            form.add_error(None, exc.message)
            state = notices.state_of(found)
        else:
            messages.success(
                request, _("We received your notice of default. This is your receipt.")
            )
            assert notice.receipt is not None
            return redirect("portal_docs:receipt", number=notice.receipt.number)
    return render(
        request,
        "commitments/portal/application.html",
        {
            "application": found,
            "term": applications.term_of(found),
            "state": state,
            "form": form,
            "decision": getattr(found, "penalty_decision", None),
            "receipt_letter": notices.receipt_letter(found, state),
        },
    )


def _log_not_found(request: HttpRequest, object_type: str, ref: str) -> None:
    log_access(
        actor=_user(request),
        origin=origin_of(request),
        event=AccessEvent(
            action=f"portal.view_{object_type}",
            object_type=object_type,
            object_ref=ref[:64],
            result=AccessResult.NOT_FOUND,
        ),
    )
