"""Forms of the contact pages: they parse and check input; services do the work."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from maatwerk.contacts.models import (
    AppointmentKind,
    AttemptOutcome,
    ConsentHow,
    ContactChannel,
    Direction,
    RequestedVia,
)
from maatwerk.core.fields import DateInput, TimeInput

_REQUIRED = {"required": _("Fill this in.")}


class CallbackForm(forms.Form):
    phone = forms.CharField(
        label=_("Phone number to call back"), max_length=30, error_messages=_REQUIRED
    )
    caller_name = forms.CharField(label=_("Name the caller gave"), max_length=120, required=False)
    subject = forms.CharField(label=_("What it is about"), max_length=200, error_messages=_REQUIRED)
    requested_via = forms.ChoiceField(label=_("Asked via"), choices=RequestedVia.choices)


class PortalCallbackForm(forms.Form):
    phone = forms.CharField(label=_("Your phone number"), max_length=30, error_messages=_REQUIRED)
    subject = forms.CharField(
        label=_("What do you want to talk about?"), max_length=200, error_messages=_REQUIRED
    )


class AttemptForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("How did it go?"), choices=AttemptOutcome.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("Note"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )


class ContactForm(forms.Form):
    channel = forms.ChoiceField(label=_("Channel"), choices=ContactChannel.choices)
    direction = forms.ChoiceField(label=_("Who made contact"), choices=Direction.choices)
    subject = forms.CharField(
        label=_("What it was about"), max_length=200, error_messages=_REQUIRED
    )
    outcome = forms.CharField(
        label=_("Outcome"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    reached = forms.BooleanField(label=_("We reached the client"), required=False, initial=True)


class ReportForm(forms.Form):
    held_on = forms.DateField(
        label=_("Conversation on"),
        widget=DateInput(format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d-%m-%Y"],
        error_messages={
            **_REQUIRED,
            "invalid": _("Write the date as day-month-year, for example 24-03-2026."),
        },
    )
    discussed = forms.CharField(
        label=_("What we discussed"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages=_REQUIRED,
    )
    agreed = forms.CharField(
        label=_("What we agreed (one agreement per line)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    next_steps = forms.CharField(
        label=_("What happens next"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )


class ReactionForm(forms.Form):
    text = forms.CharField(
        label=_("Your reaction or correction"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Write your reaction in your own words.")},
    )


class AppointmentForm(forms.Form):
    kind = forms.ChoiceField(label=_("How"), choices=AppointmentKind.choices)
    day = forms.DateField(
        label=_("Day"),
        widget=DateInput(format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d-%m-%Y"],
        error_messages={
            **_REQUIRED,
            "invalid": _("Write the date as day-month-year, for example 24-03-2026."),
        },
    )
    start = forms.TimeField(
        label=_("Time"),
        widget=TimeInput(format="%H:%M"),
        error_messages={
            **_REQUIRED,
            "invalid": _("Write the time as hours:minutes, for example 12:00."),
        },
    )
    minutes = forms.IntegerField(
        label=_("How long (minutes)"), min_value=10, max_value=240, initial=45
    )
    location = forms.CharField(
        label=_("Where (for a meeting in person)"), max_length=200, required=False
    )
    subject = forms.CharField(label=_("What it is about"), max_length=200, required=False)
    not_in_person_reason = forms.CharField(
        label=_("Why not in person (only for a first conversation by phone or video)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )


class HoldForm(forms.Form):
    notes = forms.CharField(
        label=_("How it went"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    next_contact_on = forms.DateField(
        label=_("Next contact agreed for"),
        widget=DateInput(format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d-%m-%Y"],
        error_messages={
            **_REQUIRED,
            "invalid": _("Write the date as day-month-year, for example 24-03-2026."),
        },
    )


class MoveForm(forms.Form):
    day = forms.DateField(
        label=_("New day"),
        widget=DateInput(format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d-%m-%Y"],
        error_messages={
            **_REQUIRED,
            "invalid": _("Write the date as day-month-year, for example 24-03-2026."),
        },
    )
    start = forms.TimeField(
        label=_("New time"),
        widget=TimeInput(format="%H:%M"),
        error_messages={
            **_REQUIRED,
            "invalid": _("Write the time as hours:minutes, for example 12:00."),
        },
    )


class RescheduleForm(forms.Form):
    reason = forms.CharField(
        label=_("Why do you need another time?"),
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Tell us why you want another time. Then we can find one.")},
    )
    preferred = forms.CharField(label=_("What time suits you?"), max_length=200, required=False)


class ConsentForm(forms.Form):
    purpose = forms.CharField(
        label=_("What the recording is for"), max_length=200, error_messages=_REQUIRED
    )
    what = forms.CharField(label=_("What is recorded"), max_length=200, error_messages=_REQUIRED)
    retention_days = forms.IntegerField(
        label=_("Kept for (days)"), min_value=1, max_value=365, initial=30
    )
    expires_on = forms.DateField(
        label=_("Consent ends on"),
        widget=DateInput(format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d-%m-%Y"],
        error_messages={
            **_REQUIRED,
            "invalid": _("Write the date as day-month-year, for example 24-03-2026."),
        },
    )
    given_how = forms.ChoiceField(label=_("Given how"), choices=ConsentHow.choices)
