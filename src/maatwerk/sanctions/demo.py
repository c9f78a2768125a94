"""Demo data for absences and sanctions: a holiday reported in the portal, a proposal the
holiday stops (the team lead sees why on one screen), one waiting for the client's answer, and
one decided after the client's answer, open to objection."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.contrib.auth.models import User
from django.utils import timezone

from maatwerk.contacts.models import Appointment, AppointmentStatus
from maatwerk.core.models import ReceiptChannel, Role
from maatwerk.dossiers.models import Client
from maatwerk.dossiers.portal_auth import portal_user_for
from maatwerk.dossiers.queries import regisseur_of
from maatwerk.sanctions import absences, proposals

FACTS = "De cliënt kwam niet naar het gesprek over werk en meldde zich niet af."


def _day(days_ago: int) -> date:
    return timezone.localdate() - timedelta(days=days_ago)


def _missed(client: Client, regisseur: User, days_ago: int) -> Appointment:
    starts = timezone.make_aware(datetime.combine(_day(days_ago), time(10)))
    return Appointment.objects.create(
        client=client,
        staff=regisseur,
        kind="in_person",
        location="Stadskantoor",
        starts_at=starts,
        ends_at=starts + timedelta(minutes=45),
        subject="Gesprek over werk",
        status=AppointmentStatus.PLANNED,
        created_by=regisseur,
    )


def _lead_for(regisseur: User) -> User | None:
    team = getattr(getattr(regisseur, "staff", None), "team", None)
    return User.objects.filter(staff__role=Role.TEAM_LEAD, staff__team=team).first()


def create_demo_sanctions(people: list[Client]) -> None:
    proposals.ensure_table()
    if len(people) < 6:
        return
    now = timezone.now()
    on_holiday, waiting, decided = people[3], people[0], people[5]
    for person in (on_holiday, waiting, decided):
        if regisseur_of(person, now) is None:
            return
        portal_user_for(person)  # they reported and answered in the portal
        person.refresh_from_db()
    # A holiday abroad, reported in the portal; an appointment fell in it by mistake.
    holiday_regisseur = regisseur_of(on_holiday, now)
    assert holiday_regisseur is not None and on_holiday.user is not None
    absences.report(
        client=on_holiday,
        kind="holiday",
        first_day=_day(20),
        last_day=_day(8),
        abroad=True,
        place="Spanje",
        note="Bij mijn zus",
        via=ReceiptChannel.PORTAL,
        actor=on_holiday.user,
    )
    proposals.propose(
        client=on_holiday,
        code="afspraak",
        event_date=_day(12),
        facts=FACTS,
        actor=holiday_regisseur,
        appointment=_missed(on_holiday, holiday_regisseur, 12),
    )
    # No contradiction: the client is asked for their side and can answer in the portal.
    waiting_regisseur = regisseur_of(waiting, now)
    assert waiting_regisseur is not None
    heard = proposals.propose(
        client=waiting,
        code="afspraak",
        event_date=_day(6),
        facts=FACTS,
        actor=waiting_regisseur,
        appointment=_missed(waiting, waiting_regisseur, 6),
    )
    if heard.status == "ready":
        proposals.start_hearing(proposal=heard, actor=waiting_regisseur)
    # Heard, answered, and decided by the team lead: the client can object in the portal.
    decided_regisseur = regisseur_of(decided, now)
    assert decided_regisseur is not None and decided.user is not None
    lead = _lead_for(decided_regisseur)
    done = proposals.propose(
        client=decided,
        code="afspraak",
        event_date=_day(25),
        facts=FACTS,
        actor=decided_regisseur,
        appointment=_missed(decided, decided_regisseur, 25),
    )
    if lead is None or done.status != "ready":
        return
    proposals.start_hearing(proposal=done, actor=decided_regisseur)
    proposals.respond(
        proposal=done,
        text="Ik was het vergeten. Het spijt me.",
        channel="portal",
        actor=decided.user,
    )
    proposals.decide(
        proposal=done,
        actor=lead,
        decision="approved",
        reason="De afspraak stond in een brief die is geopend. Er was geen goede reden.",
    )
