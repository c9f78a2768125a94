"""Daily tallies for the dashboards, kept correct as the dossiers change.

A measure counts rows on the local day they belong to (a promise on the day it is due, a
document on the day it came in, a letter on the day it was sent, a client on the day of their
first completed plan step), per kind and per team of the client's current regisseur: how many,
and how many hits (kept on time, routed within the norm, opened, ...). A change recomputes the
days it touches after it commits, each day with one grouped query over that day's rows in its
own short transaction; a new regisseur recomputes the days of that client's rows. What follows
which domain event is `insight/follow.py`, listed in `maatwerk/flow.py`. Rows written outside
the application (with SQL, an upgrade) need `maatwerk insight rebuild`.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db import connection, transaction
from django.db.models import (
    Count,
    DateField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.utils import timezone

from maatwerk.commitments.models import Commitment, Origin, Party, Status
from maatwerk.core.rules.calendar import TermUnit, term_end
from maatwerk.documents.models import Document
from maatwerk.dossiers.models import Assignment
from maatwerk.insight.models import DayTally
from maatwerk.letters.models import Letter
from maatwerk.plans.models import LadderMeasurement

KEPT = Q(status=Status.FULFILLED, closed_at__lte=F("due_at"))
TALLY_LOCKS = 7410  # the advisory-lock namespace of the daily tallies
LADDER_WINDOW = timedelta(days=182)  # movement on the ladder is measured per half year
CHUNK = 500  # clients per `IN (...)`: well under SQLite's limit on query parameters

# (kind, team) -> [total, hits]
Counts = dict[tuple[str, int], list[int]]


def local_day(moment: datetime) -> date:
    return timezone.localtime(moment).date()


def day_bounds(day: date) -> tuple[datetime, datetime]:
    start = timezone.make_aware(datetime.combine(day, time.min))
    return start, timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min))


def routing_norm(received: date) -> date:
    """A document is on time when it reaches the regisseur within 1 working day."""
    return term_end(received, 1, TermUnit.WORKING_DAYS)


def _with_team(rows: QuerySet, client: str = "client_id") -> QuerySet:  # type: ignore[type-arg]
    current = Assignment.objects.filter(client_id=OuterRef(client), ended_at__isnull=True)
    team = Subquery(current.values("regisseur__staff__team_id")[:1])
    annotated: QuerySet = rows.annotate(team=team)  # type: ignore[type-arg]
    return annotated


def _grouped(rows: QuerySet, kind: str | None, hit: Q) -> Counts:  # type: ignore[type-arg]
    fields = ["team"] + ([kind] if kind else [])
    found = rows.values(*fields).annotate(total=Count("id"), hits=Count("id", filter=hit))
    counts: Counts = {}
    for row in found.order_by():
        key = (row[kind] if kind else "", row["team"] or 0)
        tally = counts.setdefault(key, [0, 0])
        tally[0] += row["total"]
        tally[1] += row["hits"]
    return counts


def _promises_due(start: datetime, end: datetime) -> QuerySet[Commitment]:
    return Commitment.objects.filter(
        party=Party.MUNICIPALITY, due_at__gte=start, due_at__lt=end
    ).exclude(status__in=[Status.WITHDRAWN, Status.EXCUSED])


def _promise(day: date) -> Counts:
    return _grouped(_with_team(_promises_due(*day_bounds(day))), "origin", KEPT)


def _reply(day: date) -> Counts:
    rows = _promises_due(*day_bounds(day)).filter(origin=Origin.OTHER, message__isnull=False)
    return _grouped(_with_team(rows), None, KEPT)


def _document(day: date) -> Counts:
    start, end = day_bounds(day)
    rows = Document.objects.filter(
        received_at__gte=start, received_at__lt=end, client__isnull=False
    )
    in_time = day_bounds(routing_norm(day))[1]
    return _grouped(_with_team(rows), None, Q(routed_at__lt=in_time))


def _letter(day: date) -> Counts:
    start, end = day_bounds(day)
    rows = Letter.objects.filter(sent_at__gte=start, sent_at__lt=end)
    return _grouped(_with_team(rows), None, Q(opened_at__isnull=False))


def _plain_letter(day: date) -> Counts:
    start, end = day_bounds(day)
    rows = Letter.objects.filter(sent_at__gte=start, sent_at__lt=end, plain_language_needed=True)
    return _grouped(_with_team(rows), None, Q(verdict="goed"))


def completed_steps() -> QuerySet[Commitment]:
    return Commitment.objects.filter(
        origin=Origin.PLAN_STEP,
        party=Party.CLIENT,
        status=Status.FULFILLED,
        closed_at__isnull=False,
    )


def _first_step(day: date) -> Counts:
    """Clients whose first completed plan step was on this day; the kind is the number of days
    since their assistance started, so the median can be read from the tallies."""
    start, end = day_bounds(day)
    earlier = completed_steps().filter(
        Q(closed_at__lt=OuterRef("closed_at"))
        | Q(closed_at=OuterRef("closed_at"), pk__lt=OuterRef("pk")),
        client_id=OuterRef("client_id"),
    )
    rows = (
        _with_team(completed_steps().filter(closed_at__gte=start, closed_at__lt=end))
        .exclude(Exists(earlier))
        .values_list("closed_at", "client__created_at", "team")
    )
    counts: Counts = {}
    for closed, started, team in rows:
        tally = counts.setdefault((str((closed - started).days), team or 0), [0, 0])
        tally[0] += 1
    return counts


def with_baseline(rows: QuerySet[LadderMeasurement]) -> QuerySet:  # type: ignore[type-arg]
    """Each measurement with the client's first rung in the half year before it (or None)."""
    since = ExpressionWrapper(OuterRef("measured_on") - LADDER_WINDOW, output_field=DateField())
    earlier = LadderMeasurement.objects.filter(
        client_id=OuterRef("client_id"),
        measured_on__gte=since,
        measured_on__lt=OuterRef("measured_on"),
    ).order_by("measured_on", "id")
    annotated: QuerySet = rows.annotate(baseline=Subquery(earlier.values("rung")[:1]))  # type: ignore[type-arg]
    return annotated


def _ladder(day: date) -> Counts:
    rows = with_baseline(LadderMeasurement.objects.filter(measured_on=day))
    measured_again = _with_team(rows.filter(baseline__isnull=False))
    return _grouped(measured_again, None, Q(rung__gt=F("baseline")))


@dataclass(frozen=True)
class Measure:
    key: str
    count: Callable[[date], Counts]


MEASURES = {
    m.key: m
    for m in (
        Measure("promise", _promise),
        Measure("reply", _reply),
        Measure("document", _document),
        Measure("letter", _letter),
        Measure("plain_letter", _plain_letter),
        Measure("first_step", _first_step),
        Measure("ladder", _ladder),
    )
}


Days = Iterable[date] | Callable[[], Iterable[date]]


def after_commit(measure: str, days: Days) -> None:
    """Recount these days once the current transaction commits (at once outside one). `days`
    may be a function, to read them after the commit. A failing recount is logged and leaves
    the tally for `maatwerk insight rebuild`; it never undoes the change that asked for it."""
    transaction.on_commit(lambda: refresh(measure, days() if callable(days) else days), robust=True)


def after_commit_clients(client_ids: Iterable[int]) -> None:
    """Recount every day these clients' rows count on once the transaction commits (their
    team changed with a new regisseur)."""
    ids = sorted(set(client_ids))
    transaction.on_commit(lambda: refresh_clients(ids), robust=True)


def refresh(measure: str, days: Iterable[date]) -> None:
    count = MEASURES[measure].count
    for day in sorted(set(days)):
        with transaction.atomic():
            _lock(measure, day)
            counts = count(day)
            DayTally.objects.filter(measure=measure, day=day).delete()
            DayTally.objects.bulk_create(
                DayTally(day=day, measure=measure, kind=k, team_id=t, total=c[0], hits=c[1])
                for (k, t), c in counts.items()
            )


def _lock(measure: str, day: date) -> None:
    """One recount of a day at a time: two recounts of one day would each delete and write the
    day, and the second would fail on the unique tally. The lock is taken before counting, so
    the second count sees what the first wrote. SQLite serialises writers itself."""
    if connection.vendor != "postgresql":
        return
    key = zlib.crc32(f"{measure}:{day.isoformat()}".encode()) - 2**31
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [TALLY_LOCKS, key])


def _days(moments: Iterable[datetime | None]) -> set[date]:
    return {local_day(m) for m in moments if m is not None}


def _all_days() -> Iterator[tuple[str, set[date]]]:
    promises = Commitment.objects.filter(party=Party.MUNICIPALITY)
    due = _days(promises.values_list("due_at", flat=True).iterator())
    yield "promise", due
    yield "reply", due
    yield "document", _days(Document.objects.values_list("received_at", flat=True).iterator())
    sent = _days(Letter.objects.values_list("sent_at", flat=True).iterator())
    yield "letter", sent
    yield "plain_letter", sent
    yield "first_step", _days(completed_steps().values_list("closed_at", flat=True).iterator())
    yield "ladder", set(LadderMeasurement.objects.values_list("measured_on", flat=True).distinct())


def rebuild() -> int:
    """Every day of every measure (after a bulk load or an upgrade). Returns how many days."""
    DayTally.objects.all().delete()
    total = 0
    for measure, days in _all_days():
        refresh(measure, days)
        total += len(days)
    return total


def _chunks(ids: Iterable[int]) -> Iterator[list[int]]:
    ordered = sorted(set(ids))
    for start in range(0, len(ordered), CHUNK):
        yield ordered[start : start + CHUNK]


def clients_days(client_ids: Iterable[int]) -> dict[str, set[date]]:
    """The days these clients' rows count on, per measure: to follow a change of regisseur."""
    due: set[date] = set()
    sent: set[date] = set()
    received: set[date] = set()
    measured: set[date] = set()
    ids = list(_chunks(client_ids))
    for chunk in ids:
        promises = Commitment.objects.filter(client_id__in=chunk, party=Party.MUNICIPALITY)
        due |= _days(promises.values_list("due_at", flat=True))
        sent |= _days(Letter.objects.filter(client_id__in=chunk).values_list("sent_at", flat=True))
        documents = Document.objects.filter(client_id__in=chunk)
        received |= _days(documents.values_list("received_at", flat=True))
        ladder = LadderMeasurement.objects.filter(client_id__in=chunk)
        measured |= set(ladder.values_list("measured_on", flat=True))
    return {
        "promise": due,
        "reply": due,
        "document": received,
        "letter": sent,
        "plain_letter": sent,
        "first_step": first_step_days(c for chunk in ids for c in chunk),
        "ladder": measured,
    }


def first_step_days(
    client_ids: Iterable[int], closed_before: Iterable[datetime | None] = ()
) -> set[date]:
    """Each client's first step is on one of the days of their completed steps, before a change
    (`closed_before`: the changed steps' earlier closes) or after it."""
    days = _days(closed_before)
    for chunk in _chunks(client_ids):
        steps = completed_steps().filter(client_id__in=chunk)
        days |= _days(steps.values_list("closed_at", flat=True))
    return days


def ladder_days(measured: Iterable[tuple[int, date]]) -> set[date]:
    """A measurement (client, day) is the baseline of that client's later ones in the half
    year: the days of the measurements given and of those later ones."""
    by_client: dict[int, set[date]] = {}
    for client_id, day in measured:
        by_client.setdefault(client_id, set()).add(day)
    days: set[date] = set().union(*by_client.values())
    for chunk in _chunks(by_client):
        since = [day for client_id in chunk for day in by_client[client_id]]
        later = LadderMeasurement.objects.filter(
            client_id__in=chunk,
            measured_on__gte=min(since),
            measured_on__lte=max(since) + LADDER_WINDOW,
        ).values_list("client_id", "measured_on")
        days |= {
            day
            for client_id, day in later
            if any(m <= day <= m + LADDER_WINDOW for m in by_client[client_id])
        }
    return days


def refresh_clients(client_ids: Sequence[int]) -> None:
    for measure, days in clients_days(client_ids).items():
        refresh(measure, days)


def refresh_client(client_id: int) -> None:
    refresh_clients([client_id])
