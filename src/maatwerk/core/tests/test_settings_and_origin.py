import os
import subprocess
import sys

from django.test import RequestFactory

from maatwerk.core.access_log import client_address


def _settings(extra: dict[str, str], *names: str) -> subprocess.CompletedProcess[str]:
    """Read settings.py in a fresh process with only these MAATWERK_ variables; print names."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("MAATWERK_")}
    env.update(extra)
    script = "import maatwerk.settings as s; " + "; ".join(f"print(s.{n})" for n in names)
    return subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=False
    )


_KEYS = {
    "MAATWERK_SECRET_KEY": "x" * 50,
    "MAATWERK_FIELD_KEY": "00" * 32,
    "MAATWERK_RECEIPT_KEY": "00" * 32,
    "MAATWERK_DOCUMENT_KEY": "00" * 32,
}


def test_the_digid_mock_refuses_to_start_outside_debug():
    done = _settings({"MAATWERK_DEBUG": "false", "MAATWERK_DIGID_MOCK": "true", **_KEYS})
    assert done.returncode != 0
    assert "MAATWERK_DIGID_MOCK=true is only allowed" in done.stderr


def test_debug_alone_does_not_switch_the_digid_mock_on():
    done = _settings({"MAATWERK_DEBUG": "true"}, "DEBUG", "DIGID_MOCK")
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "False"]


def test_production_refuses_to_start_without_its_keys():
    done = _settings({"MAATWERK_DEBUG": "false"})
    assert done.returncode != 0
    assert "Set the environment variable MAATWERK_SECRET_KEY" in done.stderr


def test_the_demo_runs_with_debug_off_the_development_keys_and_the_mock():
    """What `make demo` sets: production behaviour, but keys, cookies and mail for one machine."""
    demo = {"MAATWERK_DEBUG": "false", "MAATWERK_DEMO": "true", "MAATWERK_DIGID_MOCK": "true"}
    done = _settings(demo, "DEBUG", "DIGID_MOCK", "SESSION_COOKIE_SECURE", "EMAIL_BACKEND")
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [
        "False",
        "True",
        "False",
        "django.core.mail.backends.filebased.EmailBackend",
    ]


def test_the_demo_refuses_a_host_name_others_can_reach():
    done = _settings(
        {
            "MAATWERK_DEBUG": "false",
            "MAATWERK_DEMO": "true",
            "MAATWERK_ALLOWED_HOSTS": "127.0.0.1,maatwerk.gemeente.nl",
        }
    )
    assert done.returncode != 0
    assert "MAATWERK_DEMO=true uses public keys" in done.stderr


def test_the_origin_behind_a_trusted_proxy_is_the_browser(settings):
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.7, 10.0.0.9"
    )
    assert client_address(request) == "10.0.0.1"
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_address(request) == "10.0.0.9"
    settings.TRUSTED_PROXY_COUNT = 2
    assert client_address(request) == "203.0.113.7"
