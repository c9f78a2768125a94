"""Validity of the readability checker: does it find the B1 version of a letter easier than the
same letter in officialese? The set is `bench/data/letter_pairs.json`: pairs of one municipal
letter (Participatiewet, Awb) written twice with the same content, each 80 to 250 words.

For each pair it scores both versions with our `check()` (Flesch-Douma, verdict) and with
textstat's Dutch Flesch reading ease (the same Douma formula, its own counting of words,
sentences and syllables), and reports how often each ranks the plain version easier.
Target: our checker ranks the plain version easier (higher Douma) in at least 95% of pairs.

    .venv/bin/pip install -e '.[bench]'     # textstat
    .venv/bin/python bench/readability_validity.py [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
from collections import Counter
from datetime import date
from pathlib import Path

import textstat  # type: ignore[import-untyped]

from maatwerk.letters.rules.readability import GOOD, TOO_HARD, WATCH, check

HERE = Path(__file__).resolve().parent
DATA = HERE / "data" / "letter_pairs.json"
TARGET = 95.0
# Lower is better; a verdict without a score (too short, not Dutch) ranks worst.
VERDICT_RANK = {GOOD: 0, WATCH: 1, TOO_HARD: 2}


def score(pairs: list[dict]) -> list[dict]:
    textstat.set_lang("nl")
    rows = []
    for pair in pairs:
        ours = {v: check(pair[v]) for v in ("officialese", "plain")}
        theirs = {v: round(textstat.flesch_reading_ease(pair[v]), 1) for v in ours}
        rank = {v: VERDICT_RANK.get(ours[v].verdict, 3) for v in ours}
        douma = {v: ours[v].douma for v in ours}
        rows.append(
            {
                "id": pair["id"],
                "douma": douma,
                "textstat": theirs,
                "verdict": {v: ours[v].verdict for v in ours},
                "average_sentence": {v: ours[v].average_sentence for v in ours},
                # The findings that keep a version from "goed" (see readability._verdict).
                "serious": {
                    v: sorted(
                        {
                            f.kind
                            for f in ours[v].findings
                            if f.kind in ("officialese", "long_sentence", "concepts")
                        }
                    )
                    for v in ours
                },
                "ours_right": (
                    douma["plain"] is not None
                    and douma["officialese"] is not None
                    and douma["plain"] > douma["officialese"]
                ),
                "textstat_right": theirs["plain"] > theirs["officialese"],
                "verdict_right": rank["plain"] <= rank["officialese"],
                "verdict_better": rank["plain"] < rank["officialese"],
            }
        )
    return rows


def percent(part: int, whole: int) -> float:
    return round(100 * part / whole, 1) if whole else 0.0


def mean(values: list[float | None]) -> float:
    return round(statistics.mean(v for v in values if v is not None), 1)


def summarise(rows: list[dict]) -> dict:
    n = len(rows)
    ours = sum(r["ours_right"] for r in rows)
    theirs = sum(r["textstat_right"] for r in rows)
    texts = [(r["douma"][v], r["textstat"][v]) for r in rows for v in ("officialese", "plain")]
    gaps = {
        "douma": [r["douma"]["plain"] - r["douma"]["officialese"] for r in rows],
        "textstat": [r["textstat"]["plain"] - r["textstat"]["officialese"] for r in rows],
    }
    verdicts: dict[str, dict[str, int]] = {"officialese": {}, "plain": {}}
    for r in rows:
        for version, verdict in r["verdict"].items():
            verdicts[version][verdict] = verdicts[version].get(verdict, 0) + 1
    plain_not_good = Counter(
        kind for r in rows if r["verdict"]["plain"] != GOOD for kind in r["serious"]["plain"]
    )
    closest = sorted(rows, key=lambda r: r["douma"]["plain"] - r["douma"]["officialese"])[:5]
    return {
        "date": str(date.today()),
        "machine": f"{platform.node()} {platform.machine()}, {os.cpu_count()} cores",
        "pairs": n,
        "ours_douma_agreement_pct": percent(ours, n),
        "textstat_agreement_pct": percent(theirs, n),
        "ours_verdict_at_least_as_good_pct": percent(sum(r["verdict_right"] for r in rows), n),
        "ours_verdict_strictly_better_pct": percent(sum(r["verdict_better"] for r in rows), n),
        "target_pct": TARGET,
        "target_met": percent(ours, n) >= TARGET,
        "mean_douma": {v: mean([r["douma"][v] for r in rows]) for v in ("officialese", "plain")},
        "mean_textstat": {
            v: mean([r["textstat"][v] for r in rows]) for v in ("officialese", "plain")
        },
        "mean_average_sentence": {
            v: mean([r["average_sentence"][v] for r in rows]) for v in ("officialese", "plain")
        },
        "verdicts": verdicts,
        "plain_not_good_letters_per_finding": dict(plain_not_good.most_common()),
        # A simple comparison of the two measures, without rank correlation:
        "comparison": {
            "both_right": sum(r["ours_right"] and r["textstat_right"] for r in rows),
            "ours_only_right": sum(r["ours_right"] and not r["textstat_right"] for r in rows),
            "textstat_only_right": sum(r["textstat_right"] and not r["ours_right"] for r in rows),
            "both_wrong": sum(not r["ours_right"] and not r["textstat_right"] for r in rows),
            "mean_gap_plain_minus_officialese": {k: mean(v) for k, v in gaps.items()},
            "smallest_gap": {k: round(min(v), 1) for k, v in gaps.items()},
            "mean_abs_douma_minus_textstat_per_text": round(
                statistics.mean(abs(a - b) for a, b in texts if a is not None), 1
            ),
            "closest_pairs_douma": {
                r["id"]: [r["douma"]["officialese"], r["douma"]["plain"]] for r in closest
            },
        },
        "wrong": [
            {
                "id": r["id"],
                "ours": "right" if r["ours_right"] else "WRONG",
                "textstat": "right" if r["textstat_right"] else "WRONG",
                "verdict": "right" if r["verdict_right"] else "WRONG",
                "douma": r["douma"],
                "textstat_fre": r["textstat"],
                "verdicts": r["verdict"],
            }
            for r in rows
            if not (r["ours_right"] and r["textstat_right"] and r["verdict_right"])
        ],
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--json", action="store_true", help="also print every pair's scores")
    args = parser.parse_args()
    pairs = json.loads(DATA.read_text(encoding="utf-8"))
    rows = score(pairs)
    report = summarise(rows)
    if args.json:
        report["rows"] = rows
    print(json.dumps(report, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
