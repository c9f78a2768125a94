"""Template context for staff pages: callbacks that wait for someone to choose the client.

Intake employees and team leads see the count on every workspace page, so a callback for an
unknown number is never forgotten.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from maatwerk.contacts.queries import queued_callbacks
from maatwerk.core.roles import Capability
from maatwerk.dossiers.web import staff_who_can


def callback_queue_alert(request: HttpRequest) -> dict[str, Any]:
    staff = staff_who_can(request, Capability.WORK_INTAKE_QUEUE)
    if staff is None:
        return {}
    return {"queued_callbacks": queued_callbacks().count()}
