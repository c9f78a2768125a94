"""Kill the intake process with SIGKILL at every step: no receipt may exist without its file.

Each case runs intake in a subprocess against its own SQLite file and storage folder, with
MAATWERK_FAILPOINT naming the step where the process kills itself (core/failpoints.py). A
second process then checks every receipt against storage and runs `documents verify`, which
must find every stored-but-unregistered file and put it in quarantine: nothing is lost.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from maatwerk.documents.tests import samples

STEPS = [
    ("store.writing", False),
    ("store.before_rename", False),
    ("store.after_rename", False),
    ("intake.stored", False),
    ("intake.receipt_signed", False),
    ("intake.before_commit", False),
    ("intake.committed", True),
]

TAKE_IN = """
import django, sys
django.setup()
from maatwerk.documents.intake import IncomingFile, receive
data = open(sys.argv[1], "rb").read()
receive(files=[IncomingFile("brief.pdf", data)], channel="post", enqueue=True)
print("finished")
"""

CHECK = """
import json, django
django.setup()
from maatwerk.core.models import Receipt
from maatwerk.core.receipts import is_genuine
from maatwerk.documents import store
from maatwerk.documents.integrity import verify
from maatwerk.documents.models import Document
from django_tasks_db.models import DBTaskResult
receipts = list(Receipt.objects.all())
files_ok = all(store.get(item["sha256"]) for r in receipts for item in r.items)
from datetime import timedelta
report = verify(grace=timedelta(0))
print(json.dumps({
    "receipts": len(receipts),
    "genuine": all(is_genuine(r) for r in receipts),
    "files_ok": files_ok,
    "healthy": report.healthy,
    "orphans": len(report.orphans_registered),
    "quarantined": Document.objects.filter(status="quarantined").count(),
    "stored": len(store.stored_addresses()),
    "queued_tasks": DBTaskResult.objects.count(),
}))
"""


def _env(folder: Path, failpoint: str | None = None) -> dict[str, str]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "maatwerk.settings",
        "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
        "MAATWERK_VAR_DIR": str(folder),
    }
    env.pop("MAATWERK_FAILPOINT", None)
    if failpoint:
        env["MAATWERK_FAILPOINT"] = failpoint
    return env


@pytest.fixture(scope="module")
def migrated(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("template")
    subprocess.run(
        [sys.executable, "-m", "maatwerk.cli", "migrate", "-v", "0"], env=_env(folder), check=True
    )
    return folder / "db.sqlite3"


@pytest.mark.parametrize(("step", "receipt_expected"), STEPS)
def test_a_kill_at_any_step_leaves_no_receipt_without_its_verified_file(
    tmp_path, migrated, step, receipt_expected
):
    shutil.copy(migrated, tmp_path / "db.sqlite3")
    letter = tmp_path / "brief.pdf"
    letter.write_bytes(
        samples.letter_pdf(to="Jan", address="Weg 1", postcode_city="1000 AA Stad", body="huur")
    )

    killed = subprocess.run(
        [sys.executable, "-c", TAKE_IN, str(letter)],
        env=_env(tmp_path, step),
        capture_output=True,
        text=True,
    )
    assert killed.returncode == -signal.SIGKILL, (
        f"the failpoint {step} was not reached: {killed.stderr}"
    )

    check = subprocess.run(
        [sys.executable, "-c", CHECK],
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        check=True,
    )
    state = json.loads(check.stdout.strip().splitlines()[-1])
    assert state["genuine"] and state["files_ok"] and state["healthy"]
    assert state["receipts"] == (1 if receipt_expected else 0)
    # A receipt always comes with its reading queued: the task row commits with it.
    assert state["queued_tasks"] == state["receipts"]
    if not receipt_expected and state["stored"]:
        # Stored but never registered: verify found it and put it in quarantine.
        assert state["orphans"] == state["stored"] == state["quarantined"] == 1
    # A kill before the rename can leave a temporary file; it has no name and no receipt.
    leftovers = list((tmp_path / "documents").rglob(".incoming-*"))
    assert not leftovers or step in ("store.writing", "store.before_rename")
