"""`maatwerk terms penalty`: compute a decision term and the penalty by hand, as the system does.

For staff, jurists and auditors who want to check a case: the same rules (rules/terms.py and
rules/penalty.py) as the workspace and the portal, with every fact given on the command line.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from maatwerk.commitments.rules.penalty import PenaltyError, penalty_for
from maatwerk.commitments.rules.terms import (
    DEFAULT_TERM_WEEKS,
    Extension,
    Suspension,
    TermError,
    decision_term,
)
from maatwerk.core.management.dates import command_date

_TERM_ERRORS = {
    "suspension_backwards": "Een opschorting eindigt vóór ze begint. Controleer VAN:TOT.",
    "suspension_before_receipt": "Een opschorting begint vóór de ontvangst van de aanvraag.",
    "extension_not_later": "De verlenging moet na het einde van de lopende termijn liggen.",
    "extension_too_late": "De brief over de verlenging is na het einde van de termijn verstuurd.",
    "extension_before_receipt": "De brief over de verlenging ligt vóór de ontvangst.",
    "term_too_short": "De termijn moet minstens 1 week zijn.",
}


def calendar_gap_warning(years: list[int]) -> str:
    """Atw art. 3 lid 3 days of these years are not loaded: the dates may be a day early."""
    return (
        f"Let op: voor {', '.join(map(str, years))} zijn de extra vrije dagen van de Algemene "
        "termijnenwet nog niet geladen. Controleer deze termijn."
    )


def _day(value: str) -> date:
    return command_date(value, example="2026-03-10")


def _period(value: str) -> Suspension:
    first, sep, last = value.partition(":")
    if not sep:
        raise CommandError(
            f"'{value}' is geen periode. Schrijf VAN:TOT, bijvoorbeeld 2026-01-10:2026-01-19."
        )
    return Suspension(_day(first), _day(last))


def _extensions(options: dict[str, Any], received: date) -> list[Extension]:
    if not options["extended_to"]:
        return []
    sent = options["extension_sent"]
    if sent:
        return [Extension(notified_on=_day(sent), extended_to=_day(options["extended_to"]))]
    # Unknown letter date: as if it was sent on the last day of the statutory term, so every
    # suspension before it counts first.
    statutory = decision_term(received=received, term_weeks=options["term_weeks"])
    return [Extension(notified_on=statutory.last_day, extended_to=_day(options["extended_to"]))]


class Command(BaseCommand):
    help = "Decision terms and penalties (Awb 4:13-4:18). `terms penalty --help` for the options."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        penalty = sub.add_parser(
            "penalty", help="The penalty for deciding late on one application."
        )
        penalty.add_argument("--received", required=True, help="day the application arrived")
        penalty.add_argument("--term-weeks", type=int, default=DEFAULT_TERM_WEEKS)
        penalty.add_argument("--extended-to", help="new last day after an extension (4:14)")
        penalty.add_argument(
            "--extension-sent", help="day the extension letter was sent (default: the last day)"
        )
        penalty.add_argument(
            "--suspended", action="append", default=[], help="FROM:TO, both days included (4:15)"
        )
        penalty.add_argument("--notice-received", required=True, help="day the notice arrived")
        penalty.add_argument("--decided", help="day of the decision, if taken")
        penalty.add_argument("--today", help="compute as of this day (default: today)")
        penalty.add_argument("--json", action="store_true", help="print JSON")

    def handle(self, *args: Any, **options: Any) -> None:
        received = _day(options["received"])
        decided = _day(options["decided"]) if options["decided"] else None
        if decided is not None and decided < received:
            raise CommandError("De beslisdatum ligt vóór de ontvangst van de aanvraag.")
        try:
            term = decision_term(
                received=received,
                term_weeks=options["term_weeks"],
                extensions=_extensions(options, received),
                suspensions=[_period(p) for p in options["suspended"]],
            )
        except TermError as error:
            raise CommandError(_TERM_ERRORS.get(error.code, str(error))) from error
        try:
            penalty = penalty_for(
                decision_due=term.last_day,
                notice_received=_day(options["notice_received"]),
                decided=decided,
                today=_day(options["today"]) if options["today"] else timezone.localdate(),
            )
        except PenaltyError as error:
            raise CommandError(
                f"De ingebrekestelling kwam vóór het einde van de termijn ({term.last_day}). "
                f"Een ingebrekestelling telt pas vanaf {error.allowed_from}."
            ) from error
        result: dict[str, object] = penalty.as_json(decision_due=term.last_day)
        gaps = sorted({*term.calendar_gaps, *penalty.calendar_gaps})
        result["calendar_gaps"] = gaps
        if gaps:
            result["warning"] = calendar_gap_warning(gaps)
        if term.overlap_days:
            result["overlap_days"] = term.overlap_days
        if options["json"]:
            self.stdout.write(json.dumps(result, indent=2, ensure_ascii=False))
            return
        for key, value in result.items():
            if key not in {"calendar_gaps", "warning"}:
                self.stdout.write(f"{key:18} {value if value is not None else '-'}")
        if gaps:
            self.stderr.write(calendar_gap_warning(gaps))
