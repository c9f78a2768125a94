"""Document types and the rules that recognise them: pure, no Django.

The rules give a first answer with a confidence. Staff corrections train a model on top
(documents/learning.py); where it is sure, it wins. Medical documents and identity copies
are sensitive: visible to the regisseur only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

TYPES: dict[str, str] = {
    "loonstrook": "Loonstrook",
    "bankafschrift": "Bankafschrift",
    "huur": "Huur",
    "toeslagen": "Toeslagen",
    "zorgverzekering": "Zorgverzekering",
    "energie": "Energie",
    "medisch": "Medisch",
    "identiteitsbewijs": "Identiteitsbewijs",
    "schulden": "Schulden",
    "sollicitaties": "Sollicitaties",
    "arbeidscontract": "Arbeidscontract",
    "wijziging": "Wijziging",
    "bezwaar": "Bezwaar",
    "overig": "Overig",
}
SENSITIVE = {"medisch", "identiteitsbewijs"}

# Keyword patterns per type with their weight; the best total wins.
_RULES: dict[str, list[tuple[str, float]]] = {
    "loonstrook": [
        (r"loonstrook|salarisstrook|loonspecificatie", 3),
        (r"bruto\s*loon|brutoloon", 2),
        (r"netto\s*loon|nettoloon|uit te betalen", 1.5),
        (r"loonheffing", 2),
        (r"werkgever", 0.5),
    ],
    # A bank statement lists payees (insurer, energy, "huurtoeslag"): its own structure words
    # (opening and closing balance, statement number, date/description columns) must outweigh them.
    "bankafschrift": [
        (r"rekeningafschrift|bankafschrift|afschrift\s*(nr|nummer)?", 2.5),
        (r"\biban\b|NL\d{2}\s?[A-Z]{4}", 1),
        (r"(vorig|nieuw|begin|eind)\s*saldo", 3),
        (r"saldo", 1),
        (r"bij\s*/\s*af|af\s+bij|datum\s+omschrijving", 2),
        (r"creditering|debitering|boekdatum|valutadatum", 1.5),
    ],
    "huur": [
        (r"huurovereenkomst|huurcontract", 3),
        (r"huurverhoging|huurprijs|kale huur", 2.5),
        (r"verhuurder|woningcorporatie|woonstichting", 1.5),
        (r"huurder", 1),
        (r"huurcommissie|servicekosten", 1.5),
    ],
    # A letter from the Belastingdienst about toeslagen, not a mention of one in another letter.
    "toeslagen": [
        (r"dienst\s*toeslagen|belastingdienst\s*/\s*toeslagen", 4),
        (r"\btoeslag(en)?\b", 1.5),
        (r"huurtoeslag|zorgtoeslag|kinderopvangtoeslag|kindgebonden budget", 1.5),
        (r"voorschot", 1.5),
        (r"toeslagpartner|toetsingsinkomen", 2),
        (r"belastingdienst", 1),
    ],
    "zorgverzekering": [
        (r"zorgverzeker(ing|aar)", 3),
        (r"polis(blad)?", 1.5),
        (r"eigen risico", 2),
        (r"basisverzekering", 2),
    ],
    "energie": [
        (r"energie|stroom|elektriciteit", 2),
        (r"\bgas\b|kwh|m3", 1.5),
        (r"jaarafrekening|termijnbedrag", 1.5),
    ],
    "medisch": [
        (r"huisarts|specialist|ziekenhuis", 2),
        (r"medisch(e)?|diagnose|behandeling", 2),
        (r"verklaring van (de )?arts|arts", 1),
        (r"patiënt|patient", 1.5),
    ],
    "identiteitsbewijs": [
        (r"paspoort|identiteitskaart|rijbewijs|verblijfsdocument", 3),
        (r"nationaliteit|geboorteplaats|documentnummer", 1.5),
        (r"koninkrijk der nederlanden", 1),
    ],
    "schulden": [
        (r"deurwaarder|incassobureau|incasso", 3),
        (r"aanmaning|betalingsachterstand|achterstand", 2),
        (r"schuldhulp|beslag|dwangbevel", 2),
        (r"vordering", 1),
    ],
    "sollicitaties": [
        (r"sollicitatie|sollicit(eer|eren)|vacature", 3),
        (r"motivatiebrief|cv\b|curriculum", 1.5),
        (r"uitnodiging voor een gesprek|afwijzing", 1.5),
    ],
    "arbeidscontract": [
        (r"arbeidsovereenkomst|arbeidscontract", 3),
        (r"proeftijd|cao|functie", 1.5),
        (r"werknemer", 1),
        (r"in dienst", 1),
    ],
    "wijziging": [
        (r"wijziging|doorgeven|verandering", 2),
        (r"verhuizing|nieuw adres|samenwonen|inkomsten", 1.5),
        (r"wijzigingsformulier", 3),
    ],
    "bezwaar": [
        (r"bezwaarschrift|bezwaar", 3),
        (r"ik ben het niet eens|niet eens met", 2),
        (r"beschikking|besluit van", 1),
    ],
}
_COMPILED = {t: [(re.compile(p, re.I), w) for p, w in rules] for t, rules in _RULES.items()}
MIN_EVIDENCE = 2.0


@dataclass(frozen=True)
class Classification:
    document_type: str
    confidence: float


def classify_by_rules(text: str) -> Classification:
    scores = {
        doc_type: sum(weight for pattern, weight in rules if pattern.search(text))
        for doc_type, rules in _COMPILED.items()
    }
    best = max(scores, key=lambda t: scores[t])
    total = sum(scores.values())
    if scores[best] < MIN_EVIDENCE or total == 0:
        return Classification("overig", 0.3)
    return Classification(best, round(scores[best] / total, 3))


def is_sensitive(document_type: str) -> bool:
    return document_type in SENSITIVE
