"""Recordings of conversations, only with consent.

A consent says what for, what is recorded, how long it is kept and until when it holds. Without
an active consent nothing is stored. Recordings are encrypted at rest in their own storage,
played only by the regisseur and the client (every playback logged), and deleted when the
client withdraws consent or the retention ends; each deletion is journaled.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from django.core.files.storage import Storage, storages
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from maatwerk.contacts.errors import ContactError
from maatwerk.contacts.models import Consent, Recording
from maatwerk.core import crypto
from maatwerk.dossiers import journal
from maatwerk.dossiers.models import Client

MAX_BYTES = 200 * 1024 * 1024
# Audio containers by their first bytes: WAV, MP3 (ID3 tag or frame sync), Ogg, FLAC, M4A.
_AUDIO = (
    (b"ID3", "audio/mpeg"),
    (b"\xff\xfb", "audio/mpeg"),
    (b"OggS", "audio/ogg"),
    (b"fLaC", "audio/flac"),
)


def storage() -> Storage:
    return storages["recordings"]


def give_consent(
    *,
    client: Client,
    purpose: str,
    what: str,
    retention_days: int,
    expires_on: date,
    given_how: str,
    actor: User,
) -> Consent:
    if not purpose.strip() or not what.strip():
        raise ContactError(_("Write what the recording is for and what is recorded."))
    if expires_on <= timezone.localdate():
        raise ContactError(_("The consent must hold until a day after today."))
    if not 1 <= retention_days <= 365:
        raise ContactError(_("Keep a recording for 1 to 365 days."))
    with transaction.atomic():
        consent = Consent.objects.create(
            client=client,
            purpose=purpose.strip(),
            what=what.strip(),
            retention_days=retention_days,
            expires_on=expires_on,
            given_how=given_how,
            given_at=timezone.now(),
            recorded_by=actor,
        )
        with journal.dutch():
            summary = _(
                "You gave permission to record: %(what)s, for %(purpose)s, until %(until)s. You "
                "can withdraw it at any moment in Mijn Maatwerk."
            ) % {
                "what": consent.what,
                "purpose": consent.purpose,
                "until": expires_on.strftime("%d-%m-%Y"),
            }
        journal.record(
            client=client, kind="consent.given", summary=summary, actor=actor, subject=consent
        )
    return consent


def active_consent(client: Client) -> Consent | None:
    return (
        Consent.objects.filter(
            client=client, withdrawn_at__isnull=True, expires_on__gte=timezone.localdate()
        )
        .order_by("-given_at")
        .first()
    )


def store_recording(*, client: Client, data: bytes, name: str, actor: User) -> Recording:
    """Store a recording, encrypted; refused without an active consent of this client."""
    with transaction.atomic():
        return _store(client, data, name, actor)


def _store(client: Client, data: bytes, name: str, actor: User) -> Recording:
    found = active_consent(client)
    # Locked and checked again: a withdrawal at this very moment wins.
    consent = (
        Consent.objects.select_for_update(of=("self",))
        .filter(pk=found.pk, withdrawn_at__isnull=True)
        .first()
        if found
        else None
    )
    if consent is None:
        raise ContactError(
            _(
                "There is no permission to record for this client. Ask for it first and write "
                "it down; without it nothing is stored."
            )
        )
    media_type = _audio_type(data)
    if media_type is None:
        raise ContactError(
            _("This is not a sound file we know. Upload WAV, MP3, OGG, FLAC or M4A.")
        )
    if len(data) > MAX_BYTES:
        raise ContactError(_("This recording is too large. Upload at most 200 MB."))
    recording = Recording.objects.create(
        client=client,
        consent=consent,
        name=name[:200] or "opname",
        media_type=media_type,
        size=len(data),
        created_by=actor,
        delete_after=min(
            timezone.localdate() + timedelta(days=consent.retention_days), consent.expires_on
        ),
    )
    storage().save(
        _file_name(recording),
        ContentFile(crypto.encrypt_bytes(data, purpose=_purpose(recording)), name="x"),
    )
    return recording


def play(recording: Recording) -> bytes:
    """The sound, for the regisseur or the client (callers check who and log the playback)."""
    if (
        recording.deleted_at is not None
        or recording.consent.withdrawn_at is not None
        or recording.delete_after < timezone.localdate()
    ):
        raise ContactError(_("This recording is gone: the permission was withdrawn or ended."))
    with storage().open(_file_name(recording), "rb") as handle:
        return crypto.decrypt_bytes(handle.read(), purpose=_purpose(recording))


def withdraw_consent(*, consent: Consent, client: Client) -> int:
    """The client withdraws: every recording under this consent is deleted at once."""
    if consent.client_id != client.pk:
        raise ContactError(_("This permission is not in your dossier."))
    with transaction.atomic():
        locked = Consent.objects.select_for_update(of=("self",)).get(pk=consent.pk)
        if locked.withdrawn_at is None:
            locked.withdrawn_at = timezone.now()
            locked.save(update_fields=["withdrawn_at"])
        removed = _delete(Recording.objects.filter(consent=locked, deleted_at__isnull=True), client)
        with journal.dutch():
            summary = _(
                "You withdrew your permission to record. We deleted %(n)d recording(s)."
            ) % {"n": removed}
        journal.record(
            client=client,
            kind="consent.withdrawn",
            summary=summary,
            actor=client.user,
            subject=locked,
        )
    return removed


def purge_expired(today: date | None = None) -> int:
    """Delete recordings whose retention or consent has ended (the clock runs this)."""
    today = today or timezone.localdate()
    count = 0
    for recording in Recording.objects.filter(
        deleted_at__isnull=True, delete_after__lt=today
    ).select_related("client"):
        count += _delete(Recording.objects.filter(pk=recording.pk), recording.client)
    return count


def _delete(recordings: QuerySet[Recording], client: Client) -> int:
    count = 0
    for recording in list(recordings):
        storage().delete(_file_name(recording))
        recording.deleted_at = timezone.now()
        recording.save(update_fields=["deleted_at"])
        with journal.dutch():
            summary = _("A recording of %(day)s was deleted.") % {
                "day": timezone.localtime(recording.created_at).strftime("%d-%m-%Y")
            }
        journal.record(client=client, kind="recording.deleted", summary=summary, subject=recording)
        count += 1
    return count


def _audio_type(data: bytes) -> str | None:
    for magic, media_type in _AUDIO:
        if data.startswith(magic):
            return media_type
    if data[:4] == b"RIFF" and data[8:12] == b"WAVE":
        return "audio/wav"
    if data[4:8] == b"ftyp" and data[8:12] in (b"M4A ", b"M4B "):
        return "audio/mp4"
    return None


def _file_name(recording: Recording) -> str:
    return f"{str(recording.public_id)[:2]}/{recording.public_id}"


def _purpose(recording: Recording) -> str:
    return f"recording:{recording.public_id}"
