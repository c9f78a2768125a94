"""Shared test set-up: fast password hashing, and Dutch as the active language."""

import pytest


@pytest.fixture(autouse=True)
def _fast_hasher_and_dutch(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    from django.utils import translation

    with translation.override("nl"):
        yield
