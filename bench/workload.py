"""Server time of the caseload and dossier pages, measured in-process against one database.

Run by bench/run.py with DATABASE_URL pointing at a generated municipality. Prints one JSON
object: p50/p95 in milliseconds and the number of queries per page. The time is the whole
Django request cycle (middleware, view, queries, template), without network or browser.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maatwerk.settings")

import django

django.setup()

from django.contrib.auth.models import User  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from maatwerk.core.models import Role  # noqa: E402
from maatwerk.dossiers.queries import caseload  # noqa: E402


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def measure(requests: int, seed: int) -> dict[str, object]:
    rng = random.Random(seed)
    consultants = list(User.objects.filter(staff__role=Role.CONSULTANT).order_by("id"))
    timings: dict[str, list[float]] = {"caseload": [], "dossier": []}
    queries: dict[str, int] = {}
    browser = Client()
    for i in range(requests):
        user = rng.choice(consultants)
        browser.force_login(user)
        ids = list(caseload(user, timezone.now()).values_list("public_id", flat=True)[:200])
        pages = {
            "caseload": reverse("staff:caseload"),
            "dossier": reverse("staff:dossier", args=[rng.choice(ids)]),
        }
        for name, url in pages.items():
            reset_queries()
            with CaptureQueriesContext(connection) as ctx:
                started = time.perf_counter()
                response = browser.get(url)
                elapsed = time.perf_counter() - started
            assert response.status_code == 200, (url, response.status_code)
            if i >= 5:  # the first requests warm caches and connections
                timings[name].append(elapsed * 1000)
            queries[name] = len(ctx.captured_queries)
    return {
        name: {
            "p50_ms": round(statistics.median(values), 2),
            "p95_ms": round(percentile(values, 0.95), 2),
            "n": len(values),
            "queries": queries[name],
        }
        for name, values in timings.items()
    }


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    print(json.dumps(measure(count, seed=int(sys.argv[2]) if len(sys.argv) > 2 else 1)))
