"""Recording pages: consent and recordings in the workspace (only the regisseur plays them),
and in the portal, where the client plays their recordings and withdraws consent."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.models import User
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from maatwerk.contacts import recordings as service
from maatwerk.contacts.access import open_recording
from maatwerk.contacts.forms import ConsentForm
from maatwerk.contacts.models import Consent, Recording
from maatwerk.core.access_log import AccessEvent, log_access, origin_of
from maatwerk.core.models import AccessBasis, StaffMember
from maatwerk.core.parsing import parse_uuid
from maatwerk.core.roles import Capability
from maatwerk.dossiers.access import own_client
from maatwerk.dossiers.errors import DossierError
from maatwerk.dossiers.web import (
    MAY_CHANGE,
    open_client_for,
    portal_login_required,
    render_staff,
    staff_view,
)


@staff_view(needs=Capability.OPEN_DOSSIER)
def client_recordings(
    request: HttpRequest, public_id: uuid.UUID, staff: StaffMember
) -> HttpResponse:
    access = open_client_for(request, staff, public_id, "recordings")
    client = access.client
    form = ConsentForm(
        request.POST if request.POST.get("step") == "consent" else None, prefix="consent"
    )
    if request.method == "POST":
        try:
            if request.POST.get("step") == "consent":
                if not form.is_valid():
                    raise DossierError(_("Check the fields of the permission."))
                service.give_consent(client=client, actor=staff.user, **form.cleaned_data)
                messages.success(
                    request, _("The permission is saved. The client sees it in Mijn Maatwerk.")
                )
            else:
                upload = request.FILES.get("recording")
                if upload is None:
                    raise DossierError(_("Choose a sound file first."))
                service.store_recording(
                    client=client, data=upload.read(), name=upload.name or "", actor=staff.user
                )
                messages.success(request, _("The recording is stored, encrypted."))
            return redirect("staff_contacts:recordings", public_id=client.public_id)
        except DossierError as exc:
            messages.error(request, exc.message)
    return render_staff(
        request,
        staff,
        "contacts/staff/recordings.html",
        client=client,
        consents=Consent.objects.filter(client=client),
        rows=Recording.objects.filter(client=client).select_related("consent"),
        active=service.active_consent(client),
        form=form,
        may_change=access.basis in MAY_CHANGE,
        may_play=access.basis == AccessBasis.REGISSEUR,
    )


@staff_view(needs=Capability.OPEN_DOSSIER)
def staff_play(request: HttpRequest, public_id: uuid.UUID, staff: StaffMember) -> HttpResponse:
    return _sound(open_recording(request, staff, public_id))


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


@portal_login_required
def my_recordings(request: HttpRequest) -> HttpResponse:
    client = own_client(_user(request))
    if request.method == "POST":
        wanted = parse_uuid(request.POST.get("consent"))
        consent = (
            Consent.objects.filter(public_id=wanted, client=client).first() if wanted else None
        )
        if consent is None:
            raise Http404
        removed = service.withdraw_consent(consent=consent, client=client)
        messages.success(
            request,
            _("Your permission is withdrawn. We deleted %(n)d recording(s).") % {"n": removed},
        )
        return redirect("portal_contacts:recordings")
    return render(
        request,
        "contacts/portal/recordings.html",
        {
            "consents": Consent.objects.filter(client=client),
            "rows": Recording.objects.filter(client=client, deleted_at__isnull=True).select_related(
                "consent"
            ),
        },
    )


@portal_login_required
def portal_play(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    client = own_client(_user(request))
    recording = (
        Recording.objects.filter(public_id=public_id, client=client)
        .select_related("consent")
        .first()
    )
    if recording is None:
        raise Http404
    log_access(
        actor=_user(request),
        origin=origin_of(request),
        event=AccessEvent(
            action="portal.play_recording",
            object_type="recording",
            object_ref=str(recording.public_id),
            client_ref=client.public_id,
            basis=AccessBasis.OWN_DOSSIER,
        ),
    )
    return _sound(recording)


def _sound(recording: Recording) -> HttpResponse:
    try:
        data = service.play(recording)
    except DossierError as exc:
        return HttpResponse(exc.message, status=410, content_type="text/plain; charset=utf-8")
    response = HttpResponse(data, content_type=recording.media_type)
    response["Content-Disposition"] = 'inline; filename="opname"'
    response["Cache-Control"] = "no-store"
    return response
