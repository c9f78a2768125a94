"""Template context for staff pages: callbacks that wait for someone to choose the client.

Intake employees and team leads see the count on every workspace page, so a callback for an
unknown number is never forgotten.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from maatwerk.contacts.queries import queued_callbacks
from maatwerk.core.models import Role, StaffMember


def callback_queue_alert(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not request.path.startswith("/werk/"):
        return {}
    role = StaffMember.objects.filter(user=user).values_list("role", flat=True).first()
    if role not in (Role.INTAKE, Role.TEAM_LEAD):
        return {}
    return {"queued_callbacks": queued_callbacks().count()}
