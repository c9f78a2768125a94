"""Letters in the workspace: the letters of one client with their delivery per channel, writing
a letter (the check marks findings in the text as the consultant writes; one click applies a
suggestion), the print queue, and letters that did not reach the client."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from maatwerk.core.models import StaffMember
from maatwerk.core.parsing import parse_int
from maatwerk.core.roles import Capability
from maatwerk.dossiers.access import log_list_read
from maatwerk.dossiers.models import Client
from maatwerk.dossiers.web import MAY_CHANGE, open_client_for, render_staff, staff_view
from maatwerk.letters import rendering, sending
from maatwerk.letters.access import open_letter, open_letter_to_print
from maatwerk.letters.models import Alternative, Letter, Purpose
from maatwerk.letters.queries import flagged_for, print_queue
from maatwerk.letters.rules import suggestions
from maatwerk.letters.rules.readability import Report, check
from maatwerk.letters.rules.variables import fill
from maatwerk.letters.services import LetterError

MAX_CHECK_LENGTH = sending.MAX_LETTER_LENGTH


def _render(
    request: HttpRequest, staff: StaffMember, template: str, status: int = 200, **context: Any
) -> HttpResponse:
    return render_staff(request, staff, f"letters/staff/{template}", status, **context)


@staff_view(needs=Capability.OPEN_DOSSIER)
def client_letters(request: HttpRequest, public_id: uuid.UUID, staff: StaffMember) -> HttpResponse:
    access = open_client_for(request, staff, public_id, "letters")
    rows = Letter.objects.filter(client=access.client).prefetch_related("deliveries")[:200]
    return _render(
        request,
        staff,
        "client_letters.html",
        client=access.client,
        rows=rows,
        purposes=[(p, Purpose(p).label) for p in Purpose.values],
        may_change=access.basis in MAY_CHANGE,
    )


@staff_view(needs=Capability.OPEN_DOSSIER)
def write(request: HttpRequest, public_id: uuid.UUID, staff: StaffMember) -> HttpResponse:
    """A new letter: values, the Dutch text with the live check, the plain-language gate."""
    access = open_client_for(request, staff, public_id, "write_letter")
    client = access.client
    purpose = request.POST.get("purpose") or request.GET.get("doel", "")
    if purpose not in Purpose.values:
        messages.error(request, _("Choose what kind of letter this is."))
        return redirect("staff_letters:client_letters", public_id=client.public_id)
    names = sending.variable_names(purpose)
    values = _values(request, names, client, staff)
    subject, body = sending.start_text(purpose, values)
    if request.method == "POST":
        subject = request.POST.get("subject", subject)
        body = request.POST.get("body", body)
        if request.POST.get("action") == "fill":
            subject, body = fill(subject, values), fill(body, values)
        elif request.POST.get("action") == "send":
            try:
                letter = sending.send_letter(
                    client=client,
                    purpose=purpose,
                    subject=subject,
                    body=body,
                    values=values,
                    actor=staff.user,
                    alternative=request.POST.get("alternative", ""),
                    alternative_note=request.POST.get("alternative_note", ""),
                    large_print=request.POST.get("large_print") == "on",
                )
            except LetterError as exc:
                messages.error(request, exc.message)
            else:
                messages.success(request, _("The letter is sent."))
                return redirect("staff_letters:letter", public_id=letter.public_id)
    profile = sending.profile_of(client)
    return _render(
        request,
        staff,
        "write.html",
        client=client,
        purpose=purpose,
        purpose_label=Purpose(purpose).label,
        values=[(name, values.get(name, "")) for name in names],
        subject=subject,
        body=body,
        profile=profile,
        alternatives=Alternative.choices,
        chosen_alternative=request.POST.get("alternative", ""),
        alternative_note=request.POST.get("alternative_note", ""),
        large_print=request.POST.get("large_print") == "on",
        **_marked(body),
    )


def _values(
    request: HttpRequest, names: list[str], client: Client, staff: StaffMember
) -> dict[str, str]:
    known = sending.known_values(client, staff.user, timezone.localdate())
    if request.method != "POST":
        return known
    posted = {name: request.POST.get(f"value_{name}", "").strip()[:300] for name in names}
    return {name: value for name, value in posted.items() if value}


def _marked(body: str) -> dict[str, Any]:
    report = check(body[:MAX_CHECK_LENGTH])
    return {"report": report, "segments": _segments(body, report), "findings": _rows(report)}


def _segments(body: str, report: Report) -> list[suggestions.Segment]:
    return suggestions.segments(body, [(f.start, f.end) for f in report.findings])


def _rows(report: Report) -> list[dict[str, Any]]:
    rows = []
    for number, finding in enumerate(report.findings):
        replacements = (
            suggestions.alternatives(finding.suggestion) if finding.kind == "officialese" else []
        )
        rows.append(
            {
                "number": number + 1,
                "finding": finding,
                "replacements": [
                    (f"{finding.start}:{finding.end}:{n}", word)
                    for n, word in enumerate(replacements)
                ],
            }
        )
    return rows


@staff_view(needs=Capability.CHECK_LETTER_TEXT)
def mark(request: HttpRequest, staff: StaffMember) -> HttpResponse:
    """The live check while writing (htmx, debounced): findings marked in the text."""
    body = request.POST.get("body", "")[:MAX_CHECK_LENGTH]
    return render(request, "letters/staff/marked.html", _marked(body))


@staff_view(needs=Capability.CHECK_LETTER_TEXT)
def apply(request: HttpRequest, staff: StaffMember) -> HttpResponse:
    """One click on a suggestion: the text with the phrase replaced, and the check again."""
    body = request.POST.get("body", "")[:MAX_CHECK_LENGTH]
    start, end, choice = (request.POST.get("apply", "") + "::").split(":")[:3]
    at, until, n = parse_int(start), parse_int(end), parse_int(choice)
    report = check(body)
    target = next(
        (f for f in report.findings if (f.start, f.end) == (at, until) and f.kind == "officialese"),
        None,
    )
    stale = ""
    options = suggestions.alternatives(target.suggestion) if target else []
    if target is None or not 0 <= n < len(options):
        stale = _("The text changed in the meantime. Look at the points again and choose again.")
    else:
        body = suggestions.apply(body, target.start, target.end, target.text, options[n])
    context = _marked(body)
    context.update(body=body, swap_body=True, stale=stale)
    return render(request, "letters/staff/marked.html", context)


@staff_view(needs=Capability.OPEN_DOSSIER)
def letter(request: HttpRequest, public_id: uuid.UUID, staff: StaffMember) -> HttpResponse:
    letter, access = open_letter(request, staff, public_id, "letter")
    if request.method == "POST":
        delivery = letter.deliveries.filter(pk=parse_int(request.POST.get("delivery"))).first()
        if delivery is None:
            raise Http404
        note = request.POST.get("note", "")
        action = request.POST.get("action", "")
        try:
            if action in ("reached", "not_reached"):
                sending.record_call(
                    delivery, reached=action == "reached", note=note, actor=staff.user
                )
            elif action == "handled":
                sending.handle_flag(delivery, note=note, actor=staff.user)
            else:
                raise Http404
        except LetterError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("Saved."))
        return redirect("staff_letters:letter", public_id=letter.public_id)
    return _render(
        request,
        staff,
        "letter.html",
        letter=letter,
        client=letter.client,
        deliveries=list(letter.deliveries.all()),
        may_change=access.basis in MAY_CHANGE,
    )


@staff_view(needs=Capability.OPEN_DOSSIER)
def letter_pdf(request: HttpRequest, public_id: uuid.UUID, staff: StaffMember) -> HttpResponse:
    letter, _access = open_letter(request, staff, public_id, "letter_pdf")
    return _pdf(letter)


@staff_view(needs=Capability.WORK_PRINT_QUEUE)
def print_pdf(request: HttpRequest, public_id: uuid.UUID, staff: StaffMember) -> HttpResponse:
    """A letter in the print queue, to print: for whoever works the queue, without a reason."""
    return _pdf(open_letter_to_print(request, staff, public_id))


def _pdf(letter: Letter) -> HttpResponse:
    response = HttpResponse(rendering.letter_pdf(letter), content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="brief.pdf"'
    response["Cache-Control"] = "no-store"
    return response


@staff_view(needs=Capability.WORK_PRINT_QUEUE)
def print_queue_page(request: HttpRequest, staff: StaffMember) -> HttpResponse:
    """Letters that go by post: print, post, and record it (or that it came back)."""
    if request.method == "POST":
        delivery = print_queue().filter(pk=parse_int(request.POST.get("delivery"))).first()
        if delivery is None:
            messages.error(request, _("This letter is no longer in the print queue."))
        else:
            sending.record_post(
                delivery,
                posted=request.POST.get("action") == "posted",
                note=request.POST.get("note", ""),
                actor=staff.user,
            )
            messages.success(request, _("Saved."))
        return redirect("staff_letters:print_queue")
    rows = list(print_queue()[:200])
    log_list_read(
        request=request,
        staff=staff,
        clients=[d.letter.client for d in rows],
        action="letters.print_queue",
        object_type="letter",
    )
    return _render(request, staff, "print_queue.html", rows=rows)


@staff_view(needs=Capability.CASE_WORK)
def attention(request: HttpRequest, staff: StaffMember) -> HttpResponse:
    """Letters of my clients that did not arrive by some channel and wait for what I do."""
    rows = list(flagged_for(staff)[:200])
    log_list_read(
        request=request,
        staff=staff,
        clients=[d.letter.client for d in rows],
        action="letters.attention",
        object_type="letter",
    )
    return _render(request, staff, "attention.html", rows=rows)
