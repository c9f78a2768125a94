from datetime import timedelta

import pytest
from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st

from maatwerk.core.models import Role
from maatwerk.dossiers import queries, services
from maatwerk.dossiers.errors import DossierError
from maatwerk.dossiers.tests.factories import TeamFactory, make_client, make_staff

pytestmark = pytest.mark.django_db


def test_the_regisseur_is_responsible_when_present():
    regisseur = make_staff(username="a")
    client = make_client(regisseur)
    assert queries.responsible_for(client, timezone.now()) == regisseur


def test_the_deputy_is_responsible_during_an_absence_and_only_then():
    regisseur, deputy = make_staff(username="a"), make_staff(username="b")
    client = make_client(regisseur)
    now = timezone.now()
    services.register_staff_absence(
        staff=regisseur,
        deputy=deputy,
        starts_at=now + timedelta(hours=1),
        ends_at=now + timedelta(days=5),
    )
    assert queries.responsible_for(client, now) == regisseur
    assert queries.responsible_for(client, now + timedelta(days=1)) == deputy
    assert queries.responsible_for(client, now + timedelta(days=6)) == regisseur


def test_an_absent_deputy_passes_it_on_to_their_own_deputy():
    a, b, c = make_staff(username="a"), make_staff(username="b"), make_staff(username="c")
    client = make_client(a)
    now = timezone.now()
    services.register_staff_absence(
        staff=a, deputy=b, starts_at=now, ends_at=now + timedelta(days=5)
    )
    services.register_staff_absence(
        staff=b, deputy=c, starts_at=now, ends_at=now + timedelta(days=5)
    )
    assert queries.responsible_for(client, now + timedelta(hours=1)) == c


def test_deputies_that_point_at_each_other_do_not_loop():
    a, b = make_staff(username="a"), make_staff(username="b")
    client = make_client(a)
    now = timezone.now()
    services.register_staff_absence(
        staff=a, deputy=b, starts_at=now, ends_at=now + timedelta(days=5)
    )
    services.register_staff_absence(
        staff=b, deputy=a, starts_at=now, ends_at=now + timedelta(days=5)
    )
    assert queries.responsible_for(client, now + timedelta(hours=1)) in {a, b}


@settings(max_examples=25, deadline=None)
@given(
    start=st.integers(min_value=-30, max_value=30),
    length=st.integers(min_value=1, max_value=30),
    probe=st.integers(min_value=-40, max_value=70),
)
def test_responsibility_follows_the_absence_window(start, length, probe):
    regisseur, deputy = make_staff(), make_staff()
    client = make_client(regisseur)
    base = timezone.now()
    starts = base + timedelta(days=start)
    services.register_staff_absence(
        staff=regisseur, deputy=deputy, starts_at=starts, ends_at=starts + timedelta(days=length)
    )
    moment = base + timedelta(days=probe, seconds=1)
    expected = deputy if starts <= moment < starts + timedelta(days=length) else regisseur
    if moment < client.assignments.get().started_at:
        expected = None
    assert queries.responsible_for(client, moment) == expected


def test_an_absence_must_end_after_it_starts_and_need_another_person():
    a, b = make_staff(username="a"), make_staff(username="b")
    now = timezone.now()
    with pytest.raises(DossierError, match="na"):
        services.register_staff_absence(staff=a, deputy=b, starts_at=now, ends_at=now)
    with pytest.raises(DossierError):
        services.register_staff_absence(
            staff=a, deputy=a, starts_at=now, ends_at=now + timedelta(days=1)
        )


def test_a_caseload_holds_own_clients_and_those_of_colleagues_deputised_for():
    me, colleague, other = (
        make_staff(username="me"),
        make_staff(username="col"),
        make_staff(username="oth"),
    )
    mine = make_client(me)
    theirs = make_client(colleague)
    make_client(other)
    now = timezone.now()
    assert set(queries.caseload(me, now)) == {mine}
    services.register_staff_absence(
        staff=colleague,
        deputy=me,
        starts_at=now - timedelta(hours=1),
        ends_at=now + timedelta(days=1),
    )
    assert set(queries.caseload(me, timezone.now())) == {mine, theirs}


def test_a_team_lead_sees_the_whole_team_and_not_other_teams():
    north, south = TeamFactory(name="Noord"), TeamFactory(name="Zuid")
    lead = make_staff(role=Role.TEAM_LEAD, team=north, username="lead")
    a = make_client(make_staff(team=north))
    b = make_client(make_staff(team=north))
    make_client(make_staff(team=south))
    assert set(queries.caseload(lead, timezone.now())) == {a, b}


def test_search_finds_by_name_number_postcode_and_whole_bsn_only():
    me = make_staff()
    target = make_client(me, family_name="Yilmaz", postcode="3902 KL", bsn="111222333")
    make_client(me, family_name="Jansen", postcode="3901 AB")
    clients = queries.caseload(me, timezone.now())
    assert list(queries.search(clients, "yilm")) == [target]
    assert list(queries.search(clients, target.client_number)) == [target]
    assert list(queries.search(clients, "3902kl")) == [target]
    assert list(queries.search(clients, "111222333")) == [target]
    assert list(queries.search(clients, "11122")) == []
    assert list(queries.search(clients, "111222334")) == []


def test_the_caseload_follows_a_chain_of_absences_like_responsibility_does():
    a, b, c = make_staff(username="a"), make_staff(username="b"), make_staff(username="c")
    client = make_client(a)
    now = timezone.now()
    services.register_staff_absence(
        staff=a, deputy=b, starts_at=now - timedelta(hours=1), ends_at=now + timedelta(days=5)
    )
    services.register_staff_absence(
        staff=b, deputy=c, starts_at=now - timedelta(hours=1), ends_at=now + timedelta(days=5)
    )
    moment = timezone.now()
    assert queries.responsible_for(client, moment) == c
    assert client in set(queries.caseload(c, moment))


def test_a_team_lead_who_deputises_also_sees_that_colleagues_clients():
    north, south = TeamFactory(name="Noord"), TeamFactory(name="Zuid")
    lead = make_staff(role=Role.TEAM_LEAD, team=north, username="lead")
    away = make_staff(team=south, username="away")
    theirs = make_client(away)
    now = timezone.now()
    services.register_staff_absence(
        staff=away, deputy=lead, starts_at=now - timedelta(hours=1), ends_at=now + timedelta(days=1)
    )
    assert theirs in set(queries.caseload(lead, timezone.now()))


def test_responsibility_for_many_clients_at_once_agrees_with_one_by_one():
    a, b, c, d = (make_staff(username=name) for name in "abcd")
    clients = [make_client(a), make_client(b), make_client(c), make_client(d)]
    now = timezone.now()
    services.register_staff_absence(
        staff=a, deputy=b, starts_at=now, ends_at=now + timedelta(days=5)
    )
    services.register_staff_absence(
        staff=b, deputy=c, starts_at=now, ends_at=now + timedelta(days=5)
    )
    services.register_staff_absence(
        staff=d, deputy=a, starts_at=now, ends_at=now + timedelta(days=5)
    )
    moment = now + timedelta(hours=1)
    many = queries.responsible_for_many([client.pk for client in clients], moment)
    assert many == {client.pk: queries.responsible_for(client, moment) for client in clients}
    assert many[clients[0].pk] == c
