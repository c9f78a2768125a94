"""The table follows the law (articles, art. 18 lid 2 and 4-7) and the information-duty path
(Pw art. 17 lid 1, art. 54) is never a sanction."""

import pytest
from django.urls import reverse
from django.utils import timezone

from maatwerk.commitments.models import Origin, Status
from maatwerk.dossiers.models import JournalEntry
from maatwerk.sanctions import information, proposals
from maatwerk.sanctions.errors import SanctionError
from maatwerk.sanctions.models import MissingInformation, Proposal
from maatwerk.sanctions.tests.test_proposals import _day, _moment, _people, _propose

pytestmark = pytest.mark.django_db

ROW = {"code": "x", "label": "Iets", "category": "work", "percentage": 30, "months": 1}


def _load(**row):
    proposals.ensure_table()
    return proposals.load_table({"name": "T", "starts_on": "2031-01-01", "rules": [row]})


def test_a_row_without_an_article_is_refused_with_what_to_add():
    with pytest.raises(SanctionError, match='Zet bij "article" het artikel van de Participatiewet'):
        _load(**ROW)


def test_an_information_duty_row_is_refused_and_points_to_the_suspension_path():
    with pytest.raises(SanctionError, match="Artikel 18 lid 2") as refused:
        _load(**ROW, article="Pw art. 17 lid 1")
    assert "Gegevens ontbreken: bijstand opschorten" in refused.value.message


def test_a_lid_4_row_below_100_percent_is_refused_and_the_lid_4_flag_comes_from_the_article():
    with pytest.raises(SanctionError, match="100%"):
        _load(**ROW, article="Pw art. 18 lid 4 onder a")
    table = _load(**{**ROW, "percentage": 100}, article="Pw art. 18 lid 4 onder a", uniform=False)
    assert table.rules.get().uniform


def _decided(person, regisseur, lead, code, days_ago, decided_days_ago):
    made = _propose(person, regisseur, code=code, days_ago=days_ago)
    proposals.start_hearing(proposal=made, actor=regisseur)
    proposals.respond(proposal=made, text="Het ging mis.", channel="phone", actor=regisseur)
    proposals.decide(proposal=made, actor=lead, decision="approved", reason="Zoals de tabel zegt.")
    Proposal.objects.filter(pk=made.pk).update(decided_at=_moment(decided_days_ago))
    return made


def test_lid_4_obligations_count_together_and_the_third_is_three_months():
    person, regisseur, lead = _people()
    first = _decided(person, regisseur, lead, "arbeid-aanvaarden", 200, 190)
    assert (first.breach, first.percentage, first.months) == (1, 100, 1)
    second = _decided(person, regisseur, lead, "onderzoek-arbeidsmogelijkheden", 100, 90)
    assert (second.breach, second.percentage, second.months) == (2, 100, 2)
    assert list(second.earlier.all()) == [first]
    third = _propose(person, regisseur, code="uitzendbureau", days_ago=3)
    assert (third.breach, third.percentage, third.months) == (3, 100, 3)
    text = proposals.breach_text(third)
    assert "derde keer" in text and "artikel 18 lid 7" in text
    proposals.start_hearing(proposal=third, actor=regisseur)
    third.refresh_from_db()
    assert "derde keer" in third.hearing_letter.body


def test_an_appointment_after_a_lid_4_sanction_is_a_first_time():
    person, regisseur, lead = _people()
    _decided(person, regisseur, lead, "arbeid-aanvaarden", 200, 190)
    later = _propose(person, regisseur, days_ago=3)
    assert (later.breach, later.percentage, later.months) == (1, 5, 1)


def test_missing_papers_get_a_term_a_letter_and_a_promise_never_a_sanction():
    person, regisseur, _lead = _people()
    missing = information.start(
        client=person, what="Bankafschriften van maart", due_on=None, actor=regisseur
    )
    assert missing.due_on == information.default_due(timezone.localdate())
    assert missing.commitment.origin == Origin.DOCUMENT_REQUEST
    body = missing.letter.body
    assert "geen straf" in body and "Bankafschriften van maart" in body
    assert "artikel 54 lid 4" in body and "artikel 58" in body
    assert not Proposal.objects.filter(client=person).exists()
    assert JournalEntry.objects.filter(kind="sanction.information_missing").exists()
    information.end(missing=missing, note="Ontvangen via Mijn Maatwerk.", actor=regisseur)
    missing.refresh_from_db()
    assert missing.ended_at and missing.commitment.status == Status.FULFILLED
    with pytest.raises(SanctionError, match="al afgesloten"):
        information.end(missing=missing, note="", actor=regisseur)


def test_bad_input_for_missing_papers_is_refused():
    person, regisseur, _lead = _people()
    with pytest.raises(SanctionError, match="welke gegevens"):
        information.start(client=person, what="", due_on=None, actor=regisseur)
    with pytest.raises(SanctionError, match="na vandaag"):
        information.start(client=person, what="Loonstrook", due_on=_day(0), actor=regisseur)


def test_staff_start_the_path_from_the_sanctions_page(client):
    person, regisseur, _lead = _people()
    client.force_login(regisseur.user if hasattr(regisseur, "user") else regisseur)
    url = reverse("staff_sanctions:proposals", args=[person.public_id])
    page = client.get(url)
    assert "Gegevens ontbreken: bijstand opschorten" in page.content.decode()
    client.post(url, {"action": "missing_start", "missing-what": "Huurcontract"})
    missing = MissingInformation.objects.get(client=person)
    assert missing.what == "Huurcontract"
    client.post(url, {"action": "missing_end", "missing": str(missing.public_id)})
    missing.refresh_from_db()
    assert missing.ended_at is not None
