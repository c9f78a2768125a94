"""The absence register and sanction proposals: nothing lowers a benefit unless the dossier
supports it, the client was heard, and a second person agreed (docs/decisions/0013)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from maatwerk.core.models import Receipt, ReceiptChannel
from maatwerk.dossiers.models import Client


class AbsenceKind(models.TextChoices):
    HOLIDAY = "holiday", _("holiday")
    ABROAD = "abroad", _("stay abroad for another reason")
    HOSPITAL = "hospital", _("hospital stay")
    CARE = "care", _("caring for a relative")
    COURSE = "course", _("course or training")
    OTHER = "other", _("another reason")


class Absence(models.Model):
    """Time the client is away, reported by them or for them; the receipt is their proof."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    client = models.ForeignKey(Client, on_delete=models.PROTECT, related_name="absences")
    kind = models.CharField(_("kind"), max_length=10, choices=AbsenceKind.choices)
    first_day = models.DateField(_("first day away"))
    last_day = models.DateField(_("last day away"))
    abroad = models.BooleanField(_("abroad"), default=False)
    place = models.CharField(_("where"), max_length=200, blank=True)
    note = models.TextField(_("note"), blank=True)
    reported_at = models.DateTimeField()
    reported_via = models.CharField(max_length=10, choices=ReceiptChannel.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    # Reported after it started: accepted, and noted (never refused).
    late = models.BooleanField(default=False)
    # Reported within the municipality's notice period: a warning was shown, nothing more.
    short_notice = models.BooleanField(default=False)
    # Days of this stay abroad without a right to assistance (Pw art. 13) when it was reported.
    excess_days = models.PositiveIntegerField(default=0)
    # excess_days was computed with the last known AOW age, because the age for the client's
    # AOW year was not yet published (AOW art. 7a lid 2): staff check it again later.
    aow_unpublished = models.BooleanField(default=False)
    receipt = models.ForeignKey(Receipt, on_delete=models.PROTECT, related_name="+")
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-first_day", "-id"]
        indexes = [models.Index(fields=["client", "first_day"], name="absence_of_client")]

    @property
    def days(self) -> int:
        return (self.last_day - self.first_day).days + 1


class AbsenceChange(models.Model):
    """A change or cancellation, with what it was before and its own receipt."""

    absence = models.ForeignKey(Absence, on_delete=models.PROTECT, related_name="changes")
    cancelled = models.BooleanField(default=False)
    previous_first_day = models.DateField()
    previous_last_day = models.DateField()
    previous_place = models.CharField(max_length=200, blank=True)
    changed_at = models.DateTimeField(auto_now_add=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    receipt = models.ForeignKey(Receipt, on_delete=models.PROTECT, related_name="+")


class Category(models.TextChoices):
    """What an obligation is about: decides which findings contradict a proposal."""

    APPOINTMENT = "appointment", _("coming to an appointment")
    DOCUMENTS = "documents", _("handing in information or documents")
    WORK = "work", _("work and re-integration")
    OTHER = "other", _("other")


class SanctionTable(models.Model):
    """One version of the municipality's afstemmingsverordening table, from its start date."""

    name = models.CharField(max_length=200)
    starts_on = models.DateField(unique=True)
    source = models.TextField(blank=True)
    loaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-starts_on"]


class SanctionRule(models.Model):
    table = models.ForeignKey(SanctionTable, on_delete=models.PROTECT, related_name="rules")
    code = models.SlugField(max_length=60)
    label = models.CharField(max_length=200)
    category = models.CharField(max_length=12, choices=Category.choices)
    percentage = models.PositiveSmallIntegerField()
    months = models.PositiveSmallIntegerField()
    repeat_percentage = models.PositiveSmallIntegerField()
    repeat_months = models.PositiveSmallIntegerField()
    # The Participatiewet article the obligation comes from, e.g. "Pw art. 18 lid 4 onder a".
    article = models.CharField(max_length=80)
    # The article of the municipality's ordinance that sets the percentage and months.
    ordinance_article = models.CharField(max_length=80, blank=True)
    # One of the obligations of Pw art. 18 lid 4, counted together for repeats; derived from
    # `article` when the table is loaded (rules/repeats.is_statutory).
    uniform = models.BooleanField(default=False)

    class Meta:
        ordering = ["table", "label"]
        constraints = [models.UniqueConstraint(fields=["table", "code"], name="rule_per_table")]


class ProposalStatus(models.TextChoices):
    BLOCKED = "blocked", _("stopped by the evidence check")
    READY = "ready", _("ready for the hearing")
    HEARING = "hearing", _("the client is heard")
    REVIEW = "review", _("waiting for the second reviewer")
    DECIDED = "decided", _("decided")
    REJECTED = "rejected", _("rejected")
    WITHDRAWN = "withdrawn", _("withdrawn")


class Decision(models.TextChoices):
    APPROVED = "approved", _("approved as proposed")
    CHANGED = "changed", _("approved with changes")
    REJECTED = "rejected", _("rejected")


class ResponseChannel(models.TextChoices):
    PORTAL = "portal", _("in Mijn Maatwerk")
    PHONE = "phone", _("by phone")
    IN_PERSON = "in_person", _("in person")


class Proposal(models.Model):
    """A proposed sanction for one obligation, with the evidence check stored beside it."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    client = models.ForeignKey(Client, on_delete=models.PROTECT, related_name="sanction_proposals")
    rule = models.ForeignKey(SanctionRule, on_delete=models.PROTECT, related_name="+")
    event_date = models.DateField(_("the day the obligation was not met"))
    period_start = models.DateField(_("period checked from"))
    facts = models.TextField(_("the facts"))
    commitments = models.ManyToManyField("commitments.Commitment", blank=True, related_name="+")
    appointment = models.ForeignKey(
        "contacts.Appointment", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    proposer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    repeat = models.BooleanField(default=False)
    # Which breach this is (1, 2, or 3 for the third and later: rules/repeats.py), and the
    # earlier sanctions that made it a repeat.
    breach = models.PositiveSmallIntegerField(default=1)
    earlier = models.ManyToManyField("self", symmetrical=False, blank=True, related_name="+")
    percentage = models.PositiveSmallIntegerField()
    months = models.PositiveSmallIntegerField()
    status = models.CharField(max_length=10, choices=ProposalStatus.choices)
    findings = models.JSONField(default=list)
    checked_at = models.DateTimeField()
    hearing_letter = models.ForeignKey(
        "letters.Letter", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    hearing_due = models.DateField(null=True, blank=True)
    response = models.TextField(blank=True)
    response_at = models.DateTimeField(null=True, blank=True)
    response_channel = models.CharField(max_length=10, choices=ResponseChannel.choices, blank=True)
    decision = models.CharField(max_length=10, choices=Decision.choices, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_reason = models.TextField(blank=True)
    decided_percentage = models.PositiveSmallIntegerField(null=True, blank=True)
    decided_months = models.PositiveSmallIntegerField(null=True, blank=True)
    urgent_reasons = models.TextField(blank=True)
    decision_letter = models.ForeignKey(
        "letters.Letter", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # After an upheld or partly upheld objection: the terms that apply from then on (0 and 0:
    # no sanction). The decided terms above stay as they were, so the history is kept.
    final_percentage = models.PositiveSmallIntegerField(null=True, blank=True)
    final_months = models.PositiveSmallIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["client", "status"], name="proposal_of_client")]

    @property
    def terms_now(self) -> tuple[int, int] | None:
        """The percentage and months that apply now: after an objection, else as decided."""
        if self.final_percentage is not None and self.final_months is not None:
            return self.final_percentage, self.final_months
        if self.decided_percentage is None or self.decided_months is None:
            return None
        return self.decided_percentage, self.decided_months

    def blocking(self) -> list[dict[str, object]]:
        """Contradicting findings no team lead has explained yet."""
        explained = {o.finding_key for o in self.overrides.all()}
        return [f for f in self.findings if f.get("blocking") and f["key"] not in explained]


class Override(models.Model):
    """A team lead's reason why a contradicting finding does not apply."""

    proposal = models.ForeignKey(Proposal, on_delete=models.PROTECT, related_name="overrides")
    finding_key = models.CharField(max_length=80)
    reason = models.TextField()
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["proposal", "finding_key"], name="one_override")
        ]


class MissingInformation(models.Model):
    """Information or papers the client did not deliver (Pw art. 17 lid 1): never a reduction
    (art. 18 lid 2) but a term to deliver them, after which the right to assistance can be
    suspended and reviewed (art. 54)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    client = models.ForeignKey(Client, on_delete=models.PROTECT, related_name="missing_information")
    what = models.TextField(_("what is missing"))
    due_on = models.DateField(_("deliver by"))
    commitment = models.ForeignKey(
        "commitments.Commitment", on_delete=models.PROTECT, related_name="+"
    )
    letter = models.ForeignKey("letters.Letter", on_delete=models.PROTECT, related_name="+")
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    started_at = models.DateTimeField(auto_now_add=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    end_note = models.TextField(blank=True)

    class Meta:
        ordering = ["-started_at", "-id"]


class ObjectionOutcome(models.TextChoices):
    UPHELD = "upheld", _("the client is right: the sanction is withdrawn")
    PARTLY = "partly", _("the client is partly right: the sanction is lowered")
    REJECTED = "rejected", _("the sanction stays")
    # Awb 6:11 reversed: only a late objection whose lateness is not excusable.
    INADMISSIBLE = "inadmissible", _("the objection came too late and cannot be dealt with")


class Objection(models.Model):
    """The client's objection to a decided sanction: an application with its own term.

    The objection period and timeliness follow commitments/rules/objection.py (Awb 6:7-6:9); a
    late objection is always recorded, with the client's reason, and staff judge it (6:11).
    """

    proposal = models.OneToOneField(Proposal, on_delete=models.PROTECT, related_name="objection")
    application = models.OneToOneField(
        "commitments.Application", on_delete=models.PROTECT, related_name="sanction_objection"
    )
    grounds = models.TextField()
    decision_sent_on = models.DateField(null=True)
    period_last_day = models.DateField(null=True)
    received_on = models.DateField(null=True)
    posted_on = models.DateField(null=True, blank=True)
    late = models.BooleanField(default=False)
    late_reason = models.TextField(blank=True)
    # Awb 7:13: an advisory committee hears it, so the term is twelve weeks (7:10 lid 1).
    committee = models.BooleanField(default=False)
    # Awb 6:11: why staff found the lateness excusable (a late objection dealt with anyway).
    excused_reason = models.TextField(blank=True)
    outcome = models.CharField(max_length=12, choices=ObjectionOutcome.choices, blank=True)
    outcome_reason = models.TextField(blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
