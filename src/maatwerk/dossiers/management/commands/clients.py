"""`maatwerk clients import FILE.csv`: load clients from the municipality's current system.

`maatwerk clients name-keys` recomputes every client's name keys (dossiers/namekeys.py), for
after a change to the name rules in dossiers/rules/names.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from maatwerk.dossiers.importer import ImportFileError, import_clients
from maatwerk.dossiers.namekeys import refresh_all_name_keys


class Command(BaseCommand):
    help = "Manage clients. `clients import FILE.csv` imports clients (see README for columns)."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        importer = sub.add_parser("import", help="Import clients from a CSV file.")
        importer.add_argument("file", type=Path)
        sub.add_parser("name-keys", help="Recompute the name keys after a change to their rules.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "name-keys":
            done = refresh_all_name_keys()
            self.stdout.write(
                _("Done: name keys of %(count)d clients recomputed.") % {"count": done}
            )
            return
        try:
            report = import_clients(options["file"])
        except ImportFileError as exc:
            raise CommandError(exc.message) from exc
        if report.problems:
            for problem in report.problems:
                self.stderr.write(_("line %(line)d: %(message)s") % vars(problem))
            count = len(report.problems)
            raise CommandError(
                ngettext(
                    "Nothing was imported: %(count)d problem found. Correct the file and import "
                    "it again.",
                    "Nothing was imported: %(count)d problems found. Correct the file and import "
                    "it again.",
                    count,
                )
                % {"count": count}
            )
        self.stdout.write(
            _("Done: %(created)d new, %(updated)d updated, %(unchanged)d unchanged.") % vars(report)
        )
