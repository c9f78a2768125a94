"""Agreement, not imposition: a version is in force only once the client agreed to it.

The client agrees in the portal ("ik ga akkoord", with a receipt), or confirms there what they
agreed in the meeting; staff can record a confirmation the client signed on paper. The client
can instead say they do not agree, in their own words, for the plan or for one step; their view
stays with the version. When a version comes into force, its steps become commitments.
"""

from __future__ import annotations

import hashlib
from datetime import date

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from maatwerk.commitments import services as commitments
from maatwerk.commitments.models import Commitment, Origin, Party, Status
from maatwerk.commitments.moments import end_of
from maatwerk.core.models import Receipt, ReceiptChannel
from maatwerk.core.receipts import ReceiptItem, issue_receipt
from maatwerk.dossiers import journal
from maatwerk.dossiers.models import Client
from maatwerk.plans.errors import OutdatedVersion, PlanError
from maatwerk.plans.models import ClientView, PlanVersion, Step, VersionStatus

WAITING = (VersionStatus.PROPOSED, VersionStatus.AGREED_IN_MEETING)


def agree(*, version: PlanVersion, client: Client, revision: int) -> PlanVersion:
    """The client agrees in the portal to the version they were shown (`revision`)."""
    with transaction.atomic():
        locked = _waiting_version(version, client, revision)
        receipt = _receipt(locked, client, ReceiptChannel.PORTAL)
        _bring_into_force(locked, how="portal", receipt=receipt, actor=client.user)
    return locked


def record_signed(*, version: PlanVersion, actor: User, evidence: str) -> PlanVersion:
    """The client confirmed the plan agreed in the meeting by signing it on paper; `evidence`
    is the number of the scanned, signed plan in the documents (or its receipt)."""
    if len(evidence.strip()) < 3:
        raise PlanError(
            _(
                "Give the number of the signed plan in the documents (scan it in first). "
                "Without it, only the client can confirm, in Mijn Maatwerk."
            )
        )
    with transaction.atomic():
        locked = (
            PlanVersion.objects.select_for_update(of=("self",))
            .select_related("plan__client")
            .get(pk=version.pk)
        )
        if locked.status != VersionStatus.AGREED_IN_MEETING:
            raise PlanError(
                _("Only a plan agreed in the meeting can be confirmed with a signature.")
            )
        receipt = _receipt(locked, locked.plan.client, ReceiptChannel.COUNTER)
        _bring_into_force(
            locked, how=f"signed:{evidence.strip()[:12]}", receipt=receipt, actor=actor
        )
    return locked


def disagree(
    *,
    version: PlanVersion,
    client: Client,
    revision: int,
    text: str,
    steps: dict[int, str] | None = None,
) -> PlanVersion:
    """The client does not agree, and says why in their own words (for the plan or a step)."""
    step_views = {pk: words.strip() for pk, words in (steps or {}).items() if words.strip()}
    if not text.strip() and not step_views:
        raise PlanError(
            _("Tell us in your own words what you do not agree with. Then we can talk about it.")
        )
    with transaction.atomic():
        locked = _waiting_version(version, client, revision)
        if text.strip():
            ClientView.objects.create(version=locked, agrees=False, text=text.strip())
        for step in locked.steps.filter(pk__in=step_views):
            ClientView.objects.create(
                version=locked, step=step, agrees=False, text=step_views[step.pk]
            )
        locked.status = VersionStatus.DISAGREED
        locked.save(update_fields=["status"])
        with journal.dutch():
            summary = _(
                "You do not agree with plan version %(n)d. Your regisseur reads why and talks "
                "about it with you."
            ) % {"n": locked.number}
        journal.record(
            client=client,
            kind="plan.disagreed",
            summary=summary,
            actor=client.user,
            subject=locked,
        )
    return locked


def _waiting_version(version: PlanVersion, client: Client, revision: int) -> PlanVersion:
    locked = (
        PlanVersion.objects.select_for_update(of=("self",))
        .select_related("plan__client")
        .get(pk=version.pk)
    )
    if locked.plan.client_id != client.pk:
        raise PlanError(_("This plan is not in your dossier."))
    if locked.status not in WAITING or locked.revision != revision:
        raise OutdatedVersion(
            _(
                "This is not the newest version of your plan any more. We show you the newest "
                "version now: read it before you answer."
            )
        )
    return locked


def _receipt(version: PlanVersion, client: Client, channel: str) -> Receipt:
    text = f"plan {version.plan.public_id} versie {version.number} revisie {version.revision}"
    return issue_receipt(
        channel=channel,
        subject=f"Akkoord met plan, versie {version.number}",
        items=[
            ReceiptItem(
                name=f"plan-versie-{version.number}.txt",
                sha256=hashlib.sha256(text.encode()).hexdigest(),
                pages=1,
                size=len(text),
            )
        ],
        recipient="Werk en Inkomen",
        client_ref=client.public_id,
    )


def _bring_into_force(
    version: PlanVersion, *, how: str, receipt: Receipt, actor: User | None
) -> None:
    plan = version.plan
    previous = plan.active
    if previous is not None:
        previous.status = VersionStatus.SUPERSEDED
        previous.save(update_fields=["status"])
    version.status = VersionStatus.ACTIVE
    version.agreed_at = timezone.now()
    version.agreed_how = how
    version.agreement_receipt = receipt
    version.save(update_fields=["status", "agreed_at", "agreed_how", "agreement_receipt"])
    plan.active = version
    plan.save(update_fields=["active"])
    with journal.dutch():
        summary = _("You agreed to plan version %(n)d. Receipt %(receipt)s.") % {
            "n": version.number,
            "receipt": receipt.number,
        }
    journal.record(
        client=plan.client, kind="plan.agreed", summary=summary, actor=actor, subject=version
    )
    # Commitment changes are the municipality's bookkeeping of what was agreed, done in the
    # name of the consultant who made the version (a client may not withdraw our promises).
    _sync_commitments(version, previous, version.created_by)
    plan_next_review(version, version.created_by)


def _sync_commitments(
    version: PlanVersion, previous: PlanVersion | None, actor: User | None
) -> None:
    """Steps become commitments; a step that left the plan is withdrawn, a moved one follows."""
    kept: set[int] = set()
    before = {s.key: s.due_on for s in previous.steps.only("key", "due_on")} if previous else {}
    for step in version.steps.select_related("commitment"):
        if step.commitment is not None and step.commitment.description == step.description:
            kept.add(step.commitment.pk)
            if before.get(step.key) != step.due_on:
                commitments.move_due(
                    commitment=step.commitment,
                    due_at=end_of(step.due_on),
                    actor=actor,
                    why=_why_moved(version),
                )
            continue
        step.commitment = commitments.promise(
            client=version.plan.client,
            party=step.party,
            description=step.description,
            due_at=end_of(step.due_on),
            origin=Origin.PLAN_STEP,
            actor=actor,
            allow_past=True,
        )
        step.save(update_fields=["commitment"])
    if previous is None:
        return
    for old in Step.objects.filter(version=previous, commitment__isnull=False).select_related(
        "commitment__client"
    ):
        assert old.commitment is not None
        if old.commitment.pk not in kept and not old.commitment.is_closed:
            commitments.withdraw(
                commitment=old.commitment, reason=_why_removed(version), actor=actor
            )


def plan_next_review(
    version: PlanVersion, actor: User | None, day: date | None = None
) -> Commitment | None:
    """The next talk about the plan is a promise of the municipality; one open at a time."""
    when = day or version.next_review_on
    if when is None:
        return None
    client = version.plan.client
    due_at = end_of(when)
    current = Commitment.objects.filter(
        client=client, origin=Origin.PLAN_REVIEW, status__in=[Status.OPEN, Status.OVERDUE]
    ).first()
    if current is not None:
        commitments.move_due(commitment=current, due_at=due_at, actor=actor, why="")
        return current
    with journal.dutch():
        description = _("We talk with you about your plan: how it goes and what comes next.")
    return commitments.promise(
        client=client,
        party=Party.MUNICIPALITY,
        description=description,
        due_at=due_at,
        origin=Origin.PLAN_REVIEW,
        actor=actor,
        allow_past=True,
    )


def _why_moved(version: PlanVersion) -> str:
    with journal.dutch():
        return _("Agreed in plan version %(n)d.") % {"n": version.number}


def _why_removed(version: PlanVersion) -> str:
    with journal.dutch():
        return _("No longer in the plan since version %(n)d.") % {"n": version.number}
