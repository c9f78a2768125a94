"""Speed of the readability checker: a two-page letter (800 words) and 1,000 letters in a row,
in one process on one core. Target: under 20 ms per 800-word letter.

    python bench/readability.py
"""

from __future__ import annotations

import json
import random
import statistics
import time

from maatwerk.letters.rules.readability import check

SENTENCES = [
    "Wij hebben uw aanvraag voor bijzondere bijstand ontvangen.",
    "Indien u vragen hebt over deze brief, kunt u contact opnemen met uw regisseur.",
    "U krijgt binnen acht weken een besluit van ons.",
    "Stuur ons de bankafschriften van de laatste drie maanden.",
    "Derhalve verzoeken wij u de ontbrekende documenten alsnog te verstrekken.",
    "Hebt u hulp nodig bij het invullen van het formulier?",
    "De beslissing op uw aanvraag wordt door de afdeling Werk en Inkomen genomen.",
    "Bel ons gerust als iets niet duidelijk is.",
]


def letter(words: int, seed: int) -> str:
    rng = random.Random(seed)
    text: list[str] = []
    while sum(len(s.split()) for s in text) < words:
        text.append(rng.choice(SENTENCES))
    return " ".join(text)


def main() -> None:
    check(letter(50, 0))  # load the word list, the hyphenation and the frequency data
    two_pages = [letter(800, seed) for seed in range(50)]
    times = []
    for text in two_pages:
        start = time.perf_counter()
        check(text)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    batch = [letter(random.Random(n).randrange(150, 800), n) for n in range(1000)]
    start = time.perf_counter()
    for text in batch:
        check(text)
    seconds = time.perf_counter() - start
    print(
        json.dumps(
            {
                "800_words_p50_ms": round(statistics.median(times), 2),
                "800_words_p95_ms": round(times[int(0.95 * (len(times) - 1))], 2),
                "1000_letters_seconds": round(seconds, 2),
                "letters_per_second": round(1000 / seconds, 1),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
