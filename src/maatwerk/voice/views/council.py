"""The client council's workspace: signals (only figures covering at least k responses),
consultations, improvement actions with their history and questions, the quarterly report, and
the intake reviewer's queue of texts with identifying details."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

import weasyprint
from django.contrib import messages
from django.contrib.auth.models import User
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from maatwerk.core.models import Role, StaffMember
from maatwerk.core.parsing import parse_int, parse_uuid
from maatwerk.core.roles import Capability
from maatwerk.dossiers.web import render_staff, staff_view
from maatwerk.voice import council, feedback, signals
from maatwerk.voice.charts import Bar, bars_svg
from maatwerk.voice.errors import VoiceError
from maatwerk.voice.forms import ActionForm, ConsultationForm, QuestionForm, UpdateForm
from maatwerk.voice.models import (
    Consultation,
    CouncilQuestion,
    Feedback,
    Group,
    ImprovementAction,
    Theme,
)
from maatwerk.voice.surveys import QUESTIONS


def _render(
    request: HttpRequest, staff: StaffMember, template: str, status: int = 200, **context: Any
) -> HttpResponse:
    context["is_council"] = staff.role == Role.COUNCIL_MEMBER
    context["k"] = signals.k()
    return render_staff(request, staff, f"voice/council/{template}", status, **context)


def _period(request: HttpRequest) -> signals.Period:
    """The last four quarters up to today, or the quarter asked for."""
    today = timezone.localdate()
    start = council.quarter_start(today)
    for _n in range(3):
        start = council.previous_quarter(start)
    return signals.Period(start, today)


def _labels(choices: list[tuple[str, Any]]) -> dict[str, str]:
    return {value: str(label) for value, label in choices}


@staff_view(needs=Capability.SEE_CLIENT_SIGNALS)
def overview(request: HttpRequest, staff: StaffMember) -> HttpResponse:
    period = _period(request)
    table = signals.feedback_table(period)
    trend, trend_total = signals.feedback_trend(period)
    surveys = signals.survey_summary(period)
    chart = bars_svg(
        [Bar(label, cell.count) for label, cell in trend.items()],
        title=_("Feedback per quarter"),
        chart_id="trend",
        k=signals.k(),
    )
    return _render(
        request,
        staff,
        "signals.html",
        period=period,
        table=table,
        groups=_labels(Group.choices),
        themes=_labels(Theme.choices),
        trend=trend,
        trend_total=trend_total,
        chart=chart,
        surveys=[(question, surveys[key]) for key, question in QUESTIONS],
    )


@staff_view(needs=Capability.SEE_CLIENT_SIGNALS)
def cell(request: HttpRequest, group: str, theme: str, staff: StaffMember) -> HttpResponse:
    period = _period(request)
    try:
        rows = signals.cell_texts(period, group, theme)
    except VoiceError as exc:
        return _render(request, staff, "refused.html", message=exc.message, status=403)
    return _render(
        request,
        staff,
        "cell.html",
        rows=rows,
        group=_labels(Group.choices).get(group, group),
        theme=_labels(Theme.choices).get(theme, theme),
    )


@staff_view(needs=Capability.SEE_CONSULTATIONS)
def consultations(request: HttpRequest, staff: StaffMember) -> HttpResponse:
    form = ConsultationForm(request.POST or None, prefix="consultation")
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            council.publish(actor=staff.user, **data)
        except VoiceError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("The question is published to the group."))
            return redirect("staff_voice:consultations")
    rows = [(c, *signals.consultation_result(c)) for c in Consultation.objects.all()[:100]]
    return _render(request, staff, "consultations.html", form=form, rows=rows)


def _owners() -> list[tuple[str, str]]:
    people = User.objects.filter(staff__role__in=council.MUNICIPALITY, is_active=True).order_by(
        "first_name"
    )
    return [("", "—")] + [(str(u.pk), u.get_full_name() or u.username) for u in people[:200]]


@staff_view(needs=Capability.FOLLOW_IMPROVEMENTS)
def actions(request: HttpRequest, staff: StaffMember) -> HttpResponse:
    form = ActionForm(request.POST or None, prefix="action")
    owner_field = form.fields["owner"]
    assert hasattr(owner_field, "choices")
    owner_field.choices = _owners()
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            made = council.create_action(
                title=data["title"],
                description=data["description"],
                signal=data["signal"],
                owner=User.objects.filter(pk=parse_int(data["owner"])).first(),
                due_on=data["due_on"],
                group=data["group"],
                theme=data["theme"],
                public=data["public"],
                actor=staff.user,
            )
        except VoiceError as exc:
            form.add_error(None, exc.message)
        else:
            return redirect("staff_voice:action", public_id=made.public_id)
    rows = ImprovementAction.objects.select_related("owner").prefetch_related("updates")
    return _render(
        request,
        staff,
        "actions.html",
        rows=rows,
        form=form,
        may_create=staff.role in council.MUNICIPALITY,
        late=council.late_questions(staff.user).count(),
    )


@staff_view(needs=Capability.FOLLOW_IMPROVEMENTS)
def action(request: HttpRequest, public_id: uuid.UUID, staff: StaffMember) -> HttpResponse:
    found = ImprovementAction.objects.filter(public_id=public_id).select_related("owner").first()
    if found is None:
        raise Http404
    if request.method == "POST":
        _act(request, staff, found)
        return redirect("staff_voice:action", public_id=found.public_id)
    return _render(
        request,
        staff,
        "action.html",
        action=found,
        updates=found.updates.select_related("by").order_by("at", "id"),
        questions=found.questions.select_related("asked_by", "answered_by").order_by("asked_at"),
        update_form=UpdateForm(prefix="update"),
        question_form=QuestionForm(prefix="question"),
        may_update=staff.role in council.MUNICIPALITY,
        may_answer=staff.user == found.owner or staff.role == Role.TEAM_LEAD,
        today=timezone.localdate(),
    )


def _act(request: HttpRequest, staff: StaffMember, found: ImprovementAction) -> None:
    what = request.POST.get("action", "")
    try:
        if what == "update":
            form = UpdateForm(request.POST, prefix="update")
            if not form.is_valid():
                raise VoiceError(_("Choose a status and a progress from 0 to 100."))
            council.update_action(action=found, actor=staff.user, **form.cleaned_data)
        elif what == "ask":
            asked = QuestionForm(request.POST, prefix="question")
            if not asked.is_valid():
                raise VoiceError(_("Write your question or comment."))
            council.ask(action=found, actor=staff.user, **asked.cleaned_data)
        elif what == "answer":
            question = CouncilQuestion.objects.filter(
                action=found, pk=parse_int(request.POST.get("question"))
            ).first()
            if question is None:
                raise Http404
            council.answer_question(
                question=question, text=request.POST.get("text", ""), actor=staff.user
            )
        else:
            raise Http404
    except VoiceError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Saved."))


@staff_view(needs=Capability.CLEAN_FEEDBACK)
def review(request: HttpRequest, staff: StaffMember) -> HttpResponse:
    """Texts with identifying details: the reviewer removes them, then the council sees them."""
    if request.method == "POST":
        wanted = parse_uuid(request.POST.get("feedback"))
        found = Feedback.objects.filter(pk=wanted).first() if wanted else None
        if found is None:
            raise Http404
        try:
            feedback.release(found, text=request.POST.get("text", ""))
        except VoiceError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("Released for the council."))
        return redirect("staff_voice:review")
    rows = [(f, feedback.details_in(f.text)) for f in signals.waiting_review()[:50]]
    return _render(request, staff, "review.html", rows=rows)


@staff_view(needs=Capability.SEE_CLIENT_SIGNALS)
def report(request: HttpRequest, staff: StaffMember) -> HttpResponse:
    """The quarter's report for the municipal council, as a tagged PDF."""
    today = timezone.localdate()
    first = council.previous_quarter(today)
    last = council.quarter_start(today) - timedelta(days=1)
    period = signals.Period(first, last)
    table = signals.feedback_table(period)
    trend, trend_total = signals.feedback_trend(signals.Period(first - timedelta(days=276), last))
    html = render_to_string(
        "voice/council/report_pdf.html",
        {
            "period": period,
            "quarter": signals.quarter_label(first),
            "table": table,
            "groups": _labels(Group.choices),
            "themes": _labels(Theme.choices),
            "trend": trend,
            "trend_total": trend_total,
            "chart": bars_svg(
                [Bar(label, c.count) for label, c in trend.items()],
                title=_("Feedback per quarter"),
                chart_id="trend",
                k=signals.k(),
            ),
            "surveys": [(q, signals.survey_summary(period)[key]) for key, q in QUESTIONS],
            "actions": ImprovementAction.objects.select_related("owner").prefetch_related(
                "updates"
            ),
            "k": signals.k(),
            "made_on": today,
        },
    )
    pdf = weasyprint.HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")
    response = HttpResponse(bytes(pdf), content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="clientenraad-{signals.quarter_label(first).replace(" ", "-")}.pdf"'
    )
    return response
