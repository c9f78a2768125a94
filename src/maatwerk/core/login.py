"""Staff login with lock-out after repeated failed attempts.

The count lives in the database (not a process cache), so it holds with several web servers.
"""

from __future__ import annotations

import unicodedata
from datetime import timedelta
from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from maatwerk.core.models import FailedLogin


def _window_start() -> Any:
    return timezone.now() - timedelta(minutes=settings.LOGIN_LOCKOUT_MINUTES)


def counted_name(username: str) -> str:
    """The form failures are counted under: NFKC and case-folded, as Django compares names,
    so look-alike spellings (full-width letters, capitals) share one counter."""
    return unicodedata.normalize("NFKC", username).strip().casefold()[:150]


def is_locked_out(username: str) -> bool:
    recent = FailedLogin.objects.filter(
        username=counted_name(username), moment__gte=_window_start()
    )
    return recent.count() >= settings.LOGIN_FAILURE_LIMIT


def register_failure(username: str) -> None:
    FailedLogin.objects.create(username=counted_name(username), moment=timezone.now())


def clear_failures(username: str) -> None:
    FailedLogin.objects.filter(username=counted_name(username)).delete()


class StaffLoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": gettext_lazy(
            "The username or password is not correct. Check both and try again."
        ),
        "inactive": gettext_lazy("This account is blocked. Contact the functional administrator."),
    }

    def clean(self) -> dict[str, Any]:
        username = (self.data.get("username") or "").strip()
        if username and is_locked_out(username):
            raise forms.ValidationError(self._locked_message(), code="locked")
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            if username:
                register_failure(username)
                if is_locked_out(username):
                    raise forms.ValidationError(self._locked_message(), code="locked") from None
            raise
        clear_failures(username)
        return cleaned

    def _locked_message(self) -> str:
        return _(
            "This account is locked for %(minutes)d minutes after %(count)d failed attempts. "
            "Wait and try again, or ask the functional administrator to help you."
        ) % {"minutes": settings.LOGIN_LOCKOUT_MINUTES, "count": settings.LOGIN_FAILURE_LIMIT}
