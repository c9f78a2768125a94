"""The participation plan: versions agreed by both sides, with the client's goals in their own
words, obstacles, steps (commitments of either party), provisions, reviews and the ladder.

Every version is kept. Items carry a `key` that stays the same from version to version, so two
versions can be compared and a step keeps its commitment while the plan changes around it.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from maatwerk.commitments.models import Commitment, Party
from maatwerk.core.models import Receipt
from maatwerk.dossiers.models import Channel, Client


class Plan(models.Model):
    """One per client: the container of its versions and reviews."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    client = models.OneToOneField(Client, on_delete=models.PROTECT, related_name="plan")
    active = models.ForeignKey(
        "PlanVersion", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)


class VersionStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    PROPOSED = "proposed", _("waiting for the client")
    AGREED_IN_MEETING = "agreed_in_meeting", _("agreed in the meeting, to be confirmed")
    DISAGREED = "disagreed", _("the client does not agree")
    ACTIVE = "active", _("agreed and in force")
    SUPERSEDED = "superseded", _("replaced by a newer version")
    WITHDRAWN = "withdrawn", _("withdrawn")


class Frequency(models.TextChoices):
    WEEKLY = "weekly", _("every week")
    FORTNIGHTLY = "fortnightly", _("every two weeks")
    MONTHLY = "monthly", _("every month")
    BIMONTHLY = "bimonthly", _("every two months")
    QUARTERLY = "quarterly", _("every three months")


class PlanVersion(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    status = models.CharField(max_length=20, choices=VersionStatus.choices)
    based_on = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    template = models.ForeignKey(
        "PlanTemplate", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Optimistic lock: every change to a draft raises it; a change made on an older number is
    # refused, so two people editing the same draft never overwrite each other.
    revision = models.PositiveIntegerField(default=0)
    strengths = models.TextField(_("strengths, experience and skills"), blank=True)
    wishes = models.TextField(_("wishes (such as volunteer work or a course)"), blank=True)
    contact_frequency = models.CharField(
        _("how often we talk"), max_length=12, choices=Frequency.choices, blank=True
    )
    contact_channel = models.CharField(
        _("how we talk"), max_length=10, choices=Channel.choices, blank=True
    )
    next_review_on = models.DateField(_("next talk about the plan"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    proposed_at = models.DateTimeField(null=True, blank=True)
    agreed_in_meeting_at = models.DateTimeField(null=True, blank=True)
    agreed_at = models.DateTimeField(_("agreed"), null=True, blank=True)
    agreed_how = models.CharField(max_length=20, blank=True)
    agreement_receipt = models.ForeignKey(
        Receipt, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="plan_version_number"),
            # At most one version in the making per plan: one draft or one waiting for the client.
            models.UniqueConstraint(
                fields=["plan"],
                condition=Q(status__in=["draft", "proposed", "agreed_in_meeting"]),
                name="plan_one_open_version",
            ),
        ]

    def __str__(self) -> str:
        return f"versie {self.number}"

    @property
    def is_draft(self) -> bool:
        return self.status == VersionStatus.DRAFT


class Goal(models.Model):
    """A goal in the client's own words. Staff never change these words."""

    version = models.ForeignKey(PlanVersion, on_delete=models.CASCADE, related_name="goals")
    key = models.UUIDField(default=uuid.uuid4)
    text = models.TextField(_("goal, in the client's own words"))
    success = models.TextField(_("what success looks like"), blank=True)
    timeframe = models.CharField(_("rough time frame"), max_length=100, blank=True)
    position = models.PositiveSmallIntegerField(default=0)
    achieved_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["position", "id"]
        indexes = [  # insight counts the goals reached in a period
            models.Index(
                fields=["achieved_on"], condition=Q(achieved_on__isnull=False), name="goal_achieved"
            )
        ]


class ObstacleKind(models.TextChoices):
    DEBTS = "debts", _("debts")
    HEALTH = "health", _("health")
    CARE = "care", _("care for others")
    LANGUAGE = "language", _("language")
    HOUSING = "housing", _("housing")
    TRANSPORT = "transport", _("transport")
    CHILDCARE = "childcare", _("childcare")
    OTHER = "other", _("other")


class Obstacle(models.Model):
    version = models.ForeignKey(PlanVersion, on_delete=models.CASCADE, related_name="obstacles")
    key = models.UUIDField(default=uuid.uuid4)
    kind = models.CharField(_("kind"), max_length=10, choices=ObstacleKind.choices)
    description = models.TextField(_("what is in the way"))
    approach = models.TextField(_("who does what about it"), blank=True)
    # "Speak about it privately": never on a printed plan.
    private = models.BooleanField(_("speak about it privately"), default=False)

    class Meta:
        ordering = ["id"]


class ProvisionKind(models.TextChoices):
    TRAINING = "training", _("training or course")
    CHILDCARE = "childcare", _("childcare")
    TRAVEL = "travel", _("travel costs")
    JOB_COACH = "job_coach", _("job coach")
    EQUIPMENT = "equipment", _("work equipment")


class ProvisionStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    REQUESTED = "requested", _("requested")
    GRANTED = "granted", _("granted")
    IN_USE = "in_use", _("in use")
    ENDED = "ended", _("ended")


class Step(models.Model):
    """What one party does next, by when. Once the version is agreed, it is a commitment."""

    version = models.ForeignKey(PlanVersion, on_delete=models.CASCADE, related_name="steps")
    key = models.UUIDField(default=uuid.uuid4)
    party = models.CharField(_("who does it"), max_length=12, choices=Party.choices)
    description = models.TextField(_("what"))
    due_on = models.DateField(_("by when"))
    provision = models.CharField(
        _("provision"), max_length=10, choices=ProvisionKind.choices, blank=True
    )
    budget = models.DecimalField(
        _("budget in euros"), max_digits=9, decimal_places=2, null=True, blank=True
    )
    provision_status = models.CharField(
        _("provision status"), max_length=10, choices=ProvisionStatus.choices, blank=True
    )
    commitment = models.ForeignKey(
        Commitment, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # A step about something spoken about privately (such as debts) is not printed either.
    private = models.BooleanField(_("speak about it privately"), default=False)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["due_on", "position", "id"]


class ClientView(models.Model):
    """The client's own words about a version, or one step of it: kept with the version."""

    version = models.ForeignKey(PlanVersion, on_delete=models.PROTECT, related_name="views")
    step = models.ForeignKey(Step, on_delete=models.PROTECT, null=True, blank=True)
    agrees = models.BooleanField()
    text = models.TextField(_("in your own words"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]


class GoalProposal(models.Model):
    """Between meetings the client proposes a new or changed goal, in their own words."""

    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="proposals")
    goal_key = models.UUIDField(null=True, blank=True)
    text = models.TextField(_("your goal, in your own words"))
    success = models.TextField(_("what success looks like"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    taken_into = models.ForeignKey(
        PlanVersion, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["created_at", "id"]


class Review(models.Model):
    """A conversation about the plan: progress, what changes, the ladder and the next date."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="reviews")
    version = models.ForeignKey(PlanVersion, on_delete=models.PROTECT, related_name="reviews")
    held_on = models.DateField(_("held on"))
    changes = models.TextField(_("what changes"), blank=True)
    next_review_on = models.DateField(_("next talk about the plan"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-held_on", "-id"]


class Progress(models.TextChoices):
    NOT_STARTED = "not_started", _("not started")
    GOING = "going", _("going well")
    STUCK = "stuck", _("stuck")
    DONE = "done", _("done")


class ReviewNote(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="notes")
    goal = models.ForeignKey(Goal, on_delete=models.PROTECT, null=True, blank=True)
    step = models.ForeignKey(Step, on_delete=models.PROTECT, null=True, blank=True)
    progress = models.CharField(max_length=12, choices=Progress.choices)
    note = models.TextField(blank=True)


# Which definition of the ladder a rung was measured with (DOMAIN.md, "The participation
# ladder"); a later definition gets a new code and old measurements keep theirs.
LADDER_DEFINITION = "participatieladder-2026"


class LadderMeasurement(models.Model):
    client = models.ForeignKey(Client, on_delete=models.PROTECT, related_name="ladder")
    rung = models.PositiveSmallIntegerField()
    measured_on = models.DateField()
    definition = models.CharField(max_length=40, default=LADDER_DEFINITION)
    review = models.ForeignKey(Review, on_delete=models.PROTECT, null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["measured_on", "id"]
        indexes = [  # insight: the measurements of a day, and each one's half year before
            models.Index(fields=["measured_on"], name="ladder_day"),
            models.Index(fields=["client", "measured_on"], name="ladder_client_day"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(rung__gte=1, rung__lte=6), name="ladder_rung_1_6")
        ]


class PlanTemplate(models.Model):
    """Typical steps for a kind of trajectory. Never the client's own words."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    description = models.TextField(_("what this trajectory is for"), blank=True)
    # One step per line: "gemeente | wat | weken vanaf de start" or "cliënt | wat | weken".
    steps = models.TextField(_("typical steps"))
    active = models.BooleanField(_("in use"), default=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
