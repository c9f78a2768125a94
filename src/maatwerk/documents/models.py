"""Documents handed in through any channel, the batch they came in, and routing decisions."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from maatwerk.core.models import Receipt, ReceiptChannel
from maatwerk.documents.rules.classify import TYPES


class IntakeBatch(models.Model):
    """One hand-in: a portal upload of several files, one e-mail, one scanner batch."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    channel = models.CharField(_("channel"), max_length=10, choices=ReceiptChannel.choices)
    received_at = models.DateTimeField(_("received"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    client = models.ForeignKey(
        "dossiers.Client", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    source = models.CharField(_("source"), max_length=200, blank=True)
    receipt = models.OneToOneField(
        Receipt, null=True, blank=True, on_delete=models.PROTECT, related_name="batch"
    )
    note = models.TextField(blank=True)


class DocumentStatus(models.TextChoices):
    RECEIVED = "received", _("received, being read")
    ROUTED = "routed", _("with the regisseur")
    ACKNOWLEDGED = "acknowledged", _("seen by the regisseur")
    QUEUED = "queued", _("in the intake queue")
    QUARANTINED = "quarantined", _("in quarantine")


class Document(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    batch = models.ForeignKey(IntakeBatch, on_delete=models.PROTECT, related_name="documents")
    client = models.ForeignKey(
        "dossiers.Client", null=True, blank=True, on_delete=models.PROTECT, related_name="documents"
    )
    # Content address of the stored original; empty only for a file with no bytes at all.
    sha256 = models.CharField(max_length=64, db_index=True, blank=True)
    name = models.CharField(_("file name"), max_length=130)
    media_type = models.CharField(max_length=60)
    size = models.PositiveBigIntegerField(default=0)
    pages = models.PositiveIntegerField(default=0)
    received_at = models.DateTimeField(_("received"), db_index=True)
    status = models.CharField(
        _("status"), max_length=14, choices=DocumentStatus.choices, default=DocumentStatus.RECEIVED
    )
    problem = models.TextField(_("problem"), blank=True)
    document_type = models.CharField(
        _("document type"), max_length=20, choices=list(TYPES.items()), default="overig"
    )
    type_confidence = models.FloatField(default=0.0)
    client_confidence = models.FloatField(default=0.0)
    candidates = models.JSONField(default=list, blank=True)
    sensitive = models.BooleanField(default=False)
    text_encrypted = models.TextField(blank=True)
    routed_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="inbox",
    )
    routed_at = models.DateTimeField(null=True, blank=True)
    acknowledged_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-received_at", "-id"]
        indexes = [
            models.Index(fields=["status", "received_at"], name="document_status_received"),
            models.Index(fields=["routed_to", "status", "-received_at"], name="document_inbox"),
            models.Index(fields=["client", "-received_at"], name="document_client_received"),
        ]

    def __str__(self) -> str:
        return self.name


class RoutingKind(models.TextChoices):
    AUTOMATIC = "automatic", _("automatic")
    MANUAL = "manual", _("by intake")
    REASSIGNED = "reassigned", _("passed on")
    CORRECTED = "corrected", _("corrected")


class RoutingDecision(models.Model):
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="routing")
    kind = models.CharField(max_length=12, choices=RoutingKind.choices)
    moment = models.DateTimeField()
    to_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    by_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    detail = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-moment", "-id"]


class TypeCorrection(models.Model):
    """A document type set by staff: an example the classifier learns from (learning.py)."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="corrections")
    document_type = models.CharField(max_length=20, choices=list(TYPES.items()))
    text_encrypted = models.TextField()
    by_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    moment = models.DateTimeField()
