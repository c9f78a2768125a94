"""`maatwerk sanctions table FILE`: load a new version of the municipality's sanction table
(afstemmingsverordening) from a JSON file, valid from its start date. See sanctions/table.json."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from maatwerk.sanctions.errors import SanctionError
from maatwerk.sanctions.proposals import ensure_table, load_table


class Command(BaseCommand):
    help = "Sanctions. `sanctions table FILE` loads a new version of the sanction table."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        table = sub.add_parser("table", help="Load a sanction table (JSON) from its start date.")
        table.add_argument("file")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError as error:
            raise CommandError(f"Het bestand '{path}' bestaat niet. Controleer de naam.") from error
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise CommandError(
                f"Het bestand '{path}' is geen geldige JSON. Vergelijk het met "
                "sanctions/table.json."
            ) from error
        ensure_table()
        try:
            table = load_table(data)
        except SanctionError as error:
            raise CommandError(error.message) from error
        self.stdout.write(
            f"Tabel '{table.name}' geladen: {table.rules.count()} regels, geldig vanaf "
            f"{table.starts_on:%d-%m-%Y}."
        )
