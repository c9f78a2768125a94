"""Demo data for the commitments app: promises of both sides with a history, an application
decided too late (the client can send a notice of default), and one with the penalty running.

Called once by `maatwerk demo`; the escalation run at the end passes overdue promises on.
"""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta

from django.contrib.auth.models import User
from django.utils import timezone

from maatwerk.commitments import applications, escalation, notices, services
from maatwerk.commitments.models import ApplicationKind, Evidence, Party
from maatwerk.commitments.moments import end_of
from maatwerk.core.models import ReceiptChannel
from maatwerk.dossiers.models import Client
from maatwerk.dossiers.queries import regisseur_of

_OURS = [
    "Wij bellen u terug over uw vraag over de huurtoeslag.",
    "Wij sturen u een overzicht van uw uitkering over dit jaar.",
    "Wij vragen een plek aan bij de taalcursus in de bibliotheek.",
    "Wij regelen een gesprek met de schuldhulpverlener.",
]
_THEIRS = [
    "U schrijft zich in bij het UWV als werkzoekende.",
    "U stuurt de bankafschriften van de laatste drie maanden.",
    "U gaat naar de informatiebijeenkomst over vrijwilligerswerk.",
]


def _at(days: int, hour: int = 12) -> datetime:
    day = timezone.localdate() + timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, time(hour)))


def create_demo_commitments(clients: list[Client], seed: int = 11) -> None:
    rng = random.Random(seed)
    for client in clients:
        regisseur = regisseur_of(client, timezone.now())
        _history(client, regisseur, rng)
    late_client, running_client = clients[0], clients[1]
    _late_application(late_client)
    _running_penalty(running_client)
    escalation.escalate()


def _history(client: Client, user: User | None, rng: random.Random) -> None:
    first, late, coming = rng.sample(_OURS, 3)
    kept = services.promise(
        client=client,
        party=Party.MUNICIPALITY,
        description=first,
        due_at=_at(-20),
        actor=user,
        allow_past=True,
    )
    services.fulfil(commitment=kept, evidence=Evidence.CONTACT, actor=user, moment=_at(-21))
    services.promise(
        client=client,
        party=Party.MUNICIPALITY,
        description=late,
        due_at=_at(-2, 17),
        actor=user,
        allow_past=True,
    )
    services.promise(
        client=client,
        party=Party.MUNICIPALITY,
        description=coming,
        due_at=end_of(timezone.localdate() + timedelta(days=6)),
        actor=user,
    )
    services.promise(
        client=client,
        party=Party.CLIENT,
        description=rng.choice(_THEIRS),
        due_at=end_of(timezone.localdate() + timedelta(days=9)),
        actor=user,
    )


def _late_application(client: Client) -> None:
    applications.record_application(
        client=client,
        kind=ApplicationKind.BIJZONDERE_BIJSTAND,
        subject="Bijzondere bijstand voor een nieuwe koelkast",
        received_at=_at(-70, 10),
        channel=ReceiptChannel.PORTAL,
        actor=None,
    )


def _running_penalty(client: Client) -> None:
    application = applications.record_application(
        client=client,
        kind=ApplicationKind.BIJSTAND,
        subject="Bijstand voor mij en mijn dochter",
        received_at=_at(-90, 9),
        channel=ReceiptChannel.COUNTER,
        actor=None,
    )
    regisseur = regisseur_of(client, timezone.now())
    if regisseur is None:
        return
    notices.register_paper_notice(
        application=application,
        received_on=timezone.localdate() - timedelta(days=20),
        text="Brief van de cliënt: u bent te laat met beslissen.",
        actor=regisseur,
    )
