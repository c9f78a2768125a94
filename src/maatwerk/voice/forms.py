"""Forms of the council workspace: they parse and check input; services do the work."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from maatwerk.core.fields import date_field, text_field
from maatwerk.voice.models import ActionStatus, Group, Theme


class ConsultationForm(forms.Form):
    question = forms.CharField(label=_("The question"), max_length=300)
    explanation = text_field(_("Explanation (optional)"), rows=2, required=False)
    group = forms.ChoiceField(label=_("Who do you ask?"), choices=Group.choices)
    opens_on = date_field(_("Opens on"))
    closes_on = date_field(_("Closes on"))


class ActionForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    signal = text_field(_("The signal this action answers"), rows=2)
    description = text_field(_("What we will do"), rows=3)
    group = forms.ChoiceField(
        label=_("Target group"), choices=[("", "—"), *Group.choices], required=False
    )
    theme = forms.ChoiceField(
        label=_("Subject"), choices=[("", "—"), *Theme.choices], required=False
    )
    owner = forms.ChoiceField(label=_("Owner"), required=False)
    due_on = date_field(_("Due date"), required=False)
    public = forms.BooleanField(label=_("Show on the public page"), required=False, initial=True)


class UpdateForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ActionStatus.choices)
    progress = forms.IntegerField(label=_("Progress (percent)"), min_value=0, max_value=100)
    text = text_field(_("What happened"), rows=2)


class QuestionForm(forms.Form):
    text = text_field(_("Your question or comment"), rows=3)
    is_question = forms.BooleanField(
        label=_("This is a question: the owner must answer it"), required=False, initial=True
    )
