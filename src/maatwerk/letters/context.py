"""Template context for staff pages: letters of my clients that did not arrive by some channel.

The regisseur sees the count on every workspace page until they record what they did, so a
failed delivery is never silently dropped.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from maatwerk.core.roles import Capability
from maatwerk.dossiers.web import staff_who_can
from maatwerk.letters.queries import flagged_for


def letter_alert(request: HttpRequest) -> dict[str, Any]:
    staff = staff_who_can(request, Capability.CASE_WORK)
    if staff is None:
        return {}
    return {"letters_needing_attention": flagged_for(staff).count()}
