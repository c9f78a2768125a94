"""Forms of the staff workspace: they parse and check input; services do the work."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.models import User
from django.utils.translation import gettext_lazy as _

from maatwerk.core.models import Role
from maatwerk.dossiers.models import Channel, CommunicationProfile, OutflowReason
from maatwerk.dossiers.services import PROFILE_FIELDS

_LANGUAGE_CODE_MESSAGE = _("Write the language as a code of 2 or 3 letters, such as nl, tr or ar.")


class StaffChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        team = obj.staff.team.name if obj.staff.team else ""
        return f"{obj.get_full_name()} ({team})" if team else obj.get_full_name()


def consultants() -> Any:
    return (
        User.objects.filter(staff__role__in=[Role.CONSULTANT, Role.TEAM_LEAD], is_active=True)
        .select_related("staff__team")
        .order_by("staff__team__name", "first_name", "last_name")
    )


class ProfileForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = CommunicationProfile
        fields = list(PROFILE_FIELDS)
        widgets = {
            "preferred_channel": forms.RadioSelect(choices=Channel.choices),
            "accessibility_notes": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {
            name: {"max_length": _LANGUAGE_CODE_MESSAGE}
            for name in ("language", "interpreter_language")
        }
        help_texts = {
            "language": _("A language code, such as nl, tr, ar or pl."),
        }

    def clean_language(self) -> str:
        return _language_code(self.cleaned_data["language"], required=True)

    def clean_interpreter_language(self) -> str:
        return _language_code(self.cleaned_data["interpreter_language"], required=False)


def _language_code(value: str, *, required: bool) -> str:
    code = (value or "").strip().lower()
    if not code and not required:
        return ""
    if not (2 <= len(code) <= 3 and code.isalpha()):
        raise forms.ValidationError(_LANGUAGE_CODE_MESSAGE)
    return code


class ReassignForm(forms.Form):
    regisseur = StaffChoiceField(queryset=User.objects.none(), label=_("New regisseur"))
    change_reason = forms.CharField(
        label=_("Why does the client get a new regisseur?"),
        min_length=5,
        max_length=200,
        error_messages={"min_length": _("Write a reason of at least 5 characters.")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _set_choices(self.fields["regisseur"], consultants())


class AbsenceForm(forms.Form):
    staff = StaffChoiceField(queryset=User.objects.none(), label=_("Who is away"))
    deputy = StaffChoiceField(queryset=User.objects.none(), label=_("Who deputises"))
    starts_on = forms.DateField(
        label=_("First day away"), widget=forms.DateInput(attrs={"type": "date"})
    )
    ends_on = forms.DateField(
        label=_("Last day away"), widget=forms.DateInput(attrs={"type": "date"})
    )
    reason = forms.CharField(label=_("Reason (optional)"), required=False, max_length=200)

    def __init__(self, *args: Any, team_id: int | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        people = consultants()
        _set_choices(
            self.fields["staff"], people.filter(staff__team_id=team_id) if team_id else people
        )
        _set_choices(self.fields["deputy"], people)


def _set_choices(field: forms.Field, people: Any) -> None:
    assert isinstance(field, forms.ModelChoiceField)
    field.queryset = people


def _day_field(label: Any) -> forms.DateField:
    return forms.DateField(
        label=label,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d-%m-%Y"],
        error_messages={
            "required": _("Fill in the day."),
            "invalid": _("Write the date as day-month-year, for example 24-03-2026."),
        },
    )


class OutflowForm(forms.Form):
    ended_on = _day_field(_("Last day of the benefit"))
    # Not "reason": that name is the reason given for opening a dossier outside one's caseload.
    why = forms.ChoiceField(
        label=_("Why the benefit stops"),
        choices=[("", ""), *OutflowReason.choices],
        error_messages={
            "required": _("Choose why the benefit stops."),
            "invalid_choice": _("Choose why the benefit stops."),
        },
    )


class ReturnForm(forms.Form):
    returned_on = _day_field(_("First day of the benefit again"))
