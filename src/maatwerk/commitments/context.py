"""Template context for staff pages: overdue promises of the municipality passed to me.

Whoever an overdue promise was escalated to (the responsible consultant, later the team lead)
sees the count on every workspace page, with a link to the list.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from maatwerk.commitments.queries import escalated_to
from maatwerk.core.models import Role, StaffMember


def escalation_alert(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not request.path.startswith("/werk/"):
        return {}
    role = StaffMember.objects.filter(user=user).values_list("role", flat=True).first()
    if role is None:
        return {}
    return {"escalated_promises": escalated_to(user, team_lead=role == Role.TEAM_LEAD).count()}
