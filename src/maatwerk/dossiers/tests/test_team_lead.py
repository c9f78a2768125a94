"""Team lead work: another regisseur (with the e-mail to the client), absences, profiles."""

from datetime import date, timedelta
from email import message_from_bytes

import pytest
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from maatwerk.core.models import AccessLogEntry, Role
from maatwerk.dossiers import services
from maatwerk.dossiers.errors import DossierError
from maatwerk.dossiers.models import JournalEntry, StaffAbsence
from maatwerk.dossiers.tasks import tell_client_about_new_regisseur
from maatwerk.dossiers.tests.factories import TeamFactory, make_client, make_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def team():
    north = TeamFactory(name="Noord")
    lead = make_staff(role=Role.TEAM_LEAD, team=north, username="lead")
    first = make_staff(team=north, username="first", first_name="Sanne", last_name="Bakker")
    second = make_staff(team=north, username="second", first_name="Ayse", last_name="Kaya")
    return lead, first, second


def test_a_new_regisseur_is_mailed_to_the_client_once_through_a_real_smtp_server(
    team, smtp_server, django_capture_on_commit_callbacks
):
    _, first, second = team
    client = make_client(first, email="fatima@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        assignment = services.assign_regisseur(
            client=client, regisseur=second, actor=None, reason=""
        )
    assert (
        DBTaskResult.objects.filter(task_path__endswith="tell_client_about_new_regisseur").count()
        == 1
    )
    assert tell_client_about_new_regisseur.call(assignment.pk) is True
    assert tell_client_about_new_regisseur.call(assignment.pk) is False
    assert len(smtp_server.messages) == 1
    mail = message_from_bytes(smtp_server.messages[0].content)
    assert smtp_server.messages[0].rcpt_tos == ["fatima@example.org"]
    assert mail["Subject"] == "U hebt een nieuwe regisseur"
    assert client.bsn not in mail.get_payload(decode=True).decode()
    assert JournalEntry.objects.filter(client=client, kind="regisseur.notified").count() == 1


def test_without_an_e_mail_address_no_mail_is_sent(team, smtp_server):
    _, first, second = team
    client = make_client(first, email="")
    assignment = services.assign_regisseur(client=client, regisseur=second, actor=None, reason="")
    assert tell_client_about_new_regisseur.call(assignment.pk) is False
    assert smtp_server.messages == []


def test_the_team_lead_chooses_another_regisseur_with_a_reason(client, team):
    lead, first, second = team
    target = make_client(first)
    client.force_login(lead)
    url = reverse("staff:reassign", args=[target.public_id])
    page = client.post(url, {"regisseur": second.pk, "change_reason": "x"})
    assert "minstens 5 tekens" in page.content.decode()
    response = client.post(url, {"regisseur": second.pk, "change_reason": "Cliënt is verhuisd"})
    assert response.status_code == 302
    assert target.assignments.get(ended_at__isnull=True).regisseur == second


def test_a_consultant_cannot_reassign(client, team):
    _, first, _second = team
    target = make_client(first)
    client.force_login(first)
    assert client.get(reverse("staff:reassign", args=[target.public_id])).status_code == 403


def test_the_team_lead_registers_an_absence_and_bad_dates_are_explained(client, team):
    lead, first, second = team
    client.force_login(lead)
    url = reverse("staff:absences")
    today = date.today()
    bad = client.post(
        url,
        {
            "staff": first.pk,
            "deputy": second.pk,
            "starts_on": today + timedelta(days=5),
            "ends_on": today,
        },
    )
    assert "na het begin" in bad.content.decode()
    same = client.post(
        url, {"staff": first.pk, "deputy": first.pk, "starts_on": today, "ends_on": today}
    )
    assert "eigen vervanger" in same.content.decode()
    garbled = client.post(
        url, {"staff": first.pk, "deputy": second.pk, "starts_on": "31-31-2026", "ends_on": today}
    )
    assert "geldige datum" in garbled.content.decode()
    assert StaffAbsence.objects.count() == 0
    ok = client.post(
        url,
        {
            "staff": first.pk,
            "deputy": second.pk,
            "starts_on": today,
            "ends_on": today + timedelta(days=2),
        },
    )
    assert ok.status_code == 302
    assert StaffAbsence.objects.get().deputy == second


def test_the_regisseur_changes_the_communication_profile_and_the_client_sees_that(client, team):
    _, first, _ = team
    target = make_client(first)
    client.force_login(first)
    url = reverse("staff:edit_profile", args=[target.public_id])
    form = {
        "language": "tr",
        "plain_language": "on",
        "interpreter_needed": "on",
        "interpreter_language": "",
        "preferred_channel": "letter",
    }
    missing = client.post(url, form)
    assert "taal voor de tolk" in missing.content.decode()
    bad_code = client.post(url, {**form, "language": "Turks!!", "interpreter_language": "tr"})
    assert "code van 2 of 3 letters" in bad_code.content.decode()
    saved = client.post(url, {**form, "interpreter_language": "tr"})
    assert saved.status_code == 302
    target.profile.refresh_from_db()
    assert (
        target.profile.language,
        target.profile.interpreter_needed,
        target.profile.preferred_channel,
    ) == ("tr", True, "letter")
    assert JournalEntry.objects.filter(
        client=target, kind="profile.updated", visibility="client"
    ).exists()


def test_someone_with_only_a_reason_cannot_change_the_profile(client, team):
    _, first, _ = team
    target = make_client(first)
    intake = make_staff(role=Role.INTAKE, username="intake")
    client.force_login(intake)
    url = reverse("staff:edit_profile", args=[target.public_id])
    response = client.post(
        reverse("staff:dossier", args=[target.public_id]),
        {"reason": "Vraag aan de balie over brief"},
    )
    assert response.status_code == 200
    assert client.get(url).status_code == 403
    tried = AccessLogEntry.objects.get(actor=intake, action="edit_profile")
    assert tried.result == "refused"


def test_the_service_refuses_an_interpreter_without_language(team):
    _, first, _ = team
    target = make_client(first)
    with pytest.raises(DossierError):
        services.update_profile(
            client=target,
            actor=first,
            changes={"interpreter_needed": True, "interpreter_language": ""},
        )


def test_journal_texts_are_dutch_even_when_the_team_lead_works_in_english(client, team):
    lead, first, second = team
    target = make_client(first)
    client.force_login(lead)
    client.post(reverse("set_language"), {"language": "en", "next": "/werk/"})
    client.post(
        reverse("staff:reassign", args=[target.public_id]),
        {"regisseur": second.pk, "change_reason": "Nieuw team"},
    )
    told = JournalEntry.objects.filter(client=target, kind="regisseur.assigned").first()
    assert told.summary.startswith("Uw regisseur is nu")


def test_the_team_leads_caseload_logs_a_read_for_each_colleagues_client_named(client):
    lead = make_staff(role=Role.TEAM_LEAD, username="lead")
    colleague = make_staff(username="collega")
    theirs = [make_client(colleague) for _ in range(3)]
    client.force_login(lead)
    client.get(reverse("staff:caseload"))
    logged = AccessLogEntry.objects.filter(actor=lead, action="view_caseload")
    assert {e.client_ref for e in logged} == {c.public_id for c in theirs}
    assert {e.basis for e in logged} == {"team_lead"}
    client.force_login(colleague)
    client.get(reverse("staff:caseload"))
    assert not AccessLogEntry.objects.filter(actor=colleague, action="view_caseload").exists()
