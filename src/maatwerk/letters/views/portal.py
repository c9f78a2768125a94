"""Letters in the portal: the list, one letter in Dutch with the client's language beside it
(opening it is recorded as delivered and read), the PDF (large print on request) and the
letter read aloud."""

from __future__ import annotations

import uuid

from django.contrib.auth.models import User
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from maatwerk.dossiers.access import own_client
from maatwerk.dossiers.web import portal_login_required
from maatwerk.letters import rendering, sending
from maatwerk.letters.models import Language, Letter
from maatwerk.letters.services import LetterError


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


def _own_letter(request: HttpRequest, public_id: uuid.UUID) -> Letter:
    client = own_client(_user(request))
    letter = Letter.objects.filter(public_id=public_id, client=client).select_related(
        "client", "author"
    )
    found = letter.first()
    if found is None:
        raise Http404
    return found


@portal_login_required
def letters(request: HttpRequest) -> HttpResponse:
    client = own_client(_user(request))
    return render(
        request,
        "letters/portal/letters.html",
        {"rows": Letter.objects.filter(client=client)[:200]},
    )


@portal_login_required
def letter(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    found = _own_letter(request, public_id)
    sending.mark_opened(found)
    return render(
        request,
        "letters/portal/letter.html",
        {
            "letter": found,
            "language_label": Language(found.language).label
            if found.language in Language.values
            else found.language,
            "speak_translation": found.translated_body and rendering.can_speak(found.language),
        },
    )


@portal_login_required
def pdf(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    found = _own_letter(request, public_id)
    large = request.GET.get("groot") == "1"
    document = rendering.letter_pdf(found, large=large)
    response = HttpResponse(document, content_type="application/pdf")
    name = "brief-grote-letters.pdf" if large else "brief.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    return response


@portal_login_required
def listen(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    found = _own_letter(request, public_id)
    language = request.GET.get("taal", "nl")
    if language not in ("nl", found.language):
        raise Http404
    try:
        sound = rendering.letter_wav(found, language)
    except LetterError as exc:
        return HttpResponse(exc.message, status=503, content_type="text/plain; charset=utf-8")
    response = HttpResponse(sound, content_type="audio/wav")
    response["Content-Disposition"] = 'inline; filename="brief.wav"'
    response["Cache-Control"] = "no-store"
    return response
