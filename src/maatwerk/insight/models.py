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


class PromiseDay(models.Model):
    """Municipal promises due on one day, per origin and team of the current regisseur: how many
    and how many kept on time. Kept correct as promises and assignments change
    (aggregates.py), so the whole-municipality dashboard does not read every promise."""

    day = models.DateField()
    origin = models.CharField(max_length=24)
    team_id = models.IntegerField()  # 0: the client has no regisseur in a team
    total = models.PositiveIntegerField()
    kept = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["day", "origin", "team_id"], name="promise_day_unique")
        ]
        indexes = [models.Index(fields=["day", "team_id"], name="promise_day_period")]
