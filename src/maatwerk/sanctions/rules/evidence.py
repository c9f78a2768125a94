"""The evidence check: what in the dossier bears on culpability, for or against a proposed
sanction, and which findings contradict it so that it stops. Pure: the service gathers `Fact`s
from the dossier; this module weighs them.

The law: Participatiewet art. 18 lid 2 (the college lowers the benefit when an obligation is
not met) and lid 9 (no measure when every form of culpability is absent); Awb art. 3:2 (careful
inquiry) and art. 3:41 (a decision or notice is made known by sending it to the person
concerned). Texts as in force on 1 January 2025 (Pw: BWBR0015703; Awb: BWBR0005537).

How this module reads it: the burden of proof lies with the municipality. A fact that
contradicts the proposal blocks it until a team lead explains, in writing, why it does not
apply:

- a registered absence covering the day (any obligation);
- a receipt in the period (documents) or a request for another time (appointment);
- the linked appointment or promise was held, moved, done or excused after all;
- a promise of the municipality that staff linked to the proposal and that the municipality
  missed (overdue, or kept only after its due time) on or before the day;
- a letter about this obligation that did not reach the client: the municipality cannot show
  the client knew (Awb 3:41). It is cured only by a letter with the same notice (`_NOTICE`: an
  invitation or a reminder for an appointment, a request for documents, the plan) that did
  reach the client and was sent at or after it, before the event. An older letter cannot
  cure it: it was sent before the lost one existed, so it tells of something else (another
  appointment, an earlier request). Letters do not name the appointment they announce, so
  "same notice, sent later" is the closest the dossier comes to "about this appointment".

Other findings (contact the client made, unlinked promises the municipality missed, a hospital
stay in the period but not on the day, how the obligation was told, obstacles in the plan, no
letter at all) weigh in the review and the hearing. Every fact that was gathered but does not
apply is kept as a *dropped* finding (`applies=False`, direction `none`) with its reason, so
staff see what was considered; it never blocks and sorts last.

Which letters tell the client of the obligation: letters whose purpose asks this kind of thing
of the client (an invitation or reminder for an appointment, a request for documents, the plan
for work), sent before the event (for an appointment: before the time it started, when known)
and no earlier than `LETTER_LEAD_DAYS` before the start of the period. The service fetches
letters from `letters_from(period_start)`, so the query and the weighing use one window.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from datetime import date, time, timedelta

APPOINTMENT, DOCUMENTS, WORK, OTHER = "appointment", "documents", "work", "other"
FOR, AGAINST, NONE = "for", "against", "none"

# A letter may tell the client of an obligation up to four weeks before the period starts.
LETTER_LEAD_DAYS = 28

HOSPITAL = "hospital"

# Letter purposes (letters.models.Purpose values) that tell the client of each kind of obligation.
_INFORMING_PURPOSES = {
    APPOINTMENT: {"appointment_invitation", "reminder"},
    DOCUMENTS: {"document_request"},
    WORK: {"plan", "appointment_invitation", "reminder"},
    OTHER: {"plan", "appointment_invitation", "reminder", "document_request"},
}


# What a letter tells the client of: a later letter with the same notice can stand in for a lost
# one. An invitation and a reminder both announce an appointment.
_NOTICE = {
    "appointment_invitation": "appointment",
    "reminder": "appointment",
    "document_request": "documents",
    "plan": "plan",
}


def letters_from(period_start: date) -> date:
    """The first day a letter about the obligation counts."""
    return period_start - timedelta(days=LETTER_LEAD_DAYS)


@dataclass(frozen=True)
class Fact:
    """Something in the dossier: `kind` says what, `key` is stable across re-runs."""

    # absence, receipt, reschedule, client_contact, municipal_miss, municipal_kept, letter,
    # obstacle, missed, kept
    kind: str
    key: str
    text: str
    first_day: date
    last_day: date | None = None
    link: str = ""
    # The local time of day, where it matters (a letter sent on the day of an appointment).
    at: time | None = None
    # For letters: what the letter was for, and whether it reached and suited the client.
    purpose: str = ""
    delivered: bool = True
    opened: bool = True
    in_language: bool = True
    plain_enough: bool = True
    # For obstacles: the kind of obstacle in the plan.
    obstacle: str = ""
    # For absences: the kind of absence (holiday, hospital, ...).
    absence: str = ""
    # For promises of the municipality: staff linked it to this proposal.
    linked: bool = False


@dataclass(frozen=True)
class Finding:
    key: str
    kind: str
    direction: str
    blocking: bool
    text: str
    day: str
    link: str = ""
    # False: gathered and looked at, but it does not bear on this case; `reason` says why.
    applies: bool = True
    reason: str = ""

    def as_json(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True)
class Case:
    category: str
    event_date: date
    period_start: date
    # When the obligation was a linked appointment: the local time it started.
    event_time: time | None = None


_RELEVANT_OBSTACLES = {
    APPOINTMENT: {"health", "care", "transport", "language"},
    DOCUMENTS: {"health", "language", "debts", "digital"},
    WORK: {"health", "care", "debts", "childcare", "transport", "language"},
    OTHER: {"health", "care", "debts"},
}


def assess(case: Case, facts: list[Fact]) -> list[Finding]:
    """Every fact weighed: contradicting ones first, dropped ones (with their reason) last."""
    findings = _no_letter_reached([_weigh(case, fact) for fact in facts], case, facts)
    letters = [f for f in findings if f.kind == "letter" and f.applies]
    if not letters and case.category != OTHER:
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
    return sorted(findings, key=order)


def order(f: Finding) -> tuple[bool, bool, bool, str]:
    return (not f.applies, not f.blocking, f.direction != AGAINST, f.day)


def blocks(findings: list[Finding]) -> bool:
    return any(f.blocking and f.applies for f in findings)


def _no_letter_reached(findings: list[Finding], case: Case, facts: list[Fact]) -> list[Finding]:
    """Burden of proof: a letter about the obligation that did not reach the client blocks,
    unless a letter with the same notice, sent at or after it, did reach them."""
    told = [fact for fact in facts if fact.kind == "letter" and _tells(case, fact)]
    reached = [fact for fact in told if fact.delivered]
    uncured = {
        lost.key
        for lost in told
        if not lost.delivered and not any(_cures(later, lost) for later in reached)
    }
    return [
        replace(
            f,
            blocking=True,
            text=f.text + " Daarna kwam geen andere brief hierover aan: de gemeente kan "
            "niet laten zien dat de cliënt ervan wist.",
        )
        if f.applies and f.kind == "letter" and f.key in uncured
        else f
        for f in findings
    ]


def _cures(later: Fact, lost: Fact) -> bool:
    """`later` reached the client with the same notice as `lost`, and was not sent before it."""
    same_notice = _NOTICE[later.purpose] == _NOTICE[lost.purpose]
    return same_notice and _sent_at_or_after(later, lost)


def _sent_at_or_after(later: Fact, lost: Fact) -> bool:
    if later.first_day != lost.first_day:
        return later.first_day > lost.first_day
    # Same day, time unknown for one of them: the day is all the dossier says.
    return later.at is None or lost.at is None or later.at >= lost.at


def _in_period(case: Case, fact: Fact) -> bool:
    last = fact.last_day or fact.first_day
    return fact.first_day <= case.event_date and last >= case.period_start


def _before_event(case: Case, fact: Fact) -> bool:
    if fact.first_day != case.event_date:
        return fact.first_day < case.event_date
    return case.event_time is None or fact.at is None or fact.at < case.event_time


def _tells(case: Case, fact: Fact) -> bool:
    """A letter about this obligation, sent in the window before the event."""
    return (
        fact.purpose in _INFORMING_PURPOSES.get(case.category, set())
        and fact.first_day >= letters_from(case.period_start)
        and _before_event(case, fact)
    )


def _weigh(case: Case, fact: Fact) -> Finding:
    weigh = _WEIGHERS.get(fact.kind)
    if weigh is None:
        return _dropped(fact, fact.text, "Dit soort gegeven weegt niet mee.")
    return weigh(case, fact)


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


def _dropped(fact: Fact, text: str, reason: str) -> Finding:
    return replace(_finding(fact, NONE, False, text), applies=False, reason=reason)


def _outside_period(case: Case, fact: Fact, text: str) -> Finding:
    return _dropped(
        fact,
        text,
        f"Valt buiten de periode van {case.period_start:%d-%m-%Y} tot en met "
        f"{case.event_date:%d-%m-%Y}.",
    )


def _the_day(case: Case) -> str:
    return "de dag van de afspraak" if case.category == APPOINTMENT else "de dag zelf"


def _absence(case: Case, fact: Fact) -> Finding:
    last = fact.last_day or fact.first_day
    if fact.first_day <= case.event_date <= last:
        return _finding(
            fact, AGAINST, True, f"De cliënt was afwezig en had dat gemeld: {fact.text}"
        )
    span = f"van {fact.first_day:%d-%m-%Y} tot en met {last:%d-%m-%Y}"
    if fact.absence == HOSPITAL and _in_period(case, fact):
        # Health bears on culpability even when the stay ended before the day.
        return _finding(
            fact,
            AGAINST,
            False,
            f"Ziekenhuisopname {span}: valt niet op de dag zelf, maar wel in de periode.",
        )
    return _dropped(
        fact, f"Afwezigheid: {fact.text}", f"Afwezigheid {span} valt buiten {_the_day(case)}."
    )


def _receipt(case: Case, fact: Fact) -> Finding:
    text = f"De cliënt leverde iets in, met bewijs: {fact.text}"
    if not _in_period(case, fact):
        return _outside_period(case, fact, text)
    return _finding(fact, AGAINST, case.category == DOCUMENTS, text)


def _reschedule(case: Case, fact: Fact) -> Finding:
    text = f"De cliënt vroeg om een andere tijd, met bewijs: {fact.text}"
    if not _in_period(case, fact):
        return _outside_period(case, fact, text)
    return _finding(fact, AGAINST, case.category == APPOINTMENT, text)


def _client_contact(case: Case, fact: Fact) -> Finding:
    text = f"De cliënt nam contact op: {fact.text}"
    if not _in_period(case, fact):
        return _outside_period(case, fact, text)
    return _finding(fact, AGAINST, False, text)


def _municipal_miss(case: Case, fact: Fact) -> Finding:
    """A promise the municipality missed: it stops the proposal when staff linked it to the
    obligation (the client may have depended on it); otherwise it weighs."""
    if fact.linked:
        if fact.first_day > case.event_date:
            return _dropped(
                fact,
                f"Toezegging van de gemeente: {fact.text}",
                "De gemeente hoefde dit pas na de datum te doen.",
            )
        return _finding(
            fact,
            AGAINST,
            True,
            f"De gemeente hield zich niet aan een toezegging die bij deze verplichting hoort: "
            f"{fact.text}",
        )
    text = f"De gemeente hield zich niet aan: {fact.text}"
    if not _in_period(case, fact):
        return _outside_period(case, fact, text)
    return _finding(fact, AGAINST, False, text)


def _municipal_kept(case: Case, fact: Fact) -> Finding:
    """A linked promise of the municipality that was not missed."""
    return _dropped(
        fact, f"Toezegging van de gemeente: {fact.text}", "De gemeente was hier niet te laat mee."
    )


def _letter(case: Case, fact: Fact) -> Finding:
    text = f"Brief '{fact.text}'"
    if fact.purpose not in _INFORMING_PURPOSES.get(case.category, set()):
        return _dropped(fact, text, "Deze brief gaat niet over dit soort verplichting.")
    if not _before_event(case, fact):
        return _dropped(fact, text, "Brief verstuurd na de datum.")
    if fact.first_day < letters_from(case.period_start):
        return _dropped(
            fact,
            text,
            f"Brief verstuurd meer dan {LETTER_LEAD_DAYS} dagen voor het begin van de periode.",
        )
    problems = [
        problem
        for ok, problem in (
            (fact.delivered, "kwam niet aan"),
            (fact.opened, "is niet geopend"),
            (fact.in_language, "was er niet in de taal van de cliënt"),
            (fact.plain_enough, "was niet in eenvoudige taal en er is niets anders gedaan"),
        )
        if not ok
    ]
    if problems:
        return _finding(fact, AGAINST, False, f"{text} " + ", ".join(problems) + ".")
    return _finding(fact, FOR, False, f"{text} kwam aan en is geopend.")


def _obstacle(case: Case, fact: Fact) -> Finding:
    text = f"In het plan staat iets wat in de weg zit: {fact.text}"
    if fact.obstacle not in _RELEVANT_OBSTACLES.get(case.category, set()):
        return _dropped(fact, text, "Dit soort belemmering raakt deze verplichting niet.")
    return _finding(fact, AGAINST, False, text)


def _missed(case: Case, fact: Fact) -> Finding:
    """The obligation itself: the commitment or appointment the client did not keep."""
    return _finding(fact, FOR, False, fact.text)


def _kept(case: Case, fact: Fact) -> Finding:
    """The linked appointment or promise was held, moved, done or excused: not missed at all."""
    return _finding(fact, AGAINST, True, f"Volgens het dossier is dit niet gemist: {fact.text}")


_WEIGHERS = {
    "absence": _absence,
    "receipt": _receipt,
    "reschedule": _reschedule,
    "client_contact": _client_contact,
    "municipal_miss": _municipal_miss,
    "municipal_kept": _municipal_kept,
    "letter": _letter,
    "obstacle": _obstacle,
    "missed": _missed,
    "kept": _kept,
}
