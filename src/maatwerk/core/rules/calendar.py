"""Working days in the Netherlands, as the Algemene termijnenwet (Atw) counts them: pure, no Django.

Algemene termijnenwet (Wet van 25 juli 1964, Stb. 1964, 314), text in force since 10 October 2010
(per nl.wikipedia.org/wiki/Algemene_termijnenwet its last change: it then also applies in Bonaire,
Sint Eustatius and Saba). Art. 1, 3 lid 1-3 quoted 2026-12-04 from
https://staatsrechtpraktijk.nl/nieuwjaarsdag-en-kerstmis-in-het-staatsrecht/ (art. 1 lid 1, art. 3
lid 1-2) and https://wvhl.nl/algemeen/de-algemene-termijnenwet (art. 3 lid 1-3); not compared with
wetten.overheid.nl (BWBR0002448) from here.

- Art. 1 lid 1: a term set in a law that ends on a Saturday, Sunday or "algemeen erkende
  feestdag" runs on to and including the next day that is none of those.
- Art. 2: a term of at least three days is extended so that it holds at least two days that are
  not a Saturday, Sunday or algemeen erkende feestdag.
- Art. 3 lid 1: the algemeen erkende feestdagen are New Year's Day, Easter Monday and Whit Monday,
  both Christmas days, Ascension Day, the day the King's birthday is celebrated, and 5 May (every
  year). Computed here per year: Easter by the Gregorian computus; King's Day is 27 April, or 26
  April when the 27th is a Sunday (KB of 30 January 2013, Stcrt. 2013, 4075, from 2014); before
  2014 Queen's Day, 30 April, or 29 April when the 30th is a Sunday.
- Art. 3 lid 2: Good Friday is equated with those days.
- Art. 3 lid 3: the Crown can equate other days; each decree is published in the Staatscourant,
  in practice for three years at a time. Those days are data, not rules: `atw_decrees.json` next
  to this module lists each decree with its source. A year without a loaded decree is reported
  (`unloaded_years`), never guessed: its extra days are simply missing until someone loads them
  with `maatwerk calendar add-decree`.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Any

SHIPPED_DECREES = Path(__file__).with_name("atw_decrees.json")
_decree_file: Path = SHIPPED_DECREES


class DecreeError(ValueError):
    """A decree that cannot be used; `code` says which rule it breaks, `detail` what was wrong."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail


@dataclass(frozen=True)
class Decree:
    """A royal decree under Atw art. 3 lid 3: the days it equates with a public holiday."""

    title: str
    staatscourant: str
    first_year: int
    last_year: int
    days: tuple[date, ...]
    source: str
    signed_on: date | None = None
    note: str = ""

    @property
    def years(self) -> range:
        return range(self.first_year, self.last_year + 1)

    def as_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "staatscourant": self.staatscourant,
            "signed_on": self.signed_on.isoformat() if self.signed_on else None,
            "years": [self.first_year, self.last_year],
            "days": [day.isoformat() for day in self.days],
            "source": self.source,
            "note": self.note,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Decree:
        try:
            first, last = (int(year) for year in data["years"])
            signed = data.get("signed_on")
            return cls(
                title=str(data["title"]),
                staatscourant=str(data.get("staatscourant", "")),
                first_year=first,
                last_year=last,
                days=tuple(sorted(date.fromisoformat(day) for day in data["days"])),
                source=str(data.get("source", "")),
                signed_on=date.fromisoformat(signed) if signed else None,
                note=str(data.get("note", "")),
            )
        except (KeyError, TypeError, ValueError) as error:
            raise DecreeError("unreadable_decree", repr(error)) from error


# --- Art. 3 lid 1 and 2: computed per year -------------------------------------------------


def easter_sunday(year: int) -> date:
    """Western Easter Sunday (anonymous Gregorian computus, Meeus/Jones/Butcher)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return date(year, month, day + 1)


def kings_day(year: int) -> date:
    """The day the King's (before 2014: the Queen's) birthday is celebrated."""
    day = date(year, 4, 27) if year >= 2014 else date(year, 4, 30)
    return day - timedelta(days=1) if day.weekday() == 6 else day


@dataclass(frozen=True)
class AtwDay:
    day: date
    name: str
    source: str


@lru_cache(maxsize=256)
def statutory_days(year: int) -> tuple[AtwDay, ...]:
    """Atw art. 3 lid 1 and lid 2 for `year`, in date order, each with its name and article."""
    easter = easter_sunday(year)
    lid1 = "Atw art. 3 lid 1"
    days = [
        AtwDay(date(year, 1, 1), "Nieuwjaarsdag", lid1),
        AtwDay(easter - timedelta(days=2), "Goede Vrijdag", "Atw art. 3 lid 2"),
        AtwDay(easter + timedelta(days=1), "Tweede Paasdag", lid1),
        AtwDay(kings_day(year), "Koningsdag" if year >= 2014 else "Koninginnedag", lid1),
        AtwDay(date(year, 5, 5), "5 mei", lid1),
        AtwDay(easter + timedelta(days=39), "Hemelvaartsdag", lid1),
        AtwDay(easter + timedelta(days=50), "Tweede Pinksterdag", lid1),
        AtwDay(date(year, 12, 25), "Eerste Kerstdag", lid1),
        AtwDay(date(year, 12, 26), "Tweede Kerstdag", lid1),
    ]
    return tuple(sorted(days, key=lambda atw: atw.day))


# --- Art. 3 lid 3: decrees as data -----------------------------------------------------------


def use_decree_file(path: str | os.PathLike[str] | None) -> None:
    """Read the decrees from `path` from now on (None: the file shipped with Maatwerk).

    The file is read again when it changes on disk: at once in the process that wrote it
    (`maatwerk calendar add-decree`), within a few seconds in every other process.
    """
    global _decree_file
    chosen = Path(path) if path else SHIPPED_DECREES
    _decrees_in(*_file_key(chosen))  # a missing or broken file is refused now, not at a term
    _decree_file = chosen
    _forget_file_check()


# Looking at the file on every working-day question tripled the cost of a term (bench/terms.py),
# so a process looks again at most this often.
_RECHECK_SECONDS = 5.0
_last_check: tuple[float, tuple[str, int, int]] | None = None


def _current_key() -> tuple[str, int, int]:
    global _last_check
    now = time.monotonic()
    if _last_check is None or now - _last_check[0] > _RECHECK_SECONDS:
        _last_check = (now, _file_key(_decree_file))
    return _last_check[1]


def _forget_file_check() -> None:
    global _last_check
    _last_check = None


def decree_file() -> Path:
    return _decree_file


def decrees() -> tuple[Decree, ...]:
    """The loaded decrees, oldest years first."""
    return _decrees_in(*_current_key())


def _file_key(path: Path) -> tuple[str, int, int]:
    try:
        stat = path.stat()
    except OSError as error:
        raise DecreeError("decree_file_missing", str(path)) from error
    return str(path), stat.st_mtime_ns, stat.st_size


@lru_cache(maxsize=8)
def _decrees_in(path: str, _mtime_ns: int, _size: int) -> tuple[Decree, ...]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        items = data["decrees"]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise DecreeError("unreadable_decree", f"{path}: {error}") from error
    loaded: list[Decree] = []
    for item in items:
        decree = Decree.from_json(item)
        check_decree(decree, loaded)
        loaded.append(decree)
    return tuple(sorted(loaded, key=lambda d: d.first_year))


def check_decree(decree: Decree, loaded: tuple[Decree, ...] | list[Decree]) -> None:
    """Refuse a decree that could not be right: see the codes for what each check means."""
    if not decree.title.strip():
        raise DecreeError("title_missing")
    if not decree.staatscourant.strip() and not decree.note.strip():
        # A decree without its Staatscourant reference needs a note that says why.
        raise DecreeError("reference_missing")
    if decree.last_year < decree.first_year:
        raise DecreeError("years_backwards", f"{decree.first_year}-{decree.last_year}")
    if not decree.days:
        raise DecreeError("no_days")
    for day in decree.days:
        if day.year not in decree.years:
            raise DecreeError("day_outside_years", day.isoformat())
        if day.weekday() >= 5 or day in {atw.day for atw in statutory_days(day.year)}:
            raise DecreeError("day_not_a_working_day", day.isoformat())
    for other in loaded:
        if set(decree.years) & set(other.years):
            raise DecreeError("years_overlap", f"{other.first_year}-{other.last_year}")


def decree_for(year: int) -> Decree | None:
    return next((d for d in decrees() if year in d.years), None)


def decree_loaded(year: int) -> bool:
    return year in _loaded_years(_current_key())


@lru_cache(maxsize=8)
def _loaded_years(key: tuple[str, int, int]) -> frozenset[int]:
    return frozenset(year for decree in _decrees_in(*key) for year in decree.years)


def unloaded_years(first: date, last: date) -> tuple[int, ...]:
    """Years in [first.year, last.year] whose art. 3 lid 3 days are not known here."""
    low, high = sorted((first.year, last.year))
    loaded = _loaded_years(_current_key())
    return tuple(year for year in range(low, high + 1) if year not in loaded)


def add_decree_to_file(decree: Decree, path: Path) -> None:
    """Check `decree` against the decrees already in `path` and write it there."""
    data: dict[str, Any] = {"decrees": []}
    if path.exists():
        data = json.loads(path.read_text(encoding="utf-8"))
    existing = [Decree.from_json(item) for item in data["decrees"]]
    check_decree(decree, existing)
    data["decrees"] = [d.as_json() for d in sorted([*existing, decree], key=lambda d: d.first_year)]
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    _forget_file_check()


# --- The calendar ----------------------------------------------------------------------------


@dataclass(frozen=True)
class YearCalendar:
    year: int
    days: tuple[AtwDay, ...]
    decree: Decree | None = field(default=None)


def atw_days(year: int) -> YearCalendar:
    """Every Atw day of `year` with where it comes from, for `maatwerk calendar show`."""
    decree = decree_for(year)
    source = f"Atw art. 3 lid 3, {decree.staatscourant or decree.title}" if decree else ""
    extra = [
        AtwDay(day, "gelijkgestelde dag", source)
        for day in (decree.days if decree else ())
        if day.year == year
    ]
    days = sorted([*statutory_days(year), *extra], key=lambda atw: atw.day)
    return YearCalendar(year=year, days=tuple(days), decree=decree)


# The days per year of the decree file version in `_holidays_key`: a plain dict, because the
# working-day question is asked thousands of times per page of terms.
_holidays_by_year: dict[int, frozenset[date]] = {}
_holidays_key: tuple[str, int, int] | None = None
_holidays_checked_at = float("-inf")


def public_holidays(year: int) -> frozenset[date]:
    """Atw art. 3 lid 1, lid 2 and the loaded lid 3 days of `year`."""
    global _holidays_key, _holidays_checked_at
    if _last_check is None or time.monotonic() - _holidays_checked_at > _RECHECK_SECONDS:
        key = _current_key()
        if key != _holidays_key:
            _holidays_by_year.clear()
            _holidays_key = key
        _holidays_checked_at = time.monotonic()
    days = _holidays_by_year.get(year)
    if days is None:
        days = _holidays_by_year[year] = _days_of(year)
    return days


def _days_of(year: int) -> frozenset[date]:
    decree = decree_for(year)
    return frozenset(
        [atw.day for atw in statutory_days(year)]
        + [day for day in (decree.days if decree else ()) if day.year == year]
    )


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in public_holidays(day.year)


def add_working_days(start: date, count: int) -> date:
    """The date `count` working days after `start` (start itself not counted)."""
    day = start
    remaining = count
    while remaining > 0:
        day += timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    return day


def working_days_between(start: date | datetime, end: date | datetime) -> int:
    """Working days after `start` up to and including `end` (0 when end is not later)."""
    first = start.date() if isinstance(start, datetime) else start
    last = end.date() if isinstance(end, datetime) else end
    if last <= first:
        return 0
    return _weekdays_after(first, last) - sum(
        1
        for year in range(first.year, last.year + 1)
        for day in public_holidays(year)
        if first < day <= last and day.weekday() < 5
    )


def _weekdays_after(first: date, last: date) -> int:
    """Monday-to-Friday days in (first, last], counted in whole weeks plus a remainder."""
    days = (last - first).days
    weeks, rest = divmod(days, 7)
    count = weeks * 5
    for offset in range(1, rest + 1):
        if (first + timedelta(days=offset)).weekday() < 5:
            count += 1
    return count


def subtract_working_days(start: date, count: int) -> date:
    """The date `count` working days before `start`."""
    day = start
    remaining = count
    while remaining > 0:
        day -= timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    return day


class TermUnit(StrEnum):
    CALENDAR_DAYS = "calendar_days"
    WORKING_DAYS = "working_days"
    WEEKS = "weeks"


def term_end(start: date, amount: int, unit: TermUnit, *, statutory: bool = False) -> date:
    """The last day of a term of `amount` units that starts the day after `start`.

    A statutory term (one set in a law) follows the Algemene termijnenwet; other terms, such
    as a date agreed with the client, end where they end.
    """
    if amount < 0:
        raise ValueError("a term cannot be negative")
    if unit == TermUnit.WORKING_DAYS:
        return add_working_days(start, amount)
    last = start + timedelta(days=amount * 7 if unit == TermUnit.WEEKS else amount)
    return atw_last_day(start, last) if statutory else last


def atw_last_day(start: date, last: date) -> date:
    """The last day of a statutory term from `start` to `last`, per the Algemene termijnenwet.

    Art. 1: a term that ends on a Saturday, Sunday or public holiday runs on to the next working
    day. Art. 2: a term of at least three days is extended so that it holds at least two
    working days.
    """
    day = last
    while not is_working_day(day):
        day += timedelta(days=1)
    if (last - start).days >= 3 and working_days_between(start, day) < 2:
        day = add_working_days(start, 2)
    return day
