"""Benchmark the caseload and dossier pages at 4,000 and 40,000 clients on PostgreSQL.

    python bench/run.py [--sizes 4000 40000] [--rounds 3] [--requests 150]

Generates each municipality once into its own PostgreSQL database (kept between runs), then
measures the sizes in alternating rounds so machine noise hits both alike, and reports the
median of the rounds and the ratio largest/smallest. Targets (issue 2): at 10x the clients the
dossier page costs at most 1.3x and the caseload page at most 1.5x.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
ENV = {
    "MAATWERK_DEBUG": "false",
    "MAATWERK_SECRET_KEY": "bench-only-secret-key-not-for-production-0123456789",
    "MAATWERK_FIELD_KEY": "62656e63682d6f6e6c792d6b65792d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d",
    "MAATWERK_RECEIPT_KEY": "62656e63682d6f6e6c792d72656365697074732d2d2d2d2d2d2d2d2d2d2d2d2d",
    "MAATWERK_DOCUMENT_KEY": "62656e63682d6f6e6c792d646f63756d656e74732d2d2d2d2d2d2d2d2d2d2d2d",
    "MAATWERK_LOG_LEVEL": "WARNING",
}


def database_url(size: int) -> str:
    return f"{PG}/maatwerk_bench_{size}"


def run(cmd: list[str], size: int, capture: bool = False) -> str:
    env = {**os.environ, **ENV, "DATABASE_URL": database_url(size)}
    done = subprocess.run(cmd, env=env, check=True, text=True, capture_output=capture)
    return done.stdout if capture else ""


def django_env(size: int, var_dir: str) -> dict[str, str]:
    """The environment of a Django script run against the municipality of `size` clients."""
    return {
        **os.environ,
        **ENV,
        "MAATWERK_VAR_DIR": var_dir,
        "DJANGO_SETTINGS_MODULE": "maatwerk.settings",
        "DATABASE_URL": database_url(size),
    }


def run_json(script: str, env: dict[str, str], *args: str) -> dict:
    """Run a Python script in that environment; its last line of output is a JSON report."""
    done = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", script, *args],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def ensure_database(size: int) -> None:
    name = f"maatwerk_bench_{size}"
    exists = subprocess.run(
        ["psql", f"{PG}/postgres", "-tAc", f"SELECT 1 FROM pg_database WHERE datname='{name}'"],
        check=True,
        text=True,
        capture_output=True,
    ).stdout.strip()
    if not exists:
        subprocess.run(["psql", f"{PG}/postgres", "-qc", f"CREATE DATABASE {name}"], check=True)
    run([str(BIN / "maatwerk"), "migrate", "--no-input", "-v", "0"], size)
    has_clients = run(
        [
            str(BIN / "maatwerk"),
            "shell",
            "-c",
            "from maatwerk.dossiers.models import Client; print(Client.objects.count())",
        ],
        size,
        capture=True,
    ).strip()
    if has_clients.splitlines()[-1] == "0":
        run([str(BIN / "maatwerk"), "bench", "generate", "--clients", str(size)], size)
        subprocess.run(["psql", database_url(size), "-qc", "VACUUM ANALYZE"], check=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[4000, 40000])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--requests", type=int, default=150)
    args = parser.parse_args()
    for size in args.sizes:
        ensure_database(size)
    rounds: dict[int, list[dict]] = {size: [] for size in args.sizes}
    for r in range(args.rounds):
        for size in args.sizes:
            out = run(
                [sys.executable, str(HERE / "workload.py"), str(args.requests), str(r)],
                size,
                capture=True,
            )
            rounds[size].append(json.loads(out.strip().splitlines()[-1]))
    report = summarise(rounds, args.sizes)
    results = HERE / "results"
    results.mkdir(exist_ok=True)
    (results / f"pages-{date.today()}.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))


def summarise(rounds: dict[int, list[dict]], sizes: list[int]) -> dict:
    report: dict = {
        "date": str(date.today()),
        "machine": f"{platform.node()} {platform.machine()}, {os.cpu_count()} cores",
        "pages": {},
    }
    for page in ("caseload", "dossier"):
        per_size = {}
        for size in sizes:
            per_size[size] = {
                key: statistics.median(r[page][key] for r in rounds[size])
                for key in ("p50_ms", "p95_ms", "queries")
            }
        small, large = per_size[min(sizes)], per_size[max(sizes)]
        per_size["ratio_p50"] = round(large["p50_ms"] / small["p50_ms"], 2)
        per_size["ratio_p95"] = round(large["p95_ms"] / small["p95_ms"], 2)
        report["pages"][page] = per_size
    return report


if __name__ == "__main__":
    main()
