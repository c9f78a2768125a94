"""Demo data for the voice app: a year of anonymous feedback and survey answers (enough in
some cells to show, too few in others, so the k rule is visible), a text waiting for a
reviewer, a consultation with answers and one open for the demo clients, and improvement
actions with history and a council question."""

from __future__ import annotations

import random
from datetime import timedelta

from django.contrib.auth.models import User
from django.utils import timezone

from maatwerk.core.models import Role
from maatwerk.voice import council
from maatwerk.voice.anonymous import week_of
from maatwerk.voice.models import (
    ConsultationAnswer,
    Feedback,
    Review,
    SurveyResponse,
)
from maatwerk.voice.surveys import QUESTIONS

STORIES = {
    "bejegening": [
        "Aan de balie werd ik niet serieus genomen.",
        "Mijn regisseur luistert echt naar mij. Dat helpt.",
        "Ik voelde mij een nummer.",
    ],
    "kwijt": [
        "Ik heb mijn loonstrook drie keer gestuurd.",
        "Nu krijg ik een bewijs als ik iets stuur. Eindelijk.",
    ],
    "terugbellen": [
        "Ik wachtte een week op een telefoontje.",
        "Ik werd dezelfde dag teruggebeld.",
    ],
    "taal": ["De brief was te moeilijk voor mij.", "De brief in het Engels hielp mij veel."],
    "sancties": ["Ik werd gekort terwijl ik mijn vakantie had gemeld."],
    "bereikbaarheid": ["Het telefoonnummer is lang in gesprek."],
}
# Weights: bijstand and a few subjects are common, the rest is rare (so some cells stay <5).
GROUPS = ["bijstand"] * 8 + ["wmo"] * 2 + ["schuldhulp", "jeugdzorg"]
THEMES = (
    ["bejegening"] * 4
    + ["kwijt"] * 3
    + ["terugbellen"] * 3
    + ["taal"] * 2
    + ["sancties", "bereikbaarheid"]
)


def create_demo_voice() -> None:
    rng = random.Random(2026)
    today = timezone.localdate()
    rows = []
    for _n in range(180):
        theme = rng.choice(THEMES)
        rows.append(
            Feedback(
                week=week_of(today - timedelta(days=rng.randrange(360))),
                kind=rng.choice(["experience", "experience", "complaint", "idea"]),
                group=rng.choice(GROUPS),
                theme=theme,
                rating=rng.choice([None, 1, 2, 3, 3, 4, 4, 5]),
                text=rng.choice(STORIES[theme]),
                review=Review.CLEAR,
            )
        )
    rows.append(
        Feedback(
            week=week_of(today),
            kind="complaint",
            group="bijstand",
            theme="bejegening",
            rating=1,
            text="Meneer Jansen van de balie belde mij op 06-12345678 en was onbeleefd.",
            review=Review.WAITING,
        )
    )
    Feedback.objects.bulk_create(rows)
    answers = []
    for _n in range(90):
        answers.append(
            SurveyResponse(
                week=week_of(today - timedelta(days=rng.randrange(180))),
                trigger=rng.choice(["contact", "appointment", "decision"]),
                group=rng.choice(GROUPS),
                answers={key: rng.choice([2, 3, 4, 4, 5]) for key, _q in QUESTIONS},
            )
        )
    SurveyResponse.objects.bulk_create(answers)
    _council_work(today)


def _council_work(today) -> None:  # type: ignore[no-untyped-def]
    lead = User.objects.filter(staff__role=Role.TEAM_LEAD).order_by("username").first()
    member = User.objects.filter(staff__role=Role.COUNCIL_MEMBER).order_by("username").first()
    if lead is None or member is None:
        return
    asked = council.publish(
        question="Hoe wilt u dat wij u bellen?",
        explanation="Wij willen beter bereikbaar zijn. Vertel ons wat voor u werkt.",
        group="bijstand",
        opens_on=today - timedelta(days=20),
        closes_on=today + timedelta(days=20),
        actor=member,
    )
    for text in (
        "Liefst in de ochtend, na 9 uur.",
        "Een sms vooraf, dan neem ik op.",
        "Niet met een anoniem nummer bellen.",
        "Op een vaste dag in de week.",
        "Bel mij, een brief begrijp ik slecht.",
        "Na 15 uur, dan zijn de kinderen thuis.",
    ):
        ConsultationAnswer.objects.create(
            consultation=asked, week=week_of(today), text=text, review=Review.CLEAR
        )
    calls = council.create_action(
        title="Vast terugbelmoment binnen één werkdag",
        description="Elke regisseur heeft twee vaste belblokken per dag. Wie niet bereikt "
        "wordt, krijgt een sms met een nieuw moment.",
        signal="Veel reacties over terugbellen (bijstand)",
        group="bijstand",
        theme="terugbellen",
        owner=lead,
        due_on=today + timedelta(days=45),
        actor=lead,
    )
    council.update_action(
        action=calls, status="active", progress=40, text="Team Noord werkt er al mee.", actor=lead
    )
    question = council.ask(
        action=calls,
        text="Geldt dit ook voor cliënten zonder mobiele telefoon?",
        is_question=True,
        actor=member,
    )
    council.answer_question(
        question=question, text="Ja: zij krijgen een brief met het nieuwe moment.", actor=lead
    )
    council.ask(action=calls, text="Hoe meet u of het werkt?", is_question=True, actor=member)
    council.create_action(
        title="Alle brieven in eenvoudige taal",
        description="Elke brief gaat door de taalcheck; brieven voor wie eenvoudige taal nodig "
        "heeft, scoren 'goed' of de regisseur belt.",
        signal="Reacties over moeilijke brieven",
        theme="taal",
        owner=lead,
        due_on=today + timedelta(days=90),
        actor=lead,
    )
