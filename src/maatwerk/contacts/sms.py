"""Text messages through a provider interface. Development and the demo use the console
backend (the message is written to the log and to var/sms/); a municipality plugs in its
provider by pointing MAATWERK_SMS_BACKEND at a class with the same `send` method."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Protocol

from django.conf import settings
from django.utils import timezone
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


class SmsBackend(Protocol):
    def send(self, *, to: str, text: str) -> None: ...


class ConsoleSmsBackend:
    """Writes the message instead of sending it; never used for real clients."""

    def send(self, *, to: str, text: str) -> None:
        folder = Path(settings.VAR_DIR) / "sms"
        folder.mkdir(parents=True, exist_ok=True)
        stamp = timezone.now().strftime("%Y%m%dT%H%M%S%f")
        (folder / f"{stamp}.txt").write_text(f"To: {to}\n\n{text}\n", encoding="utf-8")
        logger.info("SMS (console backend) to a client: %d characters", len(text))


def backend() -> SmsBackend:
    backend_class = import_string(settings.SMS_BACKEND)
    instance: SmsBackend = backend_class()
    return instance
