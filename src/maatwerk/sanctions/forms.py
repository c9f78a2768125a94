"""Forms of the absence and sanction pages: they parse and check input; services do the work."""

from __future__ import annotations

from datetime import date

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from maatwerk.core.fields import date_field, text_field
from maatwerk.core.models import ReceiptChannel
from maatwerk.sanctions import information
from maatwerk.sanctions.errors import SanctionError
from maatwerk.sanctions.models import AbsenceKind, Decision, ObjectionOutcome, ResponseChannel

_REQUIRED = {"required": _("Fill this in.")}


class AbsenceForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Why are you away?"), choices=AbsenceKind.choices, widget=forms.RadioSelect
    )
    first_day = date_field(_("First day away"))
    last_day = date_field(_("Last day away"))
    abroad = forms.BooleanField(label=_("I am abroad (outside the Netherlands)"), required=False)
    place = forms.CharField(label=_("Where are you?"), max_length=200, required=False)
    note = text_field(_("Note (optional)"), rows=2, required=False)


class StaffAbsenceForm(AbsenceForm):
    via = forms.ChoiceField(
        label=_("How did the client report it?"),
        choices=[
            (ReceiptChannel.PHONE, ReceiptChannel.PHONE.label),
            (ReceiptChannel.COUNTER, ReceiptChannel.COUNTER.label),
        ],
    )


class ChangeAbsenceForm(forms.Form):
    first_day = date_field(_("New first day"))
    last_day = date_field(_("New last day"))
    place = forms.CharField(label=_("Where"), max_length=200, required=False)


class ProposalForm(forms.Form):
    code = forms.ChoiceField(label=_("Which obligation was not met (from the sanction table)"))
    event_date = date_field(_("The day it was not met"))
    facts = text_field(_("The facts: what was asked, and what happened"), rows=4)
    appointment = forms.ChoiceField(label=_("The appointment it is about (if any)"), required=False)
    commitments = forms.MultipleChoiceField(
        label=_("The client's promises it is about"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    municipal_commitments = forms.MultipleChoiceField(
        label=_("The municipality's promises it is about (a missed one stops the proposal)"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    reviewer = forms.ChoiceField(
        label=_("Colleague who reviews (empty: a team lead)"), required=False
    )


class MissingInformationForm(forms.Form):
    what = text_field(_("Which information or papers are missing"), rows=3)
    due_on = date_field(_("Deliver by (empty: in two weeks)"), required=False)

    def clean_due_on(self) -> date | None:
        """Checked here too, so the message stands at the field; information.start checks."""
        due_on: date | None = self.cleaned_data.get("due_on")
        if due_on is not None:
            try:
                information.check_due(due_on, timezone.localdate())
            except SanctionError as error:
                raise forms.ValidationError(error.message) from error
        return due_on


class ExplainForm(forms.Form):
    key = forms.CharField(widget=forms.HiddenInput)
    reason = text_field(_("Why this finding does not apply"), rows=2)


class ResponseForm(forms.Form):
    text = text_field(_("The client's side, in their own words"), rows=5)
    channel = forms.ChoiceField(
        label=_("How the client told it"),
        choices=[c for c in ResponseChannel.choices if c[0] != ResponseChannel.PORTAL],
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Your decision"), choices=Decision.choices, widget=forms.RadioSelect
    )
    reason = text_field(_("Why (the client reads this in the letter)"), rows=3)
    percentage = forms.IntegerField(
        label=_("Percentage (only when you change it)"), min_value=1, max_value=100, required=False
    )
    months = forms.IntegerField(
        label=_("Months (only when you change it)"), min_value=1, max_value=3, required=False
    )
    urgent_reasons = text_field(
        _("Urgent reasons to deviate from the table (needed for a lower sanction)"),
        rows=2,
        required=False,
    )


class ObjectionOutcomeForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Outcome of the objection"),
        choices=ObjectionOutcome.choices,
        widget=forms.RadioSelect,
    )
    reason = text_field(_("Why (the client reads this)"), rows=3)
    excused_reason = text_field(
        _("Late objection dealt with anyway: why the lateness is excusable (Awb 6:11)"),
        rows=2,
        required=False,
    )
    percentage = forms.IntegerField(
        label=_("Partly right: the new percentage"), min_value=1, max_value=100, required=False
    )
    months = forms.IntegerField(
        label=_("Partly right: the new number of months"), min_value=1, max_value=3, required=False
    )


class PaperObjectionForm(forms.Form):
    """An objection that came by post or at the counter, registered by staff."""

    grounds = text_field(_("Why the client does not agree (from the letter)"), rows=4)
    received_on = date_field(_("Day the objection arrived"))
    posted_on = date_field(_("Day it was posted (postmark), if known"), required=False)
    channel = forms.ChoiceField(
        label=_("How it arrived"),
        choices=[
            (ReceiptChannel.POST, ReceiptChannel.POST.label),
            (ReceiptChannel.COUNTER, ReceiptChannel.COUNTER.label),
            (ReceiptChannel.EMAIL, ReceiptChannel.EMAIL.label),
        ],
    )
    late_reason = text_field(
        _("Came after the period: the client's reason why it is late"), rows=2, required=False
    )
    committee = forms.BooleanField(
        label=_("An advisory committee hears this objection (12 weeks to decide)"),
        required=False,
    )
