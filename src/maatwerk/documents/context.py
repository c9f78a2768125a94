"""Template context for staff pages: documents waiting longer than the routing norm.

Team leads and intake employees see on every workspace page how many documents have waited
longer than the norm in the intake queue, so a late document is flagged, not found by chance.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone

from maatwerk.core.roles import Capability
from maatwerk.documents.queries import late_in_queue
from maatwerk.dossiers.web import staff_who_can


def queue_alert(request: HttpRequest) -> dict[str, Any]:
    staff = staff_who_can(request, Capability.WORK_INTAKE_QUEUE)
    if staff is None:
        return {}
    return {
        "late_documents": late_in_queue(timezone.now(), settings.DOCUMENT_ROUTING_NORM_WORKING_DAYS)
    }
