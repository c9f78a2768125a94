"""Where our time goes on scanned PDFs: rasterising (pdftoppm PNG, TIFF, PGM) against Tesseract.

    .venv/bin/python bench/documents/probe_raster.py [--set /tmp/maatwerk-bench-docs] [--n 10]

For the first N image-only PDFs of the bench set, on one core: pdftoppm -r 300 -gray with -png
(what reading.py ran until 2026-11-26), -tiff (what it runs since) and no option (PGM), and
tesseract --psm 1 on the page, each timed per page. Prints a JSON summary.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common


def timed(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    return time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--set", type=Path, default=common.SET_DIR)
    parser.add_argument("--n", type=int, default=10)
    parser.add_argument("--core", type=int, default=0)
    args = parser.parse_args()
    os.sched_setaffinity(0, {args.core})
    os.environ["OMP_THREAD_LIMIT"] = "1"
    manifest = json.loads((args.set / "manifest.json").read_text())
    pdfs = [i for i in manifest["items"] if i["file"].endswith(".pdf")][: args.n]
    png, tiff, pgm, ocr = [], [], [], []
    for item in pdfs:
        pages = item["pages"]
        source = str(args.set / item["file"])
        with tempfile.TemporaryDirectory(prefix="bench-probe-") as folder:
            raster = ["pdftoppm", "-r", "300", "-gray"]
            png.append(timed([*raster, "-png", source, f"{folder}/a"]) / pages)
            tiff.append(timed([*raster, "-tiff", source, f"{folder}/c"]) / pages)
            pgm.append(timed([*raster, source, f"{folder}/b"]) / pages)
            page = sorted(Path(folder).glob("a-*.png"))[0]
            ocr.append(timed(["tesseract", str(page), "stdout", "-l", "nld", "--psm", "1"]))
        print(
            f"{item['file']}: png {png[-1]:.2f}s tiff {tiff[-1]:.2f}s pgm {pgm[-1]:.2f}s "
            f"tesseract {ocr[-1]:.2f}s"
        )
    summary = {
        "pdfs": len(pdfs),
        "seconds_per_page_median": {
            "pdftoppm_png": round(statistics.median(png), 2),
            "pdftoppm_tiff": round(statistics.median(tiff), 2),
            "pdftoppm_pgm": round(statistics.median(pgm), 2),
            "tesseract_psm1": round(statistics.median(ocr), 2),
        },
        "seconds_per_page_mean": {
            "pdftoppm_png": round(statistics.mean(png), 2),
            "pdftoppm_tiff": round(statistics.mean(tiff), 2),
            "pdftoppm_pgm": round(statistics.mean(pgm), 2),
            "tesseract_psm1": round(statistics.mean(ocr), 2),
        },
    }
    print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
