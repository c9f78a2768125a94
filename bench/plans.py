"""The plan page for a client with five years of plan history, on PostgreSQL.

In the 4,000-client municipality of bench/run.py, one client gets five years of plan history:
60 versions (59 replaced, 1 in force) with 400 steps in all, 3 goals and 2 obstacles per
version, 60 talks with 3 progress notes each, and 60 ladder measurements. A second client gets
one version and one talk, for comparison. Server time is measured in-process (Django test
client, whole request cycle) for the workspace plan page, the portal plan page and the version
page with its comparison, after 5 warm-up requests. Target: the five-year plan page under
200 ms at p95.

    python bench/plans.py [--requests 200]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from run import ENV, database_url, ensure_database  # noqa: E402

SIZE = 4000

MEASURE = r"""
import json, statistics, sys, time, uuid
from datetime import timedelta
import django
django.setup()
from django.db import connection, transaction
from django.test import Client as Browser
from django.urls import reverse
from django.utils import timezone
from maatwerk.commitments import services as commitments
from maatwerk.dossiers.models import Client
from maatwerk.dossiers.portal_auth import portal_user_for
from maatwerk.dossiers.queries import regisseur_of
from maatwerk.plans.models import *

requests = int(sys.argv[1])
now = timezone.now()
today = timezone.localdate()


def build(client, versions, steps_total, talks):
    regisseur = regisseur_of(client, now)
    plan, _ = Plan.objects.get_or_create(client=client)
    if plan.versions.count() >= versions:
        return regisseur
    with transaction.atomic():
        start = today - timedelta(days=30 * talks)
        goals = [uuid.uuid4() for _ in range(3)]
        obstacles = [uuid.uuid4() for _ in range(2)]
        made = []
        for n in range(1, versions + 1):
            made.append(PlanVersion.objects.create(
                plan=plan, number=n, status="active" if n == versions else "superseded",
                based_on=made[-1] if made else None, created_by=regisseur,
                strengths="Zorgzaam en handig", wishes="Vrijwilligerswerk",
                contact_frequency="monthly", contact_channel="phone",
                next_review_on=today + timedelta(weeks=4), agreed_at=now, agreed_how="portal",
            ))
        Goal.objects.bulk_create(Goal(version=v, key=k, text=f"Doel {i} in eigen woorden", position=i)
                                 for v in made for i, k in enumerate(goals))
        Obstacle.objects.bulk_create(Obstacle(version=v, key=k, kind="debts", description="Schulden", private=i == 0)
                                     for v in made for i, k in enumerate(obstacles))
        per = [steps_total // versions + (1 if n < steps_total % versions else 0) for n in range(versions)]
        steps = []
        for v, count in zip(made, per):
            for i in range(count):
                steps.append(Step(version=v, party="client" if i % 2 else "municipality",
                                  description=f"Stap {v.number}.{i}", due_on=today + timedelta(days=7 * (i + 1))))
        Step.objects.bulk_create(steps)
        active = made[-1]
        for step in active.steps.all():
            step.commitment = commitments.promise(client=client, party=step.party, description=step.description,
                                                  due_at=now + timedelta(days=10), origin="plan_step", actor=regisseur)
            step.save(update_fields=["commitment"])
        plan.active = active
        plan.save(update_fields=["active"])
        for t in range(talks):
            held = start + timedelta(days=30 * t)
            review = Review.objects.create(plan=plan, version=made[min(t, versions - 1)], held_on=held,
                                           changes="We spraken over de voortgang.", next_review_on=held + timedelta(days=30),
                                           recorded_by=regisseur)
            goal = Goal.objects.filter(version=review.version).first()
            step = Step.objects.filter(version=review.version).first()
            ReviewNote.objects.bulk_create([ReviewNote(review=review, goal=goal, progress="going"),
                                            ReviewNote(review=review, step=step, progress="done"),
                                            ReviewNote(review=review, goal=goal, progress="stuck", note="Lastig")])
            LadderMeasurement.objects.create(client=client, rung=1 + t % 6, measured_on=held, review=review, recorded_by=regisseur)
    return regisseur


clients = list(Client.objects.order_by("id")[:2])
heavy, light = clients
build(heavy, 60, 400, 60)
build(light, 1, 6, 1)
assert Step.objects.filter(version__plan__client=heavy).count() == 400
results = {}
for label, client in (("five_years", heavy), ("one_version", light)):
    regisseur = regisseur_of(client, now)
    staff, portal = Browser(), Browser()
    staff.force_login(regisseur)
    portal.force_login(portal_user_for(client))
    active = client.plan.active
    pages = {
        "staff_plan": (staff, reverse("staff_plans:plan", args=[client.public_id])),
        "portal_plan": (portal, reverse("portal_plans:plan")),
        "staff_version": (staff, reverse("staff_plans:version", args=[active.public_id])),
    }
    for page, (browser, url) in pages.items():
        times = []
        for i in range(requests + 5):
            counted = []
            with connection.execute_wrapper(lambda run, sql, params, many, context: counted.append(sql) or run(sql, params, many, context)):
                t = time.perf_counter()
                response = browser.get(url)
                elapsed = (time.perf_counter() - t) * 1000
            assert response.status_code == 200, (url, response.status_code)
            if i >= 5:
                times.append(elapsed)
        times.sort()
        results[f"{label}.{page}"] = {"p50_ms": round(statistics.median(times), 2),
                                      "p95_ms": round(times[int(0.95 * (len(times) - 1))], 2),
                                      "queries": len(counted)}
print(json.dumps(results))
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    ensure_database(SIZE)
    env = {
        **os.environ,
        **ENV,
        "MAATWERK_VAR_DIR": "/tmp/maatwerk-bench-plans",
        "DJANGO_SETTINGS_MODULE": "maatwerk.settings",
        "DATABASE_URL": database_url(SIZE),
    }
    done = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", MEASURE, str(args.requests)],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    report = json.loads(done.stdout.strip().splitlines()[-1])
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / "plans.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
