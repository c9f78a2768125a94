"""Demo data for plans: three templates, a client with a year of plan history (versions,
talks, the ladder going up), and a client whose new version waits for their answer.

Earlier talks are written directly with their past dates (the services only take talks with a
next date after today) and their ladder measurements published as the service would; the
newest steps go through the services like any real change.
"""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth.models import User
from django.utils import timezone

from maatwerk.core import events
from maatwerk.dossiers.models import Client
from maatwerk.dossiers.queries import regisseur_of
from maatwerk.plans import agreement, drafts, reviews
from maatwerk.plans.events import LadderMeasured
from maatwerk.plans.models import LadderMeasurement, PlanTemplate, Review

TEMPLATES = {
    "Naar werk": (
        "Voor wie aan het werk wil, in een baan die past.",
        "cliënt | U maakt samen met ons een cv | 2\n"
        "gemeente | Wij zoeken samen vacatures die bij u passen | 4\n"
        "gemeente | Wij regelen een gesprek met een werkgever | 8\n"
        "cliënt | U solliciteert op twee vacatures | 10",
    ),
    "Taal en meedoen": (
        "Voor wie eerst Nederlands wil leren en mensen wil ontmoeten.",
        "gemeente | Wij zoeken een taalcursus die bij u past | 2\n"
        "cliënt | U gaat naar de eerste les | 4\n"
        "gemeente | Wij zoeken vrijwilligerswerk in uw buurt | 12",
    ),
    "Schulden eerst": (
        "Voor wie eerst rust wil in de geldzaken.",
        "gemeente | Wij regelen een gesprek met de schuldhulpverlener | 1\n"
        "cliënt | U neemt uw brieven over schulden mee naar het gesprek | 2\n"
        "gemeente | Wij kijken samen naar uw vaste lasten | 4",
    ),
}


def create_demo_plans(actor: User, with_history: Client, waiting: Client) -> None:
    for name, (description, steps) in TEMPLATES.items():
        PlanTemplate.objects.get_or_create(
            name=name, defaults={"description": description, "steps": steps, "updated_by": actor}
        )
    _with_history(with_history)
    _waiting(waiting)


def _ready(client: Client, regisseur: User, template: str, goal: str) -> None:
    draft = drafts.start_draft(
        client=client, actor=regisseur, template=PlanTemplate.objects.get(name=template)
    )
    drafts.add_goal(
        version=draft, revision=draft.revision, text=goal, success="", timeframe="dit jaar"
    )
    draft.refresh_from_db()
    drafts.update_details(
        version=draft,
        revision=draft.revision,
        strengths="Ik ben handig en ik kan goed met mensen omgaan.",
        wishes="Vrijwilligerswerk in de buurt.",
        contact_frequency="monthly",
        contact_channel="portal",
        next_review_on=timezone.localdate() + timedelta(weeks=6),
    )
    draft.refresh_from_db()
    drafts.propose(version=draft, revision=draft.revision, actor=regisseur)


def _with_history(client: Client) -> None:
    regisseur = regisseur_of(client, timezone.now())
    if regisseur is None:
        return
    _ready(client, regisseur, "Taal en meedoen", "Ik wil beter Nederlands praten met de buren.")
    version = drafts.open_version(drafts.plan_of(client))
    assert version is not None
    agreement.agree(version=version, client=client, revision=version.revision)
    plan = drafts.plan_of(client)
    today = timezone.localdate()
    measured = []
    for months_ago, rung in ((10, 1), (8, 2), (6, 2), (4, 3), (2, 3)):
        held = today - timedelta(days=30 * months_ago)
        review = Review.objects.create(
            plan=plan,
            version=version,
            held_on=held,
            changes="We spraken over de taalles en de buurt.",
            next_review_on=held + timedelta(days=60),
            recorded_by=regisseur,
        )
        measured.append(
            LadderMeasurement.objects.create(
                client=client, rung=rung, measured_on=held, review=review, recorded_by=regisseur
            )
        )
    events.publish_many(
        LadderMeasured(measurement_id=m.pk, client_id=client.pk, measured_on=m.measured_on)
        for m in measured
    )
    reviews.record_review(
        plan=plan,
        actor=regisseur,
        held_on=today,
        notes=[],
        changes="Mevrouw doet nu elke week vrijwilligerswerk in het buurthuis.",
        rung=4,
        next_review_on=today + timedelta(weeks=8),
    )


def _waiting(client: Client) -> None:
    regisseur = regisseur_of(client, timezone.now())
    if regisseur is not None:
        _ready(client, regisseur, "Naar werk", "Ik wil weer als kok werken, het liefst overdag.")
