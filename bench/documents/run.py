"""Benchmark document intake (issue 3): our pipeline against ocrmypdf, speed and accuracy.

    .venv/bin/python bench/documents/run.py [--set /tmp/maatwerk-bench-docs] [--limit N]
        [--ocrmypdf [defaults] [paperless]] [--core 0] [--keep-db]

Runs every file of the bench set (make_set.py) on one CPU core, sequentially:

- ours: intake.receive(files=[IncomingFile(name, data)], channel="post", enqueue=False) and
  processing.process(document_id) in this process, against a fresh copy of the bench database
  (maatwerk_bench_docs_run_<pid>, made from maatwerk_bench_docs as a template, dropped at the
  end unless --keep-db) with its own var folder;
  the whole call (store, register, receipt, read/OCR, match, classify, route) is timed.
- ocrmypdf, through its Python API in this process (as Paperless-ngx's worker calls it), with
  jobs=1 and language nld, in one or both configurations (default: defaults; `--ocrmypdf`
  without names runs ours alone):
    paperless: Paperless-ngx's defaults: clean (unpaper), deskew, rotate_pages with threshold
               12, output_type pdfa, a sidecar text file. Paperless's default mode `skip` is left
               out: Debian 12's Ghostscript 10.0.0 makes ocrmypdf refuse --skip-text with PDF/A,
               and on image-only scans skip and the default mode do the same work.
    defaults:  ocrmypdf's own defaults (output_type pdfa, no clean-up, no deskew, no rotation)
               and a sidecar.
  The whole ocr() call is timed. Its text is then fed (untimed) to our own classification and
  client matching, to tell OCR quality from the rules.

Engines alternate per file (ours, defaults, paperless; then defaults, paperless, ours; ...), so
machine noise falls on all alike. Seconds per page = total seconds / total pages. Accuracy (ours):
right client or manual queue (target >= 98%), wrongly auto-routed (target <= 0.5%), right
document type (target >= 90%). The JSON summary is printed and written to
bench/results/documents-<date>.json, with every miss and an excerpt of its OCR text.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common

# Each run has its own copy of the database and its own var folder, so runs never share state.
RUN_DB = f"{common.DB_NAME}_run_{os.getpid()}"
RUN_VAR = common.VAR_DIR / f"run-{os.getpid()}"
OCRMYPDF_CONFIGS = {
    "paperless": {
        "clean": True,
        "deskew": True,
        "rotate_pages": True,
        "rotate_pages_threshold": 12.0,
        "output_type": "pdfa",
    },
    "defaults": {"output_type": "pdfa"},
}
OCRMYPDF_FLAGS = {
    "paperless": "ocrmypdf --jobs 1 -l nld --clean --deskew --rotate-pages "
    "--rotate-pages-threshold 12 --output-type pdfa --sidecar OUT.txt IN OUT.pdf",
    "defaults": "ocrmypdf --jobs 1 -l nld --output-type pdfa --sidecar OUT.txt IN OUT.pdf",
}
EXCERPT = 700


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--set", type=Path, default=common.SET_DIR)
    parser.add_argument("--limit", type=int, default=0, help="only the first N files (a try-out)")
    parser.add_argument(
        "--ocrmypdf", nargs="*", default=["defaults"], choices=list(OCRMYPDF_CONFIGS)
    )
    parser.add_argument("--core", type=int, default=0)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument(
        "--no-workaround", action="store_true", help="do not patch the PostgreSQL row lock"
    )
    parser.add_argument("--keep-db", action="store_true", help="keep this run's database copy")
    args = parser.parse_args()

    os.sched_setaffinity(0, {args.core})  # children (tesseract, pdftoppm, gs, unpaper) inherit
    os.environ["OMP_THREAD_LIMIT"] = "1"
    manifest = json.loads((args.set / "manifest.json").read_text())
    items = manifest["items"][: args.limit or None]
    fresh_database()
    try:
        measure(args, manifest, items)
    finally:
        if not args.keep_db:
            from django.db import connections

            connections.close_all()
            subprocess.run(
                ["psql", f"{common.PG}/postgres", "-qc", f"DROP DATABASE IF EXISTS {RUN_DB}"],
                check=False,
            )
            shutil.rmtree(RUN_VAR, ignore_errors=True)


def measure(args: argparse.Namespace, manifest: dict, items: list[dict]) -> None:
    common.setup_django(f"{common.PG}/{RUN_DB}", RUN_VAR)
    logging.getLogger("ocrmypdf").setLevel(logging.ERROR)
    logging.getLogger("weasyprint").setLevel(logging.ERROR)

    code = code_fingerprint()  # the application code this run imported
    workaround = None if args.no_workaround else lock_workaround_if_needed()
    if workaround:
        print(f"NOTE: {workaround}", flush=True)
    engines = ["ours", *args.ocrmypdf]
    warm_up(args.set / items[0]["file"], args.ocrmypdf)
    rows = []
    started = time.monotonic()
    for i, item in enumerate(items):
        path = args.set / item["file"]
        data = path.read_bytes()
        order = engines[i % len(engines) :] + engines[: i % len(engines)]
        row = {"file": item["file"], "pages": item["pages"], "item": item}
        for engine in order:
            row[engine] = (
                run_ours(path.name, data) if engine == "ours" else run_ocrmypdf(path, engine)
            )
        rows.append(row)
        ours = row["ours"]
        print(
            f"[{i + 1}/{len(items)}] {item['file']} {item['pages']}p "
            + " ".join(f"{e}={row[e]['seconds']:.1f}s" for e in engines)
            + f" -> {ours.get('client_number')} {ours.get('document_type')} "
            f"(want {item['expected_client_number']} {item['expected_type']})",
            flush=True,
        )
    report = summarise(rows, engines, manifest, time.monotonic() - started, args)
    report["workaround"] = workaround
    report["code"] = code
    results = common.BENCH / "results"
    results.mkdir(exist_ok=True)
    out = args.out or results / f"documents-{date.today()}.json"
    details = {"summary": report, "files": [strip(r) for r in rows]}
    out.write_text(json.dumps(details, indent=1, ensure_ascii=False))
    print(json.dumps(report, indent=2, ensure_ascii=False))
    print(f"written: {out}")


def lock_workaround_if_needed() -> str | None:
    """processing.process() locks the document with select_for_update().select_related("batch",
    "client"); the client is nullable, so PostgreSQL refuses (FOR UPDATE cannot be applied to the
    nullable side of an outer join) and no document is ever processed. When that is still so,
    lock only the document row (`of=("self",)`, the one-line fix) for this run, and say so.
    """
    from django.db import NotSupportedError, transaction
    from django.db.models.query import QuerySet

    from maatwerk.documents.models import Document

    try:
        with transaction.atomic():
            list(
                Document.objects.select_for_update().select_related("batch", "client").filter(pk=-1)
            )
        return None
    except NotSupportedError:
        pass
    original = QuerySet.select_for_update

    def select_for_update(self, nowait=False, skip_locked=False, of=(), no_key=False):
        if self.model is Document and not of:
            of = ("self",)
        return original(self, nowait=nowait, skip_locked=skip_locked, of=of, no_key=no_key)

    QuerySet.select_for_update = select_for_update
    return (
        "processing.process() fails on PostgreSQL (FOR UPDATE cannot be applied to the nullable "
        "side of an outer join: select_for_update() with select_related('client')); this run "
        "patched Document.objects.select_for_update() to of=('self',) in the bench process only"
    )


def fresh_database() -> None:
    """A clean copy of the generated municipality, so every run starts without documents."""
    common.ensure_database()
    psql = ["psql", f"{common.PG}/postgres", "-qc"]
    subprocess.run([*psql, f"DROP DATABASE IF EXISTS {RUN_DB}"], check=True)
    subprocess.run([*psql, f"CREATE DATABASE {RUN_DB} TEMPLATE {common.DB_NAME}"], check=True)


def warm_up(sample: Path, configs: list[str]) -> None:
    """Load models, caches and imports once, on a file that is not measured."""
    from PIL import Image

    with tempfile.TemporaryDirectory(prefix="bench-warm-") as folder:
        png = Path(folder) / "warm.png"
        with Image.open(sample) if sample.suffix != ".pdf" else _first_page(sample) as image:
            image.convert("L").save(png, dpi=(300, 300))
        run_ours("warm-up.png", png.read_bytes())
        for config in configs:
            run_ocrmypdf(png, config)


def _first_page(pdf: Path):
    from PIL import Image

    folder = tempfile.mkdtemp(prefix="bench-warm-")
    subprocess.run(
        ["pdftoppm", "-r", "300", "-gray", "-png", "-f", "1", "-l", "1", str(pdf), f"{folder}/p"],
        check=True,
    )
    return Image.open(next(Path(folder).glob("p-*.png")))


def run_ours(name: str, data: bytes) -> dict:
    from maatwerk.core import crypto
    from maatwerk.core.models import ReceiptChannel
    from maatwerk.documents import processing
    from maatwerk.documents.intake import IncomingFile, receive
    from maatwerk.documents.models import Document

    t0 = time.perf_counter()
    result = receive(
        files=[IncomingFile(name=name, data=data)], channel=ReceiptChannel.POST, enqueue=False
    )
    outcome = result.outcomes[0]
    done = None
    error = None
    if outcome.document is not None and not outcome.problem:
        try:
            done = processing.process(outcome.document.pk)
        except Exception as exc:
            error = f"{type(exc).__name__}: {exc}"
    seconds = time.perf_counter() - t0
    row: dict = {"seconds": seconds, "status": None, "client_number": None, "document_type": None}
    if outcome.problem:
        row["problem"] = outcome.problem
    if error:
        row["error"] = error
    if outcome.document is not None:
        document = Document.objects.get(pk=outcome.document.pk)
        text = ""
        if document.text_encrypted:
            text = crypto.decrypt_text(
                document.text_encrypted, purpose=processing.text_purpose(document)
            )
        row.update(
            status=document.status,
            client_number=done.client_number if done else None,
            document_type=document.document_type,
            type_confidence=round(document.type_confidence or 0, 3),
            client_confidence=round(document.client_confidence or 0, 3),
            candidates=document.candidates,
            problem=document.problem or row.get("problem", ""),
            text=text,
        )
    return row


def run_ocrmypdf(path: Path, config: str) -> dict:
    import ocrmypdf

    with tempfile.TemporaryDirectory(prefix="bench-ocrmypdf-") as folder:
        out = Path(folder) / "out.pdf"
        sidecar = Path(folder) / "out.txt"
        t0 = time.perf_counter()
        error = None
        try:
            ocrmypdf.ocr(
                path,
                out,
                language=["nld"],
                jobs=1,
                use_threads=True,
                sidecar=sidecar,
                progress_bar=False,
                **OCRMYPDF_CONFIGS[config],
            )
        except Exception as exc:
            error = f"{type(exc).__name__}: {exc}"
        seconds = time.perf_counter() - t0
        text = sidecar.read_text(errors="replace") if sidecar.exists() else ""
    row = {"seconds": seconds, **our_rules_on(text)}
    if error:
        row["error"] = error
    return row


def our_rules_on(text: str) -> dict:
    """Our classification and client matching on someone else's OCR text (not timed)."""
    from maatwerk.documents import learning, processing
    from maatwerk.documents.reading import MIN_READABLE_CHARS
    from maatwerk.documents.rules.matching import decide, extract_clues, weigh

    kind = learning.classify(text)
    client_number = None
    if len(text.strip()) >= MIN_READABLE_CHARS:
        clues = extract_clues(text)
        records, clients = processing.candidate_records(
            [c.bsn for c in clues.bsns], clues.client_numbers, clues.postcodes
        )
        decision = decide(weigh(clues, records))
        if decision.key is not None:
            client_number = clients[decision.key].client_number
    return {"client_number": client_number, "document_type": kind.document_type, "text": text}


def judge(row: dict, engine: str) -> dict:
    item, got = row["item"], row[engine]
    want = item["expected_client_number"]
    auto = got.get("client_number")
    return {
        "right_or_queue": auto is None or auto == want,
        "wrong_auto": auto is not None and auto != want,
        "right_auto": auto is not None and auto == want,
        "queued_client": auto is None and want is not None,
        "right_type": got.get("document_type") == item["expected_type"],
    }


def pct(n: int, d: int) -> float:
    return round(100 * n / d, 2) if d else 0.0


def summarise(rows: list[dict], engines: list[str], manifest: dict, wall: float, args) -> dict:
    pages = sum(r["pages"] for r in rows)
    speed = {}
    for engine in engines:
        total = sum(r[engine]["seconds"] for r in rows)
        per_file = [r[engine]["seconds"] / r["pages"] for r in rows]
        speed[engine] = {
            "seconds_total": round(total, 1),
            "seconds_per_page": round(total / pages, 2),
            "median_seconds_per_page_per_file": round(statistics.median(per_file), 2),
            "errors": sum(1 for r in rows if r[engine].get("error")),
        }
    for engine in engines:
        by_format = defaultdict(lambda: [0.0, 0])
        for r in rows:
            fmt = r["item"]["scan"]["format"]
            by_format[fmt][0] += r[engine]["seconds"]
            by_format[fmt][1] += r["pages"]
        speed[engine]["seconds_per_page_by_format"] = {
            f: round(t / p, 2) for f, (t, p) in sorted(by_format.items())
        }
    for engine in engines[1:]:
        speed[f"ratio_ours_to_{engine}"] = round(
            speed["ours"]["seconds_per_page"] / speed[engine]["seconds_per_page"], 3
        )
    accuracy = {}
    for engine in engines:
        verdicts = [judge(r, engine) for r in rows]
        n = len(rows)
        accuracy[engine] = {
            "right_client_or_manual_queue_pct": pct(sum(v["right_or_queue"] for v in verdicts), n),
            "wrongly_auto_routed_pct": pct(sum(v["wrong_auto"] for v in verdicts), n),
            "right_document_type_pct": pct(sum(v["right_type"] for v in verdicts), n),
            "auto_routed_to_right_client_pct": pct(sum(v["right_auto"] for v in verdicts), n),
            "clients_sent_to_manual_queue_pct": pct(sum(v["queued_client"] for v in verdicts), n),
            "wrongly_auto_routed_files": sum(v["wrong_auto"] for v in verdicts),
        }
    report = {
        "date": str(date.today()),
        "machine": f"{platform.node()} {platform.machine()}, {os.cpu_count()} cores, "
        f"pinned to core {args.core}",
        "set": {
            "dir": str(args.set),
            "seed": manifest["seed"],
            "files": len(rows),
            "pages": pages,
            "non_clients": sum(1 for r in rows if r["item"]["expected_client_number"] is None),
            "formats": dict(Counter(r["item"]["scan"]["format"] for r in rows)),
        },
        "wall_seconds": round(wall, 1),
        "tools": tool_versions(),
        "ocrmypdf_flags": {e: OCRMYPDF_FLAGS[e] for e in engines[1:]},
        "seconds_per_page": speed,
        "accuracy": accuracy,
        "targets": {
            "right_client_or_manual_queue_pct": ">= 98",
            "wrongly_auto_routed_pct": "<= 0.5",
            "right_document_type_pct": ">= 90",
        },
        "ours_by_type": by_group(rows, lambda r: r["item"]["expected_type"]),
        "ours_by_scan": {
            "format": by_group(rows, lambda r: r["item"]["scan"]["format"]),
            "turn": by_group(rows, lambda r: str(r["item"]["scan"]["turn"])),
            "dpi": by_group(rows, lambda r: str(r["item"]["scan"]["dpi"])),
            "name_script": by_group(rows, lambda r: r["item"]["name_script"]),
            "has_bsn": by_group(rows, lambda r: str(r["item"]["clues"]["bsn"])),
            "has_client_number": by_group(rows, lambda r: str(r["item"]["clues"]["client_number"])),
            "has_partner_bsn": by_group(rows, lambda r: str(r["item"]["clues"]["partner_bsn"])),
            "addressee_is_client": by_group(rows, lambda r: str(r["item"]["addressee_is_client"])),
        },
        "ours_type_confusions": confusions(rows),
        "ours_misses": misses(rows),
    }
    return report


def by_group(rows: list[dict], key) -> dict:
    groups: dict[str, list] = defaultdict(list)
    for r in rows:
        groups[key(r)].append(judge(r, "ours"))
    return {
        g: {
            "files": len(v),
            "right_or_queue": sum(x["right_or_queue"] for x in v),
            "auto_right": sum(x["right_auto"] for x in v),
            "wrong_auto": sum(x["wrong_auto"] for x in v),
            "right_type": sum(x["right_type"] for x in v),
        }
        for g, v in sorted(groups.items())
    }


def confusions(rows: list[dict]) -> dict:
    pairs = Counter(
        f"{r['item']['expected_type']} -> {r['ours'].get('document_type')}"
        for r in rows
        if r["ours"].get("document_type") != r["item"]["expected_type"]
    )
    return dict(pairs.most_common())


def misses(rows: list[dict]) -> list[dict]:
    """Every file not auto-routed to the right client, or given the wrong type."""
    out = []
    for r in rows:
        v = judge(r, "ours")
        if v["right_auto"] and v["right_type"]:
            continue
        if r["item"]["expected_client_number"] is None and v["right_or_queue"] and v["right_type"]:
            continue
        ours = r["ours"]
        out.append(
            {
                "file": r["file"],
                "want": [r["item"]["expected_client_number"], r["item"]["expected_type"]],
                "got": [ours.get("client_number"), ours.get("document_type")],
                "status": ours.get("status"),
                "kind": "wrong client"
                if v["wrong_auto"]
                else "queued"
                if v["queued_client"]
                else "ok client",
                "type_ok": v["right_type"],
                "client_confidence": ours.get("client_confidence"),
                "candidates": ours.get("candidates"),
                "problem": ours.get("problem"),
                "clues_printed": {
                    k: r["item"]["clues"].get(k)
                    for k in (
                        "bsn",
                        "client_number",
                        "partner_bsn",
                        "postcode",
                        "street",
                        "family_name",
                    )
                },
                "scan": {k: r["item"]["scan"][k] for k in ("format", "dpi", "turn")},
                "name_script": r["item"]["name_script"],
                "ocrmypdf_text_with_our_rules_got": {
                    e: [r[e].get("client_number"), r[e].get("document_type")]
                    for e in OCRMYPDF_CONFIGS
                    if e in r
                },
                "text_excerpt": (ours.get("text") or "")[:EXCERPT],
            }
        )
    return out


def strip(row: dict) -> dict:
    """Per-file results for the JSON file, without the full OCR texts."""
    out = {"file": row["file"], "pages": row["pages"]}
    for key, value in row.items():
        if isinstance(value, dict) and "seconds" in value:
            out[key] = {k: v for k, v in value.items() if k != "text"}
            out[key]["text_chars"] = len(value.get("text") or "")
    return out


def code_fingerprint() -> dict:
    """sha256 over the document and core-rules sources, and the newest change among them."""
    import hashlib

    src = common.REPO / "src" / "maatwerk"
    files = sorted(
        p
        for folder in (src / "documents", src / "core" / "rules")
        for p in folder.rglob("*.py")
        if "tests" not in p.parts and "migrations" not in p.parts
    )
    digest = hashlib.sha256()
    for path in files:
        digest.update(str(path.relative_to(common.REPO)).encode() + b"\0" + path.read_bytes())
    newest = max(files, key=lambda p: p.stat().st_mtime)
    return {
        "sha256": digest.hexdigest(),
        "files": len(files),
        "newest": f"{newest.relative_to(common.REPO)} "
        f"{time.strftime('%Y-%m-%d %H:%M:%S', time.gmtime(newest.stat().st_mtime))} UTC",
    }


def tool_versions() -> dict:
    def first_line(cmd: list[str]) -> str:
        done = subprocess.run(cmd, capture_output=True, text=True)
        return ((done.stdout or done.stderr).strip().splitlines() or [""])[0]

    import ocrmypdf

    return {
        "tesseract": first_line(["tesseract", "--version"]),
        "pdftoppm": first_line(["pdftoppm", "-v"]),
        "ocrmypdf": ocrmypdf.__version__,
        "ghostscript": first_line(["gs", "--version"]),
        "unpaper": first_line(["unpaper", "--version"]),
        "python": platform.python_version(),
    }


if __name__ == "__main__":
    main()
