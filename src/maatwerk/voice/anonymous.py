"""What keeps anonymous input anonymous: the week instead of the time, and a rate limiter that
remembers sources only as salted hashes in memory, with a salt that changes every day and is
never written anywhere."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from collections import deque
from datetime import date, timedelta

from django.utils import timezone


def week_of(day: date | None = None) -> date:
    """The Monday of the week: all an anonymous row knows about when it was made."""
    day = day or timezone.localdate()
    return day - timedelta(days=day.weekday())


class Limiter:
    """At most `burst` submissions per `window` seconds and `per_day` a day from one source."""

    def __init__(self, *, burst: int = 3, window: float = 600.0, per_day: int = 20) -> None:
        self.burst, self.window, self.per_day = burst, window, per_day
        self._lock = threading.Lock()
        self._day = date.min
        self._salt = b""
        self._seen: dict[bytes, deque[float]] = {}
        self._daily: dict[bytes, int] = {}

    def allow(self, source: str) -> bool:
        now = time.monotonic()
        with self._lock:
            self._rotate()
            key = hmac.new(self._salt, source.encode(), hashlib.sha256).digest()
            recent = self._seen.setdefault(key, deque())
            while recent and now - recent[0] > self.window:
                recent.popleft()
            if len(recent) >= self.burst or self._daily.get(key, 0) >= self.per_day:
                return False
            recent.append(now)
            self._daily[key] = self._daily.get(key, 0) + 1
            return True

    def _rotate(self) -> None:
        today = timezone.localdate()
        if today != self._day:
            self._day, self._salt = today, secrets.token_bytes(32)
            self._seen.clear()
            self._daily.clear()


limiter = Limiter()
