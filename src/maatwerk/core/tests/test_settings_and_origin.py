import os
import subprocess
import sys

from django.test import RequestFactory

from maatwerk.core.access_log import client_address


def test_the_digid_mock_refuses_to_start_outside_debug():
    env = {
        **os.environ,
        "MAATWERK_DEBUG": "false",
        "MAATWERK_DIGID_MOCK": "true",
        "MAATWERK_SECRET_KEY": "x" * 50,
        "MAATWERK_FIELD_KEY": "00" * 32,
        "MAATWERK_RECEIPT_KEY": "00" * 32,
        "MAATWERK_DOCUMENT_KEY": "00" * 32,
        "DJANGO_SETTINGS_MODULE": "maatwerk.settings",
    }
    done = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode != 0
    assert "MAATWERK_DIGID_MOCK=true is only allowed" in done.stderr


def test_the_origin_behind_a_trusted_proxy_is_the_browser(settings):
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.7, 10.0.0.9"
    )
    assert client_address(request) == "10.0.0.1"
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_address(request) == "10.0.0.9"
    settings.TRUSTED_PROXY_COUNT = 2
    assert client_address(request) == "203.0.113.7"
