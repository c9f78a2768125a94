"""The contact pages: the portal's callback request, the desk, the queue, the attempt."""

import pytest
from django.urls import reverse

from maatwerk.contacts.models import Callback, CallbackStatus
from maatwerk.core.models import AccessLogEntry, Role
from maatwerk.dossiers.portal_auth import portal_user_for
from maatwerk.dossiers.tests.factories import make_client, make_staff

pytestmark = pytest.mark.django_db


def test_a_client_asks_for_a_callback_and_sees_by_when(client):
    regisseur = make_staff()
    fatima = make_client(regisseur, phone="0612345678")
    client.force_login(portal_user_for(fatima))
    response = client.post(
        reverse("portal_contacts:contact"),
        {"callback-phone": "06 12345678", "callback-subject": "Vraag over mijn uitkering"},
        follow=True,
    )
    page = response.content.decode()
    assert "Wij bellen u uiterlijk" in page and "Vraag over mijn uitkering" in page
    assert Callback.objects.get().client == fatima


def test_the_phone_desk_puts_an_unknown_number_in_the_queue_and_intake_chooses_the_client(client):
    desk = make_staff(role=Role.INTAKE)
    regisseur = make_staff()
    fatima = make_client(regisseur, phone="0611223344")
    client.force_login(desk)
    page = client.post(
        reverse("staff_contacts:callbacks"),
        {
            "callback-phone": "0209999999",
            "callback-subject": "Brief niet begrepen",
            "callback-requested_via": "phone_desk",
        },
        follow=True,
    ).content.decode()
    assert "terugbelwachtrij" in page
    queued = Callback.objects.get()
    assert queued.status == CallbackStatus.QUEUED
    client.post(
        reverse("staff_contacts:callback", args=[queued.public_id]),
        {"client_number": fatima.client_number},
    )
    queued.refresh_from_db()
    assert queued.client == fatima and queued.assigned_to == regisseur


def test_the_regisseur_calls_back_and_the_read_is_logged(client):
    regisseur = make_staff()
    fatima = make_client(regisseur, phone="0611223355")
    client.force_login(portal_user_for(fatima))
    client.post(
        reverse("portal_contacts:contact"),
        {"callback-phone": "0611223355", "callback-subject": "Huur"},
    )
    made = Callback.objects.get()
    client.force_login(regisseur)
    client.post(
        reverse("staff_contacts:callback", args=[made.public_id]),
        {"attempt-outcome": "reached", "attempt-note": "Uitgelegd"},
    )
    made.refresh_from_db()
    assert made.status == CallbackStatus.DONE
    assert AccessLogEntry.objects.filter(client_ref=fatima.public_id, action="callback").exists()
    page = client.get(reverse("staff_contacts:history", args=[fatima.public_id])).content.decode()
    assert "Uitgelegd" in page


def test_a_consultant_cannot_open_the_queue_of_callbacks_without_a_client(client):
    queued = Callback.objects.create(
        phone="0200000000",
        requested_via="voicemail",
        subject="x",
        requested_at="2026-11-26T10:00:00Z",
        due_at="2026-11-27T10:00:00Z",
        status="queued",
    )
    client.force_login(make_staff())
    assert (
        client.get(reverse("staff_contacts:callback", args=[queued.public_id])).status_code == 403
    )


def test_a_client_asks_for_another_time_and_gets_a_receipt(client):
    from datetime import timedelta

    from django.utils import timezone

    from maatwerk.contacts import appointments

    regisseur = make_staff()
    fatima = make_client(regisseur)
    made = appointments.plan_appointment(
        client=fatima,
        staff=regisseur,
        kind="in_person",
        location="Stadskantoor",
        starts_at=timezone.now() + timedelta(days=3),
        minutes=30,
        subject="Kennismaking",
        actor=regisseur,
    )
    client.force_login(portal_user_for(fatima))
    page = client.get(reverse("portal_contacts:appointments")).content.decode()
    assert "Kennismaking" in page and "Vraag om een andere tijd" in page
    response = client.post(
        reverse("portal_contacts:appointments"),
        {
            "appointment": str(made.public_id),
            f"move-{made.pk}-reason": "Ik werk die dag",
            f"move-{made.pk}-preferred": "vrijdag",
        },
    )
    request = made.reschedule_requests.get()
    assert response.url == reverse("portal_docs:receipt", args=[request.receipt.number])
    client.force_login(regisseur)
    page = client.get(reverse("staff_contacts:appointment", args=[made.public_id])).content.decode()
    assert "Ik werk die dag" in page


def test_the_regisseur_plans_an_appointment_and_a_past_time_is_refused_in_dutch(client):
    from datetime import timedelta

    from django.utils import timezone

    regisseur = make_staff()
    fatima = make_client(regisseur)
    client.force_login(regisseur)
    url = reverse("staff_contacts:appointments", args=[fatima.public_id])
    yesterday = timezone.localdate() - timedelta(days=1)
    page = client.post(
        url,
        {
            "appointment-kind": "in_person",
            "appointment-day": yesterday.isoformat(),
            "appointment-start": "10:00",
            "appointment-minutes": "45",
        },
    ).content.decode()
    assert "Kies een moment in de toekomst" in page
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = client.post(
        url,
        {
            "appointment-kind": "in_person",
            "appointment-day": tomorrow.isoformat(),
            "appointment-start": "10:00",
            "appointment-minutes": "45",
            "appointment-location": "Stadskantoor",
        },
    )
    assert response.status_code == 302
    assert fatima.appointments.count() == 1
