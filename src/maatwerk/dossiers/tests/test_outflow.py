"""Recording that the benefit stops, and that a client comes back, in the staff workspace:
each bad input gets a Dutch message and the form keeps what was typed."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from maatwerk.core.models import Role
from maatwerk.dossiers.models import ClientStatus, Outflow
from maatwerk.dossiers.tests.factories import TeamFactory, make_client, make_staff

pytestmark = pytest.mark.django_db


def _dossier(client):
    regisseur = make_staff(team=TeamFactory(name="Team Oost"))
    person = make_client(regisseur)
    client.force_login(regisseur)
    return person, reverse("staff:outflow", args=[person.public_id])


def test_the_regisseur_records_outflow_to_work_and_later_the_return(client):
    person, url = _dossier(client)
    ended = timezone.localdate() - timedelta(days=3)
    response = client.post(url, {"ended_on": ended.isoformat(), "why": "work"})
    assert response.status_code == 302
    made = Outflow.objects.get(client=person)
    assert (made.ended_on, made.reason, made.returned_on) == (ended, "work", None)
    person.refresh_from_db()
    assert person.status == ClientStatus.ENDED
    assert person.journal.filter(kind="outflow.recorded").exists()

    page = client.get(url)
    assert "krijgt weer een uitkering" in page.content.decode()
    back = timezone.localdate()
    assert client.post(url, {"returned_on": back.strftime("%d-%m-%Y")}).status_code == 302
    made.refresh_from_db()
    assert made.returned_on == back


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"ended_on": "", "why": "work"}, "Vul de dag in."),
        ({"ended_on": "31-02-2026", "why": "work"}, "Schrijf de datum als dag-maand-jaar"),
        ({"ended_on": "2026-11-01", "why": ""}, "Kies waarom de uitkering stopt."),
        ({"ended_on": "2026-11-01", "why": "lottery"}, "Kies waarom de uitkering stopt."),
    ],
)
def test_bad_input_is_named_in_dutch_and_nothing_is_recorded(client, data, message):
    person, url = _dossier(client)
    response = client.post(url, data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Outflow.objects.filter(client=person).exists()


def test_an_end_far_ahead_and_a_return_before_the_end_are_refused(client):
    person, url = _dossier(client)
    far = timezone.localdate() + timedelta(days=100)
    response = client.post(url, {"ended_on": far.isoformat(), "why": "work"})
    assert "hoogstens twee maanden vooruit" in response.content.decode()
    assert far.isoformat() in response.content.decode()  # what was typed is kept
    ended = timezone.localdate()
    client.post(url, {"ended_on": ended.isoformat(), "why": "work"})
    early = ended - timedelta(days=5)
    response = client.post(url, {"returned_on": early.isoformat()})
    assert "kan niet voor het einde" in response.content.decode()
    assert Outflow.objects.get(client=person).returned_on is None


def test_a_consultant_who_is_not_the_regisseur_cannot_record_outflow(client):
    person, url = _dossier(client)
    client.force_login(make_staff(role=Role.CONSULTANT, team=TeamFactory(name="Team West")))
    response = client.post(url, {"ended_on": timezone.localdate().isoformat(), "why": "work"})
    assert response.status_code == 403
    assert not Outflow.objects.filter(client=person).exists()


def test_a_second_save_of_the_same_outflow_records_it_once(client):
    person, url = _dossier(client)
    data = {"ended_on": timezone.localdate().isoformat(), "why": "work"}
    assert client.post(url, data).status_code == 302
    from maatwerk.dossiers import outflow
    from maatwerk.dossiers.errors import DossierError

    with pytest.raises(DossierError, match="Er is al een uitstroom vastgelegd"):
        outflow.record_outflow(
            client=person, ended_on=timezone.localdate(), reason="work", actor=None
        )
    assert Outflow.objects.filter(client=person).count() == 1
