"""The readability checker for Dutch texts: pure Python, no Django (DOMAIN.md "Plain language").

It reports Flesch-Douma and Brouwer (syllables from Dutch hyphenation, `pyphen`), sentence
lengths, long and rare words (word frequency from `wordfreq`), officialese with plain
alternatives (a word list kept as data with its sources, `officialese.tsv`), passive
constructions ("worden" + participle), stacked subordinate clauses, and more than two new,
unexplained concepts. Every finding carries its character offsets. Texts too short to score
(under 50 words or 3 sentences, where Douma is unstable) get no score, and a text that is not
Dutch is said to be so instead of scored.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

import pyphen  # type: ignore[import-untyped]
from wordfreq import zipf_frequency

GOOD, WATCH, TOO_HARD, TOO_SHORT, NOT_DUTCH, EMPTY = (
    "goed",
    "let_op",
    "te_moeilijk",
    "te_kort",
    "geen_nederlands",
    "leeg",
)
_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ]+(?:['’-][A-Za-zÀ-ÖØ-öø-ÿ]+)*")
_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)|\n\s*\n")
_WORDEN = {"word", "wordt", "worden", "werd", "werden", "geworden"}
_PARTICIPLE = re.compile(r"^(ge|be|ver|ont|her|er)\w{2,}(d|t|en)$")
_SUBORDINATORS = {
    "dat", "omdat", "als", "wanneer", "indien", "doordat", "zodat", "terwijl", "nadat",
    "voordat", "hoewel", "waardoor", "waarin", "waarbij", "waarmee", "tenzij", "zodra",
    "aangezien", "mits", "opdat", "zoals",
}  # fmt: skip
_EXPLAINED = re.compile(r"(dat is|dat betekent|dat wil zeggen|\(|:|bijvoorbeeld)", re.I)


@dataclass(frozen=True)
class Thresholds:
    """Where the verdict changes; configurable (settings.READABILITY)."""

    douma_good: float = 60.0
    douma_too_hard: float = 45.0
    average_sentence_good: float = 15.0
    average_sentence_too_hard: float = 20.0
    max_sentence_words: int = 20
    long_word_syllables: int = 5
    long_word_letters: int = 16
    rare_zipf: float = 3.0
    min_words: int = 50
    min_sentences: int = 3
    max_new_concepts: int = 2


@dataclass(frozen=True)
class Finding:
    kind: str  # long_sentence, long_word, rare_word, officialese, passive, subordinate, concepts
    start: int
    end: int
    text: str
    suggestion: str = ""


@dataclass
class Report:
    verdict: str
    words: int
    sentences: int
    syllables: int
    douma: float | None = None
    brouwer: float | None = None
    average_sentence: float | None = None
    longest_sentence: int = 0
    findings: list[Finding] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True)
class _Sentence:
    start: int
    end: int
    words: list[re.Match[str]]


@lru_cache(maxsize=1)
def officialese() -> dict[str, str]:
    table: dict[str, str] = {}
    path = Path(__file__).with_name("officialese.tsv")
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            phrase, plain, _source = line.split("\t")
            table[phrase.lower()] = plain
    return table


@lru_cache(maxsize=1)
def _hyphenator() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="nl_NL")


@lru_cache(maxsize=20000)
def syllables(word: str) -> int:
    return max(1, len(_hyphenator().positions(word.lower())) + 1)


Frequency = Callable[[str, str], float]


@lru_cache(maxsize=50000)
def _zipf(word: str, language: str) -> float:
    return float(zipf_frequency(word, language))


def check(
    text: str, thresholds: Thresholds = Thresholds(), frequency: Frequency = zipf_frequency
) -> Report:
    sentences = _sentences(text)
    words = [w for s in sentences for w in s.words]
    if not words:
        return Report(verdict=EMPTY, words=0, sentences=0, syllables=0)
    if not _is_dutch([w.group() for w in words], frequency):
        return Report(verdict=NOT_DUTCH, words=len(words), sentences=len(sentences), syllables=0)
    counted = sum(syllables(w.group()) for w in words)
    findings = _findings(text, sentences, thresholds, frequency)
    report = Report(
        verdict=TOO_SHORT,
        words=len(words),
        sentences=len(sentences),
        syllables=counted,
        longest_sentence=max(len(s.words) for s in sentences),
        findings=findings,
    )
    if len(words) < thresholds.min_words or len(sentences) < thresholds.min_sentences:
        return report  # too short to score: Douma is unstable there (DOMAIN.md)
    per_100 = 100 * counted / len(words)
    average = len(words) / len(sentences)
    report.douma = round(206.84 - 0.77 * per_100 - 0.93 * average, 1)
    report.brouwer = round(195 - (2 / 3) * per_100 - 2 * average, 1)
    report.average_sentence = round(average, 1)
    report.verdict = _verdict(report, thresholds)
    return report


def _verdict(report: Report, t: Thresholds) -> str:
    assert report.douma is not None and report.average_sentence is not None
    if report.douma < t.douma_too_hard or report.average_sentence > t.average_sentence_too_hard:
        return TOO_HARD
    serious = [f for f in report.findings if f.kind in ("officialese", "long_sentence", "concepts")]
    if (
        report.douma >= t.douma_good
        and report.average_sentence <= t.average_sentence_good
        and not serious
    ):
        return GOOD
    return WATCH


def _sentences(text: str) -> list[_Sentence]:
    result: list[_Sentence] = []
    start = 0
    for match in [*list(_SENTENCE_END.finditer(text)), None]:
        end = match.end() if match else len(text)
        words = list(_WORD.finditer(text, start, end))
        if words:
            result.append(_Sentence(start=words[0].start(), end=end, words=words))
        start = end
    return result


def _is_dutch(words: list[str], frequency: Frequency) -> bool:
    sample = [w.lower() for w in words[:200] if len(w) > 2]
    if len(sample) < 3:
        return True
    dutch = sum(1 for w in sample if frequency(w, "nl") >= frequency(w, "en"))
    return dutch / len(sample) >= 0.5


def _findings(
    text: str, sentences: list[_Sentence], t: Thresholds, frequency: Frequency
) -> list[Finding]:
    found: list[Finding] = []
    found += _officialese(text, [w for s in sentences for w in s.words])
    taken = {(f.start, f.end) for f in found}
    for sentence in sentences:
        if len(sentence.words) > t.max_sentence_words:
            found.append(
                Finding(
                    "long_sentence",
                    sentence.start,
                    sentence.end,
                    text[sentence.start : sentence.end].strip(),
                    "Maak er twee zinnen van.",
                )
            )
        found += _passive(sentence)
        lowered = [w.group().lower() for w in sentence.words]
        if sum(1 for w in lowered if w in _SUBORDINATORS) >= 2:
            found.append(
                Finding(
                    "subordinate",
                    sentence.start,
                    sentence.end,
                    text[sentence.start : sentence.end].strip(),
                    "Schrijf niet meer dan één bijzin per zin.",
                )
            )
    new_concepts: list[Finding] = []
    for sentence in sentences:
        explained = bool(_EXPLAINED.search(text[sentence.start : sentence.end]))
        for word in sentence.words:
            if (word.start(), word.end()) in taken or word.group()[0].isupper():
                continue
            w = word.group().lower()
            if syllables(w) >= t.long_word_syllables or len(w) >= t.long_word_letters:
                found.append(
                    Finding(
                        "long_word",
                        word.start(),
                        word.end(),
                        word.group(),
                        "Gebruik een korter woord.",
                    )
                )
            if frequency(w, "nl") < t.rare_zipf and not w.isdigit():
                found.append(
                    Finding(
                        "rare_word",
                        word.start(),
                        word.end(),
                        word.group(),
                        "Gebruik een woord dat meer mensen kennen.",
                    )
                )
                if not explained and len(w) >= 9:
                    new_concepts.append(
                        Finding(
                            "concepts", word.start(), word.end(), word.group(), "Leg dit woord uit."
                        )
                    )
    if len({f.text.lower() for f in new_concepts}) > t.max_new_concepts:
        found += new_concepts
    return sorted(found, key=lambda f: (f.start, f.kind))


@lru_cache(maxsize=1)
def _longest_phrase() -> int:
    return max(len(phrase.split()) for phrase in officialese())


def _officialese(text: str, words: list[re.Match[str]]) -> list[Finding]:
    """Phrases of the list, matched word by word (longest first), so a text is read once."""
    table, longest = officialese(), _longest_phrase()
    tokens = [w.group().lower() for w in words]
    found: list[Finding] = []
    n = 0
    while n < len(tokens):
        for size in range(min(longest, len(tokens) - n), 0, -1):
            phrase = " ".join(tokens[n : n + size])
            if phrase in table:
                start, end = words[n].start(), words[n + size - 1].end()
                found.append(Finding("officialese", start, end, text[start:end], table[phrase]))
                n += size
                break
        else:
            n += 1
    return found


def _passive(sentence: _Sentence) -> list[Finding]:
    words = sentence.words
    for n, word in enumerate(words):
        if word.group().lower() in _WORDEN:
            for later in words[n + 1 : n + 8]:
                if _PARTICIPLE.match(later.group().lower()):
                    return [
                        Finding(
                            "passive",
                            word.start(),
                            later.end(),
                            f"{word.group()} … {later.group()}",
                            "Schrijf actief: zeg wie het doet.",
                        )
                    ]
    return []
