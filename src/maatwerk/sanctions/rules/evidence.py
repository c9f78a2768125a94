"""The evidence check: what in the dossier bears on culpability, for or against a proposed
sanction, and which findings contradict it so that it stops. Pure: the service gathers `Fact`s
from the dossier; this module weighs them.

The burden of proof lies with the municipality: a receipt, a registered absence or a request
for another time that contradicts the proposal blocks it until a team lead explains, in writing,
why it does not apply. Other findings (contact the client made, promises the municipality
missed, how the obligation was told, obstacles in the plan) weigh in the review and the hearing.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date

APPOINTMENT, DOCUMENTS, WORK, OTHER = "appointment", "documents", "work", "other"
FOR, AGAINST = "for", "against"


@dataclass(frozen=True)
class Fact:
    """Something in the dossier: `kind` says what, `key` is stable across re-runs."""

    # absence, receipt, reschedule, client_contact, municipal_miss, letter, obstacle, missed
    kind: str
    key: str
    text: str
    first_day: date
    last_day: date | None = None
    link: str = ""
    # For letters: whether the letter reached and suited the client.
    delivered: bool = True
    opened: bool = True
    in_language: bool = True
    plain_enough: bool = True
    # For obstacles: the kind of obstacle in the plan.
    obstacle: str = ""


@dataclass(frozen=True)
class Finding:
    key: str
    kind: str
    direction: str
    blocking: bool
    text: str
    day: str
    link: str = ""

    def as_json(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True)
class Case:
    category: str
    event_date: date
    period_start: date


_RELEVANT_OBSTACLES = {
    APPOINTMENT: {"health", "care", "transport", "language"},
    DOCUMENTS: {"health", "language", "debts", "digital"},
    WORK: {"health", "care", "debts", "childcare", "transport", "language"},
    OTHER: {"health", "care", "debts"},
}


def assess(case: Case, facts: list[Fact]) -> list[Finding]:
    """Every fact that bears on the case, weighed; contradicting ones first."""
    findings = [f for fact in facts if (f := _weigh(case, fact)) is not None]
    if not any(f.kind == "letter" for f in findings) and case.category != OTHER:
        findings.append(
            Finding(
                key="letter:none",
                kind="letter",
                direction=AGAINST,
                blocking=False,
                text="Er is geen brief gevonden waarin de cliënt over deze verplichting las.",
                day=case.event_date.isoformat(),
            )
        )
    return sorted(findings, key=lambda f: (not f.blocking, f.direction != AGAINST, f.day))


def blocks(findings: list[Finding]) -> bool:
    return any(f.blocking for f in findings)


def _in_period(case: Case, fact: Fact) -> bool:
    last = fact.last_day or fact.first_day
    return fact.first_day <= case.event_date and last >= case.period_start


def _weigh(case: Case, fact: Fact) -> Finding | None:
    weigh = _WEIGHERS.get(fact.kind)
    return weigh(case, fact) if weigh is not None else None


def _finding(fact: Fact, direction: str, blocking: bool, text: str) -> Finding:
    return Finding(
        key=fact.key,
        kind=fact.kind,
        direction=direction,
        blocking=blocking,
        text=text,
        day=fact.first_day.isoformat(),
        link=fact.link,
    )


def _absence(case: Case, fact: Fact) -> Finding | None:
    last = fact.last_day or fact.first_day
    if not fact.first_day <= case.event_date <= last:
        return None
    return _finding(fact, AGAINST, True, f"De cliënt was afwezig en had dat gemeld: {fact.text}")


def _receipt(case: Case, fact: Fact) -> Finding | None:
    if not _in_period(case, fact):
        return None
    blocking = case.category == DOCUMENTS
    return _finding(fact, AGAINST, blocking, f"De cliënt leverde iets in, met bewijs: {fact.text}")


def _reschedule(case: Case, fact: Fact) -> Finding | None:
    if not _in_period(case, fact):
        return None
    blocking = case.category == APPOINTMENT
    return _finding(
        fact, AGAINST, blocking, f"De cliënt vroeg om een andere tijd, met bewijs: {fact.text}"
    )


def _client_contact(case: Case, fact: Fact) -> Finding | None:
    if not _in_period(case, fact):
        return None
    return _finding(fact, AGAINST, False, f"De cliënt nam contact op: {fact.text}")


def _municipal_miss(case: Case, fact: Fact) -> Finding | None:
    if not _in_period(case, fact):
        return None
    return _finding(fact, AGAINST, False, f"De gemeente hield zich niet aan: {fact.text}")


def _letter(case: Case, fact: Fact) -> Finding | None:
    if not _in_period(case, fact):
        return None
    problems = [
        text
        for ok, text in (
            (fact.delivered, "kwam niet aan"),
            (fact.opened, "is niet geopend"),
            (fact.in_language, "was er niet in de taal van de cliënt"),
            (fact.plain_enough, "was niet in eenvoudige taal en er is niets anders gedaan"),
        )
        if not ok
    ]
    if problems:
        return _finding(fact, AGAINST, False, f"Brief '{fact.text}' " + ", ".join(problems) + ".")
    return _finding(fact, FOR, False, f"Brief '{fact.text}' kwam aan en is geopend.")


def _obstacle(case: Case, fact: Fact) -> Finding | None:
    if fact.obstacle not in _RELEVANT_OBSTACLES.get(case.category, set()):
        return None
    return _finding(fact, AGAINST, False, f"In het plan staat iets wat in de weg zit: {fact.text}")


def _missed(case: Case, fact: Fact) -> Finding | None:
    """The obligation itself: the commitment or appointment the client did not keep."""
    return _finding(fact, FOR, False, fact.text)


def _kept(case: Case, fact: Fact) -> Finding | None:
    """The linked appointment or promise was held, moved, done or excused: not missed at all."""
    return _finding(fact, AGAINST, True, f"Volgens het dossier is dit niet gemist: {fact.text}")


_WEIGHERS = {
    "absence": _absence,
    "receipt": _receipt,
    "reschedule": _reschedule,
    "client_contact": _client_contact,
    "municipal_miss": _municipal_miss,
    "letter": _letter,
    "obstacle": _obstacle,
    "missed": _missed,
    "kept": _kept,
}
