"""Template context for staff pages: whether to show the plan templates in the menu."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from maatwerk.core.models import Role, StaffMember

TEMPLATE_KEEPERS = (Role.FUNCTIONAL_ADMIN, Role.TEAM_LEAD)


def template_keeper(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not request.path.startswith("/werk/"):
        return {}
    role = StaffMember.objects.filter(user=user).values_list("role", flat=True).first()
    return {"keeps_templates": role in TEMPLATE_KEEPERS}
