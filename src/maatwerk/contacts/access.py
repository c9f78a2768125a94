"""Opening a callback, conversation report, appointment or recording for a staff member:
fetch, check, log, or raise.

Each belongs to a client's dossier and opens under the dossier's rules (`dossiers.web`): reading
needs the usual access, a POST needs the right to change the dossier. A callback without a client
yet waits in the queue, where whoever works the intake queue chooses the client.
"""

from __future__ import annotations

import uuid

from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _

from maatwerk.contacts.models import Appointment, Callback, ConversationReport, Recording
from maatwerk.core.models import AccessBasis, StaffMember
from maatwerk.core.roles import Capability, has
from maatwerk.dossiers.access import DossierAccess
from maatwerk.dossiers.web import NotForYourRole, open_client_for, open_part

_QUEUE_REFUSAL = "Only intake and team leads choose the client of a callback in the queue."
_REGISSEUR_ONLY = "Only the client's regisseur may play a recording."


def open_callback(
    request: HttpRequest, staff: StaffMember, public_id: uuid.UUID
) -> tuple[Callback, DossierAccess | None]:
    """A callback and the access to its client; a queued one (no client yet) has no access and
    opens only for those who work the intake queue."""
    found = Callback.objects.filter(public_id=public_id).select_related("client").first()
    if found is None:
        raise Http404
    if found.client is None:
        if not has(staff.role, Capability.WORK_INTAKE_QUEUE):
            raise NotForYourRole(_(_QUEUE_REFUSAL))
        return found, None
    access = open_client_for(
        request, staff, found.client.public_id, "callback", subject=("callback", str(public_id))
    )
    return found, access


def open_report(
    request: HttpRequest, staff: StaffMember, public_id: uuid.UUID
) -> tuple[ConversationReport, DossierAccess]:
    parts = ConversationReport.objects.select_related("client")
    return open_part(request, staff, parts, public_id, "report")


def open_appointment(
    request: HttpRequest, staff: StaffMember, public_id: uuid.UUID
) -> tuple[Appointment, DossierAccess]:
    parts = Appointment.objects.select_related("client", "staff")
    return open_part(request, staff, parts, public_id, "appointment")


def open_recording(request: HttpRequest, staff: StaffMember, public_id: uuid.UUID) -> Recording:
    """Only the regisseur plays a recording (and the client, in the portal)."""
    found = (
        Recording.objects.filter(public_id=public_id).select_related("client", "consent").first()
    )
    if found is None:
        raise Http404
    open_client_for(
        request,
        staff,
        found.client.public_id,
        "play_recording",
        needs=frozenset({AccessBasis.REGISSEUR}),
        refusal=_(_REGISSEUR_ONLY),
        subject=("recording", str(public_id)),
    )
    return found
