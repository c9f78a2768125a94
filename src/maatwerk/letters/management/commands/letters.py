"""`maatwerk letters check FILE [--json]`: the readability checker on a text file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from maatwerk.letters.rules.readability import check

_VERDICTS = {
    "goed": "goed",
    "let_op": "let op",
    "te_moeilijk": "te moeilijk",
    "te_kort": "te kort om een score te geven (minder dan 50 woorden of 3 zinnen)",
    "geen_nederlands": "dit is geen Nederlandse tekst: de Nederlandse controles gelden hier niet",
    "leeg": "de tekst is leeg",
}


class Command(BaseCommand):
    help = "Letters. `letters check FILE [--json]` checks a text for plain Dutch."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        checker = sub.add_parser("check", help="Check a text file for plain Dutch (B1).")
        checker.add_argument("file")
        checker.add_argument("--json", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError as error:
            raise CommandError(f"Het bestand '{path}' bestaat niet. Controleer de naam.") from error
        except UnicodeDecodeError as error:
            raise CommandError(
                f"Het bestand '{path}' is geen tekst in UTF-8. Sla het op als platte tekst."
            ) from error
        report = check(text)
        if options["json"]:
            self.stdout.write(json.dumps(report.as_json(), ensure_ascii=False, indent=2))
            return
        self.stdout.write(f"oordeel: {_VERDICTS[report.verdict]}")
        if report.douma is not None:
            self.stdout.write(f"Flesch-Douma: {report.douma}  Brouwer: {report.brouwer}")
            self.stdout.write(
                f"gemiddelde zinslengte: {report.average_sentence} woorden; "
                f"langste zin: {report.longest_sentence}"
            )
        for finding in report.findings:
            hint = f" → {finding.suggestion}" if finding.suggestion else ""
            self.stdout.write(f"{finding.start}-{finding.end} {finding.kind}: {finding.text}{hint}")
