"""Appointments and notifications: planning rules, reminders by e-mail (a real SMTP server)
with a calendar file, SMS through the console backend, and a mail server that is down."""

import socket
from datetime import timedelta

import pytest
from django.utils import timezone

from maatwerk.commitments.models import Origin, Status
from maatwerk.contacts import appointments, notify
from maatwerk.contacts.errors import ContactError
from maatwerk.contacts.models import AppointmentStatus, Notification, NotificationStatus
from maatwerk.dossiers import services as dossier_services
from maatwerk.dossiers.tests.factories import make_client, make_staff

pytestmark = pytest.mark.django_db


def _plan(client, regisseur, hours=30, kind="in_person", reason=""):
    return appointments.plan_appointment(
        client=client,
        staff=regisseur,
        kind=kind,
        location="Stadskantoor, balie 3",
        starts_at=timezone.now() + timedelta(hours=hours),
        minutes=45,
        subject="Kennismaking",
        actor=regisseur,
        not_in_person_reason=reason,
    )


def test_an_appointment_in_the_past_or_overlapping_is_refused():
    regisseur = make_staff()
    client = make_client(regisseur)
    with pytest.raises(ContactError) as error:
        _plan(client, regisseur, hours=-2)
    assert "voorbij" in error.value.message
    _plan(client, regisseur, hours=30)
    with pytest.raises(ContactError) as error:
        _plan(client, regisseur, hours=30.5)
    assert "al een afspraak" in error.value.message


def test_the_first_conversation_is_in_person_unless_the_reason_is_written():
    regisseur = make_staff()
    client = make_client(regisseur)
    with pytest.raises(ContactError):
        _plan(client, regisseur, kind="phone")
    made = _plan(client, regisseur, kind="phone", reason="Mevrouw ligt in het ziekenhuis.")
    assert made.commitment.origin == Origin.APPOINTMENT


def test_a_held_appointment_keeps_the_promise_and_makes_the_next_contact_one():
    regisseur = make_staff()
    client = make_client(regisseur)
    made = _plan(client, regisseur)
    made.starts_at = timezone.now() - timedelta(minutes=30)
    made.ends_at = timezone.now() + timedelta(minutes=15)
    made.save()
    appointments.hold(
        appointment=made,
        actor=regisseur,
        notes="Goed gesprek",
        next_contact_on=timezone.localdate() + timedelta(weeks=2),
    )
    made.commitment.refresh_from_db()
    assert made.commitment.status == Status.FULFILLED
    assert client.commitments.filter(origin=Origin.APPOINTMENT, status=Status.OPEN).count() == 1
    assert client.contacts.get().outcome == "Goed gesprek"


def test_a_reschedule_request_gets_a_receipt_and_moving_withdraws_the_old_promise():
    regisseur = make_staff()
    client = make_client(regisseur)
    client.user = make_staff()  # any user stands in for the client's login here
    client.save()
    made = _plan(client, regisseur)
    request = appointments.request_reschedule(
        appointment=made, client=client, reason="Ik moet naar de tandarts", preferred="donderdag"
    )
    assert request.receipt.client_ref == client.public_id
    new = appointments.move(
        appointment=made, starts_at=timezone.now() + timedelta(days=4), actor=regisseur
    )
    made.refresh_from_db()
    made.commitment.refresh_from_db()
    assert made.status == AppointmentStatus.MOVED and made.moved_to == new
    assert made.commitment.status == Status.WITHDRAWN
    request.refresh_from_db()
    assert request.handled_at is not None


def test_a_reminder_goes_by_e_mail_with_a_calendar_file_once(smtp_server):
    regisseur = make_staff()
    client = make_client(regisseur, email="fatima@example.org")
    dossier_services.update_profile(
        client=client, actor=regisseur, changes={"preferred_channel": "email"}
    )
    _plan(client, regisseur, hours=20)
    assert appointments.queue_reminders() == 1
    assert appointments.queue_reminders() == 0
    assert notify.send_due() == 1 or Notification.objects.get().status == NotificationStatus.SENT
    message = smtp_server.messages[0]
    assert "fatima@example.org" in message.rcpt_tos
    body = message.content.decode()
    assert "BEGIN:VCALENDAR" in body and "Herinnering" in body


def test_a_reminder_by_text_message_uses_the_sms_backend(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    regisseur = make_staff()
    client = make_client(regisseur, phone="0612345678")
    dossier_services.update_profile(
        client=client, actor=regisseur, changes={"preferred_channel": "phone"}
    )
    _plan(client, regisseur, hours=20)
    appointments.queue_reminders()
    notify.send_due()
    sent = list((tmp_path / "sms").glob("*.txt"))
    assert len(sent) == 1 and "0612345678" in sent[0].read_text()


def test_an_unreachable_mail_server_keeps_the_message_queued_and_it_goes_later(
    settings, smtp_server
):
    regisseur = make_staff()
    client = make_client(regisseur, email="piet@example.org")
    dossier_services.update_profile(
        client=client, actor=regisseur, changes={"preferred_channel": "email"}
    )
    client.profile.refresh_from_db()
    working_port = settings.EMAIL_PORT
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        settings.EMAIL_PORT = probe.getsockname()[1]  # nothing listens here once closed
    made = notify.notify(
        client=client, kind="test", subject="Nieuw bericht", body="Er is een bericht voor u."
    )
    assert notify.send(made.pk) is False
    made.refresh_from_db()
    assert made.status == NotificationStatus.QUEUED and made.attempts == 1
    assert "Connection" in made.last_error and made.next_try_at > timezone.now()
    settings.EMAIL_PORT = working_port
    Notification.objects.filter(pk=made.pk).update(next_try_at=timezone.now())
    assert notify.send_due() == 1
    made.refresh_from_db()
    assert made.status == NotificationStatus.SENT
    assert smtp_server.messages[0].rcpt_tos == ["piet@example.org"]


def test_an_appointment_that_does_not_take_place_is_cancelled_with_a_reason():
    regisseur = make_staff()
    client = make_client(regisseur)
    made = _plan(client, regisseur)
    with pytest.raises(ContactError):
        appointments.cancel(appointment=made, reason="", actor=regisseur)
    appointments.cancel(appointment=made, reason="Mevrouw kwam niet", actor=regisseur)
    made.refresh_from_db()
    made.commitment.refresh_from_db()
    assert made.status == AppointmentStatus.CANCELLED and made.commitment.status == Status.WITHDRAWN


def test_a_failing_mail_server_ends_in_failed_after_six_tries_and_staff_see_it(settings, client):
    from django.urls import reverse

    regisseur = make_staff()
    patient = make_client(regisseur, email="sara@example.org")
    dossier_services.update_profile(
        client=patient, actor=regisseur, changes={"preferred_channel": "email"}
    )
    patient.profile.refresh_from_db()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", probe.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    made = notify.notify(client=patient, kind="test", subject="Bericht", body="Tekst")
    for _ in range(notify.MAX_ATTEMPTS):
        Notification.objects.filter(pk=made.pk).update(next_try_at=timezone.now())
        notify.send(made.pk)
    made.refresh_from_db()
    assert made.status == NotificationStatus.FAILED and made.attempts == notify.MAX_ATTEMPTS
    assert "sara@example.org" not in made.last_error
    client.force_login(regisseur)
    page = client.get(reverse("staff_contacts:stuck")).content.decode()
    assert "Bericht" in page and "kon niet worden verstuurd" in page
