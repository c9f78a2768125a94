"""Which breach this is: first, second, or third and later. Pure: the service passes the
client's earlier sanctions that still stand; this module counts.

Participatiewet art. 18 (text as in force since 1 January 2015, Wet maatregelen WWB, read in
the version of 1 January 2024):

- lid 2: the municipality reduces assistance per its ordinance (afstemmingsverordening) for
  breaches of obligations of this law, except art. 17 lid 1 (the information duty). A breach
  of the information duty is never a reduction (see `is_information_duty`); it leads to
  suspension and recovery (art. 54, art. 58) instead.
- lid 4: for the obligations listed there (a to i: accepting or keeping work, the temping
  agency, travel, moving, using offered provisions and cooperating with an assessment of the
  possibilities for work, ...) the reduction follows lid 5, 6 and 7. These are counted
  together: refusing work and then skipping a work-capacity assessment is a repeat.
- lid 5: first breach: 100% for a period the ordinance sets, from 1 to 3 months.
- lid 6: a new lid 4 breach within twelve months after assistance was reduced under lid 5:
  100% for a period the ordinance sets, at most 3 months.
- lid 7: a new lid 4 breach within twelve months after assistance was reduced under lid 6:
  100% for 3 months. A breach within twelve months after a lid 7 reduction is again lid 7.

The twelve months run from when the earlier sanction was imposed (the decision), not from the
earlier breach. For obligations outside lid 4 the ordinance's own repeat rule applies per row
of the table; this municipality counts it the same way (same obligation, within twelve months
after the earlier sanction was imposed), and it goes no higher than the row's repeat terms.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

FIRST, SECOND, THIRD = 1, 2, 3
WINDOW_MONTHS = 12
LAW_THIRD_PERCENTAGE, LAW_THIRD_MONTHS = 100, 3  # art. 18 lid 7

_STATUTORY = re.compile(r"^Pw art\. 18 lid 4 onder [a-i]$")
_INFORMATION_DUTY = re.compile(r"^Pw art\. 17 lid 1\b")
_ARTICLE = re.compile(r"^Pw art\. \d+[a-z]?( lid \d+)?( onder [a-z])?$")


def is_article(article: str) -> bool:
    """A Participatiewet article as the table writes it: 'Pw art. 18 lid 4 onder a'."""
    return bool(_ARTICLE.match(article.strip()))


def is_statutory(article: str) -> bool:
    """One of the obligations of art. 18 lid 4, which the law counts together."""
    return bool(_STATUTORY.match(article.strip()))


def is_information_duty(article: str) -> bool:
    """The information duty of art. 17 lid 1, which art. 18 lid 2 excludes from reductions."""
    return bool(_INFORMATION_DUTY.match(article.strip()))


def months_later(day: date, months: int) -> date:
    """The same day `months` later; the last day of the month when that day does not exist."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Earlier:
    """An earlier sanction that still stands (decided, and not withdrawn on objection)."""

    key: int
    code: str
    statutory: bool
    breach_on: date
    imposed_on: date


@dataclass(frozen=True)
class Count:
    breach: int  # FIRST, SECOND or THIRD (third and later)
    earlier: tuple[int, ...]  # the keys of the earlier sanctions that make it a repeat

    @property
    def repeat(self) -> bool:
        return self.breach > FIRST


def within_window(earlier: Earlier, breach_on: date) -> bool:
    """The breach falls within twelve months after the earlier sanction was imposed."""
    return earlier.imposed_on < breach_on <= months_later(earlier.imposed_on, WINDOW_MONTHS)


def count(*, code: str, statutory: bool, breach_on: date, history: Iterable[Earlier]) -> Count:
    """Which breach a new breach on `breach_on` is, given the sanctions that still stand."""
    relevant = sorted(
        (e for e in history if (e.statutory if statutory else e.code == code)),
        key=lambda e: (e.imposed_on, e.key),
    )
    if not statutory:
        found = [e for e in relevant if within_window(e, breach_on)]
        return Count(SECOND, (found[-1].key,)) if found else Count(FIRST, ())
    return _chain(breach_on, relevant)


def _chain(breach_on: date, history: list[Earlier]) -> Count:
    """Lid 6 and 7 follow each other: the earlier sanction's own place in the chain counts.

    Each earlier sanction's place is counted from the sanctions imposed before its own breach,
    so that a sanction withdrawn on objection drops out of the chain everywhere."""
    places: dict[int, Count] = {}
    for item in history:
        places[item.key] = _next(item.breach_on, [e for e in history if e.key in places], places)
    return _next(breach_on, history, places)


def _next(breach_on: date, history: list[Earlier], places: dict[int, Count]) -> Count:
    best = Count(FIRST, ())
    for earlier in history:
        if not within_window(earlier, breach_on):
            continue
        before = places[earlier.key]
        candidate = Count(min(before.breach + 1, THIRD), (*before.earlier, earlier.key))
        if candidate.breach >= best.breach:
            best = candidate
    return best


def terms(
    count_: Count, *, statutory: bool, first: tuple[int, int], repeat: tuple[int, int]
) -> tuple[int, int]:
    """Percentage and months: the table's row for a first or second breach, the law for the
    third and later breach of a lid 4 obligation."""
    if statutory and count_.breach >= THIRD:
        return LAW_THIRD_PERCENTAGE, LAW_THIRD_MONTHS
    return repeat if count_.repeat else first
