"""`maatwerk documents verify`: check every stored document and register orphaned files."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from maatwerk.documents.integrity import verify
from maatwerk.documents.models import Document


class Command(BaseCommand):
    help = "Documents. `documents verify` checks every stored file against its hash."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("verify", help="Check stored files; register orphans in quarantine.")

    def handle(self, *args: Any, **options: Any) -> None:
        total = Document.objects.exclude(sha256="").values("sha256").distinct().count()
        with tqdm(total=total, unit="file", desc="verify", file=self.stderr) as bar:
            report = verify(progress=bar.update)
        self.stdout.write(f"checked: {report.checked}")
        for sha in report.missing:
            self.stdout.write(f"MISSING  {sha}")
        for sha in report.damaged:
            self.stdout.write(f"DAMAGED  {sha}")
        for sha in report.orphans_registered:
            self.stdout.write(f"ORPHAN   {sha} (registered in quarantine)")
        if not report.healthy:
            raise CommandError(
                f"{len(report.missing)} missing and {len(report.damaged)} damaged file(s): restore "
                "them from the backup of the document storage."
            )
        self.stdout.write("all stored documents are complete and unchanged")
