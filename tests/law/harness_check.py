"""A pytest plugin to check the harness itself, not the law (never loaded by the normal suite).

    PYTHONPATH=src:. pytest -p tests.law.harness_check tests/law/test_law_day_by_day.py

- Always: where the calendar lacks ``decree_loaded``/``unloaded_years`` (main before issue 18),
  supply them from the oracle's known years, so the properties behind them run.
- ORACLE_WITH_PROJECT_HOLIDAYS=1: the oracle walks over the project's own holiday list; what
  still fails is a difference in reading the terms, not in the calendar.
- ORACLE_FAKE_PROJECT=1: replace the project's rule functions with the oracle; every test must
  pass, which shows the harness can pass and how long the file takes when nothing fails early.
"""

from maatwerk.core.rules import calendar
from tests.law import oracle

if not hasattr(calendar, "decree_loaded"):
    calendar.decree_loaded = lambda year: year in oracle.KNOWN_YEARS
    calendar.unloaded_years = lambda first, last: tuple(
        y for y in range(first, last + 1) if y not in oracle.KNOWN_YEARS
    )

import os

if os.environ.get("ORACLE_WITH_PROJECT_HOLIDAYS"):
    # Harness check: the oracle's walks over the project's own holiday list, so that what is
    # left over is a difference in the reading of the terms, not in the calendar.
    oracle.atw_days = lambda year: frozenset(calendar.public_holidays(year))

if os.environ.get("ORACLE_FAKE_PROJECT"):
    # Harness check: a "project" that is the oracle itself must pass every test, and shows the
    # runtime of the file when nothing fails early.
    import sys
    import types
    from dataclasses import dataclass
    from datetime import date, timedelta

    from maatwerk.commitments.rules import penalty as penalty_module
    from maatwerk.commitments.rules import terms as terms_module
    from maatwerk.sanctions.rules import stay_abroad as stay_module

    def public_holidays(year):
        if year in oracle.KNOWN_YEARS:
            return oracle.atw_days(year)
        return oracle.lid_1_days(year) | oracle.lid_2_days(year)

    calendar.public_holidays = public_holidays
    calendar.is_working_day = lambda day: (
        day.isoweekday() < 6 and day not in public_holidays(day.year)
    )
    calendar.atw_last_day = oracle.atw_end

    def term_end(start, amount, unit, statutory=False):
        days = amount * 7 if unit == calendar.TermUnit.WEEKS else amount
        return oracle.atw_end(start, start + timedelta(days=days))

    calendar.term_end = term_end
    calendar.decree_loaded = lambda year: year in oracle.KNOWN_YEARS
    calendar.unloaded_years = lambda first, last: tuple(
        y for y in range(first, last + 1) if y not in oracle.KNOWN_YEARS
    )

    @dataclass
    class Term:
        last_day: date

    terms_module.decision_term = lambda received, term_weeks=8, suspensions=(): Term(
        oracle.decision_term(
            received, [(s.first_day, s.last_day) for s in suspensions], term_weeks
        ).last_day
    )

    class FakePenaltyError(Exception):
        code = "notice_premature"

    def penalty_for(decision_due, notice_received, decided, today):
        try:
            return oracle.penalty(decision_due, notice_received, decided, today)
        except oracle.NoticePremature:
            raise FakePenaltyError from None

    penalty_module.penalty_for = penalty_for
    penalty_module.PenaltyError = FakePenaltyError

    objection = types.ModuleType("maatwerk.commitments.rules.objection")
    objection.objection_period = lambda sent: Term(oracle.objection_period_end(sent))
    objection.is_timely = lambda period, received, posted_on=None: oracle.objection_timely(
        period.last_day, received, posted_on
    )
    objection.objection_decision_due = lambda end, committee=False: oracle.objection_decision_due(
        end, committee
    )
    sys.modules[objection.__name__] = objection

    @dataclass
    class Aow:
        day: date | None
        published: bool

    aow = types.ModuleType("maatwerk.core.rules.aow")
    aow.aow_day = lambda birth: Aow(oracle.aow_day(birth), oracle.aow_day(birth) is not None)
    sys.modules[aow.__name__] = aow

    @dataclass
    class Outcome:
        excess_days: int

    def check_stay(new, others, birth_date):
        spans = [(s.first_day, s.last_day) for s in [new, *others]]
        lost = oracle.lost_days_abroad(spans, birth_date)
        return Outcome(sum(1 for d in lost if new.first_day <= d <= new.last_day))

    stay_module.check_stay = check_stay
