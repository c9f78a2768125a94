"""Objections to a sanction decision (Awb chapters 6 and 7).

The period to object and the term to decide follow commitments/rules/objection.py. A late
objection is never refused at the door: it is recorded with the client's reason, and staff
decide whether the lateness is excusable (Awb 6:11) or declare it inadmissible. An upheld or
partly upheld objection changes the sanction that applies and the municipality promises to pay
back what was withheld.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from maatwerk.commitments import applications
from maatwerk.commitments import services as commitment_services
from maatwerk.commitments.errors import CommitmentError
from maatwerk.commitments.models import Application, ApplicationKind, Origin, Outcome, Party
from maatwerk.commitments.moments import end_of, local_date
from maatwerk.commitments.rules.objection import ObjectionPeriod, is_timely, objection_period
from maatwerk.core.models import ReceiptChannel
from maatwerk.dossiers import journal
from maatwerk.letters.sending import send_official
from maatwerk.sanctions.errors import SanctionError
from maatwerk.sanctions.models import Objection, ObjectionOutcome, Proposal, ProposalStatus
from maatwerk.sanctions.proposals import MAX_MONTHS, _day, _locked, recheck_open

# Paying back within four weeks: the withheld money was part of the client's minimum income, so
# it comes back with the next monthly payment rather than at the end of the six weeks Awb 4:87
# lid 1 allows for a payment under a decision.
REPAYMENT_WEEKS = 4

_APPLICATION_OUTCOME = {
    ObjectionOutcome.UPHELD: Outcome.GRANTED,
    ObjectionOutcome.PARTLY: Outcome.PARTLY,
    ObjectionOutcome.REJECTED: Outcome.REFUSED,
    ObjectionOutcome.INADMISSIBLE: Outcome.NOT_CONSIDERED,
}


def decision_sent_on(proposal: Proposal) -> date:
    """Awb 6:8 lid 1: the decision was made known the day its letter was sent."""
    if proposal.decision_letter is not None:
        return local_date(proposal.decision_letter.sent_at)
    assert proposal.decided_at is not None
    return local_date(proposal.decided_at)


def period_of(proposal: Proposal) -> ObjectionPeriod | None:
    """The objection period of a decided sanction; None before there is a decision."""
    if proposal.status != ProposalStatus.DECIDED or proposal.decided_at is None:
        return None
    return objection_period(decision_sent_on(proposal))


def object_to(
    *,
    proposal: Proposal,
    grounds: str,
    actor: User | None,
    channel: str,
    received_on: date | None = None,
    posted_on: date | None = None,
    late_reason: str = "",
    committee: bool = False,
) -> Objection:
    """The client objects: an application whose term runs from the end of the objection period.

    `received_on` and `posted_on` are for a paper objection staff register (today when not
    given); `committee` when staff know an advisory committee will hear it.
    """
    if len(grounds.strip()) < 10:
        raise SanctionError(_("Write why you do not agree with the decision."))
    today = timezone.localdate()
    received_on = received_on or today
    if received_on > today:
        raise SanctionError(_("The day the objection arrived cannot be in the future."))
    if posted_on is not None and posted_on > received_on:
        raise SanctionError(_("The letter cannot be posted after it arrived. Check the dates."))
    with transaction.atomic():
        proposal = _locked(proposal)
        if proposal.status != ProposalStatus.DECIDED:
            raise SanctionError(_("You can object to a decided sanction only."))
        if Objection.objects.filter(proposal=proposal).exists():
            raise SanctionError(_("You already objected to this decision. We will decide on it."))
        period = period_of(proposal)
        assert period is not None
        _check_dates(period, received_on, posted_on)
        late = not is_timely(period, received_on, posted_on)
        if late and len(late_reason.strip()) < 10:
            raise SanctionError(
                _(
                    "The period to object ended on %(day)s. Write why the objection comes only "
                    "now; then we look at it."
                )
                % {"day": _day(period.last_day)}
            )
        application = _record_application(
            proposal, actor, channel, received_on, posted_on, period, committee
        )
        objection = Objection.objects.create(
            proposal=proposal,
            application=application,
            grounds=grounds.strip()[:10000],
            decision_sent_on=period.sent,
            period_last_day=period.last_day,
            received_on=received_on,
            posted_on=posted_on,
            late=late,
            late_reason=late_reason.strip()[:10000] if late else "",
            committee=committee,
        )
        if late:
            with journal.dutch():
                summary = (
                    f"Uw bezwaar kwam na de laatste dag ({_day(period.last_day)}). Wij kijken "
                    f"eerst of dat te begrijpen is. Uw reden: {objection.late_reason}"
                )
            journal.record(
                client=proposal.client,
                kind="sanction.objection_late",
                summary=summary[:1000],
                actor=actor,
                subject=proposal,
            )
        recheck_open(proposal.client)
    return objection


def _check_dates(period: ObjectionPeriod, received_on: date, posted_on: date | None) -> None:
    """A typing error in a date must not make a late objection timely (Awb 6:9 lid 2)."""
    if received_on < period.sent:
        raise SanctionError(
            _("The decision was sent on %(day)s. The objection cannot have arrived earlier.")
            % {"day": _day(period.sent)}
        )
    if posted_on is not None and posted_on < period.sent:
        raise SanctionError(
            _(
                "The decision was sent on %(day)s. The objection cannot have been posted earlier. "
                "Check the postmark date."
            )
            % {"day": _day(period.sent)}
        )


def _record_application(
    proposal: Proposal,
    actor: User | None,
    channel: str,
    received_on: date,
    posted_on: date | None,
    period: ObjectionPeriod,
    committee: bool,
) -> Application:
    today = timezone.localdate()
    received_at = (
        timezone.now()
        if received_on == today
        else timezone.make_aware(datetime.combine(received_on, time(12)))
    )
    try:
        return applications.record_application(
            client=proposal.client,
            kind=ApplicationKind.OBJECTION,
            subject=f"Bezwaar tegen de maatregel: {proposal.rule.label}"[:200],
            received_at=received_at,
            channel=channel if channel in ReceiptChannel.values else ReceiptChannel.PORTAL,
            actor=actor,
            term_weeks=applications.OBJECTION_COMMITTEE_WEEKS if committee else None,
            objection_period_ended=period.last_day,
            posted_on=posted_on,
        )
    except CommitmentError as error:
        raise SanctionError(error.message) from error


def hear_by_committee(*, objection: Objection, actor: User) -> Objection:
    """Staff mark that an advisory committee hears the objection: twelve weeks (Awb 7:10)."""
    with transaction.atomic():
        _locked_undecided(objection)
        try:
            applications.hear_by_committee(application=objection.application, actor=actor)
        except CommitmentError as error:
            raise SanctionError(error.message) from error
        objection.committee = True
        objection.save(update_fields=["committee"])
    return objection


def decide_objection(
    *,
    objection: Objection,
    outcome: str,
    reason: str,
    actor: User,
    percentage: int | None = None,
    months: int | None = None,
    excused_reason: str = "",
) -> Objection:
    """The decision on the objection; for a late one first whether it can be dealt with (6:11)."""
    if outcome not in ObjectionOutcome.values:
        raise SanctionError(_("Choose the outcome of the objection."))
    if len(reason.strip()) < 10:
        raise SanctionError(_("Write why. The client reads it."))
    if actor.pk in (objection.proposal.proposer_id, objection.proposal.decided_by_id):
        raise SanctionError(
            _("You proposed or decided this sanction. Someone else decides on the objection.")
        )
    _check_admissibility(objection, outcome, excused_reason)
    with transaction.atomic():
        proposal = _locked(objection.proposal)
        objection = _locked_undecided(objection)
        before = proposal.terms_now
        if outcome == ObjectionOutcome.UPHELD:
            proposal.final_percentage, proposal.final_months = 0, 0
        elif outcome == ObjectionOutcome.PARTLY:
            proposal.final_percentage, proposal.final_months = _lower_terms(
                proposal, percentage, months
            )
        if objection.application.decided_on is None:
            try:
                applications.decide(
                    application=objection.application,
                    decided_on=timezone.localdate(),
                    outcome=_APPLICATION_OUTCOME[ObjectionOutcome(outcome)],
                    note=reason.strip(),
                    actor=actor,
                )
            except CommitmentError as error:
                raise SanctionError(error.message) from error
        proposal.save(update_fields=["final_percentage", "final_months"])
        objection.outcome = outcome
        objection.outcome_reason = reason.strip()
        objection.excused_reason = excused_reason.strip() if objection.late else ""
        objection.decided_at = timezone.now()
        objection.save(update_fields=["outcome", "outcome_reason", "excused_reason", "decided_at"])
        objection.proposal = proposal
        _journal_outcome(objection, before, actor)
        send_official(
            client=proposal.client,
            purpose="sanction_decision",
            subject="Besluit op uw bezwaar",
            body=_letter_text(objection, before, actor),
            actor=actor,
        )
        if outcome in (ObjectionOutcome.UPHELD, ObjectionOutcome.PARTLY):
            _promise_repayment(objection, actor)
        if outcome == ObjectionOutcome.UPHELD:
            # The sanction no longer exists, so it no longer counts as an earlier breach
            # (Pw art. 18 lid 2 repeat) for a proposal still open.
            recheck_open(proposal.client)
    return objection


def _locked_undecided(objection: Objection) -> Objection:
    """The objection row, locked and read again: a second tab or a double click holds a copy
    from before the decision, and must not decide (or promise repayment) a second time."""
    locked = (
        Objection.objects.select_for_update(of=("self",))
        .select_related("application")
        .get(pk=objection.pk)
    )
    if locked.outcome:
        raise SanctionError(_("This objection is already decided."))
    return locked


def _check_admissibility(objection: Objection, outcome: str, excused_reason: str) -> None:
    if outcome == ObjectionOutcome.INADMISSIBLE and not objection.late:
        raise SanctionError(
            _(
                "This objection came in time, so it cannot be declared inadmissible for being "
                "late. Decide on what the client says."
            )
        )
    if (
        objection.late
        and outcome != ObjectionOutcome.INADMISSIBLE
        and len(excused_reason.strip()) < 10
    ):
        raise SanctionError(
            _(
                "This objection came after the period to object. Write why the lateness can be "
                "excused (Awb 6:11), or declare the objection inadmissible."
            )
        )


def _lower_terms(proposal: Proposal, percentage: int | None, months: int | None) -> tuple[int, int]:
    """A partly upheld objection lowers the sanction: never higher, and not the same."""
    assert proposal.decided_percentage is not None and proposal.decided_months is not None
    if percentage is None or months is None:
        raise SanctionError(
            _("Fill in the new percentage and number of months that apply after the objection.")
        )
    lower = (
        1 <= percentage <= proposal.decided_percentage
        and 1 <= months <= min(proposal.decided_months, MAX_MONTHS)
        and (percentage, months) != (proposal.decided_percentage, proposal.decided_months)
    )
    if not lower:
        raise SanctionError(
            _(
                "The objection is partly upheld, so the sanction gets lower: at most "
                "%(percentage)d%% and %(months)d month(s), and not both the same. To keep the "
                "sanction, choose 'the sanction stays'; for no sanction at all, choose the "
                "client is right."
            )
            % {"percentage": proposal.decided_percentage, "months": proposal.decided_months}
        )
    return percentage, months


def _terms_text(terms: tuple[int, int] | None) -> str:
    if not terms or terms == (0, 0):
        return "geen maatregel"
    return f"{terms[0]}% minder bijstand, {terms[1]} maand(en)"


def _journal_outcome(objection: Objection, before: tuple[int, int] | None, actor: User) -> None:
    proposal = objection.proposal
    label = ObjectionOutcome(objection.outcome).label
    with journal.dutch():
        summary = f"Besluit op uw bezwaar: {label}. {objection.outcome_reason}"
        if objection.excused_reason:
            summary += f" U was te laat, maar dat is te begrijpen: {objection.excused_reason}"
    journal.record(
        client=proposal.client,
        kind="sanction.objection_decided",
        summary=summary[:1000],
        actor=actor,
        subject=proposal,
    )
    if objection.outcome in (ObjectionOutcome.UPHELD, ObjectionOutcome.PARTLY):
        journal.record(
            client=proposal.client,
            kind="sanction.changed",
            summary=(
                f"De maatregel is veranderd na uw bezwaar: eerst {_terms_text(before)}, "
                f"nu {_terms_text(proposal.terms_now)}."
            ),
            actor=actor,
            subject=proposal,
        )


def _letter_text(objection: Objection, before: tuple[int, int] | None, actor: User) -> str:
    proposal = objection.proposal
    client = proposal.client
    outcome = ObjectionOutcome(objection.outcome)
    if outcome == ObjectionOutcome.INADMISSIBLE:
        assert objection.period_last_day is not None
        besluit = (
            f"Uw bezwaar kwam te laat. De laatste dag was {_day(objection.period_last_day)}. "
            "Wij kunnen het daarom niet behandelen. De maatregel blijft."
        )
    elif outcome == ObjectionOutcome.REJECTED:
        besluit = f"U krijgt geen gelijk. De maatregel blijft: {_terms_text(before)}."
    else:
        besluit = (
            f"U krijgt {'gelijk' if outcome == ObjectionOutcome.UPHELD else 'voor een deel gelijk'}"
            f". Eerst was het besluit: {_terms_text(before)}. Nu is het: "
            f"{_terms_text(proposal.terms_now)}. Wat wij te weinig hebben betaald, betalen wij "
            f"binnen {REPAYMENT_WEEKS} weken terug."
        )
    parts = [
        f"Beste {client.given_names} {client.family_name},",
        f"U maakte bezwaar tegen de maatregel: {proposal.rule.label.lower()}. {besluit}",
        f"Waarom? {objection.outcome_reason}",
    ]
    if objection.excused_reason:
        parts.append(f"U was te laat met uw bezwaar. Dat begrijpen wij: {objection.excused_reason}")
    parts.append(
        "Bent u het niet eens met dit besluit? Dan kunt u binnen zes weken beroep instellen bij "
        "de rechtbank. Wilt u hulp? Bel dan uw regisseur."
    )
    parts.append(f"Met vriendelijke groet,\n{actor.get_full_name() or actor.username}")
    return "\n\n".join(parts)


def _promise_repayment(objection: Objection, actor: User) -> None:
    proposal = objection.proposal
    due = timezone.localdate() + timedelta(weeks=REPAYMENT_WEEKS)
    with journal.dutch():
        description = (
            "Wij betalen u terug wat wij door de maatregel minder hebben betaald "
            f"(nu {_terms_text(proposal.terms_now)} in plaats van "
            f"{_terms_text((proposal.decided_percentage or 0, proposal.decided_months or 0))})."
        )
    commitment_services.promise(
        client=proposal.client,
        party=Party.MUNICIPALITY,
        description=description,
        due_at=end_of(due),
        origin=Origin.REPAYMENT,
        actor=actor,
    )
