"""Client login through DigiD: the BSN DigiD returns is matched to a known client.

Only people with a dossier can log in to the portal; their portal account is made at the
first login and linked to the client. The DigiD mock of django-digid-eherkenning calls this
backend with `bsn=`; a real DigiD (SAML) setup is described in docs/digid.md.
"""

from __future__ import annotations

import logging
from typing import Any

from django.contrib.auth.backends import BaseBackend
from django.contrib.auth.models import User
from django.db import transaction
from django.http import HttpRequest

from maatwerk.core.rules.bsn import is_valid_bsn, normalise_bsn
from maatwerk.dossiers.models import Client, bsn_digest

logger = logging.getLogger(__name__)


class DigiDClientBackend(BaseBackend):
    def authenticate(  # type: ignore[override]
        self, request: HttpRequest | None, bsn: str | None = None, **kwargs: Any
    ) -> User | None:
        if bsn is None:
            return None
        bsn = normalise_bsn(bsn)
        if not is_valid_bsn(bsn):
            logger.info("DigiD login refused: the number fails the 11-test")
            return None
        client = Client.objects.filter(bsn_digest=bsn_digest(bsn)).first()
        if client is None:
            logger.info("DigiD login refused: no dossier for this person")
            return None
        return portal_user_for(client)

    def get_user(self, user_id: int) -> User | None:
        return User.objects.filter(pk=user_id, is_active=True).first()


@transaction.atomic
def portal_user_for(client: Client) -> User:
    if client.user_id is not None:
        return User.objects.get(pk=client.user_id)
    user = User.objects.create_user(
        username=f"client-{client.client_number}",
        first_name=client.given_names[:150],
        last_name=client.family_name[:150],
    )
    user.set_unusable_password()
    user.save(update_fields=["password"])
    client.user = user
    client.save(update_fields=["user"])
    return user
