"""Opening a sent letter for a staff member: fetch, check, log, or raise.

A letter belongs to a client's dossier and opens under the dossier's rules (`dossiers.web`).
A letter waiting in the print queue also opens for whoever works that queue (intake, team lead),
without a reason: printing it is their task. That read is logged for the client as a read from
the work queue.
"""

from __future__ import annotations

import uuid

from django.http import Http404, HttpRequest

from maatwerk.core.access_log import log_work_queue_read
from maatwerk.core.models import StaffMember
from maatwerk.dossiers.access import DossierAccess
from maatwerk.dossiers.web import open_part
from maatwerk.letters.models import Letter
from maatwerk.letters.queries import print_queue


def open_letter(
    request: HttpRequest, staff: StaffMember, public_id: uuid.UUID, action: str
) -> tuple[Letter, DossierAccess]:
    parts = Letter.objects.select_related("client", "author")
    return open_part(request, staff, parts, public_id, action)


def open_letter_to_print(request: HttpRequest, staff: StaffMember, public_id: uuid.UUID) -> Letter:
    """A letter in the print queue, for the one who prints it (the guard checked the role)."""
    delivery = print_queue().filter(letter__public_id=public_id).first()
    if delivery is None:
        raise Http404
    letter = delivery.letter
    log_work_queue_read(
        request=request,
        staff=staff,
        action="letters.print",
        subject=("letter", str(letter.public_id)),
        client_ref=letter.client.public_id,
    )
    return letter
