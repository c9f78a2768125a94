"""Recordings only with consent: refused without, encrypted at rest, played by the regisseur
and the client only (logged), gone once consent is withdrawn."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from maatwerk.contacts import recordings
from maatwerk.contacts.errors import ContactError
from maatwerk.contacts.models import Recording
from maatwerk.core.models import AccessLogEntry
from maatwerk.dossiers.portal_auth import portal_user_for
from maatwerk.dossiers.tests.factories import make_client, make_staff

pytestmark = pytest.mark.django_db
WAV = b"RIFF" + b"\x24\x00\x00\x00WAVEfmt " + b"\x00" * 64


def _consent(client_record, regisseur):
    return recordings.give_consent(
        client=client_record,
        purpose="Het gesprek later nog eens horen",
        what="Het hele gesprek",
        retention_days=30,
        expires_on=timezone.localdate() + timedelta(days=60),
        given_how="in_person",
        actor=regisseur,
    )


def test_a_recording_without_consent_is_refused():
    regisseur = make_staff()
    fatima = make_client(regisseur)
    with pytest.raises(ContactError) as error:
        recordings.store_recording(client=fatima, data=WAV, name="gesprek.wav", actor=regisseur)
    assert "toestemming" in error.value.message
    assert not Recording.objects.exists()


def test_a_recording_is_encrypted_at_rest_and_only_sound_is_taken(settings, tmp_path):
    regisseur = make_staff()
    fatima = make_client(regisseur)
    _consent(fatima, regisseur)
    with pytest.raises(ContactError):
        recordings.store_recording(
            client=fatima, data=b"%PDF-1.4 geen geluid", name="x.pdf", actor=regisseur
        )
    made = recordings.store_recording(client=fatima, data=WAV, name="gesprek.wav", actor=regisseur)
    stored = list((tmp_path / "recordings").rglob("*"))
    files = [p for p in stored if p.is_file()]
    assert len(files) == 1 and b"WAVE" not in files[0].read_bytes()
    assert recordings.play(made) == WAV


def test_withdrawing_consent_deletes_the_recordings_and_playing_says_gone(client, tmp_path):
    regisseur = make_staff()
    fatima = make_client(regisseur)
    consent = _consent(fatima, regisseur)
    made = recordings.store_recording(client=fatima, data=WAV, name="gesprek.wav", actor=regisseur)
    client.force_login(regisseur)
    assert client.get(reverse("staff_contacts:play", args=[made.public_id])).content == WAV
    assert AccessLogEntry.objects.filter(
        action="play_recording", client_ref=fatima.public_id
    ).exists()
    client.force_login(portal_user_for(fatima))
    client.post(reverse("portal_contacts:recordings"), {"consent": str(consent.public_id)})
    made.refresh_from_db()
    assert made.deleted_at is not None
    assert not [p for p in (tmp_path / "recordings").rglob("*") if p.is_file()]
    client.force_login(regisseur)
    gone = client.get(reverse("staff_contacts:play", args=[made.public_id]))
    assert gone.status_code == 410 and "verdwenen" in gone.content.decode()


def test_a_colleague_or_another_client_cannot_play_it(client):
    regisseur = make_staff()
    fatima = make_client(regisseur)
    _consent(fatima, regisseur)
    made = recordings.store_recording(client=fatima, data=WAV, name="gesprek.wav", actor=regisseur)
    other = make_client(regisseur)
    client.force_login(portal_user_for(other))
    assert client.get(reverse("portal_contacts:play", args=[made.public_id])).status_code == 404
    client.force_login(make_staff())
    assert client.get(reverse("staff_contacts:play", args=[made.public_id])).status_code in (
        403,
        404,
    )


def test_a_recording_past_its_retention_is_gone_even_before_the_purge():
    regisseur = make_staff()
    fatima = make_client(regisseur)
    _consent(fatima, regisseur)
    made = recordings.store_recording(client=fatima, data=WAV, name="gesprek.wav", actor=regisseur)
    Recording.objects.filter(pk=made.pk).update(
        delete_after=timezone.localdate() - timedelta(days=1)
    )
    made.refresh_from_db()
    with pytest.raises(ContactError):
        recordings.play(made)
    assert recordings.purge_expired() == 1


def test_a_video_in_a_riff_container_is_not_taken_as_sound():
    regisseur = make_staff()
    fatima = make_client(regisseur)
    _consent(fatima, regisseur)
    with pytest.raises(ContactError):
        recordings.store_recording(
            client=fatima,
            data=b"RIFF\x00\x00\x00\x00AVI LIST" + b"\x00" * 50,
            name="x.avi",
            actor=regisseur,
        )
