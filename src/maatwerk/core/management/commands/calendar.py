"""`maatwerk calendar`: the Algemene termijnenwet days of a year, and loading a new decree.

show        every Atw day of a year (art. 3 lid 1, lid 2 and the decreed lid 3 days) with its
            source, and which years have no decree loaded;
add-decree  check a royal decree under art. 3 lid 3 and write it into the decree file.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from maatwerk.core.management.dates import command_date
from maatwerk.core.rules import calendar
from maatwerk.core.rules.calendar import Decree, DecreeError

_WEEKDAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]

_DECREE_ERRORS = {
    "title_missing": "Geef de titel van het besluit met --title.",
    "reference_missing": (
        "Geef de vindplaats in de Staatscourant met --staatscourant, bijvoorbeeld "
        "'Stcrt. 2028, 12345'."
    ),
    "years_backwards": (
        "Het laatste jaar ligt vóór het eerste ({detail}). Schrijf --years 2029-2031."
    ),
    "no_days": "Geef minstens één dag met --day JJJJ-MM-DD.",
    "day_outside_years": (
        "De dag {detail} valt buiten de jaren van het besluit. Controleer --years en --day."
    ),
    "day_not_a_working_day": (
        "De dag {detail} is al een zaterdag, zondag of feestdag van de Algemene termijnenwet. "
        "Een besluit stelt alleen werkdagen gelijk: controleer de datum."
    ),
    "years_overlap": (
        "Voor de jaren {detail} is al een besluit geladen. Eén besluit per jaar: "
        "controleer --years."
    ),
    "unreadable_decree": "Het bestand met besluiten is niet te lezen ({detail}).",
    "decree_file_missing": "Het bestand met besluiten bestaat niet: {detail}.",
}


def decree_message(error: DecreeError) -> str:
    return _DECREE_ERRORS.get(error.code, str(error)).format(detail=error.detail)


def _day(value: str) -> date:
    return command_date(value, example="2029-05-11")


def _years(value: str) -> tuple[int, int]:
    first, _sep, last = value.partition("-")
    try:
        return int(first), int(last or first)
    except ValueError as error:
        raise CommandError(
            f"'{value}' zijn geen jaren. Schrijf --years 2029-2031 (of één jaar: 2029)."
        ) from error


class Command(BaseCommand):
    help = "Algemene termijnenwet: the days of a year (show) and loading a decree (add-decree)."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        show = sub.add_parser("show", help="The Atw days of a year and their sources.")
        show.add_argument("--year", type=int, help="default: this year")
        add = sub.add_parser("add-decree", help="Load a decree under Atw art. 3 lid 3.")
        add.add_argument("--title", default="", help="the decree's title")
        add.add_argument("--staatscourant", default="", help="e.g. 'Stcrt. 2028, 12345'")
        add.add_argument("--signed-on", default="", help="signing date, JJJJ-MM-DD, if known")
        add.add_argument("--years", required=True, help="the years it covers, e.g. 2029-2031")
        add.add_argument("--day", action="append", default=[], help="an equated day (repeat)")
        add.add_argument("--source", default="", help="where the text was found (URL)")
        add.add_argument("--file", help="decree file to write (default: the one in use)")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "show":
            self._show(options["year"] or timezone.localdate().year)
        else:
            self._add(options)

    def _show(self, year: int) -> None:
        try:
            shown = calendar.atw_days(year)
            loaded = calendar.decrees()
        except DecreeError as error:
            raise CommandError(decree_message(error)) from error
        self.stdout.write(f"Algemene termijnenwet, {year}:")
        for atw in shown.days:
            weekday = _WEEKDAYS[atw.day.weekday()]
            self.stdout.write(f"  {atw.day.isoformat()} {weekday:9} {atw.name:20} {atw.source}")
        if shown.decree is None:
            self.stdout.write(
                f"Let op: voor {year} is geen besluit gelijkstelling geladen (art. 3 lid 3). "
                "Laad het met `maatwerk calendar add-decree`."
            )
        else:
            reference = shown.decree.staatscourant or "vindplaats niet gecontroleerd"
            self.stdout.write(f"Besluit: {shown.decree.title} ({reference}).")
        covered = sorted({y for decree in loaded for y in decree.years})
        if covered:
            gaps = calendar.unloaded_years(date(covered[0], 1, 1), date(covered[-1], 1, 1))
            self.stdout.write(f"Besluiten geladen voor: {', '.join(map(str, covered))}.")
            between = "".join(f"{year}, " for year in gaps)
            self.stdout.write(
                f"Geen besluit geladen voor: {between}vóór {covered[0]} en na {covered[-1]}."
            )
        self.stdout.write(f"Bestand: {calendar.decree_file()}")

    def _add(self, options: dict[str, Any]) -> None:
        if not options["title"].strip():
            raise CommandError(decree_message(DecreeError("title_missing")))
        if not options["staatscourant"].strip():
            raise CommandError(decree_message(DecreeError("reference_missing")))
        first, last = _years(options["years"])
        decree = Decree(
            title=options["title"].strip(),
            staatscourant=options["staatscourant"].strip(),
            first_year=first,
            last_year=last,
            days=tuple(sorted(_day(value) for value in options["day"])),
            source=options["source"].strip(),
            signed_on=_day(options["signed_on"]) if options["signed_on"] else None,
        )
        path = Path(options["file"]) if options["file"] else calendar.decree_file()
        try:
            calendar.add_decree_to_file(decree, path)
        except DecreeError as error:
            raise CommandError(decree_message(error)) from error
        except (OSError, ValueError, KeyError) as error:
            raise CommandError(
                f"Het bestand {path} is niet te lezen of te schrijven: {error}"
            ) from error
        self.stdout.write(
            f"Besluit geladen voor {first}-{last} ({len(decree.days)} dagen) in {path}."
        )
