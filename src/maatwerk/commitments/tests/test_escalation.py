"""The escalation run: overdue promises go to the responsible consultant, then the team lead;
it is idempotent, and concurrent runs do each row once."""

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from maatwerk.commitments import services
from maatwerk.commitments.escalation import escalate
from maatwerk.commitments.models import Commitment, Escalation, NoticeStatus, Origin, Party, Status
from maatwerk.commitments.tests.factories import client_with_regisseur, make_application
from maatwerk.core.models import Role
from maatwerk.dossiers import services as dossier_services
from maatwerk.dossiers.models import JournalEntry
from maatwerk.dossiers.tests.factories import make_staff


def _overdue_promise(client, actor, party=Party.MUNICIPALITY):
    commitment = services.promise(
        client=client,
        party=party,
        description="Wij bellen u terug",
        due_at=timezone.now() + timedelta(hours=1),
        actor=actor,
    )
    return commitment


@pytest.mark.django_db
def test_overdue_municipal_promises_go_to_the_deputy_then_the_team_lead_once():
    client, regisseur = client_with_regisseur()
    team = regisseur.staff.team
    lead = make_staff(role=Role.TEAM_LEAD, team=team)
    deputy = make_staff(team=team)
    dossier_services.register_staff_absence(
        staff=regisseur,
        deputy=deputy,
        starts_at=timezone.now() - timedelta(days=1),
        ends_at=timezone.now() + timedelta(days=30),
        reason="Vakantie",
    )
    commitment = _overdue_promise(client, regisseur)
    own = _overdue_promise(client, regisseur, party=Party.CLIENT)
    later = timezone.now() + timedelta(hours=2)

    first = escalate(now=later)
    assert (first.overdue, first.to_responsible, first.to_team_lead) == (2, 1, 0)
    commitment.refresh_from_db()
    assert commitment.status == Status.OVERDUE and commitment.escalated_to == deputy
    own.refresh_from_db()
    assert own.status == Status.OVERDUE and own.escalation == Escalation.NONE
    assert escalate(now=later).overdue == 0  # running twice changes nothing

    after_grace = later + timedelta(days=7)
    assert escalate(now=after_grace).to_team_lead == 1
    commitment.refresh_from_db()
    assert commitment.escalation == Escalation.TEAM_LEAD and commitment.escalated_to == lead
    assert escalate(now=after_grace).to_team_lead == 0
    assert JournalEntry.objects.filter(kind="commitment.escalated").count() == 1


@pytest.mark.django_db
def test_a_notice_whose_42_days_passed_gets_a_penalty_decision_planned_once():
    client, regisseur = client_with_regisseur()
    application = make_application(client, regisseur, days_ago=150)
    application.notices.create(
        status=NoticeStatus.RECEIVED,
        text="x",
        received_on=timezone.localdate() - timedelta(days=60),
        received_at=timezone.now() - timedelta(days=60),
    )
    assert escalate().penalties_planned == 1
    assert escalate().penalties_planned == 0
    assert application.commitments.filter(origin=Origin.PENALTY_DECISION).count() == 1


@pytest.mark.django_db(transaction=True)
def test_concurrent_runs_escalate_each_promise_exactly_once():
    if connection.vendor != "postgresql":
        pytest.skip("row locking with SKIP LOCKED is what is tested; SQLite serialises writers")
    client, regisseur = client_with_regisseur()
    for _ in range(40):
        _overdue_promise(client, regisseur)
    later = timezone.now() + timedelta(hours=2)
    results = []

    def run():
        results.append(escalate(now=later))
        connection.close()

    threads = [threading.Thread(target=run) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(r.overdue for r in results) == 40
    assert Commitment.objects.filter(status=Status.OVERDUE).count() == 40
    assert JournalEntry.objects.filter(kind="commitment.overdue").count() == 40
