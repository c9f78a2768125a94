"""The client council's signals page over 500,000 anonymous feedback rows, on PostgreSQL.

A database of its own (maatwerk_bench_voice) gets 500,000 feedback rows spread over two years,
the five target groups and seven subjects (generate_series, so filling takes seconds), and
50,000 survey answers. The page (the k-protected table by group and subject, the quarters, the
survey averages) is requested as a council member; server time in-process, after 5 warm-up
requests. Target: p95 under 500 ms.

    python bench/voice.py [--requests 50] [--rows 500000]
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
from run import BIN, ENV, PG  # noqa: E402

NAME = "maatwerk_bench_voice"

FILL = r"""
import sys
import psycopg
url, rows = sys.argv[1], int(sys.argv[2])
with psycopg.connect(url, autocommit=True) as db:
    have = db.execute("SELECT count(*) FROM voice_feedback").fetchone()[0]
    if have < rows:
        db.execute('''
            INSERT INTO voice_feedback (id, week, kind, "group", theme, rating, text, review)
            SELECT md5(n::text || 'fb')::uuid,
                   date_trunc('week', now() - (n %% 730) * interval '1 day')::date,
                   (ARRAY['experience','complaint','idea'])[1 + n %% 3],
                   (ARRAY['bijstand','bijstand','bijstand','wmo','jeugdzorg','schuldhulp','other'])[1 + (n / 7) %% 7],
                   (ARRAY['bejegening','kwijt','terugbellen','sancties','taal','bereikbaarheid','other'])[1 + (n / 3) %% 7],
                   CASE WHEN n %% 4 = 0 THEN NULL ELSE 1 + n %% 5 END,
                   'Een ervaring (bench) nummer ' || n,
                   CASE WHEN n %% 50 = 0 THEN 'waiting' ELSE 'clear' END
            FROM generate_series(%s, %s) AS n''', [have + 1, rows])
        db.execute('''
            INSERT INTO voice_surveyresponse (id, week, trigger, "group", answers, text, review)
            SELECT md5(n::text || 'sv')::uuid,
                   date_trunc('week', now() - (n %% 365) * interval '1 day')::date,
                   (ARRAY['contact','appointment','decision'])[1 + n %% 3],
                   (ARRAY['bijstand','wmo','jeugdzorg','schuldhulp','other'])[1 + n %% 5],
                   json_build_object('contact', 1 + n %% 5, 'understood', 1 + (n / 5) %% 5, 'respect', 1 + (n / 25) %% 5, 'next_step', NULL),
                   '', 'clear'
            FROM generate_series(1, %s) AS n''', [rows // 10])
        db.execute("VACUUM ANALYZE voice_feedback")
        db.execute("VACUUM ANALYZE voice_surveyresponse")
    print(db.execute("SELECT count(*) FROM voice_feedback").fetchone()[0])
"""

PAGE = r"""
import json, statistics, sys, time
import django
django.setup()
from django.contrib.auth.models import User
from django.test import Client as Browser
from django.urls import reverse
from maatwerk.core.models import Role, StaffMember
requests = int(sys.argv[1])
user, _ = User.objects.get_or_create(username="bench-raad")
StaffMember.objects.get_or_create(user=user, defaults={"role": Role.COUNCIL_MEMBER})
browser = Browser()
browser.force_login(user)
url = reverse("staff_voice:signals")
times = []
for i in range(requests + 5):
    t = time.perf_counter()
    response = browser.get(url)
    elapsed = (time.perf_counter() - t) * 1000
    assert response.status_code == 200, response.status_code
    if i >= 5:
        times.append(elapsed)
times.sort()
print(json.dumps({"p50_ms": round(statistics.median(times), 1), "p95_ms": round(times[int(0.95 * (len(times) - 1))], 1), "requests": requests}))
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--rows", type=int, default=500_000)
    args = parser.parse_args()
    url = f"{PG}/{NAME}"
    exists = subprocess.run(
        ["psql", f"{PG}/postgres", "-tAc", f"SELECT 1 FROM pg_database WHERE datname='{NAME}'"],
        check=True, text=True, capture_output=True,
    ).stdout.strip()  # fmt: skip
    if not exists:
        subprocess.run(["psql", f"{PG}/postgres", "-qc", f"CREATE DATABASE {NAME}"], check=True)
    env = {**os.environ, **ENV, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "maatwerk.settings",
           "MAATWERK_VAR_DIR": "/tmp/maatwerk-bench-voice"}  # fmt: skip
    subprocess.run([str(BIN / "maatwerk"), "migrate", "--no-input", "-v", "0"], env=env, check=True)
    subprocess.run([sys.executable, "-c", FILL, url, str(args.rows)], check=True)
    done = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", PAGE, str(args.requests)],
        env=env, check=True, capture_output=True, text=True,
    )  # fmt: skip
    result = {"rows": args.rows, **json.loads(done.stdout.strip().splitlines()[-1])}
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / "voice.json").write_text(json.dumps(result, indent=2))
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
