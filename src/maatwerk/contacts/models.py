"""Contact moments across channels, and callbacks with their attempts.

A callback is a promise of the municipality (a commitment) with a due moment from the norm;
it is assigned to whoever handles the client then (`responsible_for`). A callback for a number
that matches no client, or several, waits in the callback queue with its candidates.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from maatwerk.commitments.models import Commitment
from maatwerk.dossiers.models import Client


class ContactChannel(models.TextChoices):
    PHONE = "phone", _("phone")
    VOICEMAIL = "voicemail", _("voicemail")
    EMAIL = "email", _("e-mail")
    COUNTER = "counter", _("counter")
    IN_PERSON = "in_person", _("in person")
    VIDEO = "video", _("video call")
    LETTER = "letter", _("letter")
    PORTAL = "portal", _("message in Mijn Maatwerk")


class Direction(models.TextChoices):
    IN = "in", _("from the client")
    OUT = "out", _("to the client")


class ContactMoment(models.Model):
    """One contact, recorded once: the client and the consultant see the same list."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    client = models.ForeignKey(Client, on_delete=models.PROTECT, related_name="contacts")
    channel = models.CharField(_("channel"), max_length=10, choices=ContactChannel.choices)
    direction = models.CharField(_("direction"), max_length=3, choices=Direction.choices)
    moment = models.DateTimeField(_("moment"))
    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    subject = models.CharField(_("subject"), max_length=200)
    outcome = models.TextField(_("outcome"), blank=True)
    reached = models.BooleanField(_("reached the client"), default=True)
    callback = models.ForeignKey(
        "Callback", on_delete=models.PROTECT, null=True, blank=True, related_name="contacts"
    )

    class Meta:
        ordering = ["-moment", "-id"]
        indexes = [models.Index(fields=["client", "-moment"], name="contact_client_moment")]


class RequestedVia(models.TextChoices):
    PHONE_DESK = "phone_desk", _("the phone desk")
    VOICEMAIL = "voicemail", _("voicemail")
    PORTAL = "portal", _("Mijn Maatwerk")
    COUNTER = "counter", _("the counter")


class CallbackStatus(models.TextChoices):
    QUEUED = "queued", _("waiting for the right client")
    OPEN = "open", _("to call back")
    DONE = "done", _("called back")
    WITHDRAWN = "withdrawn", _("no longer needed")


class Callback(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    client = models.ForeignKey(
        Client, on_delete=models.PROTECT, null=True, blank=True, related_name="callbacks"
    )
    phone = models.CharField(_("phone number"), max_length=30)
    caller_name = models.CharField(_("name the caller gave"), max_length=120, blank=True)
    requested_via = models.CharField(_("asked via"), max_length=12, choices=RequestedVia.choices)
    subject = models.CharField(_("what it is about"), max_length=200)
    requested_at = models.DateTimeField(_("asked at"))
    due_at = models.DateTimeField(_("call back by"))
    status = models.CharField(max_length=10, choices=CallbackStatus.choices)
    candidates = models.JSONField(default=list, blank=True)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    commitment = models.OneToOneField(
        Commitment, on_delete=models.PROTECT, null=True, blank=True, related_name="callback"
    )
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    done_at = models.DateTimeField(_("called back at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["due_at", "id"]
        indexes = [
            models.Index(fields=["assigned_to", "status", "due_at"], name="callback_assigned"),
            models.Index(fields=["due_at"], condition=Q(status="queued"), name="callback_queued"),
        ]


class AttemptOutcome(models.TextChoices):
    REACHED = "reached", _("reached")
    NOT_REACHED = "not_reached", _("not reached")
    MESSAGE_LEFT = "message_left", _("message left")


class CallbackAttempt(models.Model):
    callback = models.ForeignKey(Callback, on_delete=models.PROTECT, related_name="attempts")
    moment = models.DateTimeField()
    outcome = models.CharField(max_length=12, choices=AttemptOutcome.choices)
    note = models.TextField(blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["moment", "id"]


class ConversationReport(models.Model):
    """What was discussed, agreed and happens next; shared with the client, who can react."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    client = models.ForeignKey(Client, on_delete=models.PROTECT, related_name="reports")
    contact = models.ForeignKey(
        ContactMoment, on_delete=models.PROTECT, null=True, blank=True, related_name="reports"
    )
    held_on = models.DateField(_("conversation on"))
    discussed = models.TextField(_("what we discussed"))
    agreed = models.TextField(_("what we agreed (one agreement per line)"), blank=True)
    next_steps = models.TextField(_("what happens next"), blank=True)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    written_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-held_on", "-id"]

    def agreement_lines(self) -> list[str]:
        return [line.strip() for line in self.agreed.splitlines() if line.strip()]


class ReportReaction(models.Model):
    """The client's own reaction or correction, kept beside the report, never replacing it."""

    report = models.ForeignKey(
        ConversationReport, on_delete=models.PROTECT, related_name="reactions"
    )
    text = models.TextField(_("your reaction"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]


class ReportCommitment(models.Model):
    """An agreement line of a report that became a commitment, with one action."""

    report = models.ForeignKey(
        ConversationReport, on_delete=models.PROTECT, related_name="commitments"
    )
    line = models.PositiveSmallIntegerField()
    commitment = models.OneToOneField(Commitment, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["report", "line"], name="report_line_once")]


class NotifyChannel(models.TextChoices):
    EMAIL = "email", _("e-mail")
    SMS = "sms", _("text message")
    PORTAL = "portal", _("Mijn Maatwerk")


class NotificationStatus(models.TextChoices):
    QUEUED = "queued", _("waiting to be sent")
    SENT = "sent", _("sent")
    FAILED = "failed", _("could not be sent")


class Notification(models.Model):
    """Something that needs the client's attention, by their channel: an outbox row first, so a
    mail server that is down loses nothing; it is tried again and staff see what is stuck."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    client = models.ForeignKey(Client, on_delete=models.PROTECT, related_name="notifications")
    kind = models.CharField(max_length=40)
    channel = models.CharField(max_length=10, choices=NotifyChannel.choices)
    subject = models.CharField(max_length=200)
    body = models.TextField()
    ics = models.TextField(blank=True)
    status = models.CharField(
        max_length=10, choices=NotificationStatus.choices, default=NotificationStatus.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=300, blank=True)
    next_try_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(
                fields=["next_try_at"], condition=Q(status="queued"), name="notification_to_send"
            )
        ]


class AppointmentKind(models.TextChoices):
    IN_PERSON = "in_person", _("in person")
    PHONE = "phone", _("by phone")
    VIDEO = "video", _("video call")


class AppointmentStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    HELD = "held", _("held")
    MOVED = "moved", _("moved to another time")
    CANCELLED = "cancelled", _("cancelled")


class Appointment(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    client = models.ForeignKey(Client, on_delete=models.PROTECT, related_name="appointments")
    staff = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("kind"), max_length=10, choices=AppointmentKind.choices)
    location = models.CharField(_("where"), max_length=200, blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    subject = models.CharField(_("what it is about"), max_length=200)
    not_in_person_reason = models.TextField(blank=True)
    status = models.CharField(
        max_length=10, choices=AppointmentStatus.choices, default=AppointmentStatus.PLANNED
    )
    commitment = models.OneToOneField(
        Commitment, on_delete=models.PROTECT, null=True, blank=True, related_name="appointment"
    )
    moved_to = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["starts_at", "id"]
        indexes = [
            models.Index(fields=["staff", "starts_at"], name="appointment_staff_start"),
            models.Index(
                fields=["starts_at"],
                condition=Q(status="planned", reminder_sent_at__isnull=True),
                name="appointment_to_remind",
            ),
        ]


class RescheduleRequest(models.Model):
    """The client asks for another time: with a receipt, so they can always prove it."""

    appointment = models.ForeignKey(
        Appointment, on_delete=models.PROTECT, related_name="reschedule_requests"
    )
    reason = models.TextField(_("why another time"))
    preferred = models.CharField(_("what time suits you"), max_length=200, blank=True)
    receipt = models.ForeignKey("core.Receipt", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    handled_at = models.DateTimeField(null=True, blank=True)


class Sender(models.TextChoices):
    CLIENT = "client", _("client")
    STAFF = "staff", _("municipality")


class Message(models.Model):
    """A secure message between a client and their regisseur; read by the other side or not."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    client = models.ForeignKey(Client, on_delete=models.PROTECT, related_name="messages")
    sender = models.CharField(max_length=6, choices=Sender.choices)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("message"))
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    # Attachments go through document intake: this is the receipt of that hand-in.
    attachments_receipt = models.ForeignKey(
        "core.Receipt", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reply_commitment = models.OneToOneField(
        Commitment, on_delete=models.PROTECT, null=True, blank=True, related_name="message"
    )

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["client", "created_at"], name="message_client_time")]


class DiaryEntry(models.Model):
    """The client's own note: private unless they share it, and they can take sharing back."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    client = models.ForeignKey(Client, on_delete=models.PROTECT, related_name="diary")
    text = models.TextField(_("your note"))
    created_at = models.DateTimeField(auto_now_add=True)
    shared_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]


class ConsentHow(models.TextChoices):
    IN_PERSON = "in_person", _("in person, signed")
    PORTAL = "portal", _("in Mijn Maatwerk")
    PHONE = "phone", _("by phone, recorded at the start")


class Consent(models.Model):
    """Permission to record: what for, what, how long kept, until when; withdrawn at any time."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    client = models.ForeignKey(Client, on_delete=models.PROTECT, related_name="consents")
    purpose = models.CharField(_("what for"), max_length=200)
    what = models.CharField(_("what is recorded"), max_length=200)
    retention_days = models.PositiveSmallIntegerField(_("kept for (days)"))
    expires_on = models.DateField(_("consent ends on"))
    given_how = models.CharField(_("given how"), max_length=10, choices=ConsentHow.choices)
    given_at = models.DateTimeField(_("given at"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-given_at", "-id"]


class Recording(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    client = models.ForeignKey(Client, on_delete=models.PROTECT, related_name="recordings")
    consent = models.ForeignKey(Consent, on_delete=models.PROTECT, related_name="recordings")
    name = models.CharField(max_length=200)
    media_type = models.CharField(max_length=40)
    size = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    delete_after = models.DateField()
    deleted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
