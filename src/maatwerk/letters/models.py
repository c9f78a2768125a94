"""Letter templates per purpose and language. The Dutch text is legally leading; a translation
that was not supplied yet is a placeholder showing the Dutch text, marked as such."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


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
