"""Speaking up safely: anonymous feedback, experience surveys, consultations, and the client
council's improvement actions (docs/decisions/0014).

Anonymous rows hold no account, session, address, user agent or exact time: only the week.
Their keys are random UUIDs, so not even the order of rows can be matched to a log.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from maatwerk.dossiers.models import Client


class Group(models.TextChoices):
    BIJSTAND = "bijstand", _("social assistance (bijstand)")
    WMO = "wmo", _("social support (Wmo)")
    JEUGDZORG = "jeugdzorg", _("youth care")
    SCHULDHULP = "schuldhulp", _("debt help")
    OTHER = "other", _("something else")


class Theme(models.TextChoices):
    TREATMENT = "bejegening", _("how you were treated")
    LOST_PAPERS = "kwijt", _("papers that got lost")
    CALLBACK = "terugbellen", _("calling back")
    SANCTIONS = "sancties", _("sanctions")
    LANGUAGE = "taal", _("language and letters")
    REACH = "bereikbaarheid", _("reaching us")
    OTHER = "other", _("something else")


class FeedbackKind(models.TextChoices):
    EXPERIENCE = "experience", _("an experience")
    COMPLAINT = "complaint", _("a complaint about how you were treated")
    IDEA = "idea", _("an idea")


class Review(models.TextChoices):
    """Free texts with identifying details stay hidden from the council until redacted."""

    CLEAR = "clear", _("nothing identifying found")
    WAITING = "waiting", _("waits for a reviewer")
    REDACTED = "redacted", _("identifying details removed by a reviewer")


class Feedback(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    week = models.DateField()  # the Monday of the week: never the exact time
    kind = models.CharField(max_length=12, choices=FeedbackKind.choices)
    group = models.CharField(max_length=12, choices=Group.choices)
    theme = models.CharField(max_length=16, choices=Theme.choices)
    rating = models.PositiveSmallIntegerField(null=True, blank=True)
    text = models.TextField()
    review = models.CharField(max_length=10, choices=Review.choices)

    class Meta:
        indexes = [
            models.Index(fields=["week", "group", "theme"], name="feedback_signal"),
            models.Index(
                fields=["review"], name="feedback_review", condition=models.Q(review="waiting")
            ),
        ]


class SurveyTrigger(models.TextChoices):
    CONTACT = "contact", _("a conversation or phone call")
    APPOINTMENT = "appointment", _("an appointment")
    DECISION = "decision", _("a decision")


class SurveyInvitation(models.Model):
    """An invitation sent to one client; closing it keeps no trace of the answer."""

    token = models.CharField(max_length=64, unique=True)
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="survey_invitations")
    trigger = models.CharField(max_length=12, choices=SurveyTrigger.choices)
    group = models.CharField(max_length=12, choices=Group.choices)
    subject_ref = models.CharField(max_length=64)
    sent_at = models.DateTimeField(auto_now_add=True)
    closed = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["trigger", "subject_ref"], name="one_survey_per_event")
        ]


class SurveyResponse(models.Model):
    """Answers on a 1 to 5 scale; `client` is only set when the client chose to answer by name."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    week = models.DateField()
    trigger = models.CharField(max_length=12, choices=SurveyTrigger.choices)
    group = models.CharField(max_length=12, choices=Group.choices)
    answers = models.JSONField()
    text = models.TextField(blank=True)
    review = models.CharField(max_length=10, choices=Review.choices, default=Review.CLEAR)
    client = models.ForeignKey(
        Client, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        indexes = [models.Index(fields=["week", "group"], name="survey_signal")]


class Consultation(models.Model):
    """A question put to one target group; clients in it answer anonymously in the portal."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    question = models.CharField(max_length=300)
    explanation = models.TextField(blank=True)
    group = models.CharField(max_length=12, choices=Group.choices)
    opens_on = models.DateField()
    closes_on = models.DateField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-opens_on", "-id"]


class ConsultationAnswer(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="answers")
    week = models.DateField()
    text = models.TextField()
    review = models.CharField(max_length=10, choices=Review.choices)


class ConsultationSeal(models.Model):
    """That a client answered (so they answer once), never what: the answer has no link back."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="+")
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["consultation", "client"], name="answer_once")
        ]


class ActionStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    ACTIVE = "active", _("in progress")
    DONE = "done", _("done")
    STOPPED = "stopped", _("stopped")


class ImprovementAction(models.Model):
    """What the municipality does about a signal; its history is appended, never rewritten."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(max_length=200)
    description = models.TextField()
    signal = models.TextField()
    group = models.CharField(max_length=12, choices=Group.choices, blank=True)
    theme = models.CharField(max_length=16, choices=Theme.choices, blank=True)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    due_on = models.DateField()
    public = models.BooleanField(default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["due_on", "id"]

    @property
    def current(self) -> ActionUpdate | None:
        return self.updates.order_by("-at", "-id").first()


class ActionUpdate(models.Model):
    action = models.ForeignKey(ImprovementAction, on_delete=models.PROTECT, related_name="updates")
    status = models.CharField(max_length=10, choices=ActionStatus.choices)
    progress = models.PositiveSmallIntegerField(default=0)
    text = models.TextField()
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)


class CouncilQuestion(models.Model):
    """A comment or question of the council; a question is a promise to answer by `due_on`."""

    action = models.ForeignKey(
        ImprovementAction, on_delete=models.PROTECT, related_name="questions"
    )
    text = models.TextField()
    is_question = models.BooleanField(default=True)
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    asked_at = models.DateTimeField(auto_now_add=True)
    due_on = models.DateField(null=True, blank=True)
    answer = models.TextField(blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)
