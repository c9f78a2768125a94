"""`maatwerk commitments escalate`: one escalation run now (what the clock queues regularly)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from maatwerk.commitments.escalation import escalate


class Command(BaseCommand):
    help = "Commitments. `commitments escalate` marks overdue promises and escalates them."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("escalate", help="Mark overdue promises; pass them on. Safe to repeat.")

    def handle(self, *args: Any, **options: Any) -> None:
        run = escalate()
        self.stdout.write(
            f"overdue: {run.overdue}  to consultant: {run.to_responsible}  "
            f"to team lead: {run.to_team_lead}  penalty decisions planned: {run.penalties_planned}"
        )
