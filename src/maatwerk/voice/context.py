"""Template context for staff pages: which of the council, insight and research pages are in
the menu for this role."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from maatwerk.core.models import Role, StaffMember


def council_menu(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not request.path.startswith("/werk/"):
        return {}
    role = StaffMember.objects.filter(user=user).values_list("role", flat=True).first()
    return {
        "sees_signals": role in (Role.COUNCIL_MEMBER, Role.TEAM_LEAD, Role.FUNCTIONAL_ADMIN),
        "is_researcher": role == Role.RESEARCHER,
        "sees_dashboards": role in (Role.TEAM_LEAD, Role.FUNCTIONAL_ADMIN),
    }
