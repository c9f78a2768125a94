"""Template context for staff pages: overdue promises of the municipality passed to me.

Whoever an overdue promise was escalated to (the responsible consultant, later the team lead)
sees the count on every workspace page, with a link to the list.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from maatwerk.commitments.queries import escalated_to
from maatwerk.core.models import Role
from maatwerk.core.roles import Capability
from maatwerk.dossiers.web import staff_who_can


def escalation_alert(request: HttpRequest) -> dict[str, Any]:
    staff = staff_who_can(request, Capability.CASE_WORK)
    if staff is None:
        return {}
    late = escalated_to(staff.user, team_lead=staff.role == Role.TEAM_LEAD)
    return {"escalated_promises": late.count()}
