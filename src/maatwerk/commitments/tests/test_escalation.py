"""The escalation run: overdue promises go to the responsible consultant, then the team lead;
it is idempotent, and concurrent runs do each row once."""

import os
import subprocess
import sys
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


@pytest.mark.django_db
def test_without_a_team_lead_the_escalation_stays_with_the_consultant():
    client, regisseur = client_with_regisseur()
    commitment = _overdue_promise(client, regisseur)
    later = timezone.now() + timedelta(hours=2)
    escalate(now=later)
    escalate(now=later + timedelta(days=7))
    commitment.refresh_from_db()
    assert commitment.escalation == Escalation.TEAM_LEAD
    assert commitment.escalated_to == regisseur


SEED = """
from datetime import timedelta
from django.utils import timezone
from maatwerk.commitments import services
from maatwerk.dossiers.tests.factories import make_client, make_staff
regisseur = make_staff()
client = make_client(regisseur)
for n in range(150):
    services.promise(client=client, party="municipality", description=f"Belofte {n}",
                     due_at=timezone.now() - timedelta(minutes=n + 1), actor=regisseur, allow_past=True)
"""
COUNT = """
from maatwerk.commitments.models import Commitment
from maatwerk.dossiers.models import JournalEntry
print(Commitment.objects.filter(status="overdue").count(), JournalEntry.objects.filter(kind="commitment.overdue").count())
"""


def test_two_escalation_processes_on_one_sqlite_file_do_each_promise_once(tmp_path):
    """SQLite serialises writers (IMMEDIATE transactions): two runs side by side, no doubles."""
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'maatwerk.sqlite3'}",
        "MAATWERK_VAR_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "maatwerk.settings",
    }
    cli = [sys.executable, "-m", "maatwerk.cli"]
    subprocess.run([*cli, "migrate", "-v", "0"], env=env, check=True)
    subprocess.run([*cli, "shell", "-c", SEED], env=env, check=True, capture_output=True)
    runs = [
        subprocess.Popen(
            [*cli, "commitments", "escalate"], env=env, stdout=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    outputs = [run.communicate(timeout=120)[0] for run in runs]
    assert all(run.returncode == 0 for run in runs)
    done = [int(out.split("overdue: ")[1].split()[0]) for out in outputs]
    assert sum(done) == 150
    counted = subprocess.run(
        [*cli, "shell", "-c", COUNT], env=env, check=True, capture_output=True, text=True
    ).stdout.split()[-2:]
    assert counted == ["150", "150"]
