"""The caseload and dossier pages of two checkouts side by side, on the same bench databases.

    git worktree add /tmp/before <commit>
    .venv/bin/python bench/compare_trees.py --tree before=/tmp/before --tree after=.

Runs bench/workload.py of each checkout (its own code on PYTHONPATH) against the 4,000 and
40,000 client databases of bench/run.py, in alternating rounds so machine noise hits all alike,
and prints the median p50 and p95 per page and the queries per page.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import ENV, database_url


def measure(tree: Path, size: int, requests: int, seed: int) -> dict[str, dict[str, float]]:
    env = {
        **os.environ,
        **ENV,
        "PYTHONPATH": str(tree / "src"),
        "DJANGO_SETTINGS_MODULE": "maatwerk.settings",
        "MAATWERK_VAR_DIR": "/tmp/maatwerk-bench-var",
        "DATABASE_URL": database_url(size),
    }
    script = str(tree / "bench" / "workload.py")
    done = subprocess.run(
        [sys.executable, "-W", "ignore", script, str(requests), str(seed)],
        env=env,
        cwd=tree,
        capture_output=True,
        text=True,
        check=True,
    )
    report: dict[str, dict[str, float]] = json.loads(done.stdout.strip().splitlines()[-1])
    return report


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tree", action="append", required=True, help="NAME=PATH")
    parser.add_argument("--sizes", type=int, nargs="+", default=[4000, 40000])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--requests", type=int, default=100)
    args = parser.parse_args()
    trees = {name: Path(path).resolve() for name, path in (t.split("=", 1) for t in args.tree)}
    Path("/tmp/maatwerk-bench-var").mkdir(exist_ok=True)
    found: dict[tuple[str, int, str], list[dict[str, float]]] = {}
    for round_ in range(args.rounds):
        for size in args.sizes:
            for name, tree in trees.items():
                for page, figures in measure(tree, size, args.requests, round_ + 1).items():
                    found.setdefault((name, size, page), []).append(figures)
    for (name, size, page), runs in sorted(found.items()):
        p50 = statistics.median(r["p50_ms"] for r in runs)
        p95 = statistics.median(r["p95_ms"] for r in runs)
        row = f"{name:8} {size:>6} {page:9} p50 {p50:7.2f} ms  p95 {p95:7.2f} ms"
        print(f"{row}  {runs[-1]['queries']} queries")


if __name__ == "__main__":
    main()
