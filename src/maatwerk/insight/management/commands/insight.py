"""`maatwerk insight rebuild`: recompute the daily tallies of the dashboards from the dossiers,
after rows were loaded without the application (a bulk import) or after an upgrade."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from maatwerk.insight.aggregates import rebuild


class Command(BaseCommand):
    help = "Insight. `insight rebuild` recomputes the daily tallies of the dashboards."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("rebuild", help="Recompute the daily tallies from the dossiers.")

    def handle(self, *args: Any, **options: Any) -> None:
        days = rebuild()
        self.stdout.write(f"Dagtotalen opnieuw berekend voor {days} dagen.")
