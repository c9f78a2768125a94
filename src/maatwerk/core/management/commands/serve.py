"""Serve the web app, one background worker and the clock for periodic tasks, until stopped."""

from __future__ import annotations

import signal
import subprocess
import sys
from types import FrameType
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = "Serve the web app, one background worker and the clock (Ctrl+C stops all)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--addr", default="127.0.0.1:8000")
        parser.add_argument("--no-worker", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        helpers = []
        if not options["no_worker"]:
            helpers = [
                subprocess.Popen([sys.executable, "-m", "maatwerk.cli", "worker", "--no-reload"]),
                subprocess.Popen([sys.executable, "-m", "maatwerk.cli", "clock"]),
            ]
        signal.signal(signal.SIGTERM, _stop)
        try:
            call_command("runserver", options["addr"], use_reloader=False)
        finally:
            for helper in helpers:
                helper.terminate()
                helper.wait(timeout=10)


def _stop(signum: int, frame: FrameType | None) -> None:
    """Turn SIGTERM into a normal exit, so the worker is stopped too."""
    raise SystemExit(0)
