"""Keeping each client's stored name keys (ClientNameKey) in step with their name.

Called wherever a name is set: services.create_client and services.update_client (which the
import and the forms use) and the generator that writes clients in bulk. A bulk write that
skips this leaves clients the intake lookup cannot find by name, so it is called, not
overheard: no signal would see bulk_create.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db import transaction

from maatwerk.dossiers.models import NAME_KEY_LENGTH, Client, ClientNameKey
from maatwerk.dossiers.rules.names import stored_words

_BATCH = 2000


def refresh_name_keys(clients: Sequence[Client]) -> None:
    """Replace the name keys of these (saved) clients by those of their current names."""
    _replace([(client.pk, client.family_name, client.given_names) for client in clients])


def refresh_all_name_keys() -> int:
    """Recompute the keys of every client, after a change to dossiers/rules/names.py.
    Returns how many clients were done."""
    done = 0
    names = Client.objects.order_by("pk").values_list("pk", "family_name", "given_names")
    batch: list[tuple[int, str, str]] = []
    for row in names.iterator(chunk_size=_BATCH):
        batch.append(row)
        if len(batch) == _BATCH:
            done += _replace(batch)
            batch = []
    return done + _replace(batch)


def _replace(batch: Sequence[tuple[int, str, str]]) -> int:
    with transaction.atomic():
        ClientNameKey.objects.filter(client_id__in=[pk for pk, _, _ in batch]).delete()
        ClientNameKey.objects.bulk_create(_rows(batch), batch_size=_BATCH)
    return len(batch)


def _rows(names: Iterable[tuple[int, str, str]]) -> list[ClientNameKey]:
    rows: list[ClientNameKey] = []
    for pk, family_name, given_names in names:
        # Cut to the column, then once each: two very long words may share their start.
        cut = {
            word.key[:NAME_KEY_LENGTH]: word.loose[:NAME_KEY_LENGTH]
            for word in stored_words(family_name, given_names)
        }
        rows.extend(ClientNameKey(client_id=pk, key=key, loose=loose) for key, loose in cut.items())
    return rows
