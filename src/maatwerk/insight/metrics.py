"""The metric catalogue: every figure defined once, with its name, Dutch description, formula,
unit, direction and sources, computed for a scope, with the clients behind it for drill-down.
Insight only reads."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal

from django.db.models import Count, F, Min, Q, QuerySet, Sum

from maatwerk.commitments.models import (
    Commitment,
    NoticeOfDefault,
    Origin,
    Party,
    PenaltyDecision,
    Status,
)
from maatwerk.documents.models import Document
from maatwerk.dossiers.models import Client, Outflow, OutflowReason
from maatwerk.insight.aggregates import (
    KEPT,
    completed_steps,
    local_day,
    routing_norm,
    with_baseline,
)
from maatwerk.insight.models import DayTally
from maatwerk.insight.rules.counting import median_of_counts
from maatwerk.insight.scope import Scope
from maatwerk.letters.models import Letter
from maatwerk.plans.models import Goal, LadderMeasurement
from maatwerk.sanctions.models import Objection, ObjectionOutcome, Proposal, ProposalStatus
from maatwerk.voice.models import Feedback, SurveyResponse

MIN_GROUP = 5  # a figure over fewer clients is not shown (k rule of the voice issue)


@dataclass(frozen=True)
class Figure:
    numerator: float
    denominator: int  # how many cases (clients, promises, letters) the figure covers
    share: bool = True

    @property
    def value(self) -> float | None:
        if not self.share:
            return self.numerator
        return round(100 * self.numerator / self.denominator, 1) if self.denominator else None

    @property
    def too_small(self) -> bool:
        return 0 < self.denominator < MIN_GROUP


@dataclass(frozen=True)
class Metric:
    key: str
    name: str
    description: str
    formula: str
    unit: str
    higher_is_better: bool
    sources: tuple[str, ...]
    section: str
    compute: Callable[[Scope], Figure] = field(repr=False)
    clients: Callable[[Scope], QuerySet[Client]] = field(repr=False)
    # One grouped query per team or consultant, where the figure allows it (else one per unit).
    grouped: Callable[[Scope, str], dict[int, Figure]] | None = field(default=None, repr=False)


# Promises of the municipality -------------------------------------------------------------------


def _promises(scope: Scope, origins: tuple[str, ...] | None) -> QuerySet[Commitment]:
    rows = Commitment.objects.filter(
        party=Party.MUNICIPALITY, due_at__gte=scope.start, due_at__lt=scope.end
    ).exclude(status__in=[Status.WITHDRAWN, Status.EXCUSED])
    if origins:
        rows = rows.filter(origin__in=origins)
    if scope.narrowed():
        rows = rows.filter(client__in=scope.clients())
    return rows


_shared: ContextVar[dict[object, object] | None] = ContextVar("insight_shared", default=None)


@contextmanager
def shared_queries() -> Iterator[None]:
    """Within this block figures that read the same rows share one query (a dashboard)."""
    token = _shared.set({})
    try:
        yield
    finally:
        _shared.reset(token)


def _tallied(scope: Scope) -> bool:
    """The municipality or one team is read from the daily tallies (aggregates.py); a
    consultant or a target group from the rows themselves."""
    return scope.consultant_id is None and not scope.group


def _tallies(scope: Scope, *measures: str) -> QuerySet[DayTally]:
    rows = DayTally.objects.filter(measure__in=measures, day__gte=scope.first, day__lte=scope.last)
    return rows.filter(team_id=scope.team_id) if scope.team_id is not None else rows


def _tally(scope: Scope, measure: str) -> Figure:
    sums = _tallies(scope, measure).aggregate(t=Sum("total"), h=Sum("hits"))
    return Figure(sums["h"] or 0, sums["t"] or 0)


def _on_time_by_origin(scope: Scope) -> dict[str, tuple[int, int]]:
    if _tallied(scope):
        sums = _tallies(scope, "promise").values("kind").annotate(t=Sum("total"), h=Sum("hits"))
        return {r["kind"]: (r["h"] or 0, r["t"] or 0) for r in sums.order_by()}
    rows = (
        _promises(scope, None)
        .values("origin")
        .annotate(total=Count("id"), kept=Count("id", filter=KEPT))
        .order_by()
    )
    return {r["origin"]: (r["kept"], r["total"]) for r in rows}


def _on_time(scope: Scope, origins: tuple[str, ...] | None) -> Figure:
    memo = _shared.get()
    key = ("promises", scope)
    if memo is None:
        by_origin = _on_time_by_origin(scope)
    else:
        if key not in memo:
            memo[key] = _on_time_by_origin(scope)
        by_origin = memo[key]  # type: ignore[assignment]
    chosen = [v for o, v in by_origin.items() if origins is None or o in origins]
    return Figure(sum(k for k, _t in chosen), sum(t for _k, t in chosen))


def _on_time_grouped(scope: Scope, origins: tuple[str, ...] | None, by: str) -> dict[int, Figure]:
    """The figure per team ("team") or per consultant ("consultant") of the current regisseur."""
    if by == "team" and not scope.group:
        days = _tallies(scope, "promise")
        if origins:
            days = days.filter(kind__in=origins)
        totals = days.values("team_id").annotate(t=Sum("total"), h=Sum("hits")).order_by()
        return {r["team_id"]: Figure(r["h"] or 0, r["t"] or 0) for r in totals}
    unit = (
        "client__assignments__regisseur__staff__team_id"
        if by == "team"
        else "client__assignments__regisseur_id"
    )
    rows = (
        _promises(scope, origins)
        .filter(client__assignments__ended_at__isnull=True)
        .values(unit)
        .annotate(
            total=Count("id"),
            kept=Count("id", filter=KEPT),
        )
        .order_by()
    )
    return {r[unit]: Figure(r["kept"], r["total"]) for r in rows if r[unit] is not None}


def _late_clients(scope: Scope, origins: tuple[str, ...] | None) -> QuerySet[Client]:
    late = _promises(scope, origins).exclude(status=Status.FULFILLED, closed_at__lte=F("due_at"))
    return Client.objects.filter(pk__in=late.values("client_id"))


def _promise_metric(key: str, name: str, what: str, origins: tuple[str, ...] | None) -> Metric:
    return Metric(
        key=key,
        name=name,
        description=f"Van alle beloftes van de gemeente over {what} die in de periode moesten "
        "gebeuren: het deel dat op tijd is nagekomen.",
        formula="nagekomen met afsluiting vóór of op de uiterste datum ÷ alle beloftes met "
        "uiterste datum in de periode (zonder ingetrokken en vrijgestelde)",
        unit="%",
        higher_is_better=True,
        sources=("commitments_commitment",),
        section="beloftes",
        compute=lambda s: _on_time(s, origins),
        clients=lambda s: _late_clients(s, origins),
        grouped=lambda s, by: _on_time_grouped(s, origins, by),
    )


def _documents_routed(scope: Scope) -> Figure:
    if _tallied(scope):
        return _tally(scope, "document")
    rows = Document.objects.filter(
        received_at__gte=scope.start, received_at__lt=scope.end, client__isnull=False
    )
    if scope.narrowed():
        rows = rows.filter(client__in=scope.clients())
    done = total = 0
    for received, routed in rows.values_list("received_at", "routed_at").iterator():
        total += 1
        done += routed is not None and local_day(routed) <= routing_norm(local_day(received))
    return Figure(done, total)


def _documents_clients(scope: Scope) -> QuerySet[Client]:
    rows = Document.objects.filter(
        received_at__gte=scope.start, received_at__lt=scope.end, routed_at__isnull=True
    )
    return Client.objects.filter(pk__in=rows.values("client_id")) & scope.clients()


def _notices(scope: Scope) -> Figure:
    rows = NoticeOfDefault.objects.filter(received_at__gte=scope.start, received_at__lt=scope.end)
    if scope.narrowed():
        rows = rows.filter(application__client__in=scope.clients())
    count = rows.count()
    return Figure(count, count, share=False)


def _notice_clients(scope: Scope) -> QuerySet[Client]:
    rows = NoticeOfDefault.objects.filter(received_at__gte=scope.start, received_at__lt=scope.end)
    return scope.clients().filter(pk__in=rows.values("application__client_id"))


def _penalties(scope: Scope) -> Figure:
    rows = PenaltyDecision.objects.filter(
        decided_on__gte=scope.first, decided_on__lte=scope.last, amount__gt=0
    )
    if scope.narrowed():
        rows = rows.filter(application__client__in=scope.clients())
    total = rows.aggregate(n=Count("id"), euros=Sum("amount"))
    return Figure(float(total["euros"] or Decimal(0)), total["n"], share=False)


def _penalty_clients(scope: Scope) -> QuerySet[Client]:
    rows = PenaltyDecision.objects.filter(
        decided_on__gte=scope.first, decided_on__lte=scope.last, amount__gt=0
    )
    return scope.clients().filter(pk__in=rows.values("application__client_id"))


# Treatment and communication ------------------------------------------------------------------


def _letters(scope: Scope) -> QuerySet[Letter]:
    rows = Letter.objects.filter(sent_at__gte=scope.start, sent_at__lt=scope.end)
    return rows.filter(client__in=scope.clients()) if scope.narrowed() else rows


def _letter_counts(scope: Scope) -> dict[str, int]:
    """All letter figures of a page from one query (shared within `shared_queries`)."""
    memo = _shared.get()
    key = ("letters", scope)
    if memo is not None and key in memo:
        return memo[key]  # type: ignore[return-value]
    counts = _letter_tallies(scope) if _tallied(scope) else _letter_rows(scope)
    if memo is not None:
        memo[key] = counts
    return counts


def _letter_tallies(scope: Scope) -> dict[str, int]:
    rows = _tallies(scope, "letter", "plain_letter").values("measure")
    sums = {r["measure"]: r for r in rows.annotate(t=Sum("total"), h=Sum("hits")).order_by()}
    letters, plain = sums.get("letter", {}), sums.get("plain_letter", {})
    return {
        "total": letters.get("t") or 0,
        "opened": letters.get("h") or 0,
        "plain": plain.get("t") or 0,
        "plain_good": plain.get("h") or 0,
    }


def _letter_rows(scope: Scope) -> dict[str, int]:
    plain = Q(plain_language_needed=True)
    counts = _letters(scope).aggregate(
        total=Count("id"),
        opened=Count("id", filter=Q(opened_at__isnull=False)),
        plain=Count("id", filter=plain),
        plain_good=Count("id", filter=plain & Q(verdict="goed")),
    )
    return counts


def _plain_letters(scope: Scope) -> Figure:
    counts = _letter_counts(scope)
    return Figure(counts["plain_good"], counts["plain"])


def _plain_clients(scope: Scope) -> QuerySet[Client]:
    rows = _letters(scope).filter(plain_language_needed=True).exclude(verdict="goed")
    return Client.objects.filter(pk__in=rows.values("client_id"))


def _opened(scope: Scope) -> Figure:
    counts = _letter_counts(scope)
    return Figure(counts["opened"], counts["total"])


def _unopened_clients(scope: Scope) -> QuerySet[Client]:
    return Client.objects.filter(
        pk__in=_letters(scope).filter(opened_at__isnull=True).values("client_id")
    )


def _answered(scope: Scope) -> Figure:
    if _tallied(scope):
        return _tally(scope, "reply")
    rows = _promises(scope, (Origin.OTHER,)).filter(message__isnull=False)
    counts = rows.aggregate(total=Count("id"), kept=Count("id", filter=KEPT))
    return Figure(counts["kept"], counts["total"])


# Sanctions -------------------------------------------------------------------------------------


def _proposals(scope: Scope) -> QuerySet[Proposal]:
    rows = Proposal.objects.filter(created_at__gte=scope.start, created_at__lt=scope.end)
    return rows.filter(client__in=scope.clients()) if scope.narrowed() else rows


def _count(rows: QuerySet) -> Figure:  # type: ignore[type-arg]
    n = rows.count()
    return Figure(n, n, share=False)


def _blocked(scope: Scope) -> QuerySet[Proposal]:
    return (
        _proposals(scope)
        .filter(Q(status=ProposalStatus.BLOCKED) | Q(overrides__isnull=False))
        .distinct()
    )


def _overturned(scope: Scope) -> Figure:
    rows = Objection.objects.filter(decided_at__gte=scope.start, decided_at__lt=scope.end).exclude(
        outcome=""
    )
    if scope.narrowed():
        rows = rows.filter(proposal__client__in=scope.clients())
    counts = rows.aggregate(
        total=Count("id"),
        upheld=Count(
            "id", filter=Q(outcome__in=[ObjectionOutcome.UPHELD, ObjectionOutcome.PARTLY])
        ),
    )
    return Figure(counts["upheld"], counts["total"])


def _proposal_clients(rows: QuerySet[Proposal]) -> QuerySet[Client]:
    return Client.objects.filter(pk__in=rows.values("client_id"))


# Effectiveness per client ------------------------------------------------------------------------


def _ladder_up(scope: Scope) -> Figure:
    """Measurements in the period of clients measured before in the half year: rung went up."""
    if _tallied(scope):
        return _tally(scope, "ladder")
    rows = LadderMeasurement.objects.filter(
        measured_on__gte=scope.first, measured_on__lte=scope.last
    )
    if scope.narrowed():
        rows = rows.filter(client__in=scope.clients())
    counts = (
        with_baseline(rows)
        .filter(baseline__isnull=False)
        .aggregate(total=Count("id"), up=Count("id", filter=Q(rung__gt=F("baseline"))))
    )
    return Figure(counts["up"], counts["total"])


def _ladder_clients(scope: Scope) -> QuerySet[Client]:
    rows = LadderMeasurement.objects.filter(
        measured_on__gte=scope.first, measured_on__lte=scope.last
    )
    return scope.clients().filter(pk__in=rows.values("client_id"))


def _goals(scope: Scope) -> Figure:
    rows = Goal.objects.filter(achieved_on__gte=scope.first, achieved_on__lte=scope.last)
    if scope.narrowed():
        rows = rows.filter(version__plan__client__in=scope.clients())
    return _count(rows.values("key").distinct())


def _goal_clients(scope: Scope) -> QuerySet[Client]:
    rows = Goal.objects.filter(achieved_on__gte=scope.first, achieved_on__lte=scope.last)
    return scope.clients().filter(pk__in=rows.values("version__plan__client_id"))


def _outflows(scope: Scope) -> QuerySet[Outflow]:
    rows = Outflow.objects.filter(
        reason=OutflowReason.WORK, ended_on__gte=scope.first, ended_on__lte=scope.last
    )
    return rows.filter(client__in=scope.clients()) if scope.narrowed() else rows


def _still_off(months: int) -> Callable[[Scope], Figure]:
    def compute(scope: Scope) -> Figure:
        days = 30 * months + months // 2
        rows = Outflow.objects.filter(
            reason=OutflowReason.WORK,
            ended_on__lte=scope.last - timedelta(days=days),
            ended_on__gte=scope.first - timedelta(days=days),
        )
        if scope.narrowed():
            rows = rows.filter(client__in=scope.clients())
        counts = rows.aggregate(
            total=Count("id"),
            off=Count(
                "id",
                filter=Q(returned_on__isnull=True)
                | Q(returned_on__gt=F("ended_on") + timedelta(days=days)),
            ),
        )
        return Figure(counts["off"], counts["total"])

    return compute


def _first_step(scope: Scope) -> Figure:
    """Median days from the start of assistance to the first plan step the client completed,
    over the clients whose first completed step fell in the period."""
    if _tallied(scope):
        counts = _tallies(scope, "first_step").values("kind").annotate(n=Sum("total")).order_by()
        histogram = {int(r["kind"]): r["n"] for r in counts}
    else:
        steps = completed_steps()
        if scope.narrowed():
            steps = steps.filter(client__in=scope.clients())
        firsts = (
            steps.values("client_id", "client__created_at")
            .annotate(first=Min("closed_at"))
            .filter(first__gte=scope.start, first__lt=scope.end)
            .values_list("first", "client__created_at")
        )
        histogram = {}
        for first, started in firsts.order_by():
            days = (first - started).days
            histogram[days] = histogram.get(days, 0) + 1
    clients = sum(histogram.values())
    if not clients:
        return Figure(0, 0, share=False)
    return Figure(median_of_counts(histogram), clients, share=False)


def _first_step_clients(scope: Scope) -> QuerySet[Client]:
    firsts = (
        completed_steps()
        .values("client_id")
        .annotate(first=Min("closed_at"))
        .filter(first__gte=scope.start, first__lt=scope.end)
    )
    return scope.clients().filter(pk__in=firsts.values("client_id"))


# Experience -------------------------------------------------------------------------------------


def _feedback(scope: Scope) -> Figure:
    """Anonymous feedback has no client, team or consultant: only the target group narrows it."""
    if scope.team_id is not None or scope.consultant_id is not None:
        return Figure(0, 0, share=False)
    rows = Feedback.objects.filter(week__gte=scope.first, week__lte=scope.last)
    if scope.group:
        rows = rows.filter(group=scope.group)
    n = rows.count()
    return Figure(n, n, share=False)


def _survey_mark(scope: Scope) -> Figure:
    if scope.team_id is not None or scope.consultant_id is not None:
        return Figure(0, 0, share=False)
    rows = SurveyResponse.objects.filter(week__gte=scope.first, week__lte=scope.last)
    if scope.group:
        rows = rows.filter(group=scope.group)
    marks = [
        v
        for answers in rows.values_list("answers", flat=True).iterator()
        for v in answers.values()
        if v
    ]
    if not marks:
        return Figure(0, 0, share=False)
    return Figure(round(sum(marks) / len(marks), 1), rows.count(), share=False)


def _nobody(scope: Scope) -> QuerySet[Client]:
    return Client.objects.none()  # anonymous by construction: there are no clients to show


def _catalogue() -> list[Metric]:
    def count_metric(
        key: str,
        name: str,
        description: str,
        rows: Callable[[Scope], QuerySet[Proposal]],
        section: str,
        higher: bool,
    ) -> Metric:
        return Metric(key, name, description, "aantal in de periode", "aantal", higher, ("sanctions_proposal",), section,
                      lambda s: _count(rows(s)), lambda s: _proposal_clients(rows(s)))  # fmt: skip

    return [
        _promise_metric(
            "callbacks_on_time", "Op tijd teruggebeld", "terugbellen", (Origin.CALLBACK,)
        ),
        _promise_metric(
            "plan_reviews_on_time",
            "Plan op tijd besproken",
            "het bespreken van het plan",
            (Origin.PLAN_REVIEW,),
        ),
        _promise_metric(
            "decisions_on_time",
            "Op tijd besloten",
            "besluiten op aanvragen",
            (Origin.APPLICATION_DECISION,),
        ),
        _promise_metric("promises_on_time", "Beloftes op tijd nagekomen", "alles", None),
        Metric(
            "documents_routed",
            "Stukken op tijd bij de regisseur",
            "Van alle stukken die cliënten inleverden: het deel dat binnen 1 werkdag bij de regisseur lag.",
            "doorgezet binnen 1 werkdag (Atw-kalender) ÷ alle ontvangen stukken met een cliënt",
            "%",
            True,
            ("documents_document",),
            "beloftes",
            _documents_routed,
            _documents_clients,
        ),
        Metric(
            "notices_of_default",
            "Ingebrekestellingen ontvangen",
            "Hoe vaak een cliënt de gemeente in gebreke stelde omdat een besluit te laat was.",
            "aantal ontvangen ingebrekestellingen in de periode",
            "aantal",
            False,
            ("commitments_noticeofdefault",),
            "beloftes",
            _notices,
            _notice_clients,
        ),
        Metric(
            "penalties_paid",
            "Dwangsommen (euro)",
            "Het bedrag aan dwangsommen dat de gemeente moest betalen omdat zij te laat besliste; het aantal staat tussen haakjes.",
            "som van de bedragen van dwangsombesluiten in de periode",
            "euro",
            False,
            ("commitments_penaltydecision",),
            "beloftes",
            _penalties,
            _penalty_clients,
        ),
        Metric(
            "plain_letters_good",
            "Brieven 'goed' voor wie eenvoudige taal nodig heeft",
            "Van alle brieven aan cliënten die eenvoudige taal nodig hebben: het deel dat de taalcheck 'goed' gaf.",
            "brieven met oordeel goed ÷ alle brieven aan cliënten met eenvoudige taal in het profiel",
            "%",
            True,
            ("letters_letter",),
            "communicatie",
            _plain_letters,
            _plain_clients,
        ),
        Metric(
            "letters_opened",
            "Brieven geopend",
            "Van alle brieven: het deel dat de cliënt in Mijn Maatwerk opende.",
            "geopende brieven ÷ alle verstuurde brieven",
            "%",
            True,
            ("letters_letter", "letters_delivery"),
            "communicatie",
            _opened,
            _unopened_clients,
        ),
        Metric(
            "messages_answered",
            "Berichten op tijd beantwoord",
            "Van alle berichten van cliënten: het deel dat binnen de norm is beantwoord.",
            "op tijd nagekomen antwoordbeloftes ÷ alle antwoordbeloftes met uiterste datum in de periode",
            "%",
            True,
            ("contacts_message", "commitments_commitment"),
            "communicatie",
            _answered,
            lambda s: _late_clients(s, (Origin.OTHER,)),
        ),
        count_metric(
            "sanctions_proposed",
            "Maatregelen voorgesteld",
            "Hoeveel maatregelen consulenten voorstelden.",
            _proposals,
            "maatregelen",
            False,
        ),
        count_metric(
            "sanctions_blocked",
            "Maatregelen tegengehouden door de controle",
            "Hoeveel voorstellen het dossier tegensprak (een bewijs, een afwezigheid, een verzoek om een andere tijd).",
            _blocked,
            "maatregelen",
            False,
        ),
        count_metric(
            "sanctions_decided",
            "Maatregelen opgelegd",
            "Hoeveel maatregelen een tweede beoordelaar oplegde.",
            lambda s: _proposals(s).filter(status=ProposalStatus.DECIDED),
            "maatregelen",
            False,
        ),
        Metric(
            "sanctions_overturned",
            "Maatregelen herzien na bezwaar",
            "Van alle besluiten op bezwaar tegen een maatregel: het deel waarin de cliënt (deels) gelijk kreeg.",
            "bezwaren gegrond of deels gegrond ÷ alle besluiten op bezwaar",
            "%",
            False,
            ("sanctions_objection",),
            "maatregelen",
            _overturned,
            lambda s: _proposal_clients(_proposals(s).filter(objection__isnull=False)),
        ),
        Metric(
            "ladder_up",
            "Hoger op de participatieladder",
            "Van de metingen op de participatieladder in de periode bij cliënten die in het half jaar ervoor ook gemeten zijn: het deel waarbij de cliënt hoger staat dan bij de eerste meting in dat half jaar.",
            "metingen met trede > eerste trede in de 182 dagen ervoor ÷ metingen met een eerdere meting in die 182 dagen (metingen in de periode)",
            "%",
            True,
            ("plans_laddermeasurement",),
            "effect",
            _ladder_up,
            _ladder_clients,
        ),
        Metric(
            "goals_achieved",
            "Doelen bereikt",
            "Hoeveel doelen van cliënten (in hun eigen woorden) zijn bereikt.",
            "aantal doelen met een datum bereikt in de periode",
            "aantal",
            True,
            ("plans_goal",),
            "effect",
            _goals,
            _goal_clients,
        ),
        Metric(
            "outflow_work",
            "Uitstroom naar werk",
            "Hoeveel cliënten uitstroomden naar werk.",
            "aantal uitstroommeldingen met reden werk in de periode",
            "aantal",
            True,
            ("dossiers_outflow",),
            "effect",
            lambda s: _count(_outflows(s)),
            lambda s: Client.objects.filter(pk__in=_outflows(s).values("client_id")),
        ),
        Metric(
            "still_off_6",
            "Na 6 maanden nog aan het werk",
            "Van cliënten die 6 maanden eerder uitstroomden naar werk: het deel dat niet terug is in de bijstand.",
            "uitstroom naar werk zonder terugkeer binnen 6 maanden ÷ alle uitstroom naar werk 6 maanden voor de periode",
            "%",
            True,
            ("dossiers_outflow",),
            "effect",
            _still_off(6),
            lambda s: Client.objects.filter(pk__in=_outflows(s).values("client_id")),
        ),
        Metric(
            "still_off_12",
            "Na 12 maanden nog aan het werk",
            "Hetzelfde, na 12 maanden.",
            "uitstroom naar werk zonder terugkeer binnen 12 maanden ÷ alle uitstroom naar werk 12 maanden voor de periode",
            "%",
            True,
            ("dossiers_outflow",),
            "effect",
            _still_off(12),
            lambda s: Client.objects.filter(pk__in=_outflows(s).values("client_id")),
        ),
        Metric(
            "time_to_first_step",
            "Dagen tot de eerste stap",
            "De middelste waarde (mediaan) van het aantal dagen tussen de start van de bijstand en de eerste stap uit het plan die de cliënt zette, voor cliënten die die eerste stap in de periode zetten.",
            "mediaan(dag eerste nagekomen planstap − startdatum cliënt), over cliënten met hun eerste nagekomen planstap in de periode",
            "dagen",
            False,
            ("commitments_commitment", "dossiers_client"),
            "effect",
            _first_step,
            _first_step_clients,
        ),
        Metric(
            "feedback_messages",
            "Anonieme reacties",
            "Hoeveel anonieme reacties (ervaringen, klachten, ideeën) cliënten gaven. Alleen per doelgroep te verdelen: niet per team of consulent.",
            "aantal reacties met een week in de periode",
            "aantal",
            True,
            ("voice_feedback",),
            "ervaring",
            _feedback,
            _nobody,
        ),
        Metric(
            "survey_mark",
            "Gemiddeld cijfer in enquêtes",
            "Het gemiddelde van alle antwoorden (1 tot 5) in de enquêtes na contact, over minstens 5 enquêtes.",
            "som van de cijfers ÷ aantal gegeven cijfers; gevallen = aantal enquêtes",
            "cijfer",
            True,
            ("voice_surveyresponse",),
            "ervaring",
            _survey_mark,
            _nobody,
        ),
    ]


CATALOGUE: list[Metric] = _catalogue()
BY_KEY: dict[str, Metric] = {m.key: m for m in CATALOGUE}
SECTIONS = {
    "beloftes": "Beloftes van de gemeente",
    "communicatie": "Bejegening en communicatie",
    "maatregelen": "Maatregelen",
    "effect": "Wat werkt per cliënt",
    "ervaring": "Ervaring van cliënten",
}
