"""Demo data with real structure for the analyses: every demo client without a plan gets an
agreed plan with obstacles and provisions, a first contact, ladder measurements, and a time
to work drawn from a model in which some factors have a TRUE effect (TRUE_EFFECTS), so the
analysis page can be checked to recover them."""

from __future__ import annotations

import math
import random
from datetime import date, datetime, time, timedelta

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from maatwerk.commitments.models import Commitment, Origin, Party, Status
from maatwerk.contacts.models import ContactChannel, ContactMoment, Direction
from maatwerk.dossiers.models import Assignment, Client, Outflow, OutflowReason
from maatwerk.insight import aggregates
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


@transaction.atomic
def create_demo_insight(seed: int = 2026) -> int:
    rng = random.Random(seed)
    today = timezone.localdate()
    templates = list(PlanTemplate.objects.order_by("name"))
    regisseurs = dict(
        Assignment.objects.filter(ended_at__isnull=True).values_list("client_id", "regisseur_id")
    )
    users = {u.pk: u for u in User.objects.filter(pk__in=set(regisseurs.values()))}
    made = 0
    for client in Client.objects.filter(plan__isnull=True).order_by("client_number"):
        regisseur = users.get(regisseurs.get(client.pk, -1))
        if regisseur is None:
            continue
        start = today - timedelta(days=rng.randint(90, 900))
        Client.objects.filter(pk=client.pk).update(created_at=_aware(start))
        obstacles = [k for k, p in PREVALENCE.items() if rng.random() < p]
        provisions = [k for k, p in PROVISIONS.items() if rng.random() < p]
        in_person = rng.random() < 0.6
        _plan(
            client,
            regisseur,
            start,
            rng.choice(templates) if templates else None,
            obstacles,
            provisions,
        )
        ContactMoment.objects.create(
            client=client,
            channel=ContactChannel.COUNTER if in_person else ContactChannel.PHONE,
            direction=Direction.IN,
            moment=_aware(start),
            staff=regisseur,
            subject="Eerste gesprek",
            outcome="Kennismaking",
        )
        factors = {
            "provision_training": "training" in provisions,
            "obstacle_health": "health" in obstacles,
            "first_contact_in_person": in_person,
        }
        rate = (
            math.exp(sum(math.log(TRUE_EFFECTS[f]) for f, on in factors.items() if on)) / BASE_DAYS
        )
        days = int(rng.expovariate(rate))
        rung = rng.randint(1, 3)
        LadderMeasurement.objects.create(
            client=client, rung=rung, measured_on=start, recorded_by=regisseur
        )
        if start + timedelta(days=days) <= today:
            ended = start + timedelta(days=days)
            back = ended + timedelta(days=rng.randint(60, 500)) if rng.random() < 0.2 else None
            Outflow.objects.create(
                client=client,
                ended_on=ended,
                reason=OutflowReason.WORK,
                returned_on=back if back and back <= today else None,
                recorded_by=regisseur,
            )
            LadderMeasurement.objects.create(
                client=client, rung=6, measured_on=ended, recorded_by=regisseur
            )
        else:
            later = min(today, start + timedelta(days=180))
            LadderMeasurement.objects.create(
                client=client,
                rung=min(rung + rng.randint(0, 2), 5),
                measured_on=later,
                recorded_by=regisseur,
            )
        made += 1
    # Start dates were moved with update(), past the signals: recount the daily tallies.
    aggregates.rebuild()
    return made


def _plan(
    client: Client,
    regisseur: User,
    start: date,
    template: PlanTemplate | None,
    obstacles: list[str],
    provisions: list[str],
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
    for kind in obstacles:
        Obstacle.objects.create(version=version, kind=kind, description="Uit het eerste gesprek")
    _first_client_step(client, version, start)
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


def _first_client_step(client: Client, version: PlanVersion, start: date) -> None:
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
    Step.objects.create(
        version=version,
        party="client",
        description=promise.description,
        due_on=start + timedelta(days=42),
        commitment=promise,
        position=0,
    )
