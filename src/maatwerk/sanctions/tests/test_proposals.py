"""Sanction proposals: every finding type of the evidence check, blocking and the team lead's
explanation, the hearing, four eyes, the decision letter, objections, and the bad inputs."""

from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone

from maatwerk.commitments import services as commitment_services
from maatwerk.commitments.models import Party
from maatwerk.contacts import messages
from maatwerk.contacts import services as contact_services
from maatwerk.contacts.appointments import request_reschedule
from maatwerk.contacts.models import Appointment, AppointmentStatus, RescheduleRequest
from maatwerk.core.models import Role
from maatwerk.documents.intake import IncomingFile
from maatwerk.dossiers.models import JournalEntry
from maatwerk.dossiers.portal_auth import portal_user_for
from maatwerk.dossiers.tests.factories import make_client, make_staff
from maatwerk.letters import sending
from maatwerk.sanctions import absences, objections, proposals
from maatwerk.sanctions.errors import SanctionError
from maatwerk.sanctions.models import Proposal, ProposalStatus

pytestmark = pytest.mark.django_db


def _people():
    regisseur = make_staff(first_name="Sanne", last_name="Bakker")
    lead = make_staff(role=Role.TEAM_LEAD)
    person = make_client(regisseur)
    portal_user_for(person)
    person.refresh_from_db()
    return person, regisseur, lead


def _day(days_ago):
    return timezone.localdate() - timedelta(days=days_ago)


def _moment(days_ago, hour=10):
    return timezone.make_aware(datetime.combine(_day(days_ago), time(hour)))


def _missed_appointment(person, regisseur, days_ago=5):
    appointment = Appointment.objects.create(
        client=person,
        staff=regisseur,
        kind="in_person",
        location="Stadskantoor",
        starts_at=_moment(days_ago),
        ends_at=_moment(days_ago, 11),
        subject="Gesprek over werk",
        status=AppointmentStatus.PLANNED,
        created_by=regisseur,
    )
    return appointment


def _propose(person, regisseur, code="afspraak", days_ago=5, **extra):
    return proposals.propose(
        client=person,
        code=code,
        event_date=_day(days_ago),
        facts="De cliënt kwam niet naar het gesprek van die dag en belde niet af.",
        actor=regisseur,
        **extra,
    )


def _agreed_plan_with_obstacle(person, regisseur, kind):
    from maatwerk.plans import agreement, drafts
    from maatwerk.plans.tests.factories import ready_draft

    draft = ready_draft(person, regisseur)
    drafts.add_obstacle(
        version=draft, revision=draft.revision, kind=kind, description="Rugklachten",
        approach="", private=False,
    )  # fmt: skip
    draft.refresh_from_db()
    drafts.propose(version=draft, revision=draft.revision, actor=regisseur)
    draft.refresh_from_db()
    agreement.agree(version=draft, client=person, revision=draft.revision)


def _kinds(proposal):
    return {(f["kind"], f["direction"], f["blocking"]) for f in proposal.findings}


def test_a_registered_absence_on_the_day_blocks_until_a_team_lead_explains():
    person, regisseur, lead = _people()
    absences.report(
        client=person, kind="holiday", first_day=_day(10), last_day=_day(1), abroad=True,
        place="Turkije", note="", via="portal", actor=person.user,
    )  # fmt: skip
    appointment = _missed_appointment(person, regisseur)
    proposal = _propose(person, regisseur, appointment=appointment)
    assert proposal.status == ProposalStatus.BLOCKED
    assert ("absence", "against", True) in _kinds(proposal)
    with pytest.raises(SanctionError, match="houdt dit voorstel tegen"):
        proposals.start_hearing(proposal=proposal, actor=regisseur)
    with pytest.raises(SanctionError, match="teamleider"):
        proposals.explain_finding(
            proposal=proposal,
            key=proposal.blocking()[0]["key"],
            reason="Geldt niet, echt.",
            actor=regisseur,
        )
    proposals.explain_finding(
        proposal=proposal,
        key=proposal.blocking()[0]["key"],
        reason="De cliënt kwam al terug op dag 6; de afspraak was daarna.",
        actor=lead,
    )
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.READY and not proposal.blocking()


def test_a_receipt_for_documents_in_the_period_blocks_a_documents_sanction():
    person, regisseur, _lead = _people()
    messages.send_from_client(
        client=person,
        text="Hier is mijn bankafschrift",
        files=[
            IncomingFile(
                name="afschrift.pdf", data=b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"
            )
        ],
    )
    proposal = _propose(person, regisseur, code="sollicitaties", days_ago=0)
    blocking = [f for f in proposal.findings if f["blocking"]]
    assert blocking and blocking[0]["kind"] == "receipt"
    assert "ontvangstbewijs" in blocking[0]["text"]


def test_a_request_for_another_time_blocks_a_missed_appointment_sanction():
    person, regisseur, _lead = _people()
    appointment = _missed_appointment(person, regisseur, days_ago=2)
    Appointment.objects.filter(pk=appointment.pk).update(
        starts_at=timezone.now() + timedelta(days=1)
    )
    appointment.refresh_from_db()
    request_reschedule(appointment=appointment, client=person, reason="Ik ben ziek", preferred="")
    Appointment.objects.filter(pk=appointment.pk).update(starts_at=_moment(0, 0))
    appointment.refresh_from_db()
    assert RescheduleRequest.objects.exists()
    proposal = _propose(person, regisseur, days_ago=0, appointment=appointment)
    assert ("reschedule", "against", True) in _kinds(proposal)


def test_contact_missed_promises_letters_and_obstacles_weigh_without_blocking():
    person, regisseur, _lead = _people()
    contact_services.record_contact(
        client=person, channel="phone", direction="in", subject="Belde over de afspraak",
        staff=regisseur, moment=_moment(6),
    )  # fmt: skip
    overdue = commitment_services.promise(
        client=person, party=Party.MUNICIPALITY, description="Terugbellen over reiskosten",
        due_at=_moment(8), actor=regisseur, allow_past=True,
    )  # fmt: skip
    type(overdue).objects.filter(pk=overdue.pk).update(status="overdue", overdue_since=_moment(7))
    values = sending.known_values(person, regisseur, timezone.localdate())
    values.update(tijd="10:00", plaats="het Stadskantoor", onderwerp="werk")
    subject, body = sending.start_text("appointment_invitation", values)
    sending.send_letter(
        client=person, purpose="appointment_invitation", subject=subject, body=body,
        values=values, actor=regisseur,
    )  # fmt: skip
    _agreed_plan_with_obstacle(person, regisseur, kind="health")
    proposal = _propose(person, regisseur, days_ago=0)
    kinds = _kinds(proposal)
    assert ("client_contact", "against", False) in kinds
    assert ("municipal_miss", "against", False) in kinds
    assert ("obstacle", "against", False) in kinds
    letter = next(f for f in proposal.findings if f["kind"] == "letter")
    assert letter["direction"] == "against" and "niet geopend" in letter["text"]
    assert proposal.status == ProposalStatus.READY


def test_without_any_letter_the_check_says_the_obligation_was_not_communicated():
    person, regisseur, _lead = _people()
    proposal = _propose(person, regisseur)
    assert any(f["key"] == "letter:none" for f in proposal.findings)


def test_the_whole_way_hearing_answer_four_eyes_decision_letter_and_objection():
    person, regisseur, lead = _people()
    appointment = _missed_appointment(person, regisseur)
    proposal = _propose(person, regisseur, appointment=appointment)
    assert proposal.status == ProposalStatus.READY
    with pytest.raises(SanctionError, match="nog niet gehoord"):
        proposals.decide(
            proposal=proposal, actor=lead, decision="approved", reason="Het klopt zoals het staat."
        )
    proposals.start_hearing(proposal=proposal, actor=regisseur)
    proposal.refresh_from_db()
    assert (
        proposal.status == ProposalStatus.HEARING
        and proposal.hearing_letter.purpose == "sanction_intention"
    )
    assert "Er is nog niets besloten" in proposal.hearing_letter.body
    with pytest.raises(SanctionError, match="kan antwoorden tot en met"):
        proposals.decide(
            proposal=proposal, actor=lead, decision="approved", reason="Het klopt zoals het staat."
        )
    proposals.respond(
        proposal=proposal, text="Mijn bus reed niet. Ik had geen geld voor de trein.",
        channel="portal", actor=person.user,
    )  # fmt: skip
    with pytest.raises(SanctionError, match="vier ogen"):
        proposals.decide(
            proposal=proposal, actor=regisseur, decision="approved", reason="Ik vind het goed zo."
        )
    with pytest.raises(SanctionError, match="dringende redenen"):
        proposals.decide(
            proposal=proposal, actor=lead, decision="changed", reason="Lager vanwege de bus.",
            percentage=3, months=1,
        )  # fmt: skip
    proposals.decide(
        proposal=proposal, actor=lead, decision="changed", reason="Lager vanwege de bus.",
        percentage=3, months=1, urgent_reasons="Geen geld voor vervoer: de gemeente helpt daarmee.",
    )  # fmt: skip
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.DECIDED and proposal.decided_percentage == 3
    letter = proposal.decision_letter
    assert letter.purpose == "sanction_decision" and "bezwaar" in letter.body
    assert "Mijn bus reed niet" in letter.body
    objection = objections.object_to(
        proposal=proposal,
        grounds="Ik kon er echt niets aan doen.",
        actor=person.user,
        channel="portal",
    )
    assert objection.application.kind == "objection" and objection.application.receipt_id
    with pytest.raises(SanctionError, match="bezwaar"):
        _propose(person, regisseur, appointment=appointment)
    with pytest.raises(SanctionError, match="Iemand anders"):
        objections.decide_objection(
            objection=objection, outcome="upheld", reason="De bus reed niet.", actor=lead
        )
    other_lead = make_staff(role=Role.TEAM_LEAD)
    objections.decide_objection(
        objection=objection,
        outcome="upheld",
        reason="De bus reed die dag echt niet.",
        actor=other_lead,
    )
    objection.refresh_from_db()
    assert objection.outcome == "upheld" and objection.application.decided_on is not None
    kinds = list(
        JournalEntry.objects.filter(client=person, kind__startswith="sanction.").values_list(
            "kind", flat=True
        )
    )
    for kind in ("sanction.proposed", "sanction.hearing", "sanction.response", "sanction.decided"):
        assert kind in kinds


def test_an_obligation_outside_the_table_is_refused():
    person, regisseur, _lead = _people()
    with pytest.raises(SanctionError, match="niet in de maatregelentabel"):
        _propose(person, regisseur, code="te-laat-op-het-werk")


def test_a_repeat_within_twelve_months_uses_the_repeat_row_of_the_table():
    person, regisseur, lead = _people()
    first = _propose(person, regisseur, days_ago=100)
    proposals.start_hearing(proposal=first, actor=regisseur)
    proposals.respond(proposal=first, text="Vergeten.", channel="phone", actor=regisseur)
    proposals.decide(proposal=first, actor=lead, decision="approved", reason="Zoals de tabel zegt.")
    Proposal.objects.filter(pk=first.pk).update(decided_at=_moment(90))
    second = _propose(person, regisseur, days_ago=3)
    assert second.repeat and (second.percentage, second.months) == (5, 2)
    assert second.breach == 2 and list(second.earlier.all()) == [first]


def test_the_check_runs_again_when_the_dossier_changes():
    person, regisseur, _lead = _people()
    proposal = _propose(person, regisseur, days_ago=3)
    assert proposal.status == ProposalStatus.READY
    absences.report(
        client=person, kind="hospital", first_day=_day(4), last_day=_day(2), abroad=False,
        place="", note="", via="phone", actor=regisseur,
    )  # fmt: skip
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.BLOCKED


def test_a_changed_table_version_applies_from_its_start_date():
    person, regisseur, _lead = _people()
    proposals.ensure_table()
    proposals.load_table(
        {
            "name": "Nieuwe tabel",
            "starts_on": _day(1).isoformat(),
            "rules": [
                {
                    "code": "afspraak",
                    "label": "Niet naar een afspraak",
                    "category": "appointment",
                    "article": "Pw art. 17 lid 2",
                    "percentage": 10,
                    "months": 1,
                }
            ],
        }
    )
    assert _propose(person, regisseur, days_ago=0).percentage == 10
    assert _propose(person, regisseur, days_ago=5).percentage == 5
    with pytest.raises(SanctionError, match="1 tot 3 maanden"):
        proposals.load_table(
            {
                "name": "Fout",
                "starts_on": "2030-01-01",
                "rules": [
                    {
                        "code": "x",
                        "label": "X",
                        "category": "other",
                        "article": "Pw art. 9 lid 1 onder b",
                        "percentage": 100,
                        "months": 6,
                    }
                ],
            }
        )


def test_the_table_command_loads_a_version_and_refuses_a_broken_file(tmp_path):
    import json

    from django.core.management import CommandError, call_command

    good = tmp_path / "tabel.json"
    good.write_text(
        json.dumps(
            {
                "name": "Tabel 2027",
                "starts_on": "2027-01-01",
                "rules": [
                    {
                        "code": "afspraak",
                        "label": "Niet komen",
                        "category": "appointment",
                        "article": "Pw art. 17 lid 2",
                        "percentage": 15,
                        "months": 1,
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    call_command("sanctions", "table", str(good))
    assert proposals.table_on(timezone.datetime(2027, 2, 1).date()).name == "Tabel 2027"
    broken = tmp_path / "kapot.json"
    broken.write_text("{niet goed", encoding="utf-8")
    with pytest.raises(CommandError, match="geen geldige JSON"):
        call_command("sanctions", "table", str(broken))


def test_a_held_appointment_blocks_and_a_date_other_than_the_appointment_is_refused():
    person, regisseur, _lead = _people()
    appointment = _missed_appointment(person, regisseur, days_ago=5)
    with pytest.raises(SanctionError, match="Vul die dag in"):
        _propose(person, regisseur, days_ago=4, appointment=appointment)
    Appointment.objects.filter(pk=appointment.pk).update(status=AppointmentStatus.HELD)
    appointment.refresh_from_db()
    proposal = _propose(person, regisseur, days_ago=5, appointment=appointment)
    assert ("kept", "against", True) in _kinds(proposal)


def test_only_a_lead_of_the_proposers_team_or_the_chosen_colleague_reviews():
    person, regisseur, lead = _people()
    from maatwerk.dossiers.tests.factories import TeamFactory

    stranger = make_staff(role=Role.TEAM_LEAD, team=TeamFactory(name="Team Ver Weg"))
    proposal = _propose(person, regisseur)
    assert proposals.may_review(proposal, lead) and not proposals.may_review(proposal, stranger)
    assert not proposals.may_review(proposal, regisseur)


def test_staff_record_an_answer_given_by_phone(client):
    from django.urls import reverse

    person, regisseur, _lead = _people()
    proposal = _propose(person, regisseur, appointment=_missed_appointment(person, regisseur))
    proposals.start_hearing(proposal=proposal, actor=regisseur)
    client.force_login(regisseur)
    url = reverse("staff_sanctions:proposal", args=[proposal.public_id])
    response = client.post(
        url,
        {
            "action": "response",
            "response-text": "Ik was ziek, ik belde.",
            "response-channel": "phone",
        },
    )
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.response == "Ik was ziek, ik belde." and proposal.response_channel == "phone"


# The gaps closed in issue 18: undelivered invitation, linked municipal promise, hospital stay,
# the letter window, and what was looked at but does not apply ---------------------------------


def _invitation(person, regisseur, days_ago, reached=True):
    from maatwerk.letters.models import DeliveryStatus, Letter

    values = sending.known_values(person, regisseur, timezone.localdate())
    values.update(tijd="10:00", plaats="het Stadskantoor", onderwerp="werk")
    subject, body = sending.start_text("appointment_invitation", values)
    letter = sending.send_letter(
        client=person, purpose="appointment_invitation", subject=subject, body=body,
        values=values, actor=regisseur,
    )  # fmt: skip
    Letter.objects.filter(pk=letter.pk).update(sent_at=_moment(days_ago, 9))
    if not reached:  # every channel failed or came back
        letter.deliveries.update(status=DeliveryStatus.FAILED)
    return letter


def _municipal_promise(person, regisseur, days_ago, missed=True):
    promise = commitment_services.promise(
        client=person, party=Party.MUNICIPALITY, description="Reiskosten regelen voor het gesprek",
        due_at=_moment(days_ago), actor=regisseur, allow_past=True,
    )  # fmt: skip
    if missed:
        type(promise).objects.filter(pk=promise.pk).update(
            status="overdue", overdue_since=_moment(days_ago - 1)
        )
        promise.refresh_from_db()
    return promise


def test_an_invitation_that_did_not_reach_the_client_blocks_the_proposal():
    person, regisseur, _lead = _people()
    _invitation(person, regisseur, days_ago=12, reached=False)
    proposal = _propose(person, regisseur, appointment=_missed_appointment(person, regisseur))
    assert proposal.status == ProposalStatus.BLOCKED
    assert ("letter", "against", True) in _kinds(proposal)
    assert "kwam niet aan" in proposal.blocking()[0]["text"]


def test_an_undelivered_invitation_does_not_block_when_another_letter_reached_the_client():
    person, regisseur, _lead = _people()
    _invitation(person, regisseur, days_ago=12, reached=False)
    _invitation(person, regisseur, days_ago=8)
    proposal = _propose(person, regisseur, appointment=_missed_appointment(person, regisseur))
    assert proposal.status == ProposalStatus.READY
    assert ("letter", "against", False) in _kinds(proposal)
    assert ("letter", "for", False) in _kinds(proposal) or any(
        f["kind"] == "letter" and "niet geopend" in f["text"] for f in proposal.findings
    )


def test_a_linked_missed_promise_of_the_municipality_blocks_and_an_unlinked_one_does_not():
    person, regisseur, _lead = _people()
    promise = _municipal_promise(person, regisseur, days_ago=8)
    unlinked = _propose(person, regisseur, appointment=_missed_appointment(person, regisseur))
    assert unlinked.status == ProposalStatus.READY
    assert ("municipal_miss", "against", False) in _kinds(unlinked)
    linked = _propose(person, regisseur, code="plan-van-aanpak", days_ago=3, commitments=[promise])
    assert linked.status == ProposalStatus.BLOCKED
    blocking = linked.blocking()
    assert [f["kind"] for f in blocking] == ["municipal_miss"]
    assert "Reiskosten regelen" in blocking[0]["text"]
    # It is not taken for the client's own obligation.
    assert not any(f["kind"] in ("missed", "kept") for f in linked.findings)


def test_a_linked_promise_the_municipality_kept_is_shown_as_looked_at():
    person, regisseur, _lead = _people()
    promise = _municipal_promise(person, regisseur, days_ago=8, missed=False)
    type(promise).objects.filter(pk=promise.pk).update(status="fulfilled", closed_at=_moment(9))
    proposal = _propose(person, regisseur, commitments=[promise])
    shown = next(f for f in proposal.findings if f["key"] == f"commitment:{promise.public_id}")
    assert shown["applies"] is False and shown["direction"] == "none" and shown["reason"]
    assert proposal.status == ProposalStatus.READY


def test_staff_link_a_promise_of_the_municipality_in_the_proposal_form(client):
    from django.urls import reverse

    from maatwerk.sanctions.models import Proposal

    person, regisseur, _lead = _people()
    promise = _municipal_promise(person, regisseur, days_ago=8)
    client.force_login(regisseur)
    url = reverse("staff_sanctions:proposals", args=[person.public_id])
    page = client.get(url).content.decode()
    assert "De toezeggingen van de gemeente waar het over gaat" in page
    assert f'value="{promise.public_id}"' in page
    response = client.post(
        url,
        {
            "proposal-code": "afspraak",
            "proposal-event_date": _day(5).isoformat(),
            "proposal-facts": "De cliënt kwam niet naar het gesprek van die dag en belde niet af.",
            "proposal-municipal_commitments": [str(promise.public_id)],
        },
    )
    assert response.status_code == 302
    made = Proposal.objects.get(client=person)
    assert list(made.commitments.all()) == [promise]
    assert made.status == ProposalStatus.BLOCKED


def test_a_hospital_stay_around_but_not_on_the_day_is_shown_without_blocking():
    person, regisseur, _lead = _people()
    absences.report(
        client=person, kind="hospital", first_day=_day(15), last_day=_day(8), abroad=False,
        place="", note="", via="portal", actor=person.user,
    )  # fmt: skip
    proposal = _propose(person, regisseur, appointment=_missed_appointment(person, regisseur))
    assert proposal.status == ProposalStatus.READY
    stay = next(f for f in proposal.findings if f["kind"] == "absence")
    assert stay["applies"] and stay["direction"] == "against" and not stay["blocking"]
    assert stay["text"] == (
        f"Ziekenhuisopname van {_day(15):%d-%m-%Y} tot en met {_day(8):%d-%m-%Y}: valt niet op "
        "de dag zelf, maar wel in de periode."
    )


def test_a_letter_forty_days_before_the_event_is_found():
    person, regisseur, _lead = _people()
    _invitation(person, regisseur, days_ago=45)
    proposal = _propose(person, regisseur, days_ago=5)
    assert proposal.period_start == _day(35)
    assert not any(f["key"] == "letter:none" for f in proposal.findings)
    assert any(f["kind"] == "letter" and f["applies"] for f in proposal.findings)


def test_what_does_not_apply_is_listed_on_the_proposal_page_with_its_reason(client):
    from django.urls import reverse

    person, regisseur, _lead = _people()
    absences.report(
        client=person, kind="holiday", first_day=_day(20), last_day=_day(10), abroad=False,
        place="", note="", via="portal", actor=person.user,
    )  # fmt: skip
    proposal = _propose(person, regisseur, appointment=_missed_appointment(person, regisseur))
    dropped = [f for f in proposal.findings if not f["applies"]]
    assert [f["kind"] for f in dropped] == ["absence"]
    reason = (
        f"Afwezigheid van {_day(20):%d-%m-%Y} tot en met {_day(10):%d-%m-%Y} valt buiten de dag "
        "van de afspraak."
    )
    assert dropped[0]["reason"] == reason and proposal.findings[-1] == dropped[0]
    assert proposal.status == ProposalStatus.READY
    client.force_login(regisseur)
    page = client.get(reverse("staff_sanctions:proposal", args=[proposal.public_id]))
    text = page.content.decode()
    assert "Bekeken, maar niet van toepassing" in text and reason in text
    # Only the weighed findings are in the table; the dropped one is in the list below it.
    table, listed = text.split("Bekeken, maar niet van toepassing", 1)
    assert reason not in table and reason in listed
