"""Insight only reads the dossiers; it writes the log of research exports and daily tallies."""

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


class DayTally(models.Model):
    """Rows of one measure on one day, per kind and team of the client's current regisseur: how
    many, and how many hits (see aggregates.py, which keeps them correct as the dossiers
    change), so the dashboards of the municipality and of a team do not read every row."""

    day = models.DateField()
    measure = models.CharField(max_length=16)
    kind = models.CharField(max_length=24, blank=True)  # e.g. the origin of a promise
    team_id = models.IntegerField()  # 0: the client has no regisseur in a team
    total = models.PositiveIntegerField()
    hits = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["measure", "day", "kind", "team_id"], name="day_tally_unique"
            )
        ]
