"""The metric catalogue on real rows, the dashboards with the k rule, drilling down to the
clients behind a figure (logged; own team only), and the client's "wat werkt" page."""

from datetime import datetime, time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from maatwerk.commitments import services as commitment_services
from maatwerk.commitments.models import Origin, Party, Status
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
    made.status = Status.FULFILLED
    made.closed_at = _moment(days_ago, 10 if on_time else 15) + (
        timedelta(0) if on_time else timedelta(days=1)
    )
    made.save()  # as the services do: the daily aggregates follow
    return made


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
    assert client.get(reverse("staff_insight:dashboard")).status_code == 404


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
    from maatwerk.insight.models import PromiseDay

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
    before = {(d.day, d.origin, d.team_id, d.total, d.kept) for d in PromiseDay.objects.all()}
    aggregates.rebuild()
    assert {
        (d.day, d.origin, d.team_id, d.total, d.kept) for d in PromiseDay.objects.all()
    } == before
    figure = metrics._on_time(scope_a, None)
    direct = metrics._promises(scope_a, None).filter(status=Status.FULFILLED).count()
    assert (
        figure.denominator == metrics._promises(scope_a, None).count()
        and figure.numerator <= direct
    )
