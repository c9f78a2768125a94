"""Opening a plan version for a staff member: fetch, check, log, or raise.

A plan version belongs to a client's dossier and opens under the dossier's rules
(`dossiers.web`): reading needs the usual access, a POST needs the right to change the dossier.
"""

from __future__ import annotations

import uuid

from django.http import HttpRequest

from maatwerk.core.models import StaffMember
from maatwerk.dossiers.access import DossierAccess
from maatwerk.dossiers.web import open_part
from maatwerk.plans.models import PlanVersion


def open_plan_version(
    request: HttpRequest, staff: StaffMember, public_id: uuid.UUID, action: str
) -> tuple[PlanVersion, DossierAccess]:
    parts = PlanVersion.objects.select_related("plan__client")
    return open_part(request, staff, parts, public_id, action, client_path="plan__client")
