"""Template context for staff pages: documents waiting longer than the routing norm.

Team leads and intake employees see on every workspace page how many documents have waited
longer than the norm in the intake queue, so a late document is flagged, not found by chance.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone

from maatwerk.core.models import Role, StaffMember
from maatwerk.documents.queries import late_in_queue


def queue_alert(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not request.path.startswith("/werk/"):
        return {}
    role = StaffMember.objects.filter(user=user).values_list("role", flat=True).first()
    if role not in (Role.TEAM_LEAD, Role.INTAKE):
        return {}
    return {
        "late_documents": late_in_queue(timezone.now(), settings.DOCUMENT_ROUTING_NORM_WORKING_DAYS)
    }
