"""Opening a sanction proposal for a staff member: fetch, check, log, or raise.

A proposal belongs to a client's dossier and opens under the dossier's rules (`dossiers.web`).
The second pair of eyes (a team lead of the proposer's team, or the colleague the proposer chose)
decides with reading access: they need not have the client in their caseload.
"""

from __future__ import annotations

import uuid

from django.http import Http404, HttpRequest

from maatwerk.core.models import StaffMember
from maatwerk.core.roles import Capability, has
from maatwerk.dossiers.access import DossierAccess
from maatwerk.dossiers.web import open_client, open_client_for
from maatwerk.sanctions.models import Proposal
from maatwerk.sanctions.proposals import may_review


def open_proposal(
    request: HttpRequest, staff: StaffMember, public_id: uuid.UUID
) -> tuple[Proposal, DossierAccess, bool]:
    """The proposal, the access to its dossier, and whether `staff` may review it."""
    found = Proposal.objects.filter(public_id=public_id).select_related("client", "rule").first()
    if found is None:
        raise Http404
    reviewing = has(staff.role, Capability.REVIEW_SANCTIONS) and may_review(found, staff.user)
    subject = ("proposal", str(public_id))
    client_id = found.client.public_id
    if reviewing and request.POST.get("action") == "decide":
        access = open_client(request, staff, client_id, "sanction_review", subject=subject)
    else:
        access = open_client_for(request, staff, client_id, "sanction", subject=subject)
    return found, access, reviewing
