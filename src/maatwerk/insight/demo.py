"""Demo data with real structure for the analyses: every demo client without a plan gets an
agreed plan with obstacles and provisions, a first contact, ladder measurements, and a time
to work drawn from a model in which some factors have a TRUE effect (TRUE_EFFECTS), so the
analysis page can be checked to recover them.

The history is written directly with its past dates; what it changed is then published and
journaled together, as the services would have one by one, so the dashboards' tallies and the
evidence checks of open sanction proposals follow it."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from maatwerk.commitments.events import CommitmentChanged
from maatwerk.commitments.models import Commitment, Origin, Party, Status
from maatwerk.contacts.models import ContactChannel, ContactMoment, Direction
from maatwerk.core import events
from maatwerk.dossiers import journal
from maatwerk.dossiers.models import Assignment, Client, JournalEntry, Outflow, OutflowReason
from maatwerk.plans.events import LadderMeasured
from maatwerk.plans.models import (
    LadderMeasurement,
    Obstacle,
    Plan,
    PlanTemplate,
    PlanVersion,
    Step,
    VersionStatus,
)

# Hazard ratios the generator uses: what the analysis should find back.
TRUE_EFFECTS = {
    "provision_training": 2.0,
    "obstacle_health": 0.5,
    "first_contact_in_person": 1.5,
}
BASE_DAYS = 420  # mean days to work for a client with none of the factors
PREVALENCE = {"health": 0.3, "debts": 0.3, "care": 0.15, "language": 0.2}
PROVISIONS = {"training": 0.35, "job_coach": 0.25, "childcare": 0.1}


def _aware(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(10)))


@dataclass
class _Written:
    """What the demo wrote directly: the events and journal entries the services would make."""

    happened: list[events.Event] = field(default_factory=list)
    entries: list[JournalEntry] = field(default_factory=list)

    def note(self, client: Client, kind: str, summary: str, day: date, actor: User) -> None:
        self.entries.append(
            journal.entry(
                client=client, kind=kind, summary=summary, actor=actor, moment=_aware(day)
            )
        )


@transaction.atomic
def create_demo_insight(seed: int = 2026) -> int:
    rng = random.Random(seed)
    templates = list(PlanTemplate.objects.order_by("name"))
    regisseurs = dict(
        Assignment.objects.filter(ended_at__isnull=True).values_list("client_id", "regisseur_id")
    )
    users = {u.pk: u for u in User.objects.filter(pk__in=set(regisseurs.values()))}
    written = _Written()
    made = 0
    for client in Client.objects.filter(plan__isnull=True).order_by("client_number"):
        regisseur = users.get(regisseurs.get(client.pk, -1))
        if regisseur is not None:
            _history(client, regisseur, rng, templates, written)
            made += 1
    # Published after every start date moved: a first step counts the days since the start.
    events.publish_many(written.happened)
    journal.record_many(written.entries)
    return made


def _history(
    client: Client,
    regisseur: User,
    rng: random.Random,
    templates: list[PlanTemplate],
    written: _Written,
) -> None:
    start = timezone.localdate() - timedelta(days=rng.randint(90, 900))
    Client.objects.filter(pk=client.pk).update(created_at=_aware(start))
    obstacles = [k for k, p in PREVALENCE.items() if rng.random() < p]
    provisions = [k for k, p in PROVISIONS.items() if rng.random() < p]
    in_person = rng.random() < 0.6
    template = rng.choice(templates) if templates else None
    _plan(client, regisseur, start, template, obstacles, provisions, written)
    _first_contact(client, regisseur, start, in_person, written)
    factors = {
        "provision_training": "training" in provisions,
        "obstacle_health": "health" in obstacles,
        "first_contact_in_person": in_person,
    }
    rate = math.exp(sum(math.log(TRUE_EFFECTS[f]) for f, on in factors.items() if on)) / BASE_DAYS
    _ladder_and_outflow(client, regisseur, start, int(rng.expovariate(rate)), rng, written)


def _first_contact(
    client: Client, regisseur: User, start: date, in_person: bool, written: _Written
) -> None:
    first = ContactMoment.objects.create(
        client=client,
        channel=ContactChannel.COUNTER if in_person else ContactChannel.PHONE,
        direction=Direction.IN,
        moment=_aware(start),
        staff=regisseur,
        subject="Eerste gesprek",
        outcome="Kennismaking",
    )
    summary = f"Contact ({first.get_channel_display()}): {first.subject}"
    written.note(client, "contact.recorded", summary, start, regisseur)


def _ladder_and_outflow(
    client: Client, regisseur: User, start: date, days: int, rng: random.Random, written: _Written
) -> None:
    """A first rung at the start; then work after `days` (rung 6), or a later measurement."""
    today = timezone.localdate()
    rung = rng.randint(1, 3)
    _measure(client, regisseur, rung, start, written)
    if start + timedelta(days=days) <= today:
        ended = start + timedelta(days=days)
        back = ended + timedelta(days=rng.randint(60, 500)) if rng.random() < 0.2 else None
        outflow = Outflow.objects.create(
            client=client,
            ended_on=ended,
            reason=OutflowReason.WORK,
            returned_on=back if back and back <= today else None,
            recorded_by=regisseur,
        )
        _journal_outflow(outflow, regisseur, written)
        _measure(client, regisseur, 6, ended, written)
    else:
        later = min(today, start + timedelta(days=180))
        _measure(client, regisseur, min(rung + rng.randint(0, 2), 5), later, written)


def _measure(client: Client, regisseur: User, rung: int, day: date, written: _Written) -> None:
    measured = LadderMeasurement.objects.create(
        client=client, rung=rung, measured_on=day, recorded_by=regisseur
    )
    written.happened.append(
        LadderMeasured(measurement_id=measured.pk, client_id=client.pk, measured_on=day)
    )


def _journal_outflow(outflow: Outflow, regisseur: User, written: _Written) -> None:
    client = outflow.client
    summary = f"Uw uitkering stopt op {outflow.ended_on:%d-%m-%Y}. Reden: werk."
    written.note(client, "outflow.recorded", summary, outflow.ended_on, regisseur)
    if outflow.returned_on is not None:
        summary = f"U hebt weer bijstand vanaf {outflow.returned_on:%d-%m-%Y}."
        written.note(client, "outflow.returned", summary, outflow.returned_on, regisseur)


def _plan(
    client: Client,
    regisseur: User,
    start: date,
    template: PlanTemplate | None,
    obstacles: list[str],
    provisions: list[str],
    written: _Written,
) -> None:
    plan = Plan.objects.create(client=client)
    version = PlanVersion.objects.create(
        plan=plan,
        number=1,
        status=VersionStatus.ACTIVE,
        template=template,
        contact_frequency="monthly",
        contact_channel="phone",
        created_by=regisseur,
        agreed_at=_aware(start + timedelta(days=14)),
        agreed_how="portal",
    )
    Plan.objects.filter(pk=plan.pk).update(active=version)
    agreed = start + timedelta(days=14)
    written.note(client, "plan.agreed", "U hebt uw plan afgesproken.", agreed, regisseur)
    for kind in obstacles:
        Obstacle.objects.create(version=version, kind=kind, description="Uit het eerste gesprek")
    _first_client_step(client, version, start, written)
    for n, kind in enumerate(provisions):
        Step.objects.create(
            version=version,
            party="municipality",
            description="Wij regelen deze voorziening",
            due_on=start + timedelta(days=30),
            provision=kind,
            provision_status="granted",
            position=n,
        )


def _first_client_step(
    client: Client, version: PlanVersion, start: date, written: _Written
) -> None:
    """The client's own first step, done two to ten weeks after the start ("days to first
    step"), or still open when that moment has not come yet."""
    done_on = start + timedelta(days=14 + (client.pk * 7) % 56)
    done = done_on <= timezone.localdate()
    promise = Commitment.objects.create(
        client=client,
        party=Party.CLIENT,
        description="Mijn cv bijwerken met de jobcoach",
        due_at=_aware(start + timedelta(days=42)),
        origin=Origin.PLAN_STEP,
        status=Status.FULFILLED if done else Status.OPEN,
        closed_at=_aware(done_on) if done else None,
    )
    written.happened.append(
        CommitmentChanged(
            commitment_id=promise.pk,
            client_id=client.pk,
            party=promise.party,
            origin=promise.origin,
            due_at=promise.due_at,
        )
    )
    Step.objects.create(
        version=version,
        party="client",
        description=promise.description,
        due_on=start + timedelta(days=42),
        commitment=promise,
        position=0,
    )
