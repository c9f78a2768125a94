"""Logging filter that keeps BSNs out of every log line (BIO2 8.15.01: logs hold no secrets)."""

from __future__ import annotations

import logging
import re

_NINE_DIGITS = re.compile(r"(?<!\d)\d{9}(?!\d)")


def redact(text: str) -> str:
    return _NINE_DIGITS.sub("[9 cijfers verborgen]", text)


class RedactBsnFilter(logging.Filter):
    """Any run of exactly nine digits could be a BSN; such runs are masked before output."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg = cleaned
            record.args = None
        return True
