"""The researcher's pages: a pseudonymised, k-anonymous export with its codebook (the purpose
is required and logged), and the analyses of what goes with faster outflow to work."""

from __future__ import annotations

from typing import Any

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from maatwerk.core.models import StaffMember
from maatwerk.core.roles import Capability
from maatwerk.dossiers.errors import DossierError
from maatwerk.dossiers.web import render_staff, staff_view
from maatwerk.insight import analysis, research
from maatwerk.insight.models import ExportLog


def _render(
    request: HttpRequest, staff: StaffMember, template: str, status: int = 200, **context: Any
) -> HttpResponse:
    return render_staff(request, staff, f"insight/{template}", status, **context)


@staff_view(needs=Capability.EXPORT_RESEARCH)
def export(request: HttpRequest, staff: StaffMember) -> HttpResponse:
    error, purpose = "", ""
    chosen = research.DEFAULT_COLUMNS
    if request.method == "POST":
        purpose = request.POST.get("purpose", "")
        chosen = request.POST.getlist("columns") or research.DEFAULT_COLUMNS
        try:
            made = research.export(purpose=purpose, columns=chosen, actor=staff.user)
        except DossierError as exc:
            error = exc.message
        else:
            response = HttpResponse(made.archive, content_type="application/zip")
            name = f"maatwerk-onderzoek-{timezone.localdate():%Y-%m-%d}.zip"
            response["Content-Disposition"] = f'attachment; filename="{name}"'
            return response
    return _render(
        request,
        staff,
        "export.html",
        status=400 if error else 200,
        codebook=research.CODEBOOK.items(),
        chosen=set(chosen),
        purpose=purpose,
        error=error,
        log=ExportLog.objects.select_related("by")[:20],
    )


@staff_view(needs=Capability.SEE_ANALYSES)
def analyses(request: HttpRequest, staff: StaffMember) -> HttpResponse:
    key = f"insight-analysis-{timezone.localdate():%Y%m%d}"
    result = cache.get(key)
    if result is None:
        result = analysis.analyse()
        cache.set(key, result, 3600)
    return _render(request, staff, "analyses.html", result=result, labels=analysis.LABELS)
