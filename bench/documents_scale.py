"""The intake queue page and a client's document list at 500,000 and 5,000,000 documents.

Adds documents to the municipalities bench/run.py generated (4,000 and 40,000 clients, so
every client has about 125 documents at both sizes; 0.2% of documents wait in the queue),
written with PostgreSQL COPY: one intake batch and one receipt per five documents. Then it
measures server time in-process in alternating rounds. Target: at 10x the data at most 1.3x.

    python bench/documents_scale.py [--rounds 3] [--requests 100]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from run import ENV, database_url, ensure_database  # noqa: E402

SIZES = {4000: 500_000, 40000: 5_000_000}  # clients -> documents
PER_BATCH = 5
QUEUED_SHARE = 0.002

FILL = r"""
import io, os, random, sys, uuid, datetime as dt
import psycopg
url, target = sys.argv[1], int(sys.argv[2])
rng = random.Random(5)
with psycopg.connect(url, autocommit=True) as db:
    have = db.execute("SELECT count(*) FROM documents_document").fetchone()[0]
    if have >= target:
        print("present", have); sys.exit(0)
    clients = [r[0] for r in db.execute("SELECT id FROM dossiers_client ORDER BY id")]
    staff = [r[0] for r in db.execute("SELECT user_id FROM core_staffmember WHERE role='consultant'")]
    start = dt.datetime(2023, 11, 26, tzinfo=dt.timezone.utc)
    span = 3 * 365 * 86400
    next_receipt = db.execute("SELECT coalesce(max(id), 0) FROM core_receipt").fetchone()[0] + 1
    next_batch = db.execute("SELECT coalesce(max(id), 0) FROM documents_intakebatch").fetchone()[0] + 1
    batches = (target - have) // 5
    chunk = 50_000
    for first in range(0, batches, chunk):
        receipts, intake, docs = io.StringIO(), io.StringIO(), io.StringIO()
        for b in range(first, min(first + chunk, batches)):
            rid, bid = next_receipt + b, next_batch + b
            client = rng.choice(clients)
            moment = (start + dt.timedelta(seconds=rng.randrange(span))).isoformat()
            receipts.write(f"{rid}\tMW-B-{rid:09d}\t{moment}\tpost\t5 documenten\t[]\tregisseur\t\\N\tx\n")
            intake.write(f"{bid}\t{uuid.uuid4()}\tpost\t{moment}\t\\N\t{client}\tbench\t{rid}\t\n")
            for d in range(5):
                queued = rng.random() < 0.002
                status = "queued" if queued else rng.choice(["routed", "acknowledged", "acknowledged"])
                routed = "\\N" if queued else str(rng.choice(staff))
                owner = "\\N" if queued else str(client)
                docs.write(f"{uuid.uuid4()}\t{bid}\t{owner}\t{rng.getrandbits(256):064x}\tbrief-{d}.pdf\tapplication/pdf\t120000\t1\t{moment}\t{status}\t\tloonstrook\t0.9\t0.9\t[]\tf\t\t{routed}\t{moment if not queued else chr(92) + 'N'}\t\\N\n")
        with db.cursor() as cur:
            with cur.copy("COPY core_receipt (id, number, received_at, channel, subject, items, recipient, client_ref, signature) FROM STDIN") as copy:
                copy.write(receipts.getvalue())
            with cur.copy("COPY documents_intakebatch (id, public_id, channel, received_at, submitted_by_id, client_id, source, receipt_id, note) FROM STDIN") as copy:
                copy.write(intake.getvalue())
            with cur.copy("COPY documents_document (public_id, batch_id, client_id, sha256, name, media_type, size, pages, received_at, status, problem, document_type, type_confidence, client_confidence, candidates, sensitive, text_encrypted, routed_to_id, routed_at, acknowledged_at) FROM STDIN") as copy:
                copy.write(docs.getvalue())
        print("batches", min(first + chunk, batches), "of", batches, flush=True)
    for table in ("core_receipt", "documents_intakebatch"):
        db.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")
    db.execute("VACUUM ANALYZE")
"""

MEASURE = r"""
import json, os, random, statistics, sys, time
import django
django.setup()
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django.db import connection
from django.test.utils import CaptureQueriesContext
from maatwerk.dossiers.models import Assignment
requests, seed = int(sys.argv[1]), int(sys.argv[2])
rng = random.Random(seed)
intake = User.objects.filter(staff__role="intake").first()
pairs = list(Assignment.objects.filter(ended_at__isnull=True).values_list("regisseur_id", "client__public_id")[:5000])
browser = Client()
times = {"queue": [], "client_documents": []}
queries = {}
for i in range(requests):
    regisseur, client = rng.choice(pairs)
    for page, user, url in (("queue", intake, reverse("staff_docs:queue")),
                            ("client_documents", User.objects.get(pk=regisseur), reverse("staff_docs:client_documents", args=[client]))):
        browser.force_login(user)
        with CaptureQueriesContext(connection) as ctx:
            t = time.perf_counter(); r = browser.get(url); e = (time.perf_counter() - t) * 1000
        assert r.status_code == 200, (url, r.status_code)
        queries[page] = len(ctx.captured_queries)
        if i >= 5:
            times[page].append(e)
out = {}
for page, values in times.items():
    values.sort()
    out[page] = {"p50_ms": round(statistics.median(values), 2), "p95_ms": round(values[int(0.95 * (len(values) - 1))], 2), "queries": queries[page]}
print(json.dumps(out))
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--requests", type=int, default=100)
    args = parser.parse_args()
    for clients, documents in SIZES.items():
        ensure_database(clients)
        subprocess.run(
            [sys.executable, "-c", FILL, database_url(clients), str(documents)], check=True
        )
    env = {
        **os.environ,
        **ENV,
        "MAATWERK_VAR_DIR": "/tmp/maatwerk-bench-scale",
        "DJANGO_SETTINGS_MODULE": "maatwerk.settings",
    }
    rounds: dict[int, list[dict]] = {c: [] for c in SIZES}
    for r in range(args.rounds):
        for clients in SIZES:
            done = subprocess.run(
                [sys.executable, "-W", "ignore", "-c", MEASURE, str(args.requests), str(r)],
                env={**env, "DATABASE_URL": database_url(clients)},
                check=True,
                capture_output=True,
                text=True,
            )
            rounds[clients].append(json.loads(done.stdout.strip().splitlines()[-1]))
    report: dict = {}
    small, large = min(SIZES), max(SIZES)
    for page in ("queue", "client_documents"):
        row = {
            SIZES[c]: {
                k: statistics.median(x[page][k] for x in rounds[c])
                for k in ("p50_ms", "p95_ms", "queries")
            }
            for c in SIZES
        }
        row["ratio_p50"] = round(row[SIZES[large]]["p50_ms"] / row[SIZES[small]]["p50_ms"], 2)
        row["ratio_p95"] = round(row[SIZES[large]]["p95_ms"] / row[SIZES[small]]["p95_ms"], 2)
        report[page] = row
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / "documents-scale.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
