"""The metric catalogue on real rows, the dashboards with the k rule, drilling down to the
clients behind a figure (logged; own team only), and the client's "wat werkt" page."""

from datetime import datetime, time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from maatwerk.commitments import services as commitment_services
from maatwerk.commitments.events import CommitmentChanged
from maatwerk.commitments.models import Evidence, Origin, Party, Status
from maatwerk.core import events
from maatwerk.core.models import AccessLogEntry, Role
from maatwerk.dossiers import outflow
from maatwerk.dossiers.tests.factories import TeamFactory, make_client, make_staff
from maatwerk.insight import metrics
from maatwerk.insight.scope import Scope

pytestmark = pytest.mark.django_db


def _moment(days_ago, hour=12):
    return timezone.make_aware(
        datetime.combine(timezone.localdate() - timedelta(days=days_ago), time(hour))
    )


def _callback(client, regisseur, days_ago, *, on_time):
    made = commitment_services.promise(
        client=client, party=Party.MUNICIPALITY, description="Wij bellen u terug",
        due_at=_moment(days_ago), origin=Origin.CALLBACK, actor=regisseur, allow_past=True,
    )  # fmt: skip
    closed = _moment(days_ago, 10 if on_time else 15) + (
        timedelta(0) if on_time else timedelta(days=1)
    )
    return commitment_services.fulfil(
        commitment=made, evidence=Evidence.CONTACT, actor=regisseur, moment=closed
    )


def _team(name, clients=6, late=2):
    team = TeamFactory(name=name)
    lead = make_staff(role=Role.TEAM_LEAD, team=team)
    regisseur = make_staff(team=team)
    people = [make_client(regisseur) for _ in range(clients)]
    for n, person in enumerate(people):
        _callback(person, regisseur, 10 + n, on_time=n >= late)
    return team, lead, regisseur, people


def _scope(**kwargs):
    today = timezone.localdate()
    return Scope(today - timedelta(days=60), today, **kwargs)


def test_callbacks_on_time_counts_kept_promises_over_due_ones():
    team, _lead, _reg, _people = _team("Team Noord")
    figure = metrics.BY_KEY["callbacks_on_time"].compute(_scope(team_id=team.pk))
    assert (figure.numerator, figure.denominator, figure.value) == (4, 6, 66.7)
    assert metrics.BY_KEY["callbacks_on_time"].clients(_scope(team_id=team.pk)).count() == 2


def test_every_metric_computes_on_an_empty_municipality_without_error():
    for metric in metrics.CATALOGUE:
        figure = metric.compute(_scope())
        assert figure.denominator == 0 and metric.name and metric.formula and metric.sources


def test_the_team_lead_sees_the_team_per_consultant_and_small_figures_are_hidden(client):
    team, lead, regisseur, _people = _team("Team Noord")
    other = make_staff(team=team)
    for n in range(3):
        _callback(make_client(other), other, 5 + n, on_time=True)
    client.force_login(lead)
    page = client.get(
        reverse("staff_insight:dashboard"), {"maat": "callbacks_on_time"}
    ).content.decode()
    assert "66.7" in page and regisseur.get_full_name() in page
    assert "verborgen: minder dan 5" in page  # the other consultant has 3
    assert "<svg" in page and 'role="img"' in page


def test_drilling_down_lists_the_clients_and_logs_each_dossier_read(client):
    _team_a, lead, _regisseur, people = _team("Team Noord")
    client.force_login(lead)
    page = client.get(reverse("staff_insight:drill", args=["callbacks_on_time"])).content.decode()
    late = people[:2]
    for person in late:
        assert person.full_name in page
    assert people[3].full_name not in page
    logged = AccessLogEntry.objects.filter(action="insight.drill.callbacks_on_time")
    assert {e.client_ref for e in logged} == {p.public_id for p in late}


def test_a_team_lead_drilling_into_another_team_is_refused(client):
    _team_a, lead, _reg, _people = _team("Team Noord")
    team_b, _lead_b, _reg_b, _people_b = _team("Team Zuid")
    client.force_login(lead)
    response = client.get(
        reverse("staff_insight:drill", args=["callbacks_on_time"]), {"team": team_b.pk}
    )
    assert response.status_code == 403 and "eigen team" in response.content.decode()
    assert client.get(reverse("staff_insight:dashboard"), {"team": team_b.pk}).status_code == 403


def test_a_period_without_data_says_so_instead_of_an_empty_chart(client):
    _team("Team Noord")
    admin = make_staff(role=Role.FUNCTIONAL_ADMIN)
    client.force_login(admin)
    page = client.get(
        reverse("staff_insight:dashboard"), {"van": "2001-01-01", "tot": "2001-02-01"}
    ).content.decode()
    assert "Er zijn geen gegevens in deze periode" in page and "<svg" not in page


def test_consultants_do_not_see_dashboards(client):
    _team_a, _lead, regisseur, _people = _team("Team Noord")
    client.force_login(regisseur)
    assert client.get(reverse("staff_insight:dashboard")).status_code == 403


def test_outflow_to_work_and_still_off_after_six_months():
    regisseur = make_staff()
    today = timezone.localdate()
    for n in range(6):
        person = make_client(regisseur)
        outflow.record_outflow(
            client=person, ended_on=today - timedelta(days=200 + n), reason="work", actor=regisseur
        )
        if n == 0:
            outflow.record_return(
                client=person, returned_on=today - timedelta(days=150), actor=regisseur
            )
    scope = Scope(today - timedelta(days=60), today)
    figure = metrics.BY_KEY["still_off_6"].compute(scope)
    assert (figure.numerator, figure.denominator) == (5, 6)


def test_what_works_shows_the_promises_kept_for_this_client(client):
    _team_a, _lead, regisseur, people = _team("Team Noord")
    client.force_login(regisseur)
    page = client.get(
        reverse("staff_insight:what_works", args=[people[3].public_id])
    ).content.decode()
    assert "1 van 1 op tijd nagekomen" in page or "1 of 1 kept on time" in page


def test_experience_figures_follow_the_k_rule_and_never_narrow_to_a_team():
    from maatwerk.voice.anonymous import week_of
    from maatwerk.voice.models import Feedback

    for n in range(3):
        Feedback.objects.create(
            week=week_of(), kind="idea", group="wmo", theme="taal", text=f"idee {n}", review="clear"
        )
    figure = metrics.BY_KEY["feedback_messages"].compute(_scope(group="wmo"))
    assert figure.denominator == 3 and figure.too_small
    team = TeamFactory(name="Team West")
    assert metrics.BY_KEY["feedback_messages"].compute(_scope(team_id=team.pk)).denominator == 0


def test_the_daily_aggregates_agree_with_the_promises_after_changes_and_a_move():
    from maatwerk.dossiers import services as dossier_services
    from maatwerk.insight import aggregates
    from maatwerk.insight.models import DayTally

    team_a, _lead, regisseur, people = _team("Team Noord")
    team_b = TeamFactory(name="Team Zuid")
    other = make_staff(team=team_b)
    scope_a, scope_b = _scope(team_id=team_a.pk), _scope(team_id=team_b.pk)
    assert metrics._on_time(scope_a, None).denominator == 6
    dossier_services.assign_regisseur(
        client=people[0], regisseur=other, actor=_lead, reason="Verhuisd"
    )
    assert metrics._on_time(scope_a, None).denominator == 5
    assert metrics._on_time(scope_b, None).denominator == 1
    extra = commitment_services.promise(
        client=people[1], party=Party.MUNICIPALITY, description="Nog een keer bellen",
        due_at=_moment(1), origin=Origin.CALLBACK, actor=regisseur, allow_past=True,
    )  # fmt: skip
    assert metrics._on_time(scope_a, None).denominator == 6
    commitment_services.withdraw(commitment=extra, reason="Dubbel", actor=regisseur)
    assert metrics._on_time(scope_a, None).denominator == 5
    before = {
        (d.measure, d.day, d.kind, d.team_id, d.total, d.hits) for d in DayTally.objects.all()
    }
    aggregates.rebuild()
    assert {
        (d.measure, d.day, d.kind, d.team_id, d.total, d.hits) for d in DayTally.objects.all()
    } == before
    figure = metrics._on_time(scope_a, None)
    direct = metrics._promises(scope_a, None).filter(status=Status.FULFILLED).count()
    assert (
        figure.denominator == metrics._promises(scope_a, None).count()
        and figure.numerator <= direct
    )


TALLIED = (
    "promises_on_time",
    "documents_routed",
    "plain_letters_good",
    "letters_opened",
    "messages_answered",
    "time_to_first_step",
    "ladder_up",
)


def _figures(scope):
    with metrics.shared_queries():
        return {
            key: (f.numerator, f.denominator)
            for key in TALLIED
            for f in [metrics.BY_KEY[key].compute(scope)]
        }


def _documents(person, regisseur, days_ago, late):
    """A document received and routed in the past, published as documents' services do."""
    from maatwerk.documents.events import DocumentReceived, DocumentRouted
    from maatwerk.documents.models import Document, IntakeBatch

    received = _moment(days_ago, 9)
    batch = IntakeBatch.objects.create(channel="portal", received_at=received, client=person)
    document = Document.objects.create(
        batch=batch, client=person, name="loonstrook.pdf", media_type="application/pdf",
        received_at=received,
    )  # fmt: skip
    document.routed_to = regisseur
    document.routed_at = received + timedelta(days=5 if late else 0, hours=2)
    document.save(update_fields=["routed_to", "routed_at"])
    events.publish(
        DocumentReceived(document_id=document.pk, client_id=person.pk, received_at=received)
    )
    events.publish(
        DocumentRouted(document_id=document.pk, client_id=person.pk, received_at=received)
    )


def _letter(person, regisseur, days_ago, verdict):
    """A letter sent in the past, published as letters' sending does."""
    from maatwerk.letters.events import LetterSent
    from maatwerk.letters.models import Letter

    letter = Letter.objects.create(
        client=person, purpose="appointment_invitation", subject="Uitnodiging", body="Tekst",
        language="nl", verdict=verdict, plain_language_needed=True, author=regisseur,
        sent_at=_moment(days_ago),
    )  # fmt: skip
    events.publish(LetterSent(letter_id=letter.pk, client_id=person.pk, sent_at=letter.sent_at))
    return letter


def _first_step(person, regisseur, days_ago):
    step = commitment_services.promise(
        client=person, party=Party.CLIENT, description="Cv maken", due_at=_moment(days_ago),
        origin=Origin.PLAN_STEP, actor=regisseur, allow_past=True,
    )  # fmt: skip
    return commitment_services.fulfil(
        commitment=step, evidence=Evidence.CONTACT, actor=regisseur, moment=_moment(days_ago, 15)
    )


def _measure(person, regisseur, rungs_by_days_ago):
    """Measurements on past days, published as a plan review does."""
    from maatwerk.plans.events import LadderMeasured
    from maatwerk.plans.models import LadderMeasurement

    for days_ago, rung in rungs_by_days_ago.items():
        measured = LadderMeasurement.objects.create(
            client=person, rung=rung, recorded_by=regisseur,
            measured_on=timezone.localdate() - timedelta(days=days_ago),
        )  # fmt: skip
        events.publish(
            LadderMeasured(
                measurement_id=measured.pk, client_id=person.pk, measured_on=measured.measured_on
            )
        )


def test_ladder_movement_compares_with_the_first_rung_in_the_half_year_before():
    team, _lead, regisseur, people = _team("Team Noord")
    _measure(people[0], regisseur, {100: 2, 10: 3})  # up
    _measure(people[1], regisseur, {150: 3, 5: 2})  # down
    _measure(
        people[2], regisseur, {300: 1, 10: 4}
    )  # the earlier one is more than half a year before
    _measure(people[3], regisseur, {30: 2})  # measured once
    _measure(people[4], regisseur, {170: 1, 90: 3, 20: 3})  # up; day 90 is outside the period
    scope = _scope(team_id=team.pk)  # the last 60 days
    assert metrics.BY_KEY["ladder_up"].compute(scope).value == round(100 * 2 / 3, 1)
    live = _scope(team_id=team.pk, consultant_id=regisseur.pk)
    assert metrics.BY_KEY["ladder_up"].compute(live) == metrics.BY_KEY["ladder_up"].compute(scope)
    _measure(people[1], regisseur, {160: 1})  # a lower first rung found later: now it went up
    assert metrics.BY_KEY["ladder_up"].compute(scope).value == 100.0


def test_the_daily_tallies_give_the_same_figures_as_the_rows_for_every_measure():
    """A team is read from the tallies, its only consultant from the rows: they must agree,
    also after a letter is opened, a message answered, a step undone and a client moved."""
    from django.contrib.auth.models import User

    from maatwerk.contacts import messages
    from maatwerk.dossiers import services as dossier_services
    from maatwerk.insight import aggregates
    from maatwerk.insight.models import DayTally
    from maatwerk.letters import sending

    team, lead, regisseur, people = _team("Team Noord")
    other = make_staff(team=TeamFactory(name="Team Zuid"))
    today = timezone.localdate()
    tallied = Scope(today - timedelta(days=60), today + timedelta(days=30), team.pk)
    live = Scope(tallied.first, tallied.last, team.pk, regisseur.pk)
    for n, person in enumerate(people):
        _documents(person, regisseur, 5 + n, late=n % 3 == 0)
        _letter(person, regisseur, 3 + n, "goed" if n % 2 else "let_op")
        _first_step(person, regisseur, 10 + n)
    _measure(people[0], regisseur, {100: 2, 10: 3})
    _measure(people[1], regisseur, {150: 3, 5: 2})
    _measure(people[2], regisseur, {40: 1})
    early = _first_step(people[0], regisseur, 20)
    _first_step(people[1], regisseur, 2)  # not their first: does not count
    sending.mark_opened(_letter(people[2], regisseur, 1, "goed"))
    for person in people[3:5]:
        person.user = User.objects.create_user(f"client-{person.pk}")
        person.save(update_fields=["user"])
    messages.send_from_client(client=people[3], text="Wanneer krijg ik mijn geld?")
    messages.send_from_client(client=people[4], text="Mijn adres is veranderd.")
    messages.reply(client=people[3], text="Volgende week.", actor=regisseur)
    figures = _figures(tallied)
    assert figures == _figures(live)
    assert figures["documents_routed"] == (4, 6)
    assert figures["plain_letters_good"] == (4, 7)
    assert figures["letters_opened"] == (1, 7)
    assert figures["messages_answered"] == (1, 2)
    assert figures["time_to_first_step"][1] == 6
    assert figures["ladder_up"] == (1, 2)

    # The first step turns out not done: no service reopens a step, so the test publishes
    # what changed, with the close from before, as a service would.
    closed_before = early.closed_at
    early.status, early.closed_at = Status.OPEN, None
    early.save()
    events.publish(
        CommitmentChanged(
            commitment_id=early.pk, client_id=early.client_id, party=early.party,
            origin=early.origin, due_at=early.due_at, closed_before=closed_before,
        )
    )  # fmt: skip
    dossier_services.assign_regisseur(
        client=people[5], regisseur=other, actor=lead, reason="Verhuisd"
    )
    assert _figures(tallied) == _figures(live)
    moved = _figures(Scope(tallied.first, tallied.last, other.staff.team_id))
    assert moved["documents_routed"][1] == 1 and moved["letters_opened"][1] == 1

    before = {
        (d.measure, d.day, d.kind, d.team_id, d.total, d.hits) for d in DayTally.objects.all()
    }
    aggregates.rebuild()
    after = {(d.measure, d.day, d.kind, d.team_id, d.total, d.hits) for d in DayTally.objects.all()}
    assert after == before


@pytest.mark.django_db(transaction=True)
def test_tallies_are_recounted_after_the_change_commits_and_not_after_a_rollback():
    from django.db import transaction

    from maatwerk.insight.models import DayTally

    team, _lead, regisseur, people = _team("Team Noord", clients=5, late=1)
    assert metrics.BY_KEY["callbacks_on_time"].compute(_scope(team_id=team.pk)).denominator == 5
    with pytest.raises(RuntimeError), transaction.atomic():
        _callback(people[0], regisseur, 3, on_time=True)
        raise RuntimeError("the change fails")
    assert metrics.BY_KEY["callbacks_on_time"].compute(_scope(team_id=team.pk)).denominator == 5
    with transaction.atomic():
        _callback(people[0], regisseur, 3, on_time=True)
        assert not DayTally.objects.filter(day=timezone.localdate() - timedelta(days=3)).exists()
    figure = metrics.BY_KEY["callbacks_on_time"].compute(_scope(team_id=team.pk))
    assert (figure.numerator, figure.denominator) == (5, 6)
