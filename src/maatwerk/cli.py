"""The `maatwerk` command: Django's management commands plus Maatwerk's own.

maatwerk demo                 create the demo municipality (once)
maatwerk serve                web server and one background worker
maatwerk worker               one background worker (Django Tasks, database queue)
maatwerk clock                queue the periodic tasks (escalation) every few minutes
maatwerk commitments escalate one escalation run now
maatwerk terms penalty ...    compute a decision term and penalty by hand (--json)
maatwerk calendar show        the Algemene termijnenwet days of a year; add-decree loads a decree
maatwerk clients import F     import clients from a CSV file
maatwerk bench generate       generate a large municipality for benchmarks
maatwerk <django command>     migrate, createsuperuser, shell, ...
"""

from __future__ import annotations

import os
import sys

_ALIASES = {"worker": ["db_worker"]}


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maatwerk.settings")
    from django.core.management import execute_from_command_line

    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in _ALIASES:
        args = _ALIASES[args[0]] + args[1:]
    execute_from_command_line(["maatwerk", *args])


if __name__ == "__main__":
    main()
