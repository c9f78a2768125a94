"""The objection period and the term to decide on an objection (Awb): pure, no Django.

Sources, text as in force (unchanged since the Awb took effect on 1 January 1994 for 6:7-6:11;
7:10 in its current wording), read on 2026-12-04:

- Awb 6:7: the period to object is six weeks.
- Awb 6:8 lid 1: it starts "met ingang van de dag na die waarop het besluit op de voorgeschreven
  wijze is bekendgemaakt": the day after the decision letter was sent.
- Awb 6:9 lid 1: an objection is in time when it is received before the end of the period;
  lid 2: sent by post, it is in time when it was posted before the end of the period and received
  no later than a week after the period ended.
- Awb 6:11: a late objection is not declared inadmissible when the objector cannot reasonably be
  said to have been at fault (excusable lateness); that is a judgement, so staff make it.
- Awb 7:10 lid 1: decide within six weeks, or twelve when an advisory committee (7:13) hears it,
  counted from the day after the objection period ended; lid 3: deferral by six weeks at most;
  lid 4: further deferral only with consent (of the objector, when no one else is harmed).
  https://rechtspraakbestuursrecht.nl/artikel-710-awb-beslistermijn-bezwaar/ ,
  https://rechtspraakbestuursrecht.nl/artikel-69-awb-verzendtheorie-bezwaar-en-beroep/ ,
  https://pgawb.nl/pg-awb-digitaal/hoofdstuk-6/6-2-overige-algemene-bepalingen-2/artikel-611/

Both the objection period and the decision term are set in a law, so the Algemene termijnenwet
applies: a last day on a Saturday, Sunday or Atw holiday moves to the next working day. The
decision term counts from that (moved) last day of the objection period. The week of 6:9 lid 2
is counted in plain days from that same last day.

Worked example: decision sent Monday 2 March 2026; the period runs from 3 March to Monday
13 April 2026; an objection received on 10 March is in time; the decision on it is due six weeks
after 13 April, on 25 May 2026, Whit Monday, so Tuesday 26 May 2026.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from maatwerk.core.rules.calendar import TermUnit, term_end

OBJECTION_PERIOD_WEEKS = 6  # Awb 6:7
POSTED_GRACE_DAYS = 7  # Awb 6:9 lid 2: "niet later dan een week na afloop van de termijn"
DECISION_WEEKS = 6  # Awb 7:10 lid 1
COMMITTEE_WEEKS = 12  # Awb 7:10 lid 1, with an advisory committee (7:13)
DEFERRAL_WEEKS = 6  # Awb 7:10 lid 3


@dataclass(frozen=True)
class ObjectionPeriod:
    """The days on which an objection can be made: `first_day` to `last_day`, both included."""

    sent: date
    first_day: date
    last_day: date

    def is_over_on(self, day: date) -> bool:
        return day > self.last_day


def objection_period(sent: date) -> ObjectionPeriod:
    """Awb 6:7 and 6:8 lid 1: six weeks from the day after the decision was sent (Atw applied)."""
    return ObjectionPeriod(
        sent=sent,
        first_day=sent + timedelta(days=1),
        last_day=term_end(sent, OBJECTION_PERIOD_WEEKS, TermUnit.WEEKS, statutory=True),
    )


def is_timely(period: ObjectionPeriod, received: date, posted_on: date | None = None) -> bool:
    """Awb 6:9: received by the last day; or posted by the last day and received within a week.

    An objection received before the period began is not late (Awb 6:10 covers it), so only the
    end of the period matters here.
    """
    return _timely(period.last_day, received, posted_on)


def _timely(last_day: date, received: date, posted_on: date | None) -> bool:
    if received <= last_day:
        return True
    return (
        posted_on is not None
        and posted_on <= last_day
        and received <= last_day + timedelta(days=POSTED_GRACE_DAYS)
    )


def decision_counts_from(period_end: date, received: date, posted_on: date | None = None) -> date:
    """The day after which the decision term runs.

    Awb 7:10 lid 1: the end of the objection period, also for a letter posted in time that
    arrived in the week after (6:9 lid 2: it is in time). A late objection did not exist when the
    period ended, so its term counts from the day it arrived.
    """
    return period_end if _timely(period_end, received, posted_on) else received


def objection_decision_due(period_end: date, *, committee: bool = False) -> date:
    """Awb 7:10 lid 1: the last day to decide, counted from the day after `period_end` (Atw)."""
    weeks = COMMITTEE_WEEKS if committee else DECISION_WEEKS
    return term_end(period_end, weeks, TermUnit.WEEKS, statutory=True)


def latest_deferral(statutory_due: date) -> date:
    """Awb 7:10 lid 3: the latest day a deferral without consent may move the decision to.

    The deferred term is still a term set in a law, so the Atw moves its end off a weekend or
    holiday as well."""
    return term_end(statutory_due, DEFERRAL_WEEKS, TermUnit.WEEKS, statutory=True)
