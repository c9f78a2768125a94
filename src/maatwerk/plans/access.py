"""Opening a plan version for a staff member: fetch, check, log, or raise.

A plan version belongs to a client's dossier and opens under the dossier's rules
(`dossiers.web`): reading needs the usual access, a POST needs the right to change the dossier.
"""

from __future__ import annotations

import uuid

from django.http import Http404, HttpRequest

from maatwerk.core.models import StaffMember
from maatwerk.dossiers.access import DossierAccess
from maatwerk.dossiers.web import open_client_for
from maatwerk.plans.models import PlanVersion


def open_plan_version(
    request: HttpRequest, staff: StaffMember, public_id: uuid.UUID, action: str
) -> tuple[PlanVersion, DossierAccess]:
    found = PlanVersion.objects.filter(public_id=public_id).select_related("plan__client").first()
    if found is None:
        raise Http404
    access = open_client_for(
        request,
        staff,
        found.plan.client.public_id,
        action,
        subject=("plan_version", str(public_id)),
    )
    return found, access
