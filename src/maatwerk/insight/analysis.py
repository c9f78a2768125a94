"""Which factors in plans go with faster outflow to work: Kaplan-Meier curves by trajectory
template and by obstacle, and a Cox model, on the research dataset (`research.rows`)."""

from __future__ import annotations

from dataclasses import dataclass

from maatwerk.insight import research
from maatwerk.insight.rules import survival

FACTORS = [
    *[f"obstacle_{k}" for k in research.OBSTACLES],
    *[f"provision_{k}" for k in research.PROVISIONS],
    "contacts_per_month",
    "first_contact_in_person",
    "plain_letters",
    "callbacks_on_time",
]
LABELS = {
    **{f"obstacle_{k}": f"belemmering: {k}" for k in research.OBSTACLES},
    **{f"provision_{k}": f"voorziening: {k}" for k in research.PROVISIONS},
    "contacts_per_month": "één contact per maand meer",
    "first_contact_in_person": "eerste contact persoonlijk",
    "plain_letters": "brieven in eenvoudige taal (alle 'goed')",
    "callbacks_on_time": "altijd op tijd teruggebeld",
}


@dataclass(frozen=True)
class Analysis:
    by_template: list[survival.Curve]
    by_obstacle: list[survival.Curve]
    cox: survival.CoxResult
    template_svg: str
    obstacle_svg: str
    ratios_svg: str


def subjects(table: list[dict[str, object]]) -> list[survival.Subject]:
    made = []
    for row in table:
        obstacles = [k for k in research.OBSTACLES if row.get(f"obstacle_{k}")]
        factors = {f"obstacle_{k}": float(row[f"obstacle_{k}"]) for k in research.OBSTACLES}  # type: ignore[arg-type]
        factors |= {f"provision_{k}": float(row[f"provision_{k}"]) for k in research.PROVISIONS}  # type: ignore[arg-type]
        factors["contacts_per_month"] = float(row["contacts_per_month"])  # type: ignore[arg-type]
        factors["first_contact_in_person"] = float(row["first_contact_in_person"])  # type: ignore[arg-type]
        factors["plain_letters"] = float(row["plain_letters_share"] == 1.0)
        factors["callbacks_on_time"] = float(row["callbacks_on_time_share"] == 1.0)
        made.append(
            survival.Subject(
                days=float(row["days"]),  # type: ignore[arg-type]
                work=bool(row["work"]),
                groups={
                    "template": str(row["template"]),
                    "obstacle": obstacles[0]
                    if len(obstacles) == 1
                    else ("meerdere" if obstacles else "geen"),
                },
                factors=factors,
            )
        )
    return made


def analyse(table: list[dict[str, object]] | None = None) -> Analysis:
    people = subjects(research.rows() if table is None else table)
    by_template = survival.kaplan_meier(people, "template")
    by_obstacle = survival.kaplan_meier(people, "obstacle")
    cox = survival.cox(people, FACTORS)
    return Analysis(
        by_template=by_template,
        by_obstacle=by_obstacle,
        cox=cox,
        template_svg=survival.curves_svg(by_template, title="Tijd tot werk per trajectsjabloon")
        if by_template
        else "",
        obstacle_svg=survival.curves_svg(by_obstacle, title="Tijd tot werk per belemmering")
        if by_obstacle
        else "",
        ratios_svg=survival.ratios_svg(cox, LABELS, title="Factoren en sneller werk (hazard ratio)")
        if cox.ratios
        else "",
    )
