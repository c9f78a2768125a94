"""Commitments of either party: promise, fulfil, excuse, withdraw. Each call journals itself
and publishes CommitmentChanged with the due and closed moments from before the change.

A client's overdue commitment never changes money or starts a sanction here: that is the
sanctions app's job, behind its evidence check.
"""

from __future__ import annotations

import hashlib
from datetime import datetime

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from maatwerk.commitments.errors import CommitmentError
from maatwerk.commitments.events import CommitmentChanged
from maatwerk.commitments.models import (
    Application,
    Commitment,
    Evidence,
    Origin,
    Party,
    Status,
)
from maatwerk.commitments.moments import end_of, is_end_of_day, local_date
from maatwerk.commitments.rules.terms import next_advance_due
from maatwerk.core import events
from maatwerk.core.models import ReceiptChannel
from maatwerk.core.receipts import ReceiptItem, issue_receipt
from maatwerk.dossiers import journal
from maatwerk.dossiers.models import Client

_CLOSABLE = (Status.OPEN, Status.OVERDUE)


def promise(
    *,
    client: Client,
    party: str,
    description: str,
    due_at: datetime,
    origin: str = Origin.OTHER,
    actor: User | None,
    application: Application | None = None,
    allow_past: bool = False,
) -> Commitment:
    """Record what `party` promised the other, due at `due_at`."""
    description = description.strip()
    if not description:
        raise CommitmentError(_("Write down what is promised, in words the client understands."))
    if due_at <= timezone.now() and not allow_past:
        raise CommitmentError(
            _("The moment you chose has already passed. Choose a moment in the future.")
        )
    with journal.dutch():
        summary = (
            _("The municipality promised: %(what)s (by %(due)s).")
            if party == Party.MUNICIPALITY
            else _("You promised: %(what)s (by %(due)s).")
        ) % {"what": description, "due": _when(due_at)}
    with transaction.atomic():
        commitment = Commitment.objects.create(
            client=client,
            party=party,
            description=description,
            due_at=due_at,
            origin=origin,
            application=application,
            created_by=actor,
        )
        _changed(commitment)
        journal.record(
            client=client,
            kind="commitment.promised",
            summary=summary,
            actor=actor,
            subject=commitment,
        )
    return commitment


def fulfil(
    *,
    commitment: Commitment,
    evidence: str,
    evidence_ref: str = "",
    note: str = "",
    actor: User | None,
    moment: datetime | None = None,
) -> Commitment:
    """Mark a commitment done, with what proves it. Late fulfilment counts, but not on time."""
    if _is_client(actor, commitment) and commitment.party == Party.MUNICIPALITY:
        raise CommitmentError(
            _(
                "Only the municipality can mark its own promise as done. If we did not keep "
                "it, you can tell us: reply to your regisseur or send a message."
            )
        )
    if evidence not in Evidence.values:
        raise CommitmentError(_("Say what shows that the promise was kept."))
    moment = moment or timezone.now()
    with transaction.atomic():
        locked = _lock_closable(commitment)
        closed_before = locked.closed_at
        locked.status = Status.FULFILLED
        locked.closed_at = moment
        locked.closed_by = actor
        locked.evidence = evidence
        locked.evidence_ref = evidence_ref[:64]
        locked.reason = note.strip()
        locked.save()
        _changed(locked, closed_before=closed_before)
        _journal_closed(locked, actor, _("Done: %(what)s."))
        if locked.origin == Origin.ADVANCE:
            _next_advance(locked, actor)
    return locked


def excuse(
    *, commitment: Commitment, reason: str, actor: User | None, evidence: str = ""
) -> Commitment:
    """The commitment no longer has to be kept, for a registered reason (such as an absence)."""
    return _close(commitment, Status.EXCUSED, reason, actor, evidence, _("Excused: %(what)s."))


def withdraw(*, commitment: Commitment, reason: str, actor: User | None) -> Commitment:
    """The one who promised takes it back, with a reason both sides can read."""
    if _is_client(actor, commitment) and commitment.party == Party.MUNICIPALITY:
        raise CommitmentError(_("Only the municipality can withdraw its own promise."))
    return _close(commitment, Status.WITHDRAWN, reason, actor, "", _("Withdrawn: %(what)s."))


def report_done_by_client(*, commitment: Commitment, client: Client, note: str) -> Commitment:
    """The client says they did what they promised; the signed receipt is their proof."""
    if commitment.client_id != client.pk:
        raise CommitmentError(_("This promise is not in your dossier."))
    if commitment.party == Party.MUNICIPALITY:
        raise CommitmentError(
            _(
                "Only the municipality can mark its own promise as done. If we did not keep "
                "it, you can tell us: reply to your regisseur or send a message."
            )
        )
    text = (note.strip() or commitment.description).encode()
    with transaction.atomic():
        receipt = issue_receipt(
            channel=ReceiptChannel.PORTAL,
            subject=f"Gedaan: {commitment.description}"[:200],
            items=[
                ReceiptItem(
                    name="melding.txt",
                    sha256=hashlib.sha256(text).hexdigest(),
                    pages=1,
                    size=len(text),
                )
            ],
            recipient="Werk en Inkomen",
            client_ref=client.public_id,
        )
        done = fulfil(
            commitment=commitment,
            evidence=Evidence.RECEIPT,
            evidence_ref=receipt.number,
            note=note,
            actor=client.user,
        )
        Commitment.objects.filter(pk=done.pk).update(receipt=receipt)
        done.receipt = receipt
    return done


def move_due(*, commitment: Commitment, due_at: datetime, actor: User | None, why: str) -> None:
    """A term moved (extension, suspension): the commitment follows, and reopens if needed."""
    with transaction.atomic():
        locked = (
            Commitment.objects.select_for_update(of=("self",))
            .select_related("client")
            .get(pk=commitment.pk)
        )
        if locked.is_closed or locked.due_at == due_at:
            return
        due_before = locked.due_at
        locked.due_at = due_at
        fields = ["due_at"]
        if locked.status == Status.OVERDUE and due_at > timezone.now():
            locked.status = Status.OPEN
            locked.overdue_since = locked.escalated_at = locked.escalated_to = None
            locked.escalation = 0
            fields += ["status", "overdue_since", "escalated_at", "escalated_to", "escalation"]
        locked.save(update_fields=fields)
        _changed(locked, due_before=due_before)
        with journal.dutch():
            summary = _("New date for %(what)s: %(due)s. %(why)s") % {
                "what": locked.description,
                "due": _when(due_at),
                "why": why,
            }
        journal.record(
            client=locked.client,
            kind="commitment.moved",
            summary=summary,
            actor=actor,
            subject=locked,
        )


def _close(
    commitment: Commitment, status: str, reason: str, actor: User | None, evidence: str, text: str
) -> Commitment:
    reason = reason.strip()
    if not reason:
        raise CommitmentError(_("Give the reason. Both the client and the municipality read it."))
    with transaction.atomic():
        locked = _lock_closable(commitment)
        closed_before = locked.closed_at
        locked.status = status
        locked.closed_at = timezone.now()
        locked.closed_by = actor
        locked.reason = reason
        locked.evidence = evidence
        locked.save()
        _changed(locked, closed_before=closed_before)
        _journal_closed(locked, actor, text)
    return locked


def _lock_closable(commitment: Commitment) -> Commitment:
    locked = (
        Commitment.objects.select_for_update(of=("self",))
        .select_related("client")
        .get(pk=commitment.pk)
    )
    if locked.status not in _CLOSABLE:
        raise CommitmentError(
            _("This promise is already closed (%(status)s). Nothing was changed.")
            % {"status": locked.get_status_display()}
        )
    return locked


def _changed(
    commitment: Commitment,
    *,
    due_before: datetime | None = None,
    closed_before: datetime | None = None,
) -> None:
    events.publish(
        CommitmentChanged(
            commitment_id=commitment.pk,
            client_id=commitment.client_id,
            party=commitment.party,
            origin=commitment.origin,
            due_at=commitment.due_at,
            due_before=due_before,
            closed_before=closed_before,
        )
    )


def _journal_closed(commitment: Commitment, actor: User | None, text: str) -> None:
    with journal.dutch():
        summary = text % {"what": commitment.description}
        if commitment.reason:
            summary = f"{summary} {commitment.reason}"
    journal.record(
        client=commitment.client,
        kind=f"commitment.{commitment.status}",
        summary=summary,
        actor=actor,
        subject=commitment,
    )


def _next_advance(paid: Commitment, actor: User | None) -> None:
    """Pw art. 52: while the right is not decided, an advance follows every four weeks."""
    application = paid.application
    if application is None or application.decided_on is not None:
        return
    promise(
        client=paid.client,
        party=Party.MUNICIPALITY,
        description=advance_description(),
        due_at=end_of(next_advance_due(local_date(paid.due_at))),
        origin=Origin.ADVANCE,
        actor=actor,
        application=application,
        allow_past=True,
    )


def advance_description() -> str:
    with journal.dutch():
        return _(
            "We pay you an advance on your benefit while we have not decided yet "
            "(Participatiewet art. 52)."
        )


def _is_client(actor: User | None, commitment: Commitment) -> bool:
    return actor is not None and commitment.client.user_id == actor.pk


def _when(moment: datetime) -> str:
    local = timezone.localtime(moment)
    if is_end_of_day(moment):
        return formats.date_format(local, "j F Y")
    return formats.date_format(local, "j F Y H:i")
