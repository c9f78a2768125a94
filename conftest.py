"""Shared test set-up: fast password hashing, and Dutch as the active language."""

import pytest


@pytest.fixture(autouse=True)
def _documents_in_a_temporary_folder(settings, tmp_path):
    """Stored documents of a test go to its own folder, never to var/ of the checkout."""
    storages = dict(settings.STORAGES)
    storages["documents"] = {
        **storages["documents"],
        "OPTIONS": {"location": str(tmp_path / "documents")},
    }
    storages["recordings"] = {
        **storages["recordings"],
        "OPTIONS": {"location": str(tmp_path / "recordings")},
    }
    settings.STORAGES = storages
    settings.VAR_DIR = tmp_path


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache (the in-process default), so a page cached by one
    test (the analyses of the day) never answers another."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _fast_hasher_and_dutch(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    from django.utils import translation

    with translation.override("nl"):
        yield


class _Collect:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope)
        return "250 OK"


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server on localhost (aiosmtpd); mail sent by the app arrives in .messages."""
    import socket

    from aiosmtpd.controller import Controller

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    handler = _Collect()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    yield handler
    controller.stop()
