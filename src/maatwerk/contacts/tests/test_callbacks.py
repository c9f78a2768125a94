"""Callbacks: matched by phone number or queued with candidates, attempts, and the promise."""

from datetime import timedelta

import pytest
from django.utils import timezone

from maatwerk.commitments.escalation import escalate
from maatwerk.commitments.models import Status
from maatwerk.contacts import services
from maatwerk.contacts.errors import ContactError
from maatwerk.contacts.models import CallbackStatus
from maatwerk.dossiers import services as dossier_services
from maatwerk.dossiers.models import JournalEntry
from maatwerk.dossiers.tests.factories import make_client, make_staff

pytestmark = pytest.mark.django_db


def test_a_known_number_finds_the_client_and_the_callback_is_a_promise_for_the_deputy():
    regisseur, deputy = make_staff(), make_staff()
    client = make_client(regisseur, phone="06-12345678")
    dossier_services.register_staff_absence(
        staff=regisseur,
        deputy=deputy,
        starts_at=timezone.now() - timedelta(days=1),
        ends_at=timezone.now() + timedelta(days=3),
        reason="Ziek",
    )
    callback = services.request_callback(
        phone="+31 6 1234 5678",
        subject="Vraag over de toeslag",
        requested_via="phone_desk",
        actor=deputy,
    )
    assert callback.client == client and callback.status == CallbackStatus.OPEN
    assert callback.assigned_to == deputy
    assert (
        callback.commitment.due_at == callback.due_at
        and callback.commitment.party == "municipality"
    )


def test_an_unknown_number_goes_to_the_queue_and_two_matches_become_candidates():
    regisseur = make_staff()
    first = make_client(regisseur, phone="0612121212")
    second = make_client(regisseur, phone="06 12 12 12 12")
    shared = services.request_callback(
        phone="06-12121212", subject="Huur", requested_via="voicemail", actor=None
    )
    assert shared.status == CallbackStatus.QUEUED and shared.commitment is None
    assert set(shared.candidates) == {str(first.public_id), str(second.public_id)}
    unknown = services.request_callback(
        phone="0201234567", subject="Iets", requested_via="voicemail", actor=None
    )
    assert unknown.status == CallbackStatus.QUEUED and unknown.candidates == []
    services.assign_client(callback=shared, client=second, actor=regisseur)
    shared.refresh_from_db()
    assert shared.status == CallbackStatus.OPEN and shared.commitment.client == second


def test_a_callback_without_a_subject_or_number_is_refused():
    with pytest.raises(ContactError):
        services.request_callback(
            phone="06 1234", subject="Iets", requested_via="phone_desk", actor=None
        )
    with pytest.raises(ContactError):
        services.request_callback(
            phone="0612345678", subject=" ", requested_via="phone_desk", actor=None
        )


def test_not_reached_stays_open_with_a_next_attempt_then_reached_keeps_the_promise():
    regisseur = make_staff()
    client = make_client(regisseur, phone="0687654321")
    callback = services.request_callback(
        phone="", client=client, subject="Afspraak", requested_via="portal", actor=client.user
    )
    services.record_attempt(callback=callback, outcome="not_reached", note="", actor=regisseur)
    callback.refresh_from_db()
    assert callback.status == CallbackStatus.OPEN and callback.next_attempt_at is not None
    assert JournalEntry.objects.filter(client=client, kind="callback.not_reached").exists()
    services.record_attempt(callback=callback, outcome="reached", note="Besproken", actor=regisseur)
    callback.refresh_from_db()
    callback.commitment.refresh_from_db()
    assert callback.status == CallbackStatus.DONE and callback.commitment.status == Status.FULFILLED
    assert client.contacts.count() == 2
    with pytest.raises(ContactError):
        services.record_attempt(callback=callback, outcome="reached", note="", actor=regisseur)


def test_an_overdue_callback_escalates_through_the_kernel():
    regisseur = make_staff()
    make_client(regisseur, phone="0611111111")
    callback = services.request_callback(
        phone="0611111111",
        subject="Bel terug",
        requested_via="phone_desk",
        actor=None,
        requested_at=timezone.now() - timedelta(days=5),
    )
    escalate()
    callback.commitment.refresh_from_db()
    assert (
        callback.commitment.status == Status.OVERDUE
        and callback.commitment.escalated_to == regisseur
    )


def test_a_callback_for_a_wrong_number_is_closed_with_a_reason_not_forgotten():
    desk = make_staff()
    callback = services.request_callback(
        phone="0201112233", subject="Onbekend", requested_via="voicemail", actor=None
    )
    with pytest.raises(ContactError):
        services.withdraw_callback(callback=callback, reason="", actor=desk)
    services.withdraw_callback(callback=callback, reason="Verkeerd verbonden", actor=desk)
    callback.refresh_from_db()
    assert callback.status == CallbackStatus.WITHDRAWN


def test_an_open_callback_withdrawn_withdraws_its_promise():
    regisseur = make_staff()
    client = make_client(regisseur, phone="0622334455")
    callback = services.request_callback(
        phone="0622334455", subject="Vraag", requested_via="counter", actor=None
    )
    services.withdraw_callback(callback=callback, reason="Cliënt kwam zelf langs", actor=regisseur)
    callback.commitment.refresh_from_db()
    assert (
        callback.commitment.status == Status.WITHDRAWN
        and client.callbacks.get().status == CallbackStatus.WITHDRAWN
    )
