"""Template context for staff pages: letters of my clients that did not arrive by some channel.

The regisseur sees the count on every workspace page until they record what they did, so a
failed delivery is never silently dropped.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from maatwerk.core.models import StaffMember


def letter_alert(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not request.path.startswith("/werk/"):
        return {}
    staff = StaffMember.objects.filter(user=user).select_related("user").first()
    if staff is None:
        return {}
    from maatwerk.letters.views.staff import flagged_for

    return {"letters_needing_attention": flagged_for(staff).count()}
