"""Forms of the commitments pages: they parse and check input; services do the work."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from maatwerk.commitments.models import (
    ApplicationKind,
    Evidence,
    Outcome,
    Party,
    PenaltyExemption,
    SuspensionGround,
)
from maatwerk.core.models import ReceiptChannel


class DateInput(forms.DateInput):
    input_type = "date"


class TimeInput(forms.TimeInput):
    input_type = "time"


_DATE = DateInput(format="%Y-%m-%d")
_DATE_ERRORS = {"invalid": _("Write the date as day-month-year, for example 24-03-2026.")}
_REQUIRED = {"required": _("Fill this in.")}


def _date(label: Any, **kwargs: Any) -> forms.DateField:
    return forms.DateField(
        label=label,
        widget=_DATE,
        error_messages={**_REQUIRED, **_DATE_ERRORS},
        input_formats=["%Y-%m-%d", "%d-%m-%Y"],
        **kwargs,
    )


def _time(label: Any) -> forms.TimeField:
    return forms.TimeField(
        label=label,
        widget=TimeInput(format="%H:%M"),
        required=False,
        error_messages={"invalid": _("Write the time as hours:minutes, for example 12:00.")},
    )


def _text(label: Any, rows: int = 3, **kwargs: Any) -> forms.CharField:
    return forms.CharField(
        label=label,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages=_REQUIRED,
        **kwargs,
    )


class PromiseForm(forms.Form):
    party = forms.ChoiceField(
        label=_("Who promises"), choices=Party.choices, widget=forms.RadioSelect
    )
    description = _text(_("What is promised, in words the client understands"), rows=2)
    due_on = _date(_("By which day"))
    due_time = _time(_("Before what time (empty: the end of the day)"))


class CloseForm(forms.Form):
    ACTIONS = [
        ("fulfil", _("Done")),
        ("excuse", _("Excused")),
        ("withdraw", _("Withdrawn")),
    ]
    action = forms.ChoiceField(label=_("What happened"), choices=ACTIONS, widget=forms.RadioSelect)
    evidence = forms.ChoiceField(
        label=_("What shows it (when done)"), choices=Evidence.choices, required=False
    )
    evidence_ref = forms.CharField(
        label=_("Number or reference of the evidence"), max_length=64, required=False
    )
    reason = _text(_("Explanation (needed when excused or withdrawn)"), rows=2, required=False)


class ApplicationForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of application"), choices=ApplicationKind.choices)
    subject = forms.CharField(
        label=_("What the client asks for"), max_length=200, error_messages=_REQUIRED
    )
    received_on = _date(_("Received on"))
    received_time = _time(_("At what time (empty: now, or noon on an earlier day)"))
    channel = forms.ChoiceField(label=_("How it came in"), choices=ReceiptChannel.choices[:5])
    term_weeks = forms.IntegerField(
        label=_("Decision term in weeks (empty: the legal term)"),
        help_text=_(
            "At most 8 weeks (Awb 4:13). An objection: 6, or 12 with an advisory committee."
        ),
        min_value=1,
        max_value=12,
        required=False,
    )
    objection_period_ended = _date(
        _("Only for an objection: last day of the objection period"), required=False
    )


class ExtensionForm(forms.Form):
    extended_to = _date(_("New last day to decide"))
    notified_on = _date(_("Letter sent on"))
    reason = _text(_("Why it takes longer (the client reads this)"), rows=2)
    letter = _text(_("The letter to the client"), rows=12)


class SuspensionForm(forms.Form):
    first_day = _date(
        _("First day the term stood still"),
        help_text=_("After a request to complete the application: the day after the request."),
    )
    last_day = _date(
        _("Last day the term stood still"),
        help_text=_(
            "The day before the application was completed, or before the given term ended."
        ),
    )
    ground = forms.ChoiceField(label=_("Ground"), choices=SuspensionGround.choices)
    note = _text(_("Explanation"), rows=2, required=False)


class DecisionForm(forms.Form):
    decided_on = _date(_("Decided on"))
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Outcome.choices)
    note = _text(_("About the decision"), rows=2, required=False)


class PaperNoticeForm(forms.Form):
    received_on = _date(_("Notice received on"))
    text = _text(_("What the notice says (short)"), rows=3, required=False)


class PenaltyDecisionForm(forms.Form):
    exemption = forms.ChoiceField(
        label=_("Exception (Awb 4:17 lid 6)"),
        choices=[("", _("No exception: the penalty is owed")), *PenaltyExemption.choices],
        required=False,
    )
    reason = _text(_("Reason for the exception"), rows=2, required=False)


class PaymentForm(forms.Form):
    paid_on = _date(_("Paid on"))
    reference = forms.CharField(label=_("Payment reference"), max_length=64, required=False)


class NoticeForm(forms.Form):
    text = _text(_("Your notice of default"), rows=14, required=False)


class DoneForm(forms.Form):
    note = _text(_("What did you do? (optional)"), rows=2, required=False)
