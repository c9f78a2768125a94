"""Finding the client a document is about, from its text: pure, no Django.

Clues are taken from the text (BSNs that pass the 11-proef, client numbers, postcodes with
house numbers, names); the service looks up the clients those clues point at and asks this
module to weigh them. Evidence is combined as independent signals (noisy-or). A document is
routed automatically only when one client is clearly ahead; otherwise it goes to the manual
queue with the candidates, never to a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from maatwerk.core.rules.bsn import is_valid_bsn

ROUTE_THRESHOLD = 0.8
MIN_MARGIN = 0.25

_BSN = re.compile(r"(?<![\d])(\d{4}[ .]?\d{2}[ .]?\d{3}|\d{9}|\d{8})(?![\d])")
_CLIENT_NUMBER = re.compile(r"\b[Kk][0-9OoIl]{7}\b")
_POSTCODE = re.compile(r"\b([1-9][0-9OoIl]{3})\s?([A-Za-z]{2})\b")
_BSN_WORDS = re.compile(r"(bsn|burger\s*service\s*nummer|burgerservicenummer|sofi)", re.I)
_PARTNER_WORDS = re.compile(
    r"\b(partner|echtgeno(?:o|)te?|medebewoner|kind|kinderen|zoon|dochter|huisgeno(?:o|)te?)\b",
    re.I,
)
_DIGIT_FIXES = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1"})


@dataclass(frozen=True)
class BsnClue:
    bsn: str
    weight: float


@dataclass(frozen=True)
class Clues:
    bsns: list[BsnClue] = field(default_factory=list)
    client_numbers: list[str] = field(default_factory=list)
    postcodes: list[str] = field(default_factory=list)
    text: str = ""


@dataclass(frozen=True)
class ClientRecord:
    key: int
    client_number: str
    bsn: str
    family_name: str
    given_names: str
    postcode: str
    house_number: str


@dataclass(frozen=True)
class Candidate:
    key: int
    score: float
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class Decision:
    key: int | None
    confidence: float
    candidates: tuple[Candidate, ...]


def extract_clues(text: str) -> Clues:
    bsns: dict[str, float] = {}
    for match in _BSN.finditer(text):
        digits = re.sub(r"\D", "", match.group(1)).zfill(9)
        if not is_valid_bsn(digits):
            continue
        before = text[max(0, match.start() - 60) : match.start()]
        weight = 0.6
        if _BSN_WORDS.search(before[-30:]):
            weight += 0.25
        same_line = before.rsplit("\n", 1)[-1][-35:]
        if _PARTNER_WORDS.search(same_line):
            # A partner's or child's BSN in the text is hardly evidence for them at all.
            weight = 0.1
        bsns[digits] = max(bsns.get(digits, 0.0), weight)
    numbers = {
        m.group(0).upper()[0] + m.group(0)[1:].translate(_DIGIT_FIXES)
        for m in _CLIENT_NUMBER.finditer(text)
    }
    postcodes = {
        f"{m.group(1).translate(_DIGIT_FIXES)} {m.group(2).upper()}"
        for m in _POSTCODE.finditer(text)
    }
    return Clues(
        bsns=[BsnClue(b, w) for b, w in bsns.items()],
        client_numbers=sorted(numbers),
        postcodes=sorted(postcodes),
        text=text,
    )


def weigh(clues: Clues, records: list[ClientRecord]) -> list[Candidate]:
    """Score every record the clues pointed at, best first."""
    candidates = [_score(clues, record) for record in records]
    return sorted((c for c in candidates if c.score > 0), key=lambda c: -c.score)


def decide(candidates: list[Candidate]) -> Decision:
    if not candidates:
        return Decision(None, 0.0, ())
    best = candidates[0]
    runner_up = candidates[1].score if len(candidates) > 1 else 0.0
    top = tuple(candidates[:5])
    if best.score >= ROUTE_THRESHOLD and best.score - runner_up >= MIN_MARGIN:
        return Decision(best.key, round(best.score, 3), top)
    return Decision(None, round(best.score, 3), top)


def _score(clues: Clues, record: ClientRecord) -> Candidate:
    signals: list[tuple[float, str]] = []
    for clue in clues.bsns:
        if clue.bsn == record.bsn:
            signals.append((clue.weight, "bsn"))
    if record.client_number.upper() in clues.client_numbers:
        signals.append((0.75, "client_number"))
    if record.postcode in clues.postcodes:
        if _house_number_near(clues.text, record):
            signals.append((0.6, "address"))
        else:
            signals.append((0.1, "postcode"))
    name = _name_evidence(clues.text, record)
    if name:
        signals.append(name)
    remaining = 1.0
    for probability, _ in signals:
        remaining *= 1.0 - probability
    return Candidate(record.key, 1.0 - remaining, tuple(reason for _, reason in signals))


def _house_number_near(text: str, record: ClientRecord) -> bool:
    """The house number stands in the address block: just before the client's postcode."""
    number = re.escape(record.house_number.split("-")[0].strip())
    if not number:
        return False
    digits, letters = (
        record.postcode.split(" ") if " " in record.postcode else (record.postcode, "")
    )
    for match in re.finditer(rf"{digits}\s?{letters}", text, re.I):
        window = text[max(0, match.start() - 80) : match.start()]
        if re.search(rf"\b{number}\b", window):
            return True
    return False


def _name_evidence(text: str, record: ClientRecord) -> tuple[float, str] | None:
    family = record.family_name.lower()
    if len(family) < 3:
        return None
    lowered = text.lower()
    if family in lowered:
        score = 0.4
    elif fuzz.partial_ratio(family, lowered, score_cutoff=88):
        score = 0.3  # OCR errors in the name
    else:
        return None
    first_given = record.given_names.split()[0].lower() if record.given_names else ""
    if first_given and (first_given in lowered or f"{first_given[0]}. " in lowered):
        score += 0.1
    return score, "name"
