"""What clients say, for the council: counts and averages by target group and theme, trends per
quarter, and reviewed free texts; every figure only where it covers at least k responses, also
against differencing (`rules/small_numbers.py`)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db.models import Avg, Count, QuerySet
from django.utils.translation import gettext as _

from maatwerk.voice.errors import VoiceError
from maatwerk.voice.models import (
    Consultation,
    ConsultationAnswer,
    Feedback,
    Group,
    Review,
    SurveyResponse,
    Theme,
)
from maatwerk.voice.rules.small_numbers import Cell, Table, protect, protect_series
from maatwerk.voice.surveys import QUESTIONS

VISIBLE = (Review.CLEAR, Review.REDACTED)


def k() -> int:
    return settings.VOICE_MIN_GROUP


@dataclass(frozen=True)
class Period:
    first: date
    last: date

    def feedback(self) -> QuerySet[Feedback]:
        return Feedback.objects.filter(week__gte=self.first, week__lte=self.last)


def quarter_label(day: date) -> str:
    return f"{day.year} K{(day.month - 1) // 3 + 1}"


def feedback_table(period: Period) -> Table:
    rows = (
        period.feedback()
        .values("group", "theme")
        .annotate(n=Count("id"), rating=Avg("rating"))
        .order_by()
    )
    counts, ratings = {}, {}
    for row in rows:
        counts[(row["group"], row["theme"])] = row["n"]
        if row["rating"] is not None:
            ratings[(row["group"], row["theme"])] = round(float(row["rating"]), 1)
    return protect(counts, list(Group.values), list(Theme.values), k=k(), values=ratings)


def feedback_trend(period: Period) -> tuple[dict[str, Cell], Cell]:
    by_week = period.feedback().values("week").annotate(n=Count("id")).order_by()
    counts: dict[str, int] = defaultdict(int)
    for row in by_week:
        counts[quarter_label(row["week"])] += row["n"]
    return protect_series(dict(sorted(counts.items())), k=k())


def survey_summary(period: Period) -> dict[str, tuple[dict[str, Cell], Cell]]:
    """Per question: the average mark per target group, only where k answers exist."""
    rows = SurveyResponse.objects.filter(week__gte=period.first, week__lte=period.last).values_list(
        "group", "answers"
    )
    counts: dict[str, dict[str, int]] = {key: defaultdict(int) for key, _q in QUESTIONS}
    sums: dict[str, dict[str, int]] = {key: defaultdict(int) for key, _q in QUESTIONS}
    for group, answers in rows.iterator():
        for key, _question in QUESTIONS:
            mark = answers.get(key)
            if mark is not None:
                counts[key][group] += 1
                sums[key][group] += mark
    summary = {}
    for key, _question in QUESTIONS:
        averages = {g: round(sums[key][g] / n, 1) for g, n in counts[key].items() if n}
        summary[key] = protect_series(dict(counts[key]), k=k(), values=averages)
    return summary


def cell_texts(period: Period, group: str, theme: str) -> list[Feedback]:
    """The free texts behind one cell; refused when the cell is too small to show."""
    if group not in Group.values or theme not in Theme.values:
        raise VoiceError(_("This group or subject does not exist."))
    table = feedback_table(period)
    cell = table.cells.get((group, theme))
    if cell is None or cell.hidden or not cell.count:
        raise VoiceError(
            _(
                "Fewer than %(k)s people said something here. To keep them anonymous, these "
                "responses are not shown one by one."
            )
            % {"k": k()}
        )
    rows = period.feedback().filter(group=group, theme=theme, review__in=VISIBLE)
    return list(rows.order_by("-week")[:200])


def waiting_review() -> QuerySet[Feedback]:
    return Feedback.objects.filter(review=Review.WAITING).order_by("week")


def consultation_result(consultation: Consultation) -> tuple[int | None, list[ConsultationAnswer]]:
    """The number of answers and the texts, only once k people answered."""
    answers = consultation.answers.all()
    count = answers.count()
    if count < k():
        return None, []
    return count, list(answers.filter(review__in=VISIBLE).order_by("-week")[:500])
