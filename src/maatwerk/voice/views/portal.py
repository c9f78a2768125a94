"""Portal pages of the voice app: consultations for the client's target group, answered
anonymously (a seal records only that they answered)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from maatwerk.core.parsing import parse_uuid
from maatwerk.dossiers.access import own_client
from maatwerk.dossiers.web import portal_login_required
from maatwerk.voice import council
from maatwerk.voice.errors import VoiceError


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


@portal_login_required
def consultations(request: HttpRequest) -> HttpResponse:
    client = own_client(_user(request))
    if request.method == "POST":
        wanted = parse_uuid(request.POST.get("consultation"))
        found = council.open_for(client).filter(public_id=wanted).first() if wanted else None
        try:
            if found is None:
                raise VoiceError(_("This question is closed, or you answered it already."))
            council.answer_consultation(
                consultation=found, client=client, text=request.POST.get("text", "")
            )
        except VoiceError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("Thank you. Your answer is saved without your name."))
        return redirect("portal_voice:consultations")
    return render(request, "voice/portal/consultations.html", {"rows": council.open_for(client)})
