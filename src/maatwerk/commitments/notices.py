"""Notices of default (ingebrekestelling) and the penalty for deciding late (Awb 4:17-4:18).

The client sends a notice from the portal in one step, or staff register one that came on
paper; both give the client a signed receipt. A notice sent before the term ended is kept as a
draft with the first day it can be sent. The penalty itself is computed by rules/penalty.py.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from maatwerk.commitments import letters, services
from maatwerk.commitments.errors import CommitmentError
from maatwerk.commitments.models import (
    Application,
    Commitment,
    Evidence,
    NoticeOfDefault,
    NoticeStatus,
    Origin,
    Party,
    PenaltyDecision,
    Status,
)
from maatwerk.commitments.moments import end_of
from maatwerk.commitments.rules.penalty import Penalty, PenaltyError, penalty_for
from maatwerk.core.models import ReceiptChannel
from maatwerk.core.receipts import ReceiptItem, issue_receipt
from maatwerk.core.rules.calendar import TermUnit, term_end
from maatwerk.dossiers import journal

# Awb 4:87: a penalty is paid within six weeks of the decision on it.
PAYMENT_WEEKS = 6


@dataclass(frozen=True)
class NoticeState:
    """What the client can do about a late decision today, for the portal and the workspace."""

    sent: NoticeOfDefault | None
    draft: NoticeOfDefault | None
    allowed_from: date
    can_send: bool
    penalty: Penalty | None


def state_of(application: Application, today: date | None = None) -> NoticeState:
    today = today or timezone.localdate()
    notices = {n.status: n for n in application.notices.all()}
    sent = notices.get(NoticeStatus.RECEIVED)
    allowed_from = application.decision_due + timedelta(days=1)
    return NoticeState(
        sent=sent,
        draft=notices.get(NoticeStatus.DRAFT),
        allowed_from=allowed_from,
        can_send=sent is None and application.decided_on is None and today >= allowed_from,
        penalty=penalty_of(application, today) if sent else None,
    )


def penalty_of(application: Application, today: date | None = None) -> Penalty | None:
    sent = application.notices.filter(status=NoticeStatus.RECEIVED).first()
    if sent is None or sent.received_on is None:
        return None
    try:
        return penalty_for(
            decision_due=application.decision_due,
            notice_received=sent.received_on,
            decided=application.decided_on,
            today=today or timezone.localdate(),
        )
    except PenaltyError:
        # The term cannot move once a notice is in (applications.py refuses it), so a notice
        # that is premature against it was never valid: no penalty runs.
        return None


def default_text(application: Application) -> str:
    return letters.render("notice_of_default", application=application)


def send_notice(*, application: Application, text: str, user: User) -> NoticeOfDefault:
    """The client's notice from the portal. Before the term ends it is kept as a draft."""
    if application.client.user_id != user.pk:
        raise CommitmentError(_("This application is not in your dossier."))
    text = text.strip() or default_text(application)
    today = timezone.localdate()
    _refuse_unless_open(application)
    if today <= application.decision_due:
        _keep_draft(application, text)
        raise CommitmentError(_premature_message(application))
    return _receive(
        application,
        text=text,
        received_at=timezone.now(),
        channel=ReceiptChannel.PORTAL,
        recorded_by=None,
    )


def register_paper_notice(
    *, application: Application, received_on: date, text: str, actor: User
) -> NoticeOfDefault:
    """A notice that came by post or at the counter, registered with the day it arrived."""
    _refuse_unless_open(application)
    if received_on > timezone.localdate():
        raise CommitmentError(_("The date of receipt cannot be in the future. Check the date."))
    if received_on <= application.decision_due:
        raise CommitmentError(_premature_message(application))
    received_at = min(timezone.make_aware(datetime.combine(received_on, time(12))), timezone.now())
    return _receive(
        application,
        text=text.strip() or _("Notice of default received on paper."),
        received_at=received_at,
        channel=ReceiptChannel.POST,
        recorded_by=actor,
    )


def after_decision(application: Application, actor: User | None) -> None:
    """Once decided, the penalty is final: plan the 4:18 decision on it if any is owed."""
    penalty = penalty_of(application)
    if penalty is None:
        return
    if penalty.days == 0:
        with journal.dutch():
            summary = _(
                "We decided before the first penalty day (%(first)s). No penalty is owed."
            ) % {"first": _day(penalty.first_penalty_day)}
        journal.record(
            client=application.client,
            kind="penalty.none",
            summary=summary,
            actor=actor,
            subject=application,
        )
        return
    plan_penalty_decision(application, penalty, actor)


def plan_penalty_decision(application: Application, penalty: Penalty, actor: User | None) -> bool:
    """The municipal commitment to decide on the penalty (Awb 4:18); made at most once."""
    assert penalty.decide_penalty_by is not None
    with journal.dutch():
        description = _(
            "We decide on the penalty of %(amount)s for deciding late on: %(what)s."
        ) % {"amount": _euro(penalty.amount), "what": application.subject}
    try:
        with transaction.atomic():
            services.promise(
                client=application.client,
                party=Party.MUNICIPALITY,
                description=description,
                due_at=end_of(penalty.decide_penalty_by),
                origin=Origin.PENALTY_DECISION,
                actor=actor,
                application=application,
                allow_past=True,
            )
    except IntegrityError:
        return False  # planned already, by another run
    return True


def decide_penalty(
    *, application: Application, actor: User, exemption: str = "", reason: str = ""
) -> PenaltyDecision:
    """Decide on the penalty: the amount owed, or a recorded exception of 4:17 lid 6."""
    with transaction.atomic():
        application = Application.objects.select_for_update().get(pk=application.pk)
        return _decide_penalty(application, actor, exemption, reason)


def _decide_penalty(
    application: Application, actor: User, exemption: str, reason: str
) -> PenaltyDecision:
    penalty = penalty_of(application)
    if penalty is None:
        raise CommitmentError(_("There is no notice of default for this application."))
    if PenaltyDecision.objects.filter(application=application).exists():
        raise CommitmentError(_("The penalty has already been decided. Nothing was changed."))
    if not penalty.final:
        raise CommitmentError(
            _(
                "The penalty is still running. Decide on it after the decision on the "
                "application, or once the 42 days have passed."
            )
        )
    if exemption and len(reason.strip()) < 10:
        raise CommitmentError(
            _("No penalty is owed only with a reason. Explain why, so the client can object.")
        )
    amount = 0 if exemption else penalty.amount
    decision = PenaltyDecision(
        application=application,
        days=0 if exemption else penalty.days,
        amount=amount,
        exemption=exemption,
        reason=reason.strip(),
        decided_on=timezone.localdate(),
        decided_by=actor,
    )
    decision.letter = letters.render(
        "penalty_decision", application=application, penalty=penalty, decision=decision
    )
    decision.save()
    _send_decision_letter(application, decision, actor)
    for commitment in _open(application, Origin.PENALTY_DECISION):
        services.fulfil(commitment=commitment, evidence=Evidence.DECISION, actor=actor)
    if amount:
        _promise_payment(application, decision, actor)
    _journal_decision(application, decision, actor)
    return decision


def register_payment(
    *, application: Application, paid_on: date, reference: str, actor: User
) -> PenaltyDecision:
    decision = PenaltyDecision.objects.filter(application=application).first()
    if decision is None or not decision.amount:
        raise CommitmentError(_("There is no penalty to pay for this application."))
    if decision.paid_on is not None:
        raise CommitmentError(_("This penalty was already paid. Nothing was changed."))
    if paid_on < decision.decided_on or paid_on > timezone.localdate():
        raise CommitmentError(_("The payment date must be between the penalty decision and today."))
    with transaction.atomic():
        decision.paid_on = paid_on
        decision.payment_reference = reference.strip()[:64]
        decision.save(update_fields=["paid_on", "payment_reference"])
        for commitment in _open(application, Origin.PENALTY_PAYMENT):
            services.fulfil(
                commitment=commitment,
                evidence=Evidence.PAYMENT,
                evidence_ref=decision.payment_reference,
                actor=actor,
                moment=min(end_of(paid_on), timezone.now()),
            )
    return decision


def _receive(
    application: Application,
    *,
    text: str,
    received_at: datetime,
    channel: str,
    recorded_by: User | None,
) -> NoticeOfDefault:
    data = text.encode()
    with transaction.atomic():
        locked = Application.objects.select_for_update().get(pk=application.pk)
        _refuse_unless_open(locked)
        receipt = issue_receipt(
            channel=channel,
            subject=f"Ingebrekestelling: {application.subject}"[:200],
            items=[
                ReceiptItem(
                    name="ingebrekestelling.txt",
                    sha256=hashlib.sha256(data).hexdigest(),
                    pages=1,
                    size=len(data),
                )
            ],
            recipient="Werk en Inkomen",
            client_ref=application.client.public_id,
            received_at=received_at,
        )
        received_on = timezone.localtime(receipt.received_at).date()
        notice = NoticeOfDefault.objects.filter(
            application=locked, status=NoticeStatus.DRAFT
        ).first() or NoticeOfDefault(application=locked)
        notice.status = NoticeStatus.RECEIVED
        notice.text = text
        notice.channel = channel
        notice.received_at = receipt.received_at
        notice.received_on = received_on
        notice.receipt = receipt
        notice.recorded_by = recorded_by
        notice.save()
        penalty = penalty_for(
            decision_due=locked.decision_due,
            notice_received=received_on,
            decided=None,
            today=received_on,
        )
        with journal.dutch():
            summary = _(
                "We received your notice of default for: %(what)s. If we have not decided by "
                "%(first)s, we pay you a penalty for every day after that."
            ) % {"what": application.subject, "first": _day(penalty.first_penalty_day)}
        journal.record(
            client=application.client,
            kind="notice.received",
            summary=summary,
            actor=recorded_by or application.client.user,
            subject=notice,
        )
        _queue_receipt_mail(receipt.pk)
    return notice


def receipt_letter(application: Application, state: NoticeState) -> str:
    """The letter that confirms the notice: what happens now, and from which day."""
    if state.sent is None or state.penalty is None:
        return ""
    return letters.render(
        "notice_receipt", application=application, notice=state.sent, penalty=state.penalty
    )


def _queue_receipt_mail(receipt_id: int) -> None:
    """Clients who prefer e-mail get the receipt mailed, as with documents they hand in. The
    task row is written in this transaction, so the mail goes exactly when the notice is saved."""
    from maatwerk.documents.tasks import send_receipt_by_mail

    send_receipt_by_mail.enqueue(receipt_id)


def _keep_draft(application: Application, text: str) -> None:
    NoticeOfDefault.objects.update_or_create(
        application=application, status=NoticeStatus.DRAFT, defaults={"text": text}
    )


def _refuse_unless_open(application: Application) -> None:
    if application.decided_on is not None:
        raise CommitmentError(
            _("We already decided on this application on %(day)s. A notice is no longer needed.")
            % {"day": _day(application.decided_on)}
        )
    sent = application.notices.filter(status=NoticeStatus.RECEIVED).first()
    if sent is not None and sent.received_on is not None:
        raise CommitmentError(
            _(
                "You already sent a notice of default on %(day)s. It still counts: you do not "
                "need to send another one."
            )
            % {"day": _day(sent.received_on)}
        )


def _premature_message(application: Application) -> str:
    return _(
        "We still have time to decide until %(due)s. You can send the notice of default from "
        "%(from)s. We kept your text as a draft."
    ) % {
        "due": _day(application.decision_due),
        "from": _day(application.decision_due + timedelta(days=1)),
    }


def _promise_payment(application: Application, decision: PenaltyDecision, actor: User) -> None:
    with journal.dutch():
        description = _("We pay you the penalty of %(amount)s.") % {
            "amount": _euro(decision.amount)
        }
    services.promise(
        client=application.client,
        party=Party.MUNICIPALITY,
        description=description,
        due_at=end_of(term_end(decision.decided_on, PAYMENT_WEEKS, TermUnit.WEEKS, statutory=True)),
        origin=Origin.PENALTY_PAYMENT,
        actor=actor,
        application=application,
    )


def _send_decision_letter(application: Application, decision: PenaltyDecision, actor: User) -> None:
    from maatwerk.letters.sending import send_official

    with journal.dutch():
        subject = _("Decision on the penalty for a late decision")
    send_official(
        client=application.client,
        purpose="penalty_decision",
        subject=subject,
        body=decision.letter,
        actor=actor,
    )


def _journal_decision(application: Application, decision: PenaltyDecision, actor: User) -> None:
    with journal.dutch():
        if decision.exemption:
            summary = _("We decided that no penalty is owed: %(reason)s") % {
                "reason": decision.reason
            }
        else:
            summary = _("We decided to pay you a penalty of %(amount)s for %(days)d days.") % {
                "amount": _euro(decision.amount),
                "days": decision.days,
            }
    journal.record(
        client=application.client,
        kind="penalty.decided",
        summary=summary,
        actor=actor,
        subject=application,
    )


def _open(application: Application, origin: str) -> list[Commitment]:
    return list(
        application.commitments.filter(
            origin=origin, status__in=[Status.OPEN, Status.OVERDUE]
        ).select_related("client", "application")
    )


def _day(day: date) -> str:
    return formats.date_format(day, "l j F Y")


def _euro(amount: Decimal | int) -> str:
    return "€ " + formats.number_format(amount, 2, use_l10n=True, force_grouping=True)


__all__ = ["NoticeState", "PenaltyError", "state_of"]
