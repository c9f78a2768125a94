"""The researcher's pages: a pseudonymised, k-anonymous export with its codebook (the purpose
is required and logged), and the analyses of what goes with faster outflow to work."""

from __future__ import annotations

from typing import Any

from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone

from maatwerk.core.models import Role, StaffMember
from maatwerk.dossiers.errors import DossierError
from maatwerk.dossiers.views.staff import render_staff, staff_only
from maatwerk.insight import analysis, research
from maatwerk.insight.models import ExportLog

RESEARCHERS = frozenset({Role.RESEARCHER})
SEES_ANALYSES = frozenset({Role.RESEARCHER, Role.TEAM_LEAD, Role.FUNCTIONAL_ADMIN})


def _render(
    request: HttpRequest, staff: StaffMember, template: str, status: int = 200, **context: Any
) -> HttpResponse:
    return render_staff(request, staff, f"insight/{template}", status, **context)


@staff_only
def export(request: HttpRequest, staff: StaffMember) -> HttpResponse:
    if staff.role not in RESEARCHERS:
        raise Http404
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


@staff_only
def analyses(request: HttpRequest, staff: StaffMember) -> HttpResponse:
    if staff.role not in SEES_ANALYSES:
        raise Http404
    key = f"insight-analysis-{timezone.localdate():%Y%m%d}"
    result = cache.get(key)
    if result is None:
        result = analysis.analyse()
        cache.set(key, result, 3600)
    return _render(request, staff, "analyses.html", result=result, labels=analysis.LABELS)
