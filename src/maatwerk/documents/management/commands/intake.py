"""`maatwerk intake`: take in files from the command line, a watched scanner folder, or e-mail.

maatwerk intake FILE... [--channel post|counter|email|portal] [--client NUMBER] [--json]
maatwerk intake watch DIR       (scanner folder; see documents/channels.py)
maatwerk intake smtp            (SMTP receiver for the intake address)
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from maatwerk.core.models import ReceiptChannel
from maatwerk.documents import processing
from maatwerk.documents.intake import IncomingFile, receive
from maatwerk.documents.models import DocumentStatus
from maatwerk.dossiers.models import Client


class Command(BaseCommand):
    help = "Take in documents: files, `watch DIR` (scanner folder) or `smtp` (intake e-mail)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", help="files, or: watch DIR, or: smtp")
        parser.add_argument(
            "--channel", default="post", choices=["post", "counter", "email", "portal"]
        )
        parser.add_argument("--client", default=None, help="client number, when known")
        parser.add_argument("--json", action="store_true", help="one JSON object per file")
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=2525)
        parser.add_argument("--interval", type=float, default=2.0)

    def handle(self, *args: Any, **options: Any) -> None:
        files: list[str] = options["files"]
        if files[0] == "watch" and len(files) == 2:
            from maatwerk.documents.channels import watch_folder

            watch_folder(Path(files[1]), interval=options["interval"], out=self.stdout)
            return
        if files == ["smtp"]:
            from maatwerk.documents.channels import run_smtp_receiver

            run_smtp_receiver(options["host"], options["port"], out=self.stdout)
            return
        client = self._client(options["client"])
        for path in map(Path, files):
            self._take_in(path, options["channel"], client, as_json=options["json"])

    def _client(self, number: str | None) -> Client | None:
        if number is None:
            return None
        client = Client.objects.filter(client_number=number).first()
        if client is None:
            raise CommandError(_("There is no client with number %(number)s.") % {"number": number})
        return client

    def _take_in(self, path: Path, channel: str, client: Client | None, *, as_json: bool) -> None:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CommandError(
                _("The file %(name)s cannot be opened. Check the name and the folder.")
                % {"name": path}
            ) from exc
        result = receive(
            files=[IncomingFile(name=path.name, data=data)],
            channel=ReceiptChannel(channel),
            client=client,
            source=f"cli:{path.name}",
            enqueue=False,
        )
        outcome = result.outcomes[0]
        report: dict[str, Any] = {
            "file": str(path),
            "receipt": result.receipt.number if result.receipt else None,
            "client_number": None,
            "document_type": None,
            "confidence": None,
            "routed_to": None,
            "queue": None,
            "pages": 0,
        }
        if outcome.problem:
            report["problem"] = outcome.problem
        if outcome.earlier_receipt:
            report["note"] = _("This document was handed in before; this is the first receipt.")
        document = outcome.document
        if document is not None:
            done = processing.process(document.pk)
            document.refresh_from_db()
            report.update(
                client_number=done.client_number,
                document_type=done.document_type,
                confidence=done.confidence,
                routed_to=done.routed_to,
                pages=done.pages,
                queue="manual"
                if done.status in (DocumentStatus.QUEUED, DocumentStatus.QUARANTINED)
                else None,
            )
            if document.problem:
                report["problem"] = document.problem
        if as_json:
            self.stdout.write(json.dumps(report, ensure_ascii=False))
        else:
            self.stdout.write(f"{path}: {report}")
