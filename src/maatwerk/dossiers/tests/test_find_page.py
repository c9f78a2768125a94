"""The register search page: for intake, team leads and functional administrators, with a
purpose; it says when nothing or too much is found, and never repeats a BSN."""

import pytest
from django.urls import reverse

from maatwerk.core.models import AccessLogEntry, Role
from maatwerk.dossiers.tests.factories import make_client, make_staff

pytestmark = pytest.mark.django_db

PURPOSE = "Post zonder klantnummer koppelen"


def test_without_a_purpose_the_search_is_refused_with_a_dutch_message_and_nothing_logged(client):
    make_client(make_staff(), family_name="Рябошапка")
    client.force_login(make_staff(role=Role.INTAKE))
    response = client.post(reverse("staff:find"), {"q": "Riaboshapka", "purpose": "kort"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Schrijf waarom u in het hele register zoekt" in page
    assert 'value="Riaboshapka"' in page and 'value="kort"' in page  # nothing typed is lost
    assert not AccessLogEntry.objects.exists()


def test_intake_finds_riaboshapka_written_in_cyrillic_and_the_read_is_logged(client):
    person = make_client(make_staff(), family_name="Рябошапка", given_names="Олена")
    client.force_login(make_staff(role=Role.INTAKE))
    page = client.post(reverse("staff:find"), {"q": "Riaboshapka", "purpose": PURPOSE})
    assert "Рябошапка, Олена" in page.content.decode()
    logged = AccessLogEntry.objects.get(client_ref=person.public_id)
    assert logged.reason == PURPOSE and logged.flagged


def test_a_search_that_finds_nothing_says_so(client):
    client.force_login(make_staff(role=Role.INTAKE))
    page = client.post(reverse("staff:find"), {"q": "Zzyzx", "purpose": PURPOSE}).content.decode()
    assert "0 cliënten gevonden" in page


def test_a_search_that_finds_more_than_fifty_says_so_and_shows_fifty(client):
    regisseur = make_staff()
    for _ in range(51):
        make_client(regisseur, family_name="Jansen")
    client.force_login(make_staff(role=Role.TEAM_LEAD))
    page = client.post(reverse("staff:find"), {"q": "Jansen", "purpose": PURPOSE}).content.decode()
    assert "51 cliënten gevonden" in page
    assert "preciezer" in page
    assert page.count('name="reason"') == 50


def test_a_bsn_is_never_repeated_on_the_page(client):
    person = make_client(make_staff())
    client.force_login(make_staff(role=Role.INTAKE))
    page = client.post(
        reverse("staff:find"), {"q": person.bsn, "purpose": PURPOSE}
    ).content.decode()
    assert person.client_number in page
    assert person.bsn not in page


@pytest.mark.parametrize("role", [Role.CONSULTANT, Role.COUNCIL_MEMBER, Role.RESEARCHER])
def test_roles_without_the_register_search_are_refused_and_nothing_is_logged(client, role):
    make_client(make_staff(), family_name="Jansen")
    client.force_login(make_staff(role=role))
    response = client.post(reverse("staff:find"), {"q": "Jansen", "purpose": PURPOSE})
    assert response.status_code == 403
    assert "Jansen" not in response.content.decode()
    assert not AccessLogEntry.objects.exists()
