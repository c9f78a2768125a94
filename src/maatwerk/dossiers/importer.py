"""Importing clients from the municipality's current system (CSV).

Reads the file (UTF-8 with or without BOM, or Windows-1252; `;` or `,`), checks every row
first, and imports only when the whole file is correct: one bad row means nothing changes, and
every problem is reported with its line number. Re-importing the same file changes nothing.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from maatwerk.core import events
from maatwerk.core.models import Role
from maatwerk.dossiers import services
from maatwerk.dossiers.clientdata import COLUMNS, ClientData, check_client_row
from maatwerk.dossiers.errors import DossierError
from maatwerk.dossiers.models import Client, bsn_digest
from maatwerk.dossiers.queries import regisseur_of
from maatwerk.dossiers.services import bsn_differs_message

REQUIRED_COLUMNS = [*COLUMNS[:9], "regisseur"]


@dataclass
class Problem:
    line: int
    message: str


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    problems: list[Problem] = field(default_factory=list)


class ImportFileError(DossierError):
    """The file as a whole cannot be read."""


def decode(raw: bytes) -> str:
    if not raw.strip():
        raise ImportFileError(_("The file is empty. Export the clients again and use that file."))
    if b"\x00" in raw[:4096]:
        raise ImportFileError(
            _("This is not a text file (is it a spreadsheet?). Save it as CSV and try again.")
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise ImportFileError(
            _("The characters in this file cannot be read. Save it as CSV in UTF-8 and try again.")
        ) from exc


def parse(text: str) -> list[tuple[int, dict[str, str]]]:
    """Rows with their line number in the file; the header row is line 1."""
    first_line = text.splitlines()[0] if text.splitlines() else ""
    delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    headers = [h.strip().lower() for h in (reader.fieldnames or [])]
    missing = [c for c in REQUIRED_COLUMNS if c not in headers]
    if missing:
        raise ImportFileError(
            _(
                "The file misses the column(s) %(missing)s. The first line must name the columns: "
                "%(columns)s."
            )
            % {"missing": ", ".join(missing), "columns": ";".join(COLUMNS)}
        )
    reader.fieldnames = headers
    rows = []
    for row in reader:
        if not any((v or "").strip() for k, v in row.items() if k is not None):
            continue
        rows.append((reader.line_num, {k: (v or "") for k, v in row.items() if k is not None}))
    if not rows:
        raise ImportFileError(_("The file has column names but no clients. Check the export."))
    return rows


def check_all(
    rows: list[tuple[int, dict[str, str]]],
) -> tuple[list[tuple[ClientData, User]], list[Problem]]:
    """Check every row, and the rows against each other and the register; write nothing.

    Every problem of every row is reported, so one run shows all that needs fixing.
    """
    today = timezone.localdate()
    consultants = {
        u.username.lower(): u
        for u in User.objects.filter(staff__role__in=[Role.CONSULTANT, Role.TEAM_LEAD])
    }
    checked = [(line, raw, *check_client_row(raw, today=today)) for line, raw in rows]
    register = _Register([data for _, _, data, _ in checked if data is not None])
    problems: list[Problem] = []
    good: list[tuple[ClientData, User]] = []
    first_line_of: dict[str, int] = {}
    for line, raw, data, row_problems in checked:
        problems.extend(Problem(line, p) for p in row_problems)
        regisseur = consultants.get((raw.get("regisseur") or "").strip().lower())
        if regisseur is None and (raw.get("regisseur") or "").strip():
            problems.append(Problem(line, _unknown_regisseur(raw["regisseur"].strip())))
        if data is None:
            continue
        conflicts = _conflicts(data, line, first_line_of) + register.conflicts(data)
        problems.extend(Problem(line, p) for p in conflicts)
        if regisseur is not None and not row_problems and not conflicts:
            good.append((data, regisseur))
    return good, problems


class _Register:
    """The clients already known for the numbers and BSNs in the file, loaded in bulk."""

    def __init__(self, rows: list[ClientData]) -> None:
        numbers = [d.client_number for d in rows]
        digests = [bsn_digest(d.bsn) for d in rows]
        self.digest_by_number: dict[str, str] = {}
        self.number_by_digest: dict[str, str] = {}
        for start in range(0, len(rows), 500):
            known = Client.objects.filter(
                Q(client_number__in=numbers[start : start + 500])
                | Q(bsn_digest__in=digests[start : start + 500])
            ).values_list("client_number", "bsn_digest")
            for number, digest in known:
                self.digest_by_number[number] = digest
                self.number_by_digest[digest] = number

    def conflicts(self, data: ClientData) -> list[str]:
        digest = bsn_digest(data.bsn)
        found = []
        owner = self.number_by_digest.get(digest)
        if owner is not None and owner != data.client_number:
            found.append(
                _("This BSN already belongs to client %(number)s. Check the client number.")
                % {"number": owner}
            )
        recorded = self.digest_by_number.get(data.client_number)
        if recorded is not None and recorded != digest:
            found.append(bsn_differs_message(data.client_number))
        return found


def _conflicts(data: ClientData, line: int, first_line_of: dict[str, int]) -> list[str]:
    """Duplicates within the file."""
    found = []
    number_key, bsn_key = f"number:{data.client_number}", f"bsn:{data.bsn}"
    if number_key in first_line_of:
        found.append(
            _("Client number %(number)s is also on line %(other)d. Each client may appear once.")
            % {"number": data.client_number, "other": first_line_of[number_key]}
        )
    if bsn_key in first_line_of:
        found.append(
            _("This BSN is also on line %(other)d. Each person may appear once.")
            % {"other": first_line_of[bsn_key]}
        )
    first_line_of.setdefault(number_key, line)
    first_line_of.setdefault(bsn_key, line)
    return found


def _unknown_regisseur(username: str) -> str:
    return _(
        "There is no consultant with username '%(name)s'. Check the spelling or add the "
        "employee first."
    ) % {"name": username}


def import_clients(path: Path) -> ImportReport:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ImportFileError(
            _("The file %(name)s cannot be opened. Check the name and the folder.") % {"name": path}
        ) from exc
    rows = parse(decode(raw))
    good, problems = check_all(rows)
    report = ImportReport(problems=problems)
    if problems:
        return report
    # The services publish what they change; collected, the followers act once for the whole
    # file (one sanction check and one recount of the dashboards for all its clients).
    with transaction.atomic(), events.collecting():
        for data, regisseur in good:
            _apply(data, regisseur, report)
    return report


def _apply(data: ClientData, regisseur: User, report: ImportReport) -> None:
    client = (
        Client.objects.filter(client_number=data.client_number).select_related("profile").first()
    )
    if client is None:
        services.create_client(data=data, regisseur=regisseur)
        report.created += 1
        return
    changed = services.update_client(client=client, data=data)
    current = regisseur_of(client, timezone.now())
    if current is None or current.pk != regisseur.pk:
        services.assign_regisseur(
            client=client, regisseur=regisseur, actor=None, reason=_("import")
        )
        changed.append("regisseur")
    if changed:
        report.updated += 1
    else:
        report.unchanged += 1
