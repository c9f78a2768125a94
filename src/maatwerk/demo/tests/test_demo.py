import pytest
from django.core.management import call_command

from maatwerk.core.models import Role, StaffMember
from maatwerk.core.rules.bsn import is_valid_bsn
from maatwerk.dossiers.models import Assignment, Client, JournalEntry

pytestmark = pytest.mark.django_db


def test_the_demo_municipality_is_made_once_and_is_plausible(capsys):
    call_command("demo")
    counts = (Client.objects.count(), JournalEntry.objects.count(), StaffMember.objects.count())
    call_command("demo")
    assert (
        Client.objects.count(),
        JournalEntry.objects.count(),
        StaffMember.objects.count(),
    ) == counts
    assert counts[0] == 200
    assert StaffMember.objects.filter(role=Role.CONSULTANT).count() == 8
    assert StaffMember.objects.filter(role=Role.COUNCIL_MEMBER).count() == 2
    assert Assignment.objects.filter(ended_at__isnull=True).count() == 200
    other_language = Client.objects.exclude(profile__language="nl").count()
    assert 25 <= other_language <= 60
    assert all(is_valid_bsn(c.bsn) for c in Client.objects.all()[:50])
    out = capsys.readouterr().out
    assert "s.bakker" in out and "bestaat al" in out


def test_the_demo_has_letters_in_two_languages_a_print_queue_and_a_call_to_make():
    from maatwerk.letters.models import Delivery, Letter

    call_command("demo")
    reader = Letter.objects.get(client__profile__plain_language=True, language="en")
    assert reader.verdict == "goed" and reader.translated_body.startswith("Dear")
    assert Delivery.objects.filter(channel="post", status="queued").exists()
    assert Delivery.objects.filter(channel="phone", status="queued").exists()


def test_the_demo_has_a_blocked_a_heard_and_a_decided_sanction():
    from maatwerk.sanctions.models import Proposal

    call_command("demo")
    statuses = set(Proposal.objects.values_list("status", flat=True))
    assert {"blocked", "hearing", "decided"} <= statuses
    blocked = Proposal.objects.get(status="blocked")
    assert any(f["kind"] == "absence" and f["blocking"] for f in blocked.findings)


def test_the_demo_has_feedback_a_consultation_and_improvement_actions():
    from maatwerk.voice.models import Consultation, Feedback, ImprovementAction

    call_command("demo")
    assert Feedback.objects.count() > 150 and Feedback.objects.filter(review="waiting").exists()
    assert Consultation.objects.get().answers.count() >= 5
    assert ImprovementAction.objects.count() == 2


def test_the_demo_gives_a_team_lead_figures_on_promises_ladder_and_first_steps(
    django_capture_on_commit_callbacks,
):
    from datetime import timedelta

    from django.utils import timezone

    from maatwerk.core.models import Team
    from maatwerk.insight import metrics
    from maatwerk.insight.scope import Scope

    with django_capture_on_commit_callbacks(execute=True):  # tallies follow the commit
        call_command("demo")
    today = timezone.localdate()
    team = Team.objects.get(name="Team Noord")
    scope = Scope(today - timedelta(days=365), today, team.pk)
    for key in ("promises_on_time", "ladder_up", "time_to_first_step"):
        figure = metrics.BY_KEY[key].compute(scope)
        assert figure.denominator >= metrics.MIN_GROUP, key
    days = metrics.BY_KEY["time_to_first_step"].compute(scope).value
    assert days is not None and 14 <= days <= 70
