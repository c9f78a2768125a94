"""The printed plan: a tagged, accessible PDF (WeasyPrint) in plain language, in the client's
language where a translation exists, with both parties' steps side by side. Obstacles marked
"speak about it privately" are never printed."""

from __future__ import annotations

import weasyprint
from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation

from maatwerk.plans.models import PlanVersion


def print_language(version: PlanVersion) -> str:
    wanted = getattr(getattr(version.plan.client, "profile", None), "language", "") or ""
    available = {code for code, _name in settings.LANGUAGES}
    return wanted if wanted in available else settings.LANGUAGE_CODE


def render_plan_pdf(version: PlanVersion) -> bytes:
    with translation.override(print_language(version)):
        html = render_to_string(
            "plans/pdf/plan.html",
            {
                "version": version,
                "client": version.plan.client,
                "goals": list(version.goals.all()),
                "obstacles": [o for o in version.obstacles.all() if not o.private],
                "theirs": [s for s in version.steps.all() if s.party == "client" and not s.private],
                "ours": [
                    s for s in version.steps.all() if s.party == "municipality" and not s.private
                ],
            },
        )
    return bytes(weasyprint.HTML(string=html).write_pdf(pdf_variant="pdf/ua-1"))


def pdf_response(version: PlanVersion) -> HttpResponse:
    response = HttpResponse(render_plan_pdf(version), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="plan-versie-{version.number}.pdf"'
    return response
