"""Shared settings for the document-intake benchmark (issue 3): environment and Django set-up.

The benchmark uses its own PostgreSQL database (maatwerk_bench_docs) and its own var folder
under /tmp, so stored documents never mix with the demo. Keys are fixed, bench-only values.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCH = HERE.parent
REPO = BENCH.parent
BIN = Path(sys.executable).parent
PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
DB_NAME = "maatwerk_bench_docs"
DATABASE_URL = f"{PG}/{DB_NAME}"
SET_DIR = Path(os.environ.get("BENCH_DOCS_DIR", "/tmp/maatwerk-bench-docs"))
VAR_DIR = Path(os.environ.get("BENCH_DOCS_VAR", "/tmp/maatwerk-bench-docs-var"))

ENV = {
    "MAATWERK_DEBUG": "false",
    "MAATWERK_SECRET_KEY": "bench-only-secret-key-not-for-production-0123456789",
    "MAATWERK_FIELD_KEY": "62656e63682d6f6e6c792d6b65792d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d",
    "MAATWERK_RECEIPT_KEY": "62656e63682d6f6e6c792d72656365697074732d6b65792d2d2d2d2d2d2d2d2d",
    "MAATWERK_DOCUMENT_KEY": "62656e63682d6f6e6c792d646f63756d656e74732d6b65792d2d2d2d2d2d2d2d",
    "MAATWERK_DIGID_MOCK": "false",
    "MAATWERK_VAR_DIR": str(VAR_DIR),
    "MAATWERK_LOG_LEVEL": "WARNING",
    "DATABASE_URL": DATABASE_URL,
}


def apply_env() -> None:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    os.environ.update(ENV)


def maatwerk(*args: str, capture: bool = False) -> str:
    env = {**os.environ, **ENV}
    done = subprocess.run(
        [str(BIN / "maatwerk"), *args], env=env, check=True, text=True, capture_output=capture
    )
    return done.stdout if capture else ""


def ensure_database(clients: int = 2000) -> None:
    """Create, migrate and fill maatwerk_bench_docs once; it is kept between runs."""
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    exists = subprocess.run(
        ["psql", f"{PG}/postgres", "-tAc", f"SELECT 1 FROM pg_database WHERE datname='{DB_NAME}'"],
        check=True,
        text=True,
        capture_output=True,
    ).stdout.strip()
    if not exists:
        subprocess.run(["psql", f"{PG}/postgres", "-qc", f"CREATE DATABASE {DB_NAME}"], check=True)
    maatwerk("migrate", "--no-input", "-v", "0")
    count = maatwerk(
        "shell",
        "-c",
        "from maatwerk.dossiers.models import Client; print(Client.objects.count())",
        capture=True,
    ).strip()
    if count.splitlines()[-1] == "0":
        maatwerk("bench", "generate", "--clients", str(clients))
        subprocess.run(["psql", DATABASE_URL, "-qc", "VACUUM ANALYZE"], check=True)


def setup_django(database_url: str | None = None, var_dir: Path | None = None) -> None:
    apply_env()
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    if var_dir:
        var_dir.mkdir(parents=True, exist_ok=True)
        os.environ["MAATWERK_VAR_DIR"] = str(var_dir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maatwerk.settings")
    import django

    django.setup()
