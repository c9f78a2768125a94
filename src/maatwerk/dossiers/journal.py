"""Writing the journal: services call record() for everything that happens in a dossier, and
bulk paths record_many(). Every entry is published as JournalWritten (the dossier changed)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from django.conf import settings
from django.contrib.auth.models import User
from django.db import models
from django.utils import timezone, translation

from maatwerk.core import events
from maatwerk.dossiers.events import JournalWritten
from maatwerk.dossiers.models import Client, JournalEntry, Visibility


def dutch() -> translation.override:
    """Journal texts are written in Dutch, whatever language the person acting has chosen:
    the client reads them later, and the journal is the record."""
    return translation.override(settings.LANGUAGE_CODE)


def entry(
    *,
    client: Client,
    kind: str,
    summary: str,
    visibility: str = Visibility.CLIENT_AND_STAFF,
    actor: User | None = None,
    subject: models.Model | None = None,
    moment: datetime | None = None,
) -> JournalEntry:
    """One entry, not yet written: for record_many()."""
    return JournalEntry(
        client=client,
        kind=kind,
        summary=summary,
        visibility=visibility,
        actor=actor,
        object_type=subject._meta.label_lower if subject is not None else "",
        object_ref=str(subject.pk) if subject is not None else "",
        moment=moment or timezone.now(),
    )


def record(
    *,
    client: Client,
    kind: str,
    summary: str,
    visibility: str = Visibility.CLIENT_AND_STAFF,
    actor: User | None = None,
    subject: models.Model | None = None,
    moment: datetime | None = None,
) -> JournalEntry:
    """Append one entry. `summary` is the Dutch text both sides read; keep it at B1."""
    written = entry(
        client=client,
        kind=kind,
        summary=summary,
        visibility=visibility,
        actor=actor,
        subject=subject,
        moment=moment,
    )
    written.save()
    events.publish(JournalWritten(client_id=written.client_id, kind=kind))
    return written


def record_many(entries: Iterable[JournalEntry]) -> list[JournalEntry]:
    """Append many entries (made with entry()) in one insert, and publish them together."""
    written = JournalEntry.objects.bulk_create(entries)
    events.publish_many(JournalWritten(client_id=e.client_id, kind=e.kind) for e in written)
    return written
