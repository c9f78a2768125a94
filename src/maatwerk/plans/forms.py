"""Forms of the plan pages: they parse and check input; services do the work."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from maatwerk.commitments.models import Party
from maatwerk.core.fields import DateInput
from maatwerk.dossiers.models import Channel
from maatwerk.plans.models import (
    Frequency,
    ObstacleKind,
    PlanTemplate,
    Progress,
    ProvisionKind,
    ProvisionStatus,
)

_REQUIRED = {"required": _("Fill this in.")}
_DATE_ERRORS = {
    **_REQUIRED,
    "invalid": _("Write the date as day-month-year, for example 24-03-2026."),
}


def _date(label: Any, required: bool = True) -> forms.DateField:
    return forms.DateField(
        label=label,
        widget=DateInput(format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d-%m-%Y"],
        error_messages=_DATE_ERRORS,
        required=required,
    )


def _text(label: Any, rows: int = 2, required: bool = True) -> forms.CharField:
    return forms.CharField(
        label=label,
        widget=forms.Textarea(attrs={"rows": rows}),
        required=required,
        error_messages=_REQUIRED,
    )


class GoalForm(forms.Form):
    text = _text(_("The goal, as the client says it"))
    success = _text(_("What success looks like, in the client's words"), required=False)
    timeframe = forms.CharField(label=_("Rough time frame"), max_length=100, required=False)


class ObstacleForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=ObstacleKind.choices)
    description = _text(_("What is in the way"))
    approach = _text(_("Who does what about it"), required=False)
    private = forms.BooleanField(
        label=_("Speak about it privately (not on the printed plan)"), required=False
    )


class StepForm(forms.Form):
    party = forms.ChoiceField(
        label=_("Who does it"),
        choices=Party.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose who does this step: the client or the municipality.")
        },
    )
    description = _text(_("What"))
    due_on = _date(_("By when"))
    provision = forms.ChoiceField(
        label=_("Provision (only for the municipality)"),
        choices=[("", _("none")), *ProvisionKind.choices],
        required=False,
    )
    budget = forms.DecimalField(
        label=_("Budget in euros"), max_digits=9, decimal_places=2, min_value=0, required=False
    )
    provision_status = forms.ChoiceField(
        label=_("Status of the provision"),
        choices=[("", "-"), *ProvisionStatus.choices],
        required=False,
    )
    private = forms.BooleanField(
        label=_("Speak about it privately (not on the printed plan)"), required=False
    )


class StepUpdateForm(forms.Form):
    due_on = _date(_("By when"))
    provision_status = forms.ChoiceField(
        label=_("Status of the provision"),
        choices=[("", "-"), *ProvisionStatus.choices],
        required=False,
    )
    budget = forms.DecimalField(
        label=_("Budget in euros"), max_digits=9, decimal_places=2, min_value=0, required=False
    )


class DetailsForm(forms.Form):
    strengths = _text(_("Strengths, experience and skills"), rows=3, required=False)
    wishes = _text(_("Wishes (such as volunteer work or a course)"), rows=3, required=False)
    contact_frequency = forms.ChoiceField(
        label=_("How often we talk"), choices=[("", "-"), *Frequency.choices], required=False
    )
    contact_channel = forms.ChoiceField(
        label=_("How we talk"), choices=[("", "-"), *Channel.choices], required=False
    )
    next_review_on = _date(_("Next talk about the plan"), required=False)


class StartForm(forms.Form):
    template = forms.ModelChoiceField(
        label=_("Start from a template (optional)"),
        queryset=PlanTemplate.objects.filter(active=True),
        required=False,
        empty_label=_("no template"),
    )


class ReviewForm(forms.Form):
    held_on = _date(_("The talk was on"))
    changes = _text(_("What changes"), rows=3, required=False)
    rung = forms.TypedChoiceField(
        label=_("Participation ladder now"),
        coerce=int,
        choices=[
            ("", _("not measured this time")),
            (1, _("1 isolated")),
            (2, _("2 social contacts outside the home")),
            (3, _("3 taking part in organised activities")),
            (4, _("4 unpaid work")),
            (5, _("5 paid work with support")),
            (6, _("6 paid work")),
        ],
        required=False,
        empty_value=None,
    )
    next_review_on = _date(_("Next talk about the plan"))


PROGRESS_CHOICES = [("", "-"), *Progress.choices]


class TemplateForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = PlanTemplate
        fields = ["name", "description", "steps", "active"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 2}),
            "steps": forms.Textarea(attrs={"rows": 8}),
        }
        help_texts = {
            "steps": _(
                "One step per line: gemeente or cliënt | what | weeks after the start. For "
                "example: cliënt | U maakt een cv | 2"
            )
        }


class DisagreeForm(forms.Form):
    text = _text(_("What do you not agree with? Say it in your own words."), rows=4, required=False)


class ProposalForm(forms.Form):
    goal = forms.ChoiceField(label=_("About which goal"), required=False)
    text = _text(_("Your goal, in your own words"))
    success = _text(_("What success looks like for you"), required=False)

    def __init__(self, *args: Any, goals: list[tuple[str, str]] | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        field = self.fields["goal"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", _("A new goal")), *(goals or [])]
