"""Our classification and client matching on the clean letters' text, without OCR: seconds.

    .venv/bin/python bench/documents/rules_check.py [--set /tmp/maatwerk-bench-docs] [--show]

Reads the text layer of each clean PDF (clean/ in the bench set, before "scanning") and runs the
same rules as processing.process(): learning.classify, extract_clues, candidate_records (read-only
queries on maatwerk_bench_docs), weigh and decide. What fails here fails in the rules, whatever
the OCR; a quick loop for changing rules/classify.py and rules/matching.py. --show prints the
type scores of each miss.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--set", type=Path, default=common.SET_DIR)
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args()
    common.setup_django()
    from pypdf import PdfReader

    from maatwerk.documents.rules.classify import _COMPILED
    from run import our_rules_on

    manifest = json.loads((args.set / "manifest.json").read_text())
    n = right_or_queue = wrong = right_auto = right_type = 0
    confusions: Counter[str] = Counter()
    for item in manifest["items"]:
        clean = args.set / "clean" / (Path(item["file"]).stem + ".pdf")
        text = "\n".join(p.extract_text() or "" for p in PdfReader(clean).pages)
        got = our_rules_on(text)
        want = item["expected_client_number"]
        n += 1
        right_or_queue += got["client_number"] in (None, want)
        wrong += got["client_number"] not in (None, want)
        right_auto += got["client_number"] is not None and got["client_number"] == want
        right_type += got["document_type"] == item["expected_type"]
        if got["document_type"] != item["expected_type"]:
            confusions[f"{item['expected_type']} -> {got['document_type']}"] += 1
            if args.show:
                scores = {
                    t: sum(w for p, w in rules if p.search(text)) for t, rules in _COMPILED.items()
                }
                top = sorted(scores.items(), key=lambda kv: -kv[1])[:3]
                print(f"{item['file']}: want {item['expected_type']}, scores {top}")
        if got["client_number"] not in (None, want) and args.show:
            print(f"{item['file']}: WRONG CLIENT {got['client_number']} (want {want})")
    print(
        json.dumps(
            {
                "files": n,
                "right_client_or_manual_queue_pct": round(100 * right_or_queue / n, 2),
                "wrongly_auto_routed_pct": round(100 * wrong / n, 2),
                "auto_routed_to_right_client_pct": round(100 * right_auto / n, 2),
                "right_document_type_pct": round(100 * right_type / n, 2),
                "type_confusions": dict(confusions.most_common()),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
