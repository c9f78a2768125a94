"""Views through Django's test client: login and lock-out, refusals, and query counts."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from maatwerk.core.models import AccessLogEntry, AccessResult, Role
from maatwerk.dossiers import journal
from maatwerk.dossiers.portal_auth import portal_user_for
from maatwerk.dossiers.tests.factories import make_client, make_staff

pytestmark = pytest.mark.django_db


def login(client, username, password="geheim-wachtwoord"):
    return client.post(reverse("staff:login"), {"username": username, "password": password})


def test_a_wrong_password_gets_a_clear_dutch_message(client):
    make_staff(username="s.bakker")
    response = login(client, "s.bakker", "fout")
    assert "klopt niet" in response.content.decode()


def test_repeated_wrong_passwords_lock_the_account_even_for_the_right_one(client, settings):
    make_staff(username="s.bakker")
    for _ in range(settings.LOGIN_FAILURE_LIMIT):
        response = login(client, "s.bakker", "fout")
    assert "op slot" in response.content.decode()
    response = login(client, "s.bakker")
    assert "op slot" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_correct_login_leads_to_the_caseload(client):
    me = make_staff(username="s.bakker")
    make_client(me, family_name="Yilmaz")
    response = login(client, "s.bakker")
    assert response.status_code == 302
    page = client.get(reverse("staff:caseload")).content.decode()
    assert "Yilmaz" in page


def test_searching_posts_so_a_bsn_never_appears_in_a_url(client):
    me = make_staff(username="s.bakker")
    target = make_client(me, family_name="Yilmaz", bsn="111222333")
    client.force_login(me)
    response = client.post(reverse("staff:caseload"), {"q": "111222333"})
    assert target.client_number in response.content.decode()
    assert "111222333" not in response.content.decode()


def test_an_outsider_finds_an_exact_number_but_must_give_a_reason(client):
    outsider = make_staff(username="out")
    target = make_client(make_staff(username="reg"))
    client.force_login(outsider)
    page = client.post(reverse("staff:caseload"), {"q": target.client_number}).content.decode()
    assert "alleen openen met een reden" in page
    url = reverse("staff:dossier", args=[target.public_id])
    refused = client.get(url)
    assert refused.status_code == 403
    short = client.post(url, {"reason": "kort"})
    assert "minstens" in short.content.decode()
    opened = client.post(url, {"reason": "Cliënt belt met vraag over zijn brief"})
    assert opened.status_code == 200 and target.family_name in opened.content.decode()
    assert AccessLogEntry.objects.filter(actor=outsider, flagged=True).exists()


def test_a_client_trying_a_staff_dossier_page_gets_404_and_is_logged(client):
    regisseur = make_staff(username="reg")
    mine, other = make_client(regisseur), make_client(regisseur)
    user = portal_user_for(mine)
    client.force_login(user)
    response = client.get(reverse("staff:dossier", args=[other.public_id]))
    assert response.status_code == 404
    assert AccessLogEntry.objects.get(actor=user).result == AccessResult.NOT_FOUND


def test_the_portal_shows_the_regisseur_timeline_and_who_looked(client):
    regisseur = make_staff(username="reg", first_name="Sanne", last_name="Bakker")
    mine = make_client(regisseur)
    client.force_login(regisseur)
    client.get(reverse("staff:dossier", args=[mine.public_id]))
    client.logout()
    client.force_login(portal_user_for(mine))
    home = client.get(reverse("portal:home")).content.decode()
    assert "Sanne Bakker" in home
    log = client.get(reverse("portal:access_log")).content.decode()
    assert "consulent" in log and "Uw regisseur werkte aan uw dossier" in log


def test_an_editing_session_is_one_row_with_a_count_and_an_outsiders_reason_its_own(client):
    regisseur = make_staff(username="reg", first_name="Sanne", last_name="Bakker")
    mine = make_client(regisseur)
    client.force_login(regisseur)
    for _ in range(13):
        client.get(reverse("staff:dossier", args=[mine.public_id]))
    outsider = make_staff(role=Role.INTAKE, username="intake")
    client.force_login(outsider)
    url = reverse("staff:dossier", args=[mine.public_id])
    client.post(url, {"reason": "Post van de cliënt koppelen aan het dossier"})
    assert AccessLogEntry.objects.filter(client_ref=mine.public_id).count() == 14
    client.force_login(portal_user_for(mine))
    log = client.get(reverse("portal:access_log")).content.decode()
    assert log.count("(13 keer)") == 1
    assert log.count("Uw regisseur werkte aan uw dossier") == 1
    assert "Post van de cliënt koppelen aan het dossier" in log


def test_the_team_lead_sees_accesses_with_reason(client):
    lead = make_staff(role=Role.TEAM_LEAD, username="lead")
    target = make_client(make_staff(username="reg"))
    outsider = make_staff(role=Role.INTAKE, username="intake")
    client.force_login(outsider)
    client.post(
        reverse("staff:dossier", args=[target.public_id]),
        {"reason": "Vraag aan de balie over uitkering"},
    )
    client.force_login(lead)
    page = client.get(reverse("staff:access_review")).content.decode()
    assert "Vraag aan de balie over uitkering" in page


def _count_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_the_number_of_queries_per_page_does_not_grow_with_the_data(client):
    me = make_staff(username="me")
    first = make_client(me)
    client.force_login(me)
    caseload_small = _count_queries(client, reverse("staff:caseload"))
    dossier_url = reverse("staff:dossier", args=[first.public_id])
    dossier_small = _count_queries(client, dossier_url)
    for _ in range(30):
        make_client(me)
    for i in range(60):
        journal.record(
            client=first,
            kind="x",
            summary=f"Gebeurtenis {i}",
            moment=timezone.now() - timedelta(days=i),
        )
    assert _count_queries(client, reverse("staff:caseload")) == caseload_small
    assert _count_queries(client, dossier_url) == dossier_small
    client.force_login(portal_user_for(first))
    portal_small = _count_queries(client, reverse("portal:timeline"))
    for i in range(30):
        journal.record(client=first, kind="x", summary=f"Meer {i}")
    assert _count_queries(client, reverse("portal:timeline")) == portal_small


def test_the_bsn_is_shown_only_on_request_and_that_is_logged(client):
    me = make_staff(username="me")
    target = make_client(me, bsn="111222333")
    client.force_login(me)
    url = reverse("staff:dossier", args=[target.public_id])
    assert "111222333" not in client.get(url).content.decode()
    shown = client.post(reverse("staff:show_bsn", args=[target.public_id]))
    assert "111222333" in shown.content.decode()
    assert AccessLogEntry.objects.filter(actor=me, action="view_bsn").count() == 1
    assert "111222333" not in client.get(reverse("staff:caseload")).content.decode()


def test_look_alike_spellings_share_one_lock_out_counter(client, settings):
    make_staff(username="s.bakker")
    for _ in range(settings.LOGIN_FAILURE_LIMIT):
        login(client, "S.Bakker", "fout")
    response = login(client, "ｓ.bakker")  # full-width s: Django normalises it to s.bakker
    assert "op slot" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_finding_a_dossier_outside_the_caseload_shows_no_name_and_is_logged(client):
    outsider = make_staff(username="out")
    target = make_client(make_staff(username="reg"), family_name="Zwanenburg")
    client.force_login(outsider)
    page = client.post(reverse("staff:caseload"), {"q": target.client_number}).content.decode()
    assert f"Dossier met klantnummer {target.client_number}" in page
    assert "Zwanenburg" not in page
    found = AccessLogEntry.objects.get(actor=outsider, action="find_outside")
    assert found.flagged and found.client_ref == target.public_id


def test_council_members_and_researchers_find_nothing_outside(client):
    target = make_client(make_staff(username="reg"))
    for role in (Role.COUNCIL_MEMBER, Role.RESEARCHER):
        member = make_staff(role=role)
        client.force_login(member)
        page = client.post(reverse("staff:caseload"), {"q": target.client_number}).content.decode()
        assert "klantnummer " + target.client_number not in page
    assert not AccessLogEntry.objects.filter(action="find_outside").exists()


def test_the_second_page_of_search_results_keeps_the_search(client):
    me = make_staff(username="me")
    for i in range(30):
        make_client(me, family_name=f"Jansen{i:02d}")
    make_client(me, family_name="Yilmaz")
    client.force_login(me)
    second = client.post(reverse("staff:caseload"), {"q": "Jansen", "pagina": "2"}).content.decode()
    assert "Jansen29" in second and "Yilmaz" not in second
    assert 'name="pagina" value="1"' in second


def test_portal_and_team_lead_pages_do_not_grow_in_queries_with_the_data(client):
    lead = make_staff(role=Role.TEAM_LEAD, username="lead")
    regisseur = make_staff(username="reg")
    mine = make_client(regisseur)
    outsider = make_staff(role=Role.INTAKE, username="intake")

    def open_with_reason(times):
        client.force_login(outsider)
        for _ in range(times):
            client.post(
                reverse("staff:dossier", args=[mine.public_id]),
                {"reason": "Vraag aan de balie over brief"},
            )
            client.post(
                reverse("staff:dossier", args=[make_client(regisseur).public_id]),
                {"reason": "Vraag aan de balie over brief"},
            )

    open_with_reason(1)
    client.force_login(lead)
    review_small = _count_queries(client, reverse("staff:access_review"))
    client.force_login(portal_user_for(mine))
    home_small = _count_queries(client, reverse("portal:home"))
    log_small = _count_queries(client, reverse("portal:access_log"))
    open_with_reason(12)
    client.force_login(lead)
    assert _count_queries(client, reverse("staff:access_review")) == review_small
    client.force_login(portal_user_for(mine))
    assert _count_queries(client, reverse("portal:home")) == home_small
    assert _count_queries(client, reverse("portal:access_log")) == log_small
