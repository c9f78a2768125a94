"""Council members and researchers do no case work: a callback, a document link or a client
search they post is refused before anything is looked up, so the answer is the same whether a
client exists or not, and nothing is written (no callback, no journal entry, no access-log row)."""

import re

import pytest
from django.urls import reverse

from maatwerk.contacts.models import Callback
from maatwerk.core.models import AccessLogEntry, Role
from maatwerk.documents.intake import IncomingFile, receive
from maatwerk.documents.models import Document
from maatwerk.documents.tests import samples
from maatwerk.dossiers.models import JournalEntry
from maatwerk.dossiers.tests.factories import make_client, make_staff

pytestmark = pytest.mark.django_db

NO_CASE_WORK = (Role.COUNCIL_MEMBER, Role.RESEARCHER)


def _written():
    return (Callback.objects.count(), JournalEntry.objects.count(), AccessLogEntry.objects.count())


def _refusal(response):
    page = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", response.content.decode())
    assert response.status_code == 403
    assert "Deze pagina hoort niet bij uw werk" in page
    return page


@pytest.mark.parametrize("role", NO_CASE_WORK)
def test_a_callback_posted_without_case_work_is_refused_and_tells_nothing(client, role):
    person = make_client(make_staff(), phone="06-11112222")
    client.force_login(make_staff(role=role))
    before = _written()
    url = reverse("staff_contacts:callbacks")
    known = {"callback-phone": "06-11112222", "callback-subject": "Vraag over geld"}
    unknown = {"callback-phone": "06-99990000", "callback-subject": "Vraag over geld"}
    page_known = _refusal(client.post(url, known))
    page_unknown = _refusal(client.post(url, unknown))
    assert person.family_name not in page_known
    assert page_known.replace("06-11112222", "") == page_unknown.replace("06-99990000", "")
    assert _written() == before


@pytest.mark.parametrize("role", NO_CASE_WORK)
def test_a_document_link_posted_without_case_work_is_refused_and_nothing_changes(client, role):
    person = make_client(make_staff())
    receive(files=[IncomingFile("brief.png", samples.blank_photo())], channel="post", enqueue=False)
    document = Document.objects.get()
    client.force_login(make_staff(role=role))
    before = _written()
    url = reverse("staff_docs:act", args=[document.public_id])
    _refusal(client.post(url, {"actie": "client", "klantnummer": person.client_number}))
    document.refresh_from_db()
    assert document.client is None
    assert _written() == before


@pytest.mark.parametrize("role", NO_CASE_WORK)
def test_a_client_search_posted_without_case_work_is_refused_and_logs_no_read(client, role):
    person = make_client(make_staff())
    client.force_login(make_staff(role=role))
    before = _written()
    for term in (person.client_number, person.family_name, "Onbekend"):
        page = _refusal(client.post(reverse("staff:caseload"), {"q": term}))
        assert person.given_names not in page
    assert _written() == before
