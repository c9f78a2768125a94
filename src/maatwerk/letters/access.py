"""Opening a sent letter for a staff member: fetch, check, log, or raise.

A letter belongs to a client's dossier and opens under the dossier's rules (`dossiers.web`).
A letter waiting in the print queue also opens for whoever works that queue (intake, team lead),
without a reason: printing it is their task. That read is logged for the client as a read from
the work queue.
"""

from __future__ import annotations

import uuid

from django.http import Http404, HttpRequest

from maatwerk.core.access_log import AccessEvent, log_access, origin_of
from maatwerk.core.models import AccessBasis, StaffMember
from maatwerk.dossiers.access import DossierAccess
from maatwerk.dossiers.web import open_client_for
from maatwerk.letters.models import Letter
from maatwerk.letters.queries import print_queue


def open_letter(
    request: HttpRequest, staff: StaffMember, public_id: uuid.UUID, action: str
) -> tuple[Letter, DossierAccess]:
    letter = Letter.objects.filter(public_id=public_id).select_related("client", "author").first()
    if letter is None:
        raise Http404
    access = open_client_for(
        request, staff, letter.client.public_id, action, subject=("letter", str(public_id))
    )
    return letter, access


def open_letter_to_print(request: HttpRequest, staff: StaffMember, public_id: uuid.UUID) -> Letter:
    """A letter in the print queue, for the one who prints it (the guard checked the role)."""
    delivery = print_queue().filter(letter__public_id=public_id).first()
    if delivery is None:
        raise Http404
    letter = delivery.letter
    log_access(
        actor=staff.user,
        staff=staff,
        origin=origin_of(request),
        event=AccessEvent(
            action="letters.print",
            object_type="letter",
            object_ref=str(letter.public_id),
            client_ref=letter.client.public_id,
            basis=AccessBasis.WORK_QUEUE,
        ),
    )
    return letter
