"""A letter in the forms a client can use: accessible HTML (the portal's template), a tagged PDF
with the municipality's letterhead (normal or large print), and a WAV read aloud by espeak-ng.

Variable values and texts are autoescaped in every template, so HTML or script typed into a
letter shows as text and never runs.
"""

from __future__ import annotations

import subprocess

import weasyprint
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from maatwerk.letters.models import Letter
from maatwerk.letters.services import LetterError

# espeak-ng voices for the languages letters come in (Tigrinya has none).
VOICES = {"nl": "nl", "en": "en", "ar": "ar", "tr": "tr", "pl": "pl", "uk": "uk"}
SPEECH_TIMEOUT_SECONDS = 60


def letter_pdf(letter: Letter, *, large: bool = False) -> bytes:
    with translation.override("nl"):
        html = render_to_string(
            "letters/pdf/letter.html",
            {
                "letter": letter,
                "client": letter.client,
                "large": large or letter.large_print,
                "municipality": settings.MUNICIPALITY_NAME,
                "municipality_address": settings.MUNICIPALITY_ADDRESS,
            },
        )
    return bytes(weasyprint.HTML(string=html).write_pdf(pdf_variant="pdf/ua-1"))


def can_speak(language: str) -> bool:
    return language in VOICES


def spoken_text(letter: Letter, language: str) -> str:
    if language == "nl":
        return f"{letter.subject}.\n\n{letter.body}"
    return f"{letter.translated_subject}.\n\n{letter.translated_body}"


def letter_wav(letter: Letter, language: str = "nl") -> bytes:
    """The letter read aloud; the text goes in on stdin, never on a command line."""
    if not can_speak(language) or (language != "nl" and not letter.translated_body):
        raise LetterError(_no_voice())
    try:
        done = subprocess.run(
            ["espeak-ng", "-v", VOICES[language], "-s", "150", "--stdout"],
            input=spoken_text(letter, language).encode("utf-8"),
            capture_output=True,
            timeout=SPEECH_TIMEOUT_SECONDS,
            check=True,
        )
    except (OSError, subprocess.SubprocessError) as error:
        raise LetterError(_no_voice()) from error
    return done.stdout


def _no_voice() -> str:
    return _("Listening to this letter is not possible right now. Read it or ask your regisseur.")
