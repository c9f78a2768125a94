"""Checking the personal data of one client, shared by the import and the forms.

check_client_row() turns raw text fields into a ClientData or a list of Dutch problems, each
saying what to fix. Nothing is written here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from maatwerk.core.rules.bsn import is_valid_bsn, normalise_bsn
from maatwerk.dossiers.models import TargetGroup

_POSTCODE = re.compile(r"^\s*(\d{4})\s*([A-Za-z]{2})\s*$")
_LANGUAGE = re.compile(r"^[a-z]{2,3}$")
_DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y")


@dataclass(frozen=True)
class ClientData:
    client_number: str
    bsn: str
    family_name: str
    given_names: str
    birth_date: date
    street: str
    house_number: str
    postcode: str
    city: str
    email: str = ""
    phone: str = ""
    language: str = "nl"
    regisseur: str = ""
    target_groups: list[str] = field(default_factory=list)


def parse_date(text: str) -> date | None:
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    return None


def normalise_postcode(text: str) -> str | None:
    match = _POSTCODE.match(text or "")
    return f"{match.group(1)} {match.group(2).upper()}" if match else None


def check_client_row(raw: dict[str, str], *, today: date) -> tuple[ClientData | None, list[str]]:
    """Check one row; return the clean data, or None and every problem found."""
    problems: list[str] = []
    value = {key: (raw.get(key) or "").strip() for key in raw}

    for key, label in _REQUIRED.items():
        if not value.get(key):
            problems.append(_("The column '%(column)s' is empty. Fill it in.") % {"column": label})

    bsn = normalise_bsn(value.get("bsn", ""))
    if value.get("bsn") and not is_valid_bsn(bsn):
        problems.append(
            _("The BSN '%(bsn)s' is not valid (it fails the 11-test). Check the number.")
            % {"bsn": _mask(value["bsn"])}
        )
    birth_date = parse_date(value.get("geboortedatum", "")) if value.get("geboortedatum") else None
    if value.get("geboortedatum") and (birth_date is None or birth_date > today):
        problems.append(
            _("The birth date '%(value)s' is not a valid date in the past. Write it as YYYY-MM-DD.")
            % {"value": value["geboortedatum"]}
        )
    postcode = normalise_postcode(value.get("postcode", ""))
    if value.get("postcode") and postcode is None:
        problems.append(
            _("The postcode '%(value)s' is not a Dutch postcode. Write it as 1234 AB.")
            % {"value": value["postcode"]}
        )
    if value.get("email"):
        try:
            validate_email(value["email"])
        except ValidationError:
            problems.append(
                _("The e-mail address '%(value)s' is not valid. Correct it or leave it empty.")
                % {"value": value["email"]}
            )
    language = (value.get("taal") or "nl").lower()
    if not _LANGUAGE.match(language):
        problems.append(
            _("The language '%(value)s' is not a language code. Use a code such as nl, en, ar.")
            % {"value": value.get("taal", "")}
        )
    for key, limit in _MAX_LENGTHS.items():
        if len(value.get(key, "")) > limit:
            problems.append(
                _("The column '%(column)s' is longer than %(max)d characters. Shorten it.")
                % {"column": key, "max": limit}
            )
    groups = [
        g.strip().lower() for g in re.split(r"[|/+]", value.get("doelgroepen", "")) if g.strip()
    ]
    unknown = [g for g in groups if g not in TargetGroup.values]
    if unknown:
        problems.append(
            _("Unknown target group '%(value)s'. Use bijstand, wmo, jeugdzorg or schuldhulp.")
            % {"value": ", ".join(unknown)}
        )
    if problems or birth_date is None or postcode is None:
        return None, problems
    return (
        ClientData(
            client_number=value["klantnummer"],
            bsn=bsn,
            family_name=value["achternaam"],
            given_names=value["voornamen"],
            birth_date=birth_date,
            street=value["straat"],
            house_number=value["huisnummer"],
            postcode=postcode,
            city=value["woonplaats"],
            email=value.get("email", ""),
            phone=value.get("telefoon", ""),
            language=language,
            regisseur=value.get("regisseur", ""),
            target_groups=groups,
        ),
        [],
    )


def _mask(bsn: str) -> str:
    """Show only the last three digits of a BSN in messages that may end up on a screen."""
    return "******" + bsn.strip()[-3:] if len(bsn.strip()) > 3 else "***"


_REQUIRED = {
    "klantnummer": "klantnummer",
    "bsn": "bsn",
    "achternaam": "achternaam",
    "voornamen": "voornamen",
    "geboortedatum": "geboortedatum",
    "straat": "straat",
    "huisnummer": "huisnummer",
    "postcode": "postcode",
    "woonplaats": "woonplaats",
}

# The limits of the database columns (dossiers.models.Client).
_MAX_LENGTHS = {
    "klantnummer": 20,
    "achternaam": 120,
    "voornamen": 120,
    "straat": 120,
    "huisnummer": 20,
    "woonplaats": 80,
    "email": 254,
    "telefoon": 30,
}

COLUMNS = [
    "klantnummer",
    "bsn",
    "achternaam",
    "voornamen",
    "geboortedatum",
    "straat",
    "huisnummer",
    "postcode",
    "woonplaats",
    "email",
    "telefoon",
    "taal",
    "regisseur",
    "doelgroepen",
]
