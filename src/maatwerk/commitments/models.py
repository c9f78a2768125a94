"""Commitments of either party, applications with their decision terms, notices of default and
penalty decisions. Row invariants live here; every change goes through services.py."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from maatwerk.core.models import Receipt
from maatwerk.dossiers.models import Client


class Party(models.TextChoices):
    CLIENT = "client", _("client")
    MUNICIPALITY = "municipality", _("municipality")


class Origin(models.TextChoices):
    PLAN_STEP = "plan_step", _("plan step")
    PLAN_REVIEW = "plan_review", _("talking through the plan")
    CALLBACK = "callback", _("callback")
    DOCUMENT_REQUEST = "document_request", _("document request")
    APPOINTMENT = "appointment", _("appointment")
    APPLICATION_DECISION = "application_decision", _("decision on an application")
    ADVANCE = "advance", _("advance payment")
    PENALTY_DECISION = "penalty_decision", _("decision on the penalty")
    PENALTY_PAYMENT = "penalty_payment", _("payment of the penalty")
    REPAYMENT = "repayment", _("paying back what was withheld")
    OTHER = "other", _("other")


class Status(models.TextChoices):
    OPEN = "open", _("open")
    FULFILLED = "fulfilled", _("done")
    EXCUSED = "excused", _("excused")
    OVERDUE = "overdue", _("too late")
    WITHDRAWN = "withdrawn", _("withdrawn")


class Evidence(models.TextChoices):
    RECEIPT = "receipt", _("receipt")
    CONTACT = "contact", _("contact moment")
    DOCUMENT = "document", _("document")
    DECISION = "decision", _("decision")
    PAYMENT = "payment", _("payment")
    ABSENCE = "absence", _("registered absence")
    STATEMENT = "statement", _("statement")


class Escalation(models.IntegerChoices):
    NONE = 0, _("not escalated")
    RESPONSIBLE = 1, _("to the responsible consultant")
    TEAM_LEAD = 2, _("to the team lead")


# Origins of which an application has at most one: the term itself and the penalty steps.
ONE_PER_APPLICATION = [
    Origin.APPLICATION_DECISION,
    Origin.PENALTY_DECISION,
    Origin.PENALTY_PAYMENT,
]


class Commitment(models.Model):
    """What one party promised the other, by when, and what fulfilled or excused it."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    client = models.ForeignKey(Client, on_delete=models.PROTECT, related_name="commitments")
    party = models.CharField(_("made by"), max_length=12, choices=Party.choices)
    description = models.TextField(_("what was promised"))
    due_at = models.DateTimeField(_("due"))
    origin = models.CharField(_("origin"), max_length=24, choices=Origin.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    application = models.ForeignKey(
        "Application", on_delete=models.PROTECT, null=True, blank=True, related_name="commitments"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    overdue_since = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    evidence = models.CharField(_("evidence"), max_length=10, choices=Evidence.choices, blank=True)
    evidence_ref = models.CharField(_("evidence reference"), max_length=64, blank=True)
    reason = models.TextField(_("explanation"), blank=True)
    receipt = models.ForeignKey(Receipt, on_delete=models.PROTECT, null=True, related_name="+")
    escalation = models.PositiveSmallIntegerField(
        choices=Escalation.choices, default=Escalation.NONE
    )
    escalated_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    escalated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due_at", "id"]
        indexes = [
            # The escalation task reads only these: open rows past due, and municipal rows
            # waiting for the team lead. The million open rows in the future stay untouched.
            models.Index(fields=["due_at"], condition=Q(status="open"), name="commitment_open_due"),
            models.Index(
                fields=["escalated_at"],
                condition=Q(status="overdue", escalation=1),
                name="commitment_awaiting_lead",
            ),
            models.Index(fields=["client", "status", "due_at"], name="commitment_client_status"),
            models.Index(fields=["escalated_to", "status"], name="commitment_escalated_to"),
            # Insight: steps clients completed in a period ("days to the first step").
            models.Index(
                fields=["origin", "closed_at"],
                condition=Q(status="fulfilled", party="client"),
                name="commitment_client_done",
            ),
            # The insight tallies recount one day of municipal promises at a time.
            models.Index(
                fields=["due_at"],
                condition=Q(party="municipality"),
                name="commitment_municipal_due",
            ),
            # A team lead's figures per consultant: a team's clients' promises in a period, read
            # from the index alone (PostgreSQL; elsewhere the columns are simply not included).
            models.Index(
                fields=["client", "due_at"],
                include=["id", "status", "closed_at", "origin"],
                condition=Q(party="municipality"),
                name="commitment_municipal_client",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "origin"],
                condition=Q(origin__in=ONE_PER_APPLICATION),
                name="commitment_one_term_per_application",
            ),
        ]

    def __str__(self) -> str:
        return self.description

    @property
    def is_closed(self) -> bool:
        return self.status in (Status.FULFILLED, Status.EXCUSED, Status.WITHDRAWN)

    @property
    def kept_on_time(self) -> bool:
        return (
            self.status == Status.FULFILLED
            and self.closed_at is not None
            and self.closed_at <= self.due_at
        )


class ApplicationKind(models.TextChoices):
    BIJSTAND = "bijstand", _("social assistance (bijstand)")
    BIJZONDERE_BIJSTAND = "bijzondere_bijstand", _("special assistance (bijzondere bijstand)")
    PROVISION = "provision", _("a provision (such as training or childcare)")
    OBJECTION = "objection", _("objection to a decision")


class Outcome(models.TextChoices):
    GRANTED = "granted", _("granted")
    PARTLY = "partly", _("partly granted")
    REFUSED = "refused", _("refused")
    NOT_CONSIDERED = "not_considered", _("not considered")


class Application(models.Model):
    """A request that needs a decision (beschikking), with its Awb decision term."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    client = models.ForeignKey(Client, on_delete=models.PROTECT, related_name="applications")
    kind = models.CharField(_("kind"), max_length=20, choices=ApplicationKind.choices)
    subject = models.CharField(_("what was asked"), max_length=200)
    received_at = models.DateTimeField(_("received"))
    received_on = models.DateField(_("received on"))
    # The day after which the term runs: the day of receipt, or for an objection the last day
    # of the objection period when that is later (Awb 7:10).
    term_start = models.DateField(_("term counts from the day after"))
    receipt = models.ForeignKey(Receipt, on_delete=models.PROTECT, null=True, related_name="+")
    term_weeks = models.PositiveSmallIntegerField(_("decision term in weeks"))
    decision_due = models.DateField(_("last day to decide"))
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, blank=True)
    decision_note = models.TextField(_("about the decision"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-received_at", "-id"]

    def __str__(self) -> str:
        return self.subject


class TermExtension(models.Model):
    """Awb 4:14: the applicant was told, within the term, that the decision takes longer."""

    application = models.ForeignKey(
        Application, on_delete=models.PROTECT, related_name="extensions"
    )
    previous_due = models.DateField()
    extended_to = models.DateField(_("new last day"))
    notified_on = models.DateField(_("letter sent on"))
    reason = models.TextField(_("why it takes longer"))
    letter = models.TextField(_("the letter"))
    # Awb 7:10 lid 4: an objection's decision deferred past six weeks needs the objector's consent.
    consent = models.TextField(_("when and how the client agreed to wait longer"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["recorded_at", "id"]


class SuspensionGround(models.TextChoices):
    COMPLETE_APPLICATION = "complete", _("we asked you to complete the application (4:15 lid 1a)")
    FOREIGN_INFORMATION = "foreign", _("we asked an authority abroad for information (4:15 lid 1b)")
    AGREED_DELAY = "agreed", _("you agreed in writing to wait (4:15 lid 2a)")
    APPLICANT_DELAY = "applicant", _("the delay was on your side (4:15 lid 2b)")
    FORCE_MAJEURE = "force_majeure", _("force majeure (4:15 lid 2c)")


class TermSuspension(models.Model):
    """Awb 4:15: days on which the term stood still, first and last day included."""

    application = models.ForeignKey(
        Application, on_delete=models.PROTECT, related_name="suspensions"
    )
    first_day = models.DateField(_("first day"))
    last_day = models.DateField(_("last day"))
    ground = models.CharField(_("ground"), max_length=16, choices=SuspensionGround.choices)
    note = models.TextField(_("explanation"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["first_day", "id"]

    @property
    def days(self) -> int:
        return (self.last_day - self.first_day).days + 1


class NoticeStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    RECEIVED = "received", _("received")


class NoticeOfDefault(models.Model):
    """Ingebrekestelling: the client tells us we are late. One draft, one sent per application."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="notices")
    status = models.CharField(max_length=10, choices=NoticeStatus.choices)
    text = models.TextField(_("text"))
    channel = models.CharField(_("channel"), max_length=10, blank=True)
    received_at = models.DateTimeField(_("received"), null=True, blank=True)
    received_on = models.DateField(_("received on"), null=True, blank=True)
    receipt = models.ForeignKey(Receipt, on_delete=models.PROTECT, null=True, related_name="+")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["application", "status"], name="notice_one_per_status")
        ]


class PenaltyExemption(models.TextChoices):
    # Awb 4:17 lid 6: never assumed, always a recorded staff decision with a reason.
    NOTICE_UNREASONABLY_LATE = "late_notice", _("the notice of default came unreasonably late")
    NOT_INTERESTED_PARTY = "not_party", _("the applicant is not an interested party")
    CLEARLY_INADMISSIBLE = "inadmissible", _("the application is clearly inadmissible or unfounded")


class PenaltyDecision(models.Model):
    """The decision on the penalty (Awb 4:18) and its payment (4:87: within six weeks)."""

    application = models.OneToOneField(
        Application, on_delete=models.PROTECT, related_name="penalty_decision"
    )
    days = models.PositiveSmallIntegerField()
    amount = models.DecimalField(max_digits=8, decimal_places=2)
    exemption = models.CharField(max_length=14, choices=PenaltyExemption.choices, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    letter = models.TextField(_("the letter"))
    decided_on = models.DateField(_("decided on"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    paid_on = models.DateField(_("paid on"), null=True, blank=True)
    payment_reference = models.CharField(_("payment reference"), max_length=64, blank=True)
