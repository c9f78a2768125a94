"""The plain-Dutch texts of this app's letters, kept as templates for the letters app to adopt:
the notice of default, its receipt, the extension notice and the penalty decision."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

LETTERS = ("notice_of_default", "notice_receipt", "extension", "penalty_decision")


def render(name: str, **context: Any) -> str:
    """A letter as plain text, always in Dutch (translations come with the letters app)."""
    if name not in LETTERS:
        raise ValueError(f"unknown letter {name!r}")
    with translation.override(settings.LANGUAGE_CODE):
        text = render_to_string(f"commitments/letters/{name}.txt", context)
    return "\n".join(line.rstrip() for line in text.strip().splitlines()) + "\n"
