"""What an intake search term is: a BSN, a client number, a birth date, a postcode with a house
number, or a name (perhaps with a birth date). Pure, no Django.

`parse_term` decides from the shape of the text alone; dossiers/register.py then looks it up.
A shape that is recognised but wrong (a BSN that fails the 11-proef, 31-02-1980) is reported
as a problem, so the person hears what to correct instead of "nothing found".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from maatwerk.core.rules.bsn import is_valid_bsn, looks_like_bsn, normalise_bsn
from maatwerk.dossiers.rules.names import name_key

# One or two letters of a name would find a large part of the register.
MIN_NAME_LETTERS = 2

_DAY_FIRST = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")
_YEAR_FIRST = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
# 1234 AB, 1234AB 12, 1234 ab 12a, 1234 AB 12-2, 1234AB, 12 bis: Dutch postcodes never start
# with 0.
_ADDRESS = re.compile(
    r"([1-9]\d{3})\s*([a-z]{2})(?:[\s,]*(\d{1,5})(?:\s*-?\s*([a-z0-9]{1,4}))?)?", re.IGNORECASE
)
_CLIENT_NUMBER = re.compile(r"[a-z0-9][a-z0-9./-]*", re.IGNORECASE)
_HOUSE_NUMBER = re.compile(r"\s*(\d+)\s*-?\s*([a-z0-9]*)\s*", re.IGNORECASE)


class SearchedAs(StrEnum):
    NOTHING = "nothing"
    BSN = "bsn"
    CLIENT_NUMBER = "client_number"
    BIRTH_DATE = "birth_date"
    ADDRESS = "address"
    NAME = "name"


class TermProblem(StrEnum):
    NONE = ""
    EMPTY = "empty"
    INVALID_BSN = "invalid_bsn"
    INVALID_DATE = "invalid_date"
    TWO_DATES = "two_dates"
    SHORT_NAME = "short_name"


@dataclass(frozen=True)
class Term:
    """A search term taken apart. `text` is the term as typed; for a BSN it is never shown."""

    searched_as: SearchedAs
    text: str
    problem: TermProblem = TermProblem.NONE
    bsn: str = ""
    birth_date: date | None = None
    postcode: str = ""
    house_number: int | None = None
    house_addition: str = ""
    name: str = ""
    # The date as typed, when it does not exist: the message names it.
    bad_date: str = ""


def parse_term(raw: str) -> Term:
    """What `raw` is, tried in this order: birth date, BSN (8 or 9 digits), postcode with
    house number, client number (one word with a digit), and otherwise a name."""
    text = " ".join(raw.split())
    if not text:
        return Term(SearchedAs.NOTHING, text, TermProblem.EMPTY)
    # A date first: 17-05-1980 has eight digits, as a BSN may.
    if _looks_like_date(text):
        born = parse_birth_date(text)
        if born is None:
            return Term(SearchedAs.BIRTH_DATE, text, TermProblem.INVALID_DATE, bad_date=text)
        return Term(SearchedAs.BIRTH_DATE, text, birth_date=born)
    if looks_like_bsn(text):
        bsn = normalise_bsn(text)
        problem = TermProblem.NONE if is_valid_bsn(bsn) else TermProblem.INVALID_BSN
        return Term(SearchedAs.BSN, text, problem, bsn=bsn)
    address = _ADDRESS.fullmatch(text)
    if address:
        return _address_term(text, address)
    if " " not in text and any(ch.isdigit() for ch in text) and _CLIENT_NUMBER.fullmatch(text):
        return Term(SearchedAs.CLIENT_NUMBER, text)
    return _name_term(text)


def parse_birth_date(text: str) -> date | None:
    """dd-mm-jjjj, d-m-jjjj (with -, / or .) or jjjj-mm-dd; None when no such day exists."""
    day_first = _DAY_FIRST.fullmatch(text)
    year_first = _YEAR_FIRST.fullmatch(text)
    try:
        if day_first:
            day, month, year = map(int, day_first.groups())
            return date(year, month, day)
        if year_first:
            year, month, day = map(int, year_first.groups())
            return date(year, month, day)
    except ValueError:
        return None
    return None


def house_number_parts(text: str) -> tuple[int | None, str]:
    """A stored or typed house number as number and addition: "12-2" is (12, "2")."""
    match = _HOUSE_NUMBER.fullmatch(text)
    if match is None:
        return None, ""
    return int(match.group(1)), match.group(2).upper()


def house_number_matches(number: int, addition: str, stored: str) -> bool:
    """Whether a stored house number is the one asked for. Without an addition any addition
    matches: intake often hears "twelve" for 12A."""
    stored_number, stored_addition = house_number_parts(stored)
    if stored_number != number:
        return False
    return not addition or stored_addition == addition.upper()


def _looks_like_date(text: str) -> bool:
    return bool(_DAY_FIRST.fullmatch(text) or _YEAR_FIRST.fullmatch(text))


def _address_term(text: str, match: re.Match[str]) -> Term:
    digits, letters, number, addition = match.groups()
    return Term(
        SearchedAs.ADDRESS,
        text,
        postcode=f"{digits} {letters.upper()}",
        house_number=int(number) if number else None,
        house_addition=(addition or "").upper(),
    )


def _name_term(text: str) -> Term:
    """A name, with at most one birth date among its words to narrow it down."""
    words = text.split(" ")
    dates = [word for word in words if _looks_like_date(word)]
    name = " ".join(word for word in words if not _looks_like_date(word))
    if len(dates) > 1:
        return Term(SearchedAs.NAME, text, TermProblem.TWO_DATES, name=name)
    born = parse_birth_date(dates[0]) if dates else None
    if dates and born is None:
        return Term(SearchedAs.NAME, text, TermProblem.INVALID_DATE, name=name, bad_date=dates[0])
    if len(name_key(name).replace(" ", "")) < MIN_NAME_LETTERS:
        return Term(SearchedAs.NAME, text, TermProblem.SHORT_NAME, birth_date=born, name=name)
    return Term(SearchedAs.NAME, text, birth_date=born, name=name)
