"""Pages anyone can use without logging in: anonymous feedback, the survey behind a link, and
the public list of improvement actions. Nothing here reads a cookie, writes a session, or logs
the request (middleware.py)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt

from maatwerk.core.access_log import client_address
from maatwerk.core.parsing import parse_int
from maatwerk.voice import feedback, surveys
from maatwerk.voice.anonymous import limiter
from maatwerk.voice.errors import VoiceError
from maatwerk.voice.models import (
    FeedbackKind,
    Group,
    ImprovementAction,
    Theme,
)


def _draft(request: HttpRequest) -> feedback.Draft:
    rating = parse_int(request.POST.get("rating"))
    return feedback.Draft(
        kind=request.POST.get("kind", ""),
        group=request.POST.get("group", ""),
        theme=request.POST.get("theme", ""),
        rating=rating if rating != -1 else None,
        text=request.POST.get("text", ""),
    )


def _form(request: HttpRequest, **context: object) -> HttpResponse:
    context.update(
        kinds=FeedbackKind.choices,
        groups=Group.choices,
        themes=Theme.choices,
        max_text=feedback.MAX_TEXT,
    )
    status = 429 if context.get("limited") else 200
    return render(request, "voice/public/feedback.html", context, status=status)


@csrf_exempt  # no cookie reaches this view, so there is no session to protect
def share(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return _form(request, draft=None)
    draft = _draft(request)
    try:
        draft = feedback.valid(draft)
    except VoiceError as exc:
        return _form(request, draft=draft, error=exc.message)
    found = feedback.details_in(draft.text)
    choice = request.POST.get("details", "")
    if found and choice not in ("remove", "keep"):
        return _form(request, draft=draft, found=found)
    if not limiter.allow(client_address(request)):
        return _form(request, draft=draft, limited=True)
    feedback.submit(draft, remove_details=choice == "remove")
    return render(
        request, "voice/public/thanks.html", {"waiting": bool(found) and choice == "keep"}
    )


@csrf_exempt
def survey(request: HttpRequest, token: str) -> HttpResponse:
    try:
        invitation = surveys.open_invitation(token)
    except VoiceError as exc:
        return render(
            request, "voice/public/survey_closed.html", {"message": exc.message}, status=410
        )
    error = ""
    if request.method == "POST":
        scores = {}
        for key, _question in surveys.QUESTIONS:
            value = parse_int(request.POST.get(key))
            scores[key] = value if value != -1 else None
        try:
            surveys.answer(
                invitation,
                scores=scores,
                text=request.POST.get("text", ""),
                named=request.POST.get("named") == "yes",
            )
        except VoiceError as exc:
            error = exc.message
        else:
            return render(request, "voice/public/thanks.html", {"survey": True})
    return render(
        request,
        "voice/public/survey.html",
        {"questions": surveys.QUESTIONS, "token": token, "error": error},
    )


def actions(request: HttpRequest) -> HttpResponse:
    rows = ImprovementAction.objects.filter(public=True).prefetch_related("updates")
    return render(request, "voice/public/actions.html", {"rows": rows})
