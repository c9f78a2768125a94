"""maatwerk roles: print the role matrix as the Markdown table in docs/roles.md."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from maatwerk.core.roles import as_markdown


class Command(BaseCommand):
    help = "Print the role matrix (roles x capabilities, start pages) as a Markdown table."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(as_markdown(), ending="")
