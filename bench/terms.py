"""Decision terms and penalties computed in bulk, for two checkouts side by side.

    git worktree add /tmp/before <commit>
    .venv/bin/python bench/terms.py --tree before=/tmp/before --tree after=. [--cases 20000]

Each case is an application received on a random day from 2018 to 2030 with 0 to 3 suspensions
(apart from each other, since older code refused overlapping ones) and a notice of default; per
case the decision term (Awb 4:13-4:15), the penalty (4:17-4:18) and the first advance day (Pw
art. 52) are computed. The same cases
(fixed seed) run in each tree's own code in a fresh process, in alternating rounds so machine
noise hits both alike. Reported: microseconds per case (median of rounds) and the ratio to the
first tree. Target (issue 18): the exact calendar costs at most 1.5x per case.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

MEASURE = r"""
import json, random, sys, time
from datetime import date, timedelta
from maatwerk.commitments.rules.terms import Suspension, TermError, decision_term, first_advance_due
from maatwerk.commitments.rules.penalty import PenaltyError, penalty_for

cases_wanted, seed = int(sys.argv[1]), int(sys.argv[2])
rng = random.Random(seed)
start, span = date(2018, 1, 1), (date(2030, 10, 1) - date(2018, 1, 1)).days
cases = []
while len(cases) < cases_wanted:
    received = start + timedelta(days=rng.randrange(span))
    suspensions, last = [], received
    for _ in range(rng.randrange(4)):
        first = last + timedelta(days=rng.randrange(1, 20))
        last = first + timedelta(days=rng.randrange(0, 15))
        suspensions.append(Suspension(first, last))
    cases.append((received, suspensions, rng.randrange(1, 80), rng.randrange(1, 60)))

def one(received, suspensions, notice_after, decided_after):
    try:
        term = decision_term(received=received, suspensions=suspensions)
    except TermError:
        return False
    notice = term.last_day + timedelta(days=notice_after)
    try:
        penalty_for(decision_due=term.last_day, notice_received=notice,
                    decided=notice + timedelta(days=decided_after), today=notice)
    except PenaltyError:
        pass
    first_advance_due(received)
    return True

timed = [c for c in cases if one(*c)]  # warm up, and keep only the cases this tree accepts
t = time.perf_counter()
for case in timed:
    one(*case)
seconds = time.perf_counter() - t
print(json.dumps({"cases": len(timed), "us_per_case": round(seconds / len(timed) * 1e6, 2)}))
"""


def measure(tree: Path, cases: int, seed: int) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", MEASURE, str(cases), str(seed)],
        env={"PYTHONPATH": str(tree / "src"), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tree", action="append", required=True, help="name=path")
    parser.add_argument("--cases", type=int, default=20000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    trees = {name: Path(path).resolve() for name, path in (t.split("=", 1) for t in args.tree)}
    results: dict[str, list[dict[str, float]]] = {name: [] for name in trees}
    for round_ in range(args.rounds):
        for name, tree in trees.items():
            results[name].append(measure(tree, args.cases, seed=round_))
    first = None
    for name, rounds in results.items():
        per_case = statistics.median(r["us_per_case"] for r in rounds)
        first = first or per_case
        cases = statistics.median(r["cases"] for r in rounds)
        print(
            f"{name}: {per_case:.1f} us per case ({cases:.0f} cases), ratio {per_case / first:.2f}"
        )


if __name__ == "__main__":
    main()
