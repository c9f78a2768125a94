"""Time to work: Kaplan-Meier curves per group and a Cox proportional-hazards model of the
factors in plans (lifelines), with plain-Dutch caveats, and charts drawn on the server.
No Django. Association, not cause: the caveats say so on every page."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

import altair as alt  # type: ignore[import-untyped]
import pandas as pd  # type: ignore[import-untyped]
import vl_convert as vlc  # type: ignore[import-untyped]
from lifelines import CoxPHFitter, KaplanMeierFitter  # type: ignore[import-untyped]

MIN_GROUP = 20
OTHER = "overig"


@dataclass(frozen=True)
class Subject:
    days: float
    work: bool
    groups: dict[str, str]
    factors: dict[str, float]


@dataclass(frozen=True)
class Curve:
    label: str
    n: int
    events: int
    points: list[tuple[float, float]]
    median_days: float | None


def _comma(value: float, digits: int = 1) -> str:
    return f"{value:.{digits}f}".replace(".", ",")


@dataclass(frozen=True)
class Ratio:
    factor: str
    hazard_ratio: float
    low: float
    high: float
    p: float
    n_with: int

    def plain(self, labels: dict[str, str]) -> str:
        label = labels.get(self.factor, self.factor)
        return (
            f"Cliënten met {label} vonden {_comma(self.hazard_ratio)} keer zo snel werk "
            f"(95%-betrouwbaarheid {_comma(self.low)} tot {_comma(self.high)}; "
            f"{self.n_with} cliënten)."
        )


@dataclass(frozen=True)
class CoxResult:
    ratios: list[Ratio]
    n: int
    events: int
    concordance: float
    caveats: list[str]


BASE_CAVEATS = [
    "Samenhang is geen oorzaak: deze cijfers laten zien wat samengaat met sneller werk, niet "
    "wat het veroorzaakt.",
    "Consulenten kiezen voorzieningen en aanpak per cliënt; groepen verschillen daardoor ook "
    "op dingen die hier niet gemeten zijn.",
]


def kaplan_meier(subjects: list[Subject], by: str, *, min_group: int = MIN_GROUP) -> list[Curve]:
    groups: dict[str, list[Subject]] = {}
    for s in subjects:
        groups.setdefault(s.groups.get(by, OTHER), []).append(s)
    small = [label for label, members in groups.items() if len(members) < min_group]
    if small:
        merged = [s for label in small for s in groups.pop(label)]
        if len(merged) >= min_group:
            groups[OTHER if OTHER not in groups else f"{OTHER} (samen)"] = merged
    curves = []
    for label, members in sorted(groups.items()):
        fitter = KaplanMeierFitter()
        fitter.fit([s.days for s in members], event_observed=[s.work for s in members])
        frame = fitter.survival_function_
        points = [(float(t), float(v)) for t, v in zip(frame.index, frame.iloc[:, 0], strict=True)]
        median = float(fitter.median_survival_time_)
        curves.append(
            Curve(
                label=label,
                n=len(members),
                events=sum(1 for s in members if s.work),
                points=points,
                median_days=None if math.isinf(median) else median,
            )
        )
    return curves


def cox(
    subjects: list[Subject],
    factors: list[str],
    *,
    min_group: int = MIN_GROUP,
    penalizer: float = 0.01,
) -> CoxResult:
    caveats = list(BASE_CAVEATS)
    if not subjects:
        return CoxResult([], 0, 0, 0.0, [*caveats, "Er zijn nog geen gegevens voor deze analyse."])
    frame = pd.DataFrame(
        [
            {
                **{f: s.factors.get(f, 0.0) for f in factors},
                "days": max(s.days, 0.5),
                "work": int(s.work),
            }
            for s in subjects
        ]
    )
    usable, left_out = [], []
    for f in factors:
        with_it = int((frame[f] != 0).sum())
        if with_it < min_group or frame[f].nunique() < 2 or len(frame) - with_it < min_group:
            left_out.append(f)
        else:
            usable.append(f)
    if left_out:
        caveats.append(
            f"Te weinig cliënten (minder dan {min_group}) om iets te zeggen over: "
            + ", ".join(left_out)
            + "."
        )
    events = int(frame["work"].sum())
    if not usable or events < min_group:
        caveats.append("Er zijn te weinig cliënten of uitstroom naar werk voor een model.")
        return CoxResult([], len(frame), events, 0.0, caveats)
    fitter = CoxPHFitter(penalizer=penalizer)
    fitter.fit(frame[[*usable, "days", "work"]], duration_col="days", event_col="work")
    summary = fitter.summary
    ratios = [
        Ratio(
            factor=f,
            hazard_ratio=float(summary.loc[f, "exp(coef)"]),
            low=float(summary.loc[f, "exp(coef) lower 95%"]),
            high=float(summary.loc[f, "exp(coef) upper 95%"]),
            p=float(summary.loc[f, "p"]),
            n_with=int((frame[f] != 0).sum()),
        )
        for f in usable
    ]
    ratios.sort(key=lambda r: r.hazard_ratio, reverse=True)
    return CoxResult(ratios, len(frame), events, float(fitter.concordance_index_), caveats)


def _svg(chart: alt.Chart, title: str) -> str:
    svg = vlc.vegalite_to_svg(chart.to_json())
    safe = title.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
    return svg.replace("<svg", f'<svg role="img" aria-label="{safe}"', 1)


def curves_svg(curves: list[Curve], *, title: str) -> str:
    values = [{"groep": c.label, "dagen": t, "aandeel": v} for c in curves for t, v in c.points]
    chart = (
        alt.Chart(alt.Data(values=values))  # type: ignore[no-untyped-call]
        .mark_line(interpolate="step-after")
        .encode(
            x=alt.X("dagen:Q", title="dagen"),
            y=alt.Y("aandeel:Q", title="aandeel nog zonder werk", scale=alt.Scale(domain=[0, 1])),
            color=alt.Color("groep:N", title=None),
            strokeDash=alt.StrokeDash("groep:N", title=None),
        )
        .properties(width=460, height=240, title=title)
    )
    return _svg(chart, title)


def ratios_svg(result: CoxResult, labels: dict[str, str], *, title: str) -> str:
    values = [
        {
            "factor": labels.get(r.factor, r.factor),
            "hr": r.hazard_ratio,
            "low": r.low,
            "high": r.high,
        }
        for r in result.ratios
    ]
    base = alt.Chart(alt.Data(values=values))  # type: ignore[no-untyped-call]
    y = alt.Y("factor:N", title=None, sort=None)
    scale = alt.Scale(type="log")
    rule = base.mark_rule().encode(
        y=y, x=alt.X("low:Q", scale=scale, title="hazard ratio (log)"), x2="high:Q"
    )
    point = base.mark_point(filled=True, size=60).encode(y=y, x=alt.X("hr:Q", scale=scale))
    one = alt.Chart(alt.Data(values=[{"x": 1}])).mark_rule(strokeDash=[4, 4]).encode(x="x:Q")  # type: ignore[no-untyped-call]
    chart = (rule + point + one).properties(
        width=420, height=max(60, 24 * len(values)), title=title
    )
    return _svg(chart, title)


def synthetic(n: int, seed: int, effects: dict[str, float]) -> list[Subject]:
    """Clients with TRUE effects: exponential times to work, censored at 1,000 days."""
    rng = random.Random(seed)
    prevalence = {
        "obstacle_health": 0.3,
        "provision_training": 0.25,
        "first_contact_in_person": 0.6,
        "plain_letters": 0.5,
    }
    templates = ["Naar werk", "Eerst taal", "Zorg en werk"]
    people = []
    for _n in range(n):
        factors = {f: float(rng.random() < p) for f, p in prevalence.items()}
        rate = math.exp(sum(math.log(effects.get(f, 1.0)) * x for f, x in factors.items())) / 400
        time_to_work = rng.expovariate(rate)
        days, work = (time_to_work, True) if time_to_work <= 1000 else (1000.0, False)
        groups = {
            "template": rng.choice(templates),
            "obstacle": "health" if factors["obstacle_health"] else "geen",
        }
        people.append(Subject(days=days, work=work, groups=groups, factors=factors))
    return people
