"""Insight at scale, on PostgreSQL: the dashboards at 4,000 and 40,000 clients, and the research
export of 40,000 clients.

The municipalities of bench/run.py (foundation generator: clients, staff, 50 journal entries
per client) are filled by bench/fill.py with plans, promises, contacts, documents, letters,
ladder measurements, outflow and journal entries up to 500 per client (20 million at 40,000).
The dashboard (all metrics plus the breakdown chart) is requested as a team lead and as management; server time
in-process after 3 warm-up requests. Targets: p95 under 1 s, and at most 3 times slower at
40,000 than at 4,000. The export (pseudonymised, k-anonymous, CSV + Parquet + codebook) of
40,000 clients is timed once. Target: under 60 s. The cost of keeping the daily tallies
correct is timed too: recounting one day of each measure (what a save does), and all days of one
client (a new regisseur).

    python bench/insight.py [--requests 20]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from fill import fill  # noqa: E402
from run import BIN, database_url, django_env, ensure_database, run_json  # noqa: E402

PAGES = r"""
import json, statistics, sys, time
import django
django.setup()
from django.contrib.auth.models import User
from django.test import Client as Browser
from django.urls import reverse
from maatwerk.core.models import Role, StaffMember
requests = int(sys.argv[1])
lead = User.objects.filter(staff__role=Role.TEAM_LEAD).order_by("id").first()
manager, _ = User.objects.get_or_create(username="bench-management")
StaffMember.objects.get_or_create(user=manager, defaults={"role": Role.FUNCTIONAL_ADMIN})
results = {}
for label, user in (("team_lead", lead), ("management", manager)):
    browser = Browser()
    browser.force_login(user)
    times = []
    for i in range(requests + 3):
        t = time.perf_counter()
        response = browser.get(reverse("staff_insight:dashboard"))
        elapsed = (time.perf_counter() - t) * 1000
        assert response.status_code == 200, response.status_code
        if i >= 3:
            times.append(elapsed)
    times.sort()
    results[label] = {"p50_ms": round(statistics.median(times), 1), "p95_ms": round(times[int(0.95 * (len(times) - 1))], 1)}
print(json.dumps(results))
"""

REFRESH = r"""
import json, statistics, time
from datetime import timedelta
import django
django.setup()
from django.utils import timezone
from maatwerk.dossiers.models import Client
from maatwerk.insight import aggregates
day = timezone.localdate() - timedelta(days=30)
results = {}
for measure in aggregates.MEASURES:
    times = []
    for _ in range(10):
        t = time.perf_counter()
        aggregates.refresh(measure, {day})
        times.append((time.perf_counter() - t) * 1000)
    results[measure] = round(statistics.median(times), 1)
client = Client.objects.order_by("id")[100].pk
t = time.perf_counter()
aggregates.refresh_client(client)
results["client_moved"] = round((time.perf_counter() - t) * 1000, 1)
print(json.dumps(results))
"""

EXPORT = r"""
import json, time
import django
django.setup()
from django.contrib.auth.models import User
from maatwerk.core.models import Role, StaffMember
from maatwerk.insight import research
user, _ = User.objects.get_or_create(username="bench-researcher")
StaffMember.objects.get_or_create(user=user, defaults={"role": Role.RESEARCHER})
t = time.perf_counter()
made = research.export(purpose="Benchmark van de export (bench/insight.py)", columns=research.DEFAULT_COLUMNS, actor=user)
print(json.dumps({"seconds": round(time.perf_counter() - t, 2), "rows": made.rows, "suppressed": made.suppressed, "level": [made.level.age_width, made.level.postcode_digits], "zip_bytes": len(made.archive)}))
"""


def _env(size: int) -> dict[str, str]:
    return django_env(size, "/tmp/maatwerk-bench-insight")


def _run(script: str, size: int, *args: str) -> dict:
    return run_json(script, _env(size), *args)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--sizes", type=int, nargs="+", default=[4000, 40000])
    args = parser.parse_args()
    report: dict = {}
    for size in args.sizes:
        ensure_database(size)
        fill(database_url(size))
        # The promises were loaded with SQL, past the application: build the daily aggregates.
        subprocess.run([str(BIN / "maatwerk"), "insight", "rebuild"], env=_env(size), check=True)
        report[f"dashboard_{size}"] = _run(PAGES, size, str(args.requests))
        report[f"refresh_ms_{size}"] = _run(REFRESH, size)
    if len(args.sizes) == 2:
        small, large = (report[f"dashboard_{s}"] for s in args.sizes)
        report["ratio_p95"] = {k: round(large[k]["p95_ms"] / small[k]["p95_ms"], 2) for k in small}
    report[f"export_{args.sizes[-1]}"] = _run(EXPORT, args.sizes[-1])
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / "insight.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
