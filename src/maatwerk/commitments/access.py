"""Opening a commitment or an application for a staff member: fetch, check, log, or raise.

Both belong to a client's dossier, so they open under the dossier's rules (`dossiers.web`):
reading needs the usual access, a POST needs the right to change the dossier.
"""

from __future__ import annotations

import uuid

from django.http import HttpRequest

from maatwerk.commitments.models import Application, Commitment
from maatwerk.core.models import StaffMember
from maatwerk.dossiers.access import DossierAccess
from maatwerk.dossiers.web import open_part


def open_commitment(
    request: HttpRequest, staff: StaffMember, public_id: uuid.UUID
) -> tuple[Commitment, DossierAccess]:
    parts = Commitment.objects.select_related("client")
    return open_part(request, staff, parts, public_id, "commitment")


def open_application(
    request: HttpRequest, staff: StaffMember, public_id: uuid.UUID
) -> tuple[Application, DossierAccess]:
    parts = Application.objects.select_related("client")
    return open_part(request, staff, parts, public_id, "application")
