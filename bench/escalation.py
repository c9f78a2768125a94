"""The escalation run over 100,000 and 1,000,000 open commitments, and a dossier's open
commitments at both sizes.

Adds commitments with PostgreSQL COPY to the municipalities of bench/run.py: 25 open
commitments per client (100,000 at 4,000 clients, 1,000,000 at 40,000), due over the coming
year, half of them the municipality's, plus 5 closed ones per client. Before each measured run
the same number of commitments (--changed, default 1,000) is put just past its due moment, and
the ones of the previous round are reset; the run must find exactly those, whatever the total.

Reported per size: seconds for one `escalate()` run, rows it read from the commitments table
(pg_stat_user_tables: sequential + index tuples fetched), queries it issued, and p50/p95 of the
"open commitments of a dossier" query for random clients. Target: one run under 10 s on
PostgreSQL at 1,000,000 open; rows read and the dossier query do not grow with the total.

    python bench/escalation.py [--rounds 3] [--changed 1000]
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

SIZES = {4000: 100_000, 40000: 1_000_000}  # clients -> open commitments
OPEN_PER_CLIENT = 25
CLOSED_PER_CLIENT = 5

FILL = r"""
import io, random, sys, uuid, datetime as dt
import psycopg
url, target = sys.argv[1], int(sys.argv[2])
per_open, per_closed = int(sys.argv[3]), int(sys.argv[4])
rng = random.Random(9)
with psycopg.connect(url, autocommit=True) as db:
    # A measured run leaves `changed` rows overdue: count them too, or every run fills again.
    have = db.execute("SELECT count(*) FROM commitments_commitment WHERE status IN ('open', 'overdue')").fetchone()[0]
    if have >= target:
        print("present", have); sys.exit(0)
    clients = [r[0] for r in db.execute("SELECT id FROM dossiers_client ORDER BY id")]
    now = dt.datetime.now(dt.timezone.utc)
    rows = io.StringIO()
    for client in clients:
        for n in range(per_open + per_closed):
            party = "municipality" if n % 2 else "client"
            if n < per_open:
                due = now + dt.timedelta(hours=2 + rng.randrange(365 * 24))
                status, closed = "open", "\\N"
            else:
                due = now - dt.timedelta(days=rng.randrange(1, 700))
                status, closed = "fulfilled", (due - dt.timedelta(hours=5)).isoformat()
            rows.write(f"{uuid.uuid4()}\t{client}\t{party}\tBelofte {n} voor de bench\t{due.isoformat()}\tother\t{status}\t\\N\t{now.isoformat()}\t\\N\t\\N\t{closed}\t\\N\t\t\t\t\\N\t0\t\\N\t\\N\n")
    with db.cursor() as cur:
        with cur.copy("COPY commitments_commitment (public_id, client_id, party, description, due_at, origin, status, application_id, created_at, created_by_id, overdue_since, closed_at, closed_by_id, evidence, evidence_ref, reason, receipt_id, escalation, escalated_to_id, escalated_at) FROM STDIN") as copy:
            copy.write(rows.getvalue())
    db.execute("VACUUM ANALYZE commitments_commitment")
    print("filled", db.execute("SELECT count(*) FROM commitments_commitment").fetchone()[0])
"""

# Put `changed` open commitments just past due (and reset the previous round's), then run.
MEASURE = r"""
import json, random, statistics, sys, time
import django
django.setup()
from django.db import connection, reset_queries
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from datetime import timedelta
from maatwerk.commitments.escalation import escalate
from maatwerk.commitments import queries
from maatwerk.dossiers.models import Client

changed, seed = int(sys.argv[1]), int(sys.argv[2])
now = timezone.now()
with connection.cursor() as cur:
    cur.execute("UPDATE commitments_commitment SET status='open', overdue_since=NULL, escalation=0, escalated_to_id=NULL, escalated_at=NULL, due_at=%s WHERE status='overdue' AND description LIKE 'Belofte %%'", [now + timedelta(days=200)])
    cur.execute("UPDATE commitments_commitment SET due_at=%s WHERE id IN (SELECT id FROM commitments_commitment WHERE status='open' ORDER BY md5(id::text || %s) LIMIT %s)", [now - timedelta(minutes=5), str(seed), changed])
    cur.execute("SELECT pg_stat_force_next_flush()")
time.sleep(1.2)

def rows_read():
    with connection.cursor() as cur:
        cur.execute("SELECT pg_stat_clear_snapshot()")
        cur.execute("SELECT coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0) FROM pg_stat_user_tables WHERE relname='commitments_commitment'")
        return cur.fetchone()[0]

before = rows_read()
with CaptureQueriesContext(connection) as run_queries:
    start = time.perf_counter()
    result = escalate()
    seconds = time.perf_counter() - start
    with connection.cursor() as cur:
        cur.execute("SELECT pg_stat_force_next_flush()")
time.sleep(1.2)
read = rows_read() - before

rng = random.Random(seed)
ids = list(Client.objects.values_list("id", flat=True))
times = []
for _ in range(200):
    client = Client.objects.get(pk=rng.choice(ids))
    t = time.perf_counter()
    list(queries.open_of(client))
    times.append((time.perf_counter() - t) * 1000)
times.sort()
print(json.dumps({
    "seconds": round(seconds, 3), "overdue": result.overdue, "escalated": result.to_responsible,
    "rows_read": read, "queries": len(run_queries.captured_queries),
    "open_p50_ms": round(statistics.median(times), 3), "open_p95_ms": round(times[189], 3),
}))
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--changed", type=int, default=1000)
    args = parser.parse_args()
    for clients, commitments in SIZES.items():
        ensure_database(clients)
        subprocess.run(
            [
                sys.executable,
                "-c",
                FILL,
                database_url(clients),
                str(commitments),
                str(OPEN_PER_CLIENT),
                str(CLOSED_PER_CLIENT),
            ],
            check=True,
        )
    env = {
        **os.environ,
        **ENV,
        "MAATWERK_VAR_DIR": "/tmp/maatwerk-bench-escalation",
        "DJANGO_SETTINGS_MODULE": "maatwerk.settings",
    }
    rounds: dict[int, list[dict]] = {c: [] for c in SIZES}
    for r in range(args.rounds):
        for clients in SIZES:
            done = subprocess.run(
                [sys.executable, "-W", "ignore", "-c", MEASURE, str(args.changed), str(r)],
                env={**env, "DATABASE_URL": database_url(clients)},
                check=True,
                capture_output=True,
                text=True,
            )
            rounds[clients].append(json.loads(done.stdout.strip().splitlines()[-1]))
    report = {
        SIZES[c]: {k: statistics.median(x[k] for x in rounds[c]) for k in rounds[c][0]}
        for c in SIZES
    }
    small, large = (SIZES[c] for c in sorted(SIZES))
    report["ratio"] = {
        k: round(report[large][k] / report[small][k], 2)
        for k in ("seconds", "rows_read", "open_p50_ms", "open_p95_ms")
    }
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / "escalation.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
