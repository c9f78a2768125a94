"""Letter templates per purpose and language. The Dutch text is legally leading; a translation
that was not supplied yet is a placeholder showing the Dutch text, marked as such."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from maatwerk.dossiers.models import Client


class Purpose(models.TextChoices):
    APPOINTMENT_INVITATION = "appointment_invitation", _("invitation for a conversation")
    REMINDER = "reminder", _("reminder of an appointment")
    DOCUMENT_REQUEST = "document_request", _("request for documents")
    RECEIPT = "receipt", _("receipt")
    APPLICATION_DECISION = "application_decision", _("decision on an application")
    EXTENSION_NOTICE = "extension_notice", _("extension of the decision term")
    NOTICE_RECEIPT = "notice_receipt", _("receipt of a notice of default")
    PENALTY_DECISION = "penalty_decision", _("decision on the penalty")
    SANCTION_INTENTION = "sanction_intention", _("intention to sanction")
    SANCTION_DECISION = "sanction_decision", _("decision on a sanction")
    PLAN = "plan", _("the plan")
    REPORT_NOTIFICATION = "report_notification", _("a conversation report is ready")


class Language(models.TextChoices):
    NL = "nl", "Nederlands"
    EN = "en", "English"
    AR = "ar", "العربية"
    TR = "tr", "Türkçe"
    PL = "pl", "Polski"
    UK = "uk", "Українська"
    TI = "ti", "ትግርኛ"


class LetterTemplate(models.Model):
    purpose = models.CharField(_("purpose"), max_length=30, choices=Purpose.choices)
    language = models.CharField(_("language"), max_length=3, choices=Language.choices)
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("text"))
    # True while no translation was supplied: the Dutch text is shown, marked as such.
    placeholder = models.BooleanField(default=False)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["purpose", "language"]
        constraints = [
            models.UniqueConstraint(fields=["purpose", "language"], name="template_per_language")
        ]


class Alternative(models.TextChoices):
    """What a consultant does instead when a letter to a client who needs plain language does
    not score 'goed' (the sanctions issue checks that one was recorded)."""

    PHONE = "phone", _("I explain the letter by phone")
    INTERPRETER = "interpreter", _("I explain the letter with an interpreter")
    VISIT = "visit", _("I explain the letter during a visit or at the counter")
    OTHER = "other", _("something else (write what)")


class Letter(models.Model):
    """A letter as it was sent: the Dutch text (legally leading) and, beside it, the text in the
    client's language; never changed afterwards."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    client = models.ForeignKey(Client, on_delete=models.PROTECT, related_name="letters")
    purpose = models.CharField(_("purpose"), max_length=30, choices=Purpose.choices)
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("text"))
    language = models.CharField(_("language"), max_length=3, default=Language.NL)
    translated_subject = models.CharField(max_length=200, blank=True)
    translated_body = models.TextField(blank=True)
    # The client reads another language, but no translation was supplied: the Dutch text shows.
    translation_missing = models.BooleanField(default=False)
    verdict = models.CharField(max_length=20)
    douma = models.FloatField(null=True, blank=True)
    plain_language_needed = models.BooleanField(default=False)
    alternative = models.CharField(max_length=12, choices=Alternative.choices, blank=True)
    alternative_note = models.TextField(blank=True)
    large_print = models.BooleanField(default=False)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    sent_at = models.DateTimeField(auto_now_add=True)
    opened_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-sent_at", "-id"]
        indexes = [
            models.Index(fields=["client", "-sent_at"], name="letters_of_client"),
            models.Index(fields=["sent_at"], name="letters_sent"),  # insight: one day at a time
        ]

    @property
    def text_direction(self) -> str:
        return "rtl" if self.language == Language.AR else "ltr"


class DeliveryChannel(models.TextChoices):
    PORTAL = "portal", _("Mijn Maatwerk")
    EMAIL = "email", _("e-mail notice")
    POST = "post", _("letter by post")
    PHONE = "phone", _("phone call by the regisseur")


class DeliveryStatus(models.TextChoices):
    QUEUED = "queued", _("waiting")
    SENT = "sent", _("sent")
    DELIVERED = "delivered", _("delivered")
    OPENED = "opened", _("opened")
    FAILED = "failed", _("failed")


class Delivery(models.Model):
    """One channel a letter goes by, with its state; a failure is flagged to the regisseur until
    someone records what they did about it."""

    letter = models.ForeignKey(Letter, on_delete=models.CASCADE, related_name="deliveries")
    channel = models.CharField(max_length=10, choices=DeliveryChannel.choices)
    status = models.CharField(
        max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.QUEUED
    )
    notification = models.OneToOneField(
        "contacts.Notification",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="letter_delivery",
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=300, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    flagged_at = models.DateTimeField(null=True, blank=True)
    handled_at = models.DateTimeField(null=True, blank=True)
    handled_note = models.TextField(blank=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["letter", "channel"], name="one_delivery_per_channel")
        ]
        indexes = [
            models.Index(
                fields=["flagged_at"],
                condition=models.Q(flagged_at__isnull=False, handled_at__isnull=True),
                name="delivery_flagged",
            ),
            models.Index(
                fields=["channel", "status"],
                condition=models.Q(status="queued"),
                name="delivery_waiting",
            ),
        ]
