"""Demo data for contacts: a contact history, callbacks in every state (done, planned, too late
and escalated), a conversation report, and appointments, one with a request for another time.

No callback can be forgotten: each is done, planned, or visibly too late and escalated, and the
client sees the same.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from maatwerk.commitments.escalation import escalate
from maatwerk.contacts import appointments, reports, services
from maatwerk.contacts.models import ContactChannel, Direction
from maatwerk.dossiers.models import Client
from maatwerk.dossiers.portal_auth import portal_user_for
from maatwerk.dossiers.queries import regisseur_of


def create_demo_contacts(clients: list[Client]) -> None:
    now = timezone.now()
    for n, client in enumerate(clients):
        regisseur = regisseur_of(client, now)
        if regisseur is None:
            continue
        for days, channel, subject in (
            (40, ContactChannel.COUNTER, "Vraag over de energietoeslag"),
            (21, ContactChannel.PHONE, "Wijziging in het inkomen doorgegeven"),
            (9, ContactChannel.EMAIL, "Bankafschriften gestuurd"),
        ):
            services.record_contact(
                client=client,
                channel=channel,
                direction=Direction.IN,
                subject=subject,
                outcome="Beantwoord",
                staff=regisseur,
                moment=now - timedelta(days=days + n),
            )
        done = services.request_callback(
            phone=client.phone or "0612345678",
            client=client,
            subject="Vraag over de bijzondere bijstand",
            requested_via="phone_desk",
            actor=regisseur,
            requested_at=now - timedelta(days=12),
        )
        services.record_attempt(
            callback=done,
            outcome="not_reached",
            note="",
            actor=regisseur,
            moment=now - timedelta(days=11, hours=3),
        )
        services.record_attempt(
            callback=done,
            outcome="reached",
            note="Uitgelegd wat nodig is",
            actor=regisseur,
            moment=now - timedelta(days=11),
        )
        if n % 2 == 0:
            # Asked three days ago and not called back: too late, and escalated.
            services.request_callback(
                phone=client.phone or "0612345678",
                client=client,
                subject="Brief niet begrepen",
                requested_via="voicemail",
                actor=None,
                requested_at=now - timedelta(days=3),
            )
        services.request_callback(
            phone=client.phone or "0612345678",
            client=client,
            subject="Afspraak verzetten",
            requested_via="portal",
            actor=client.user,
        )
        reports.write_report(
            client=client,
            held_on=timezone.localdate() - timedelta(days=11),
            discussed="We spraken over de aanvraag bijzondere bijstand en wat daarvoor nodig is.",
            agreed="U stuurt de offerte van de koelkast\nWij beslissen binnen acht weken",
            next_steps="Uw regisseur belt u als de offerte binnen is.",
            actor=regisseur,
        )
        appointment = appointments.plan_appointment(
            client=client,
            staff=regisseur,
            kind="in_person",
            location="Stadskantoor, balie 3",
            starts_at=(now + timedelta(days=3 + n)).replace(
                hour=10, minute=0, second=0, microsecond=0
            ),
            minutes=45,
            subject="Gesprek over uw plan",
            actor=regisseur,
        )
        if n == 0:
            portal_user_for(client)
            client.refresh_from_db()
            appointments.request_reschedule(
                appointment=appointment,
                client=client,
                reason="Ik heb die ochtend een cursus.",
                preferred="dezelfde dag na 13:00",
            )
    escalate()
