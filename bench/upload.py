"""Portal hand-in of a 5 MB PDF: time until the receipt page is answered (issue 3).

Runs in-process with Django's test client against a generated municipality on PostgreSQL
(the database bench/run.py made, default maatwerk_bench_4000): a client logs in, POSTs the
PDF to /mijn/documenten/ and gets the redirect to the receipt. OCR is not part of it: that
happens afterwards in a worker. Target: p95 at most 300 ms.

    python bench/upload.py [--requests 60] [--size-mb 5]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import ENV, database_url

os.environ.update({**ENV, "DATABASE_URL": os.environ.get("BENCH_DATABASE_URL", database_url(4000))})
os.environ.setdefault("MAATWERK_VAR_DIR", "/tmp/maatwerk-bench-upload")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maatwerk.settings")

import django

django.setup()

from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from django.test import Client  # noqa: E402
from PIL import Image  # noqa: E402

from maatwerk.dossiers.models import Client as Person  # noqa: E402
from maatwerk.dossiers.portal_auth import portal_user_for  # noqa: E402


def pdf_of_about(megabytes: float, seed: int) -> bytes:
    """A real one-page PDF holding a photo of noise (JPEG does not compress noise)."""
    rng = random.Random(seed)
    side = int((megabytes * 1024 * 1024 / 1.15) ** 0.5)
    image = Image.frombytes("RGB", (side, side), rng.randbytes(side * side * 3))
    out = io.BytesIO()
    image.save(out, format="PDF", quality=95)
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=60)
    parser.add_argument("--size-mb", type=float, default=5.0)
    args = parser.parse_args()
    people = list(Person.objects.order_by("?")[: args.requests + 5])
    timings = []
    size = 0
    for i, person in enumerate(people):
        browser = Client()
        browser.force_login(portal_user_for(person))
        data = pdf_of_about(args.size_mb, seed=i)  # different bytes each time: no duplicates
        size = len(data)
        upload = SimpleUploadedFile(f"bijlage-{i}.pdf", data, "application/pdf")
        started = time.perf_counter()
        response = browser.post("/mijn/documenten/", {"bestanden": [upload]})
        elapsed = (time.perf_counter() - started) * 1000
        assert response.status_code == 302 and "/ontvangstbewijzen/" in response["Location"], (
            response
        )
        if i >= 5:
            timings.append(elapsed)
    ordered = sorted(timings)
    print(
        json.dumps(
            {
                "requests": len(timings),
                "pdf_bytes": size,
                "p50_ms": round(statistics.median(timings), 1),
                "p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))], 1),
                "max_ms": round(ordered[-1], 1),
            }
        )
    )


if __name__ == "__main__":
    main()
