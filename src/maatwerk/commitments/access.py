"""Opening a commitment or an application for a staff member: fetch, check, log, or raise.

Both belong to a client's dossier, so they open under the dossier's rules (`dossiers.web`):
reading needs the usual access, a POST needs the right to change the dossier.
"""

from __future__ import annotations

import uuid

from django.http import Http404, HttpRequest

from maatwerk.commitments.models import Application, Commitment
from maatwerk.core.models import StaffMember
from maatwerk.dossiers.access import DossierAccess
from maatwerk.dossiers.web import open_client_for


def open_commitment(
    request: HttpRequest, staff: StaffMember, public_id: uuid.UUID
) -> tuple[Commitment, DossierAccess]:
    found = Commitment.objects.filter(public_id=public_id).select_related("client").first()
    if found is None:
        raise Http404
    access = open_client_for(
        request, staff, found.client.public_id, "commitment", subject=("commitment", str(public_id))
    )
    return found, access


def open_application(
    request: HttpRequest, staff: StaffMember, public_id: uuid.UUID
) -> tuple[Application, DossierAccess]:
    found = Application.objects.filter(public_id=public_id).select_related("client").first()
    if found is None:
        raise Http404
    access = open_client_for(
        request,
        staff,
        found.client.public_id,
        "application",
        subject=("application", str(public_id)),
    )
    return found, access
