"""Contacts at scale, on PostgreSQL: a client's contact history with 2,000 contact moments, and
the escalation run over callbacks for 40,000 clients.

1. In the 4,000-client municipality of bench/run.py one client gets 2,000 contact moments over
   five years and another 20. Server time in-process for the workspace history page and the
   portal contact page (both paged), after 5 warm-up requests. Target: p95 under 150 ms.
2. In the 40,000-client municipality every client gets an open callback (a municipal commitment
   with its Callback row, written with COPY); before each run 2,000 of them are put just past
   their due moment. One `escalate()` run is timed. Target: under 5 seconds.

    python bench/contacts.py [--requests 200] [--rounds 3]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from run import database_url, django_env, ensure_database, run_json  # noqa: E402

HISTORY = r"""
import json, statistics, sys, time
from datetime import timedelta
import django
django.setup()
from django.test import Client as Browser
from django.urls import reverse
from django.utils import timezone
from maatwerk.contacts.models import ContactMoment
from maatwerk.dossiers.models import Client
from maatwerk.dossiers.portal_auth import portal_user_for
from maatwerk.dossiers.queries import regisseur_of

requests = int(sys.argv[1])
now = timezone.now()
heavy, light = list(Client.objects.order_by("id")[2:4])
for client, count in ((heavy, 2000), (light, 20)):
    have = ContactMoment.objects.filter(client=client).count()
    if have < count:
        regisseur = regisseur_of(client, now)
        ContactMoment.objects.bulk_create(
            ContactMoment(client=client, channel=["phone", "email", "counter", "portal"][n % 4], direction="in" if n % 2 else "out",
                          moment=now - timedelta(hours=22 * n), staff=regisseur, subject=f"Contact {n}", outcome="Beantwoord")
            for n in range(have, count)
        )
results = {}
for label, client in (("2000_moments", heavy), ("20_moments", light)):
    staff, portal = Browser(), Browser()
    staff.force_login(regisseur_of(client, now))
    portal.force_login(portal_user_for(client))
    for page, (browser, url) in {"staff_history": (staff, reverse("staff_contacts:history", args=[client.public_id])),
                                 "portal_contact": (portal, reverse("portal_contacts:contact"))}.items():
        times = []
        for i in range(requests + 5):
            t = time.perf_counter()
            response = browser.get(url)
            elapsed = (time.perf_counter() - t) * 1000
            assert response.status_code == 200
            if i >= 5:
                times.append(elapsed)
        times.sort()
        results[f"{label}.{page}"] = {"p50_ms": round(statistics.median(times), 2), "p95_ms": round(times[int(0.95 * (len(times) - 1))], 2)}
print(json.dumps(results))
"""

FILL_CALLBACKS = r"""
import io, random, sys, uuid, datetime as dt
import psycopg
url = sys.argv[1]
with psycopg.connect(url, autocommit=True) as db:
    have = db.execute("SELECT count(*) FROM contacts_callback").fetchone()[0]
    if have >= 40000:
        print("present", have); sys.exit(0)
    rows = db.execute("SELECT c.id, c.phone, a.regisseur_id FROM dossiers_client c JOIN dossiers_assignment a ON a.client_id = c.id AND a.ended_at IS NULL ORDER BY c.id").fetchall()
    now = dt.datetime.now(dt.timezone.utc)
    start = db.execute("SELECT coalesce(max(id), 0) FROM commitments_commitment").fetchone()[0] + 1
    commitments, callbacks = io.StringIO(), io.StringIO()
    rng = random.Random(3)
    for n, (client, phone, regisseur) in enumerate(rows):
        cid = start + n
        due = now + dt.timedelta(hours=2 + rng.randrange(48))
        commitments.write(f"{cid}\t{uuid.uuid4()}\t{client}\tmunicipality\tWij bellen u terug (bench)\t{due.isoformat()}\tcallback\topen\t\\N\t{now.isoformat()}\t\\N\t\\N\t\\N\t\\N\t\t\t\t\\N\t0\t\\N\t\\N\n")
        callbacks.write(f"{uuid.uuid4()}\t{client}\t{phone or '0612345678'}\t\tphone_desk\tTerugbellen (bench)\t{now.isoformat()}\t{due.isoformat()}\topen\t[]\t{regisseur}\t{cid}\t\\N\t\\N\t\\N\n")
    with db.cursor() as cur:
        with cur.copy("COPY commitments_commitment (id, public_id, client_id, party, description, due_at, origin, status, application_id, created_at, created_by_id, overdue_since, closed_at, closed_by_id, evidence, evidence_ref, reason, receipt_id, escalation, escalated_to_id, escalated_at) FROM STDIN") as copy:
            copy.write(commitments.getvalue())
        with cur.copy("COPY contacts_callback (public_id, client_id, phone, caller_name, requested_via, subject, requested_at, due_at, status, candidates, assigned_to_id, commitment_id, next_attempt_at, done_at, created_by_id) FROM STDIN") as copy:
            copy.write(callbacks.getvalue())
    db.execute("SELECT setval(pg_get_serial_sequence('commitments_commitment', 'id'), (SELECT max(id) FROM commitments_commitment))")
    db.execute("VACUUM ANALYZE commitments_commitment")
    db.execute("VACUUM ANALYZE contacts_callback")
    print("callbacks", len(rows))
"""

ESCALATE = r"""
import json, sys, time
from datetime import timedelta
import django
django.setup()
from django.db import connection
from django.utils import timezone
from maatwerk.commitments.escalation import escalate
changed, seed = int(sys.argv[1]), int(sys.argv[2])
now = timezone.now()
with connection.cursor() as cur:
    cur.execute("UPDATE commitments_commitment SET status='open', overdue_since=NULL, escalation=0, escalated_to_id=NULL, escalated_at=NULL, due_at=%s WHERE origin='callback' AND status='overdue' AND description LIKE '%%(bench)'", [now + timedelta(days=2)])
    cur.execute("UPDATE commitments_commitment SET due_at=%s WHERE id IN (SELECT id FROM commitments_commitment WHERE origin='callback' AND status='open' AND description LIKE '%%(bench)' ORDER BY md5(id::text || %s) LIMIT %s)", [now - timedelta(minutes=5), str(seed), changed])
start = time.perf_counter()
result = escalate()
print(json.dumps({"seconds": round(time.perf_counter() - start, 3), "overdue": result.overdue, "escalated": result.to_responsible}))
"""


def _env(size: int) -> dict[str, str]:
    return django_env(size, "/tmp/maatwerk-bench-contacts")


def _run(script: str, size: int, *args: str) -> dict:
    return run_json(script, _env(size), *args)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--changed", type=int, default=2000)
    args = parser.parse_args()
    ensure_database(4000)
    ensure_database(40000)
    report: dict = {"history": _run(HISTORY, 4000, str(args.requests))}
    subprocess.run([sys.executable, "-c", FILL_CALLBACKS, database_url(40000)], check=True)
    runs = [_run(ESCALATE, 40000, str(args.changed), str(r)) for r in range(args.rounds)]
    report["callback_escalation_40000"] = {
        "seconds_median": statistics.median(r["seconds"] for r in runs),
        "runs": runs,
    }
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / "contacts.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
