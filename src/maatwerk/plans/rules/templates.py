"""Plan templates as text: one typical step per line, parsed without Django.

    gemeente | Wij zoeken samen een taalcursus die bij u past | 2
    cliënt   | U gaat naar de eerste les                      | 6

The party (gemeente or cliënt), what, and the number of weeks after the start of the plan.
"""

from __future__ import annotations

from dataclasses import dataclass

PARTIES = {"gemeente": "municipality", "cliënt": "client", "client": "client"}
MAX_WEEKS = 104


@dataclass(frozen=True)
class TemplateStep:
    party: str
    description: str
    weeks: int


@dataclass(frozen=True)
class LineProblem:
    line: int
    code: str


def parse_steps(text: str) -> tuple[list[TemplateStep], list[LineProblem]]:
    steps: list[TemplateStep] = []
    problems: list[LineProblem] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = [part.strip() for part in line.split("|")]
        if len(parts) != 3:
            problems.append(LineProblem(number, "columns"))
            continue
        party, description, weeks = parts
        if party.lower() not in PARTIES:
            problems.append(LineProblem(number, "party"))
        elif not description:
            problems.append(LineProblem(number, "description"))
        elif not weeks.isdigit() or not 0 <= int(weeks) <= MAX_WEEKS:
            problems.append(LineProblem(number, "weeks"))
        else:
            steps.append(TemplateStep(PARTIES[party.lower()], description, int(weeks)))
    if not steps and not problems:
        problems.append(LineProblem(0, "empty"))
    return steps, problems
