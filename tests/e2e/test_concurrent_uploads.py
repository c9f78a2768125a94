"""50 clients hand in a document at the same moment over loopback: all stored and receipted,
none lost, none doubled, receipt numbers unique.

On PostgreSQL the test server is pytest's live server. On SQLite that server shares one
in-memory connection between threads, which is not how Maatwerk runs; there the test starts
`maatwerk serve` on a SQLite file in WAL mode, as the demo does, and prepares and checks the
data through that file.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests
from django.db import connection

from maatwerk.documents.tests import samples

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

UPLOADS = 50

SETUP = "import django, json; django.setup(); from tests.e2e.test_concurrent_uploads import prepare_sessions; print(json.dumps(prepare_sessions()))"
CHECK = "import django, json; django.setup(); from tests.e2e.test_concurrent_uploads import current_state; print(json.dumps(current_state()))"


def prepare_sessions() -> list[str]:
    """Clients with a logged-in portal session each; returns the session keys."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from maatwerk.dossiers.portal_auth import portal_user_for
    from maatwerk.dossiers.tests.factories import make_client, make_staff

    regisseur = make_staff(username="reg")
    keys = []
    for _ in range(UPLOADS):
        user = portal_user_for(make_client(regisseur))
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.save()
        keys.append(session.session_key)
    return keys


def current_state() -> dict:
    from maatwerk.core.models import Receipt
    from maatwerk.documents import store
    from maatwerk.documents.models import Document

    docs = list(Document.objects.all())
    return {
        "receipts": Receipt.objects.count(),
        "numbers": len(set(Receipt.objects.values_list("number", flat=True))),
        "documents": len(docs),
        "hashes": len({d.sha256 for d in docs}),
        "clients": len({d.client_id for d in docs}),
        "files_ok": all(store.get(d.sha256) for d in docs),
    }


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _run(script: str, env: dict[str, str]) -> dict | list:
    done = subprocess.run(
        [sys.executable, "-c", script],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def _upload_all(base_url: str, session_keys: list[str]) -> list[int]:
    def upload(i: int) -> int:
        session = requests.Session()
        session.cookies.set("sessionid", session_keys[i])
        session.get(f"{base_url}/mijn/documenten/", timeout=60)
        photo = samples.text_image(f"Loonstrook\nvolgnummer {i}")
        return session.post(
            f"{base_url}/mijn/documenten/",
            files={"bestanden": (f"loon-{i}.png", photo, "image/png")},
            data={"csrfmiddlewaretoken": session.cookies["csrftoken"]},
            allow_redirects=False,
            timeout=120,
        ).status_code

    with ThreadPoolExecutor(max_workers=len(session_keys)) as pool:
        return list(pool.map(upload, range(len(session_keys))))


def _state_from_live_server(live_server) -> tuple[list[int], dict]:
    statuses = _upload_all(live_server.url, prepare_sessions())
    return statuses, current_state()


def _state_from_served_sqlite_file(folder: Path) -> tuple[list[int], dict]:
    port = _free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "maatwerk.settings",
        "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
        "MAATWERK_VAR_DIR": str(folder),
    }
    subprocess.run(
        [sys.executable, "-m", "maatwerk.cli", "migrate", "-v", "0"], env=env, check=True
    )
    keys = _run(SETUP, env)
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "maatwerk.cli",
            "serve",
            "--no-worker",
            "--addr",
            f"127.0.0.1:{port}",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            try:
                requests.get(f"http://127.0.0.1:{port}/mijn/inloggen/", timeout=2)
                break
            except requests.ConnectionError:
                time.sleep(0.2)
        statuses = _upload_all(f"http://127.0.0.1:{port}", keys)
    finally:
        server.terminate()
        server.wait(timeout=20)
    return statuses, _run(CHECK, env)


def test_fifty_concurrent_uploads_are_all_stored_and_receipted_once(live_server, tmp_path):
    if connection.vendor == "sqlite":
        statuses, state = _state_from_served_sqlite_file(tmp_path)
    else:
        statuses, state = _state_from_live_server(live_server)
    assert statuses == [302] * UPLOADS
    assert state == {
        "receipts": UPLOADS,
        "numbers": UPLOADS,
        "documents": UPLOADS,
        "hashes": UPLOADS,
        "clients": UPLOADS,
        "files_ok": True,
    }
