"""Workspace pages for letter templates (functional administrators and team leads): the list
per purpose and language, editing a text with the plain-language check, and the live check
(htmx) while writing."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from maatwerk.core.models import StaffMember
from maatwerk.core.roles import Capability
from maatwerk.dossiers.web import render_staff, staff_view
from maatwerk.letters import services
from maatwerk.letters.models import Language, LetterTemplate, Purpose
from maatwerk.letters.rules.readability import check
from maatwerk.letters.rules.variables import ALLOWED, fill
from maatwerk.letters.shipped import SAMPLE_VALUES

MAX_CHECK_LENGTH = 20000


def _render(
    request: HttpRequest, staff: StaffMember, template: str, status: int = 200, **context: Any
) -> HttpResponse:
    return render_staff(request, staff, f"letters/staff/{template}", status, **context)


@staff_view(needs=Capability.KEEP_TEMPLATES)
def template_list(request: HttpRequest, staff: StaffMember) -> HttpResponse:
    services.install_shipped()
    rows = LetterTemplate.objects.all()
    by_purpose: dict[str, list[LetterTemplate]] = {}
    for row in rows:
        by_purpose.setdefault(row.purpose, []).append(row)
    return _render(
        request,
        staff,
        "templates.html",
        purposes=[(Purpose(p).label, p, by_purpose.get(p, [])) for p in Purpose.values],
    )


@staff_view(needs=Capability.KEEP_TEMPLATES)
def template_edit(
    request: HttpRequest, purpose: str, language: str, staff: StaffMember
) -> HttpResponse:
    if purpose not in Purpose.values or language not in Language.values:
        raise Http404
    current, _translated = services.text_for(purpose, language)
    subject = request.POST.get("subject", current.subject)
    body = request.POST.get("body", current.body)
    error, report = "", None
    if request.method == "POST":
        try:
            _saved, report = services.save_template(
                purpose=purpose, language=language, subject=subject, body=body, actor=staff.user
            )
        except services.LetterError as exc:
            error = exc.message
        else:
            messages.success(request, _("The text is saved."))
            if report is None or report.verdict == "goed":
                return redirect("staff_letters:templates")
    elif language == Language.NL:
        report = check(fill(body, SAMPLE_VALUES))
    return _render(
        request,
        staff,
        "template_form.html",
        purpose=purpose,
        purpose_label=Purpose(purpose).label,
        language=language,
        language_label=Language(language).label,
        subject=subject,
        body=body,
        error=error,
        report=report,
        variables=sorted(ALLOWED.get(purpose, set())),
        placeholder=current.placeholder or current.language != language,
    )


@staff_view(needs=Capability.CHECK_LETTER_TEXT)
def live_check(request: HttpRequest, staff: StaffMember) -> HttpResponse:
    """The check as the writer types (htmx posts the text, debounced); a partial page."""
    text = request.POST.get("body", "")[:MAX_CHECK_LENGTH]
    report = check(fill(text, SAMPLE_VALUES))
    return render(request, "letters/staff/report.html", {"report": report})
