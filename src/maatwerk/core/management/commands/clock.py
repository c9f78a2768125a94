"""`maatwerk clock`: queue the periodic tasks (settings.PERIODIC_TASKS) every CLOCK_SECONDS.

The tasks themselves are idempotent and safe to run concurrently, so a second clock, or a cron
job running `maatwerk commitments escalate`, does no harm. `maatwerk serve` starts one clock.
"""

from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from django.utils.module_loading import import_string


class Command(BaseCommand):
    help = "Queue the periodic tasks regularly (Ctrl+C stops)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--once", action="store_true", help="queue them once and stop")

    def handle(self, *args: Any, **options: Any) -> None:
        tasks = [import_string(path) for path in settings.PERIODIC_TASKS]
        while True:
            for periodic in tasks:
                periodic.enqueue()
            if options["once"]:
                return
            time.sleep(settings.CLOCK_SECONDS)
