"""Writing the access log: every staff read of a dossier, allowed or refused, goes through here."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.contrib.auth.models import User
from django.http import HttpRequest
from django.utils import timezone

from maatwerk.core.models import AccessBasis, AccessLogEntry, AccessResult, StaffMember


@dataclass(frozen=True)
class AccessEvent:
    action: str
    object_type: str
    object_ref: str = ""
    client_ref: uuid.UUID | None = None
    result: str = AccessResult.ALLOWED
    basis: str = AccessBasis.NONE
    reason: str = ""
    flagged: bool = False
    on_behalf_of: str = ""


def origin_of(request: HttpRequest | None) -> str:
    """Where the access came from: the channel and the network address, never the path."""
    if request is None:
        return "systeem"
    return f"web {client_address(request)}".strip()


def client_address(request: HttpRequest) -> str:
    """The browser's address: behind N trusted proxies, the Nth address from the right."""
    hops = settings.TRUSTED_PROXY_COUNT
    forwarded = [
        a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()
    ]
    if hops and len(forwarded) >= hops:
        return str(forwarded[-hops])
    return str(request.META.get("REMOTE_ADDR", ""))


def log_access(
    *, actor: User | None, event: AccessEvent, origin: str, staff: StaffMember | None = None
) -> AccessLogEntry:
    """Write one entry. Pass `staff` when the caller has it, to save a query."""
    entry = _entry(actor, staff or _staff_of(actor), event, origin, timezone.now())
    entry.save()
    return entry


def log_accesses(
    *, actor: User, staff: StaffMember, events: list[AccessEvent], origin: str
) -> None:
    """Write several entries of one reader at once (a list that names many clients)."""
    now = timezone.now()
    if events:
        AccessLogEntry.objects.bulk_create(_entry(actor, staff, e, origin, now) for e in events)


def log_work_queue_read(
    *, request: HttpRequest, staff: StaffMember, action: str, subject: tuple[str, str],
    client_ref: uuid.UUID,
) -> None:  # fmt: skip
    """A read that belongs to working a queue (printing a letter, linking a document from the
    intake queue): no reason is needed, and the client sees it as such."""
    log_access(
        actor=staff.user,
        staff=staff,
        origin=origin_of(request),
        event=AccessEvent(
            action=action,
            object_type=subject[0],
            object_ref=subject[1],
            client_ref=client_ref,
            basis=AccessBasis.WORK_QUEUE,
        ),
    )


def _entry(
    actor: User | None, staff: StaffMember | None, event: AccessEvent, origin: str, now: datetime
) -> AccessLogEntry:
    return AccessLogEntry(
        moment=now,
        client_ref=event.client_ref,
        actor=actor,
        actor_role=staff.role if staff else "client",
        actor_team=staff.team.name if staff and staff.team else "",
        on_behalf_of=event.on_behalf_of,
        action=event.action,
        object_type=event.object_type,
        object_ref=event.object_ref,
        result=event.result,
        basis=event.basis,
        reason=event.reason,
        flagged=event.flagged,
        origin=origin,
    )


def _staff_of(actor: User | None) -> StaffMember | None:
    if actor is None:
        return None
    return StaffMember.objects.select_related("team").filter(user=actor).first()
