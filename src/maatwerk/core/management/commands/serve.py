"""Serve the web app and one background worker, until interrupted."""

from __future__ import annotations

import signal
import subprocess
import sys
from types import FrameType
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = "Serve the web app and one background worker (Ctrl+C stops both)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--addr", default="127.0.0.1:8000")
        parser.add_argument("--no-worker", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        worker = None
        if not options["no_worker"]:
            worker = subprocess.Popen(
                [sys.executable, "-m", "maatwerk.cli", "worker", "--no-reload"]
            )
        signal.signal(signal.SIGTERM, _stop)
        try:
            call_command("runserver", options["addr"], use_reloader=False)
        finally:
            if worker is not None:
                worker.terminate()
                worker.wait(timeout=10)


def _stop(signum: int, frame: FrameType | None) -> None:
    """Turn SIGTERM into a normal exit, so the worker is stopped too."""
    raise SystemExit(0)
