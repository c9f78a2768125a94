"""Insight only reads the dossiers; it writes one thing: the log of research exports."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class ExportLog(models.Model):
    at = models.DateTimeField(auto_now_add=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    purpose = models.TextField()
    columns = models.JSONField()
    rows = models.PositiveIntegerField()
    suppressed = models.PositiveIntegerField()
    level = models.CharField(max_length=100)

    class Meta:
        ordering = ["-at"]
