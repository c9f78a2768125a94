"""The worked examples of docs/law.md, run as tests.

Each example names its rule, the case in words, what the law gives, and how the code is asked.
The table in docs/law.md between the `examples` markers is rendered from this list, so the
document cannot say what the code does not do: after changing an example, run

    .venv/bin/python -m tests.law.test_worked_examples

to write the table again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from maatwerk.commitments.rules.objection import (
    is_timely,
    objection_decision_due,
    objection_period,
)
from maatwerk.commitments.rules.penalty import PenaltyError, penalty_for
from maatwerk.commitments.rules.terms import Suspension, decision_term
from maatwerk.core.rules import calendar
from maatwerk.core.rules.aow import aow_day
from maatwerk.sanctions.rules.repeats import Earlier, count, terms
from maatwerk.sanctions.rules.stay_abroad import Stay, check_stay

LAW_MD = Path(__file__).resolve().parents[2] / "docs" / "law.md"
START, END = "<!-- examples:start -->", "<!-- examples:end -->"


@dataclass(frozen=True)
class Example:
    rule: str
    case: str
    expected: str
    actual: Callable[[], str]


def d(text: str) -> date:
    return date.fromisoformat(text)


def _term_end(received: str, weeks: int = 8) -> str:
    return decision_term(received=d(received), term_weeks=weeks).last_day.isoformat()


def _penalty(received: str, notice: str, decided: str) -> str:
    due = decision_term(received=d(received)).last_day
    try:
        owed = penalty_for(
            decision_due=due, notice_received=d(notice), decided=d(decided), today=d(decided)
        )
    except PenaltyError as error:
        return f"{error.code}, counts from {error.allowed_from}"
    return f"EUR {owed.amount.quantize(Decimal(1))}"


def _suspended(received: str, *periods: tuple[str, str]) -> str:
    term = decision_term(
        received=d(received), suspensions=[Suspension(d(a), d(b)) for a, b in periods]
    )
    return (
        f"{term.suspended_days} days suspended, {term.overlap_days} overlapping, "
        f"ends {term.last_day}"
    )


def _working(day: str) -> str:
    return "working day" if calendar.is_working_day(d(day)) else "not a working day"


def _aow(born: str) -> str:
    found = aow_day(d(born))
    published = "" if found.published else ", not yet published"
    return f"{found.day} ({found.years}y{found.months}m{published})"


def _lost(born: str, first: str, last: str) -> str:
    outcome = check_stay(Stay(d(first), d(last)), [], birth_date=d(born))
    if not outcome.excess_days:
        return "0 days lost"
    return f"{outcome.excess_days} days lost from {outcome.excess_from}"


def _objection_due(sent: str, committee: bool = False) -> str:
    period = objection_period(d(sent))
    due = objection_decision_due(period.last_day, committee=committee)
    return f"period ends {period.last_day}, decision due {due}"


def _timely(sent: str, received: str, posted: str | None = None) -> str:
    period = objection_period(d(sent))
    on_time = is_timely(period, d(received), d(posted) if posted else None)
    return "timely" if on_time else "late"


def _breach(breach_on: str, *earlier: tuple[str, str], statutory: bool = True) -> str:
    history = [
        Earlier(key=n, code="x", statutory=statutory, breach_on=d(b), imposed_on=d(i))
        for n, (b, i) in enumerate(earlier)
    ]
    found = count(code="x", statutory=statutory, breach_on=d(breach_on), history=history)
    percentage, months = terms(found, statutory=statutory, first=(100, 1), repeat=(100, 2))
    return f"breach {found.breach}: {percentage}% for {months} months"


LID_4 = "Pw art. 18 lid 4-7"
ATW = "Atw art. 3"
TERM = "Awb 4:13 + Atw art. 1"
EXAMPLES = [
    Example(ATW, "Good Friday 2026-04-03", "not a working day", lambda: _working("2026-04-03")),
    Example(ATW, "Decree day 2026-05-15", "not a working day", lambda: _working("2026-05-15")),
    Example(ATW, "Bridge day 2026-01-02", "not a working day", lambda: _working("2026-01-02")),
    Example(ATW, "Monday 2026-04-13", "working day", lambda: _working("2026-04-13")),
    Example(
        "Atw art. 3 lid 3",
        "A term from 2029-03-15 to 2029-05-11",
        "warning: 2029 has no decree loaded",
        lambda: (
            "warning: 2029 has no decree loaded"
            if decision_term(received=d("2029-03-15")).calendar_gaps == (2029,)
            else "no warning"
        ),
    ),
    Example(TERM, "Received 2026-02-06, 8 weeks", "2026-04-07", lambda: _term_end("2026-02-06")),
    Example(TERM, "Received 2026-03-20, 8 weeks", "2026-05-18", lambda: _term_end("2026-03-20")),
    Example(TERM, "Received 2028-04-06, 7 weeks", "2028-05-29", lambda: _term_end("2028-04-06", 7)),
    Example(
        "Awb 4:17",
        "Received 2026-02-06, notice 2026-04-07, decided 2026-05-01",
        "notice_premature, counts from 2026-04-08",
        lambda: _penalty("2026-02-06", "2026-04-07", "2026-05-01"),
    ),
    Example(
        "Awb 4:17",
        "Received 2026-02-06, notice 2026-04-08, decided 2026-05-01",
        "EUR 207",
        lambda: _penalty("2026-02-06", "2026-04-08", "2026-05-01"),
    ),
    Example(
        "Awb 4:15",
        "Received 2026-01-05, suspended 01-10..01-19 and 01-15..01-20",
        "11 days suspended, 5 overlapping, ends 2026-03-13",
        lambda: _suspended(
            "2026-01-05", ("2026-01-10", "2026-01-19"), ("2026-01-15", "2026-01-20")
        ),
    ),
    Example(
        "Awb 4:15",
        "Received 2026-01-05, suspended 01-10..01-20 and nested 01-12..01-14",
        "11 days suspended, 3 overlapping, ends 2026-03-13",
        lambda: _suspended(
            "2026-01-05", ("2026-01-10", "2026-01-20"), ("2026-01-12", "2026-01-14")
        ),
    ),
    Example(
        "Awb 6:7, 6:8, 7:10 lid 1",
        "Decision sent 2026-03-02",
        "period ends 2026-04-13, decision due 2026-05-26",
        lambda: _objection_due("2026-03-02"),
    ),
    Example(
        "Awb 7:10 lid 1 (committee)",
        "Decision sent 2026-03-02, advisory committee",
        "period ends 2026-04-13, decision due 2026-07-06",
        lambda: _objection_due("2026-03-02", committee=True),
    ),
    Example(
        "Awb 6:9 lid 2",
        "Sent 2026-03-02, posted 2026-04-13, received 2026-04-18",
        "timely",
        lambda: _timely("2026-03-02", "2026-04-18", "2026-04-13"),
    ),
    Example(
        "Awb 6:9 lid 2",
        "Sent 2026-03-02, posted 2026-04-13, received 2026-04-21",
        "late",
        lambda: _timely("2026-03-02", "2026-04-21", "2026-04-13"),
    ),
    Example(
        LID_4,
        "Earlier lid 4 breach 2025-05-01, imposed 2025-07-01; new breach 2026-06-01",
        "breach 2: 100% for 2 months",
        lambda: _breach("2026-06-01", ("2025-05-01", "2025-07-01")),
    ),
    Example(
        LID_4,
        "Same, new breach 2026-07-02 (12 months after imposition have passed)",
        "breach 1: 100% for 1 months",
        lambda: _breach("2026-07-02", ("2025-05-01", "2025-07-01")),
    ),
    Example(
        LID_4,
        "Imposed 2025-07-01 and 2025-10-01 (a repeat); new breach 2026-01-15",
        "breach 3: 100% for 3 months",
        lambda: _breach("2026-01-15", ("2025-05-01", "2025-07-01"), ("2025-08-01", "2025-10-01")),
    ),
    Example("AOW art. 7a", "Born 1961-02-10", "2028-05-10 (67y3m)", lambda: _aow("1961-02-10")),
    Example("AOW art. 7a", "Born 1959-06-11", "2026-06-11 (67y0m)", lambda: _aow("1959-06-11")),
    Example("AOW art. 7a", "Born 1960-12-31", "2027-12-31 (67y0m)", lambda: _aow("1960-12-31")),
    Example("AOW art. 7a", "Born 1961-01-01", "2028-04-01 (67y3m)", lambda: _aow("1961-01-01")),
    Example(
        "AOW art. 7a",
        "Born 1964-10-01",
        "2032-01-01 (67y3m, not yet published)",
        lambda: _aow("1964-10-01"),
    ),
    Example(
        "Pw art. 13 lid 1 e",
        "Born 1961-02-10, abroad 2028-03-01..2028-04-29",
        "32 days lost from 2028-03-29",
        lambda: _lost("1961-02-10", "2028-03-01", "2028-04-29"),
    ),
    Example(
        "Pw art. 13 lid 1 e",
        "Born 1959-06-11, abroad 2026-06-01..2026-07-30",
        "0 days lost",
        lambda: _lost("1959-06-11", "2026-06-01", "2026-07-30"),
    ),
    Example(
        "Pw art. 13 lid 1 e",
        "Born 1980-01-01, abroad 2026-07-01..2026-07-29",
        "1 days lost from 2026-07-29",
        lambda: _lost("1980-01-01", "2026-07-01", "2026-07-29"),
    ),
]


def render() -> str:
    rows = ["| Rule | Case | The law gives |", "|---|---|---|"]
    rows += [f"| {e.rule} | {e.case} | {e.expected} |" for e in EXAMPLES]
    return "\n".join(rows)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: f"{e.rule}: {e.case}")
def test_the_code_gives_what_the_law_gives(example: Example) -> None:
    assert example.actual() == example.expected


def test_docs_law_md_shows_exactly_these_examples() -> None:
    text = LAW_MD.read_text(encoding="utf-8")
    block = text.split(START, 1)[1].split(END, 1)[0].strip()
    assert block == render(), "run: .venv/bin/python -m tests.law.test_worked_examples"


if __name__ == "__main__":
    text = LAW_MD.read_text(encoding="utf-8")
    before, rest = text.split(START, 1)
    after = rest.split(END, 1)[1]
    LAW_MD.write_text(f"{before}{START}\n{render()}\n{END}{after}", encoding="utf-8")
