"""Forms of the commitments pages: they parse and check input; services do the work."""

from __future__ import annotations

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
from maatwerk.core.fields import REQUIRED, date_field, text_field, time_field
from maatwerk.core.models import ReceiptChannel


class PromiseForm(forms.Form):
    party = forms.ChoiceField(
        label=_("Who promises"), choices=Party.choices, widget=forms.RadioSelect
    )
    description = text_field(_("What is promised, in words the client understands"), rows=2)
    due_on = date_field(_("By which day"))
    due_time = time_field(_("Before what time (empty: the end of the day)"))


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
    reason = text_field(_("Explanation (needed when excused or withdrawn)"), rows=2, required=False)


class ApplicationForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of application"), choices=ApplicationKind.choices)
    subject = forms.CharField(
        label=_("What the client asks for"), max_length=200, error_messages=REQUIRED
    )
    received_on = date_field(_("Received on"))
    received_time = time_field(_("At what time (empty: now, or noon on an earlier day)"))
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
    objection_period_ended = date_field(
        _("Only for an objection: last day of the objection period"), required=False
    )


class ExtensionForm(forms.Form):
    extended_to = date_field(_("New last day to decide"))
    notified_on = date_field(_("Letter sent on"))
    reason = text_field(_("Why it takes longer (the client reads this)"), rows=2)
    letter = text_field(_("The letter to the client"), rows=12)
    consent = text_field(
        _("Objection deferred more than six weeks: when and how the client agreed"),
        rows=2,
        required=False,
    )


class SuspensionForm(forms.Form):
    first_day = date_field(
        _("First day the term stood still"),
        help_text=_("After a request to complete the application: the day after the request."),
    )
    last_day = date_field(
        _("Last day the term stood still"),
        help_text=_(
            "The day before the application was completed, or before the given term ended."
        ),
    )
    ground = forms.ChoiceField(label=_("Ground"), choices=SuspensionGround.choices)
    note = text_field(_("Explanation"), rows=2, required=False)


class DecisionForm(forms.Form):
    decided_on = date_field(_("Decided on"))
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Outcome.choices)
    note = text_field(_("About the decision"), rows=2, required=False)


class PaperNoticeForm(forms.Form):
    received_on = date_field(_("Notice received on"))
    text = text_field(_("What the notice says (short)"), rows=3, required=False)


class PenaltyDecisionForm(forms.Form):
    exemption = forms.ChoiceField(
        label=_("Exception (Awb 4:17 lid 6)"),
        choices=[("", _("No exception: the penalty is owed")), *PenaltyExemption.choices],
        required=False,
    )
    reason = text_field(_("Reason for the exception"), rows=2, required=False)


class PaymentForm(forms.Form):
    paid_on = date_field(_("Paid on"))
    reference = forms.CharField(label=_("Payment reference"), max_length=64, required=False)


class NoticeForm(forms.Form):
    text = text_field(_("Your notice of default"), rows=14, required=False)


class DoneForm(forms.Form):
    note = text_field(_("What did you do? (optional)"), rows=2, required=False)
