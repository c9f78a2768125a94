"""Applications and their decision terms: record, extend (4:14), suspend (4:15), decide.

The last day to decide is always recomputed from the recorded facts by rules/terms.py and
kept on the application and on the municipality's commitment to decide.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from maatwerk.commitments import services
from maatwerk.commitments.errors import CommitmentError
from maatwerk.commitments.models import (
    Application,
    ApplicationKind,
    Commitment,
    Evidence,
    NoticeStatus,
    Origin,
    Party,
    Status,
    TermExtension,
    TermSuspension,
)
from maatwerk.commitments.moments import end_of, local_date
from maatwerk.commitments.rules import objection as objection_rules
from maatwerk.commitments.rules.terms import (
    DecisionTerm,
    Extension,
    Suspension,
    TermError,
    decision_term,
    first_advance_due,
)
from maatwerk.core.models import Receipt
from maatwerk.core.receipts import ReceiptItem, issue_receipt
from maatwerk.dossiers import journal
from maatwerk.dossiers.models import Client

# Awb 7:10: six weeks to decide on an objection (twelve with an advisory committee), counted
# from the day after the objection period ended; the decision may be deferred six weeks, longer
# only with the objector's consent (rules/objection.py).
OBJECTION_TERM_WEEKS = objection_rules.DECISION_WEEKS
OBJECTION_COMMITTEE_WEEKS = objection_rules.COMMITTEE_WEEKS
OBJECTION_DEFERRAL_WEEKS = objection_rules.DEFERRAL_WEEKS


def default_term_weeks(kind: str) -> int:
    return (
        OBJECTION_TERM_WEEKS if kind == ApplicationKind.OBJECTION else settings.DECISION_TERM_WEEKS
    )


def record_application(
    *,
    client: Client,
    kind: str,
    subject: str,
    received_at: datetime,
    channel: str,
    actor: User | None,
    term_weeks: int | None = None,
    objection_period_ended: date | None = None,
    posted_on: date | None = None,
) -> Application:
    """Register an application with the moment it arrived; the term and its commitments follow.

    For an objection the term counts from the day after the objection period ended (Awb 7:10),
    or from the day a late objection arrived (rules/objection.py, `posted_on` per Awb 6:9 lid 2).
    """
    if received_at > timezone.now():
        raise CommitmentError(_("The date of receipt cannot be in the future. Check the date."))
    weeks = term_weeks or default_term_weeks(kind)
    _check_term_weeks(kind, weeks)
    received_on = local_date(received_at)
    term_start = received_on
    if kind == ApplicationKind.OBJECTION and objection_period_ended:
        term_start = objection_rules.decision_counts_from(
            objection_period_ended, received_on, posted_on
        )
    term = decision_term(received=term_start, term_weeks=weeks)
    with transaction.atomic():
        receipt = _receipt_for(client, subject, kind, channel, received_at)
        application = Application.objects.create(
            client=client,
            kind=kind,
            subject=subject.strip(),
            received_at=received_at,
            received_on=received_on,
            term_start=term_start,
            receipt=receipt,
            term_weeks=weeks,
            decision_due=term.last_day,
            created_by=actor,
        )
        _journal(
            application,
            actor,
            _("We received your application: %(what)s. We decide by %(due)s at the latest."),
        )
        services.promise(
            client=client,
            party=Party.MUNICIPALITY,
            description=_decision_description(application),
            due_at=end_of(term.last_day),
            origin=Origin.APPLICATION_DECISION,
            actor=actor,
            application=application,
            allow_past=True,
        )
        if kind == ApplicationKind.BIJSTAND:
            services.promise(
                client=client,
                party=Party.MUNICIPALITY,
                description=services.advance_description(),
                due_at=end_of(first_advance_due(received_on)),
                origin=Origin.ADVANCE,
                actor=actor,
                application=application,
                allow_past=True,
            )
    return application


def _check_term_weeks(kind: str, weeks: int) -> None:
    if kind == ApplicationKind.OBJECTION:
        if weeks not in (OBJECTION_TERM_WEEKS, OBJECTION_COMMITTEE_WEEKS):
            raise CommitmentError(
                _("An objection has 6 weeks, or 12 with an advisory committee (Awb 7:10).")
            )
    elif not 1 <= weeks <= settings.DECISION_TERM_WEEKS:
        raise CommitmentError(
            _("The decision term is at most %(weeks)d weeks (Awb 4:13). Choose fewer weeks.")
            % {"weeks": settings.DECISION_TERM_WEEKS}
        )


def extend_term(
    *,
    application: Application,
    extended_to: date,
    notified_on: date,
    reason: str,
    letter: str,
    actor: User,
    consent: str = "",
) -> TermExtension:
    """Awb 4:14: a longer term, told to the applicant in a letter sent within the term.

    For an objection (Awb 7:10 lid 3 and 4): six weeks past the statutory day at most, further
    only with the objector's consent, recorded in `consent` (when and how they agreed).
    """
    if not letter.strip():
        raise CommitmentError(
            _("An extension only counts with a letter to the client. Write the letter first.")
        )
    if not reason.strip():
        raise CommitmentError(_("Explain why the decision takes longer. The client reads this."))
    if notified_on > timezone.localdate():
        raise CommitmentError(_("The letter date cannot be in the future."))
    with transaction.atomic():
        locked = _lock(application)
        _refuse_if_decided(locked)
        _refuse_after_notice(locked)
        _check_objection_deferral(locked, extended_to, consent)
        new = Extension(notified_on=notified_on, extended_to=extended_to)
        term = _term_or_refuse(locked, extensions=[*_extensions(locked), new])
        extension = TermExtension.objects.create(
            application=locked,
            previous_due=locked.decision_due,
            extended_to=extended_to,
            notified_on=notified_on,
            reason=reason.strip(),
            letter=letter.strip(),
            consent=consent.strip(),
            recorded_by=actor,
        )
        with journal.dutch():
            why = _("We need more time: %(reason)s") % {"reason": extension.reason}
        _recompute(locked, actor, why, term)
        if notified_on == timezone.localdate():  # a letter dated earlier already went on paper
            _send_extension_letter(locked, extension, actor)
    application.refresh_from_db()
    return extension


def hear_by_committee(*, application: Application, actor: User) -> Application:
    """Awb 7:10 lid 1 and 7:13: an advisory committee hears the objection, so the term is twelve
    weeks instead of six; the client is told at once (7:13 lid 2) through the journal."""
    if application.kind != ApplicationKind.OBJECTION:
        raise CommitmentError(_("Only an objection can be heard by an advisory committee."))
    with transaction.atomic():
        locked = _lock(application)
        _refuse_if_decided(locked)
        _refuse_after_notice(locked)
        if locked.term_weeks != OBJECTION_COMMITTEE_WEEKS:
            locked.term_weeks = OBJECTION_COMMITTEE_WEEKS
            locked.save(update_fields=["term_weeks"])
            with journal.dutch():
                why = _(
                    "An independent advisory committee hears your objection. The law then gives "
                    "twelve weeks to decide."
                )
            _recompute(locked, actor, why, _term_or_refuse(locked))
    application.refresh_from_db()
    return application


def _send_extension_letter(application: Application, extension: TermExtension, actor: User) -> None:
    from maatwerk.letters.sending import send_official

    with journal.dutch():
        subject = _("We need more time to decide on your application")
    send_official(
        client=application.client,
        purpose="extension_notice",
        subject=subject,
        body=extension.letter,
        actor=actor,
    )


def suspend_term(
    *,
    application: Application,
    first_day: date,
    last_day: date,
    ground: str,
    note: str,
    actor: User,
) -> TermSuspension:
    """Awb 4:15: the term stood still from `first_day` up to and including `last_day`."""
    if last_day < first_day:
        raise CommitmentError(_("The last day comes before the first day. Check the dates."))
    with transaction.atomic():
        locked = _lock(application)
        _refuse_if_decided(locked)
        _refuse_after_notice(locked)
        if first_day > locked.decision_due:
            raise CommitmentError(
                _("The term already ended on %(due)s. A term that has ended cannot stand still.")
                % {"due": _day(locked.decision_due)}
            )
        new = Suspension(first_day, last_day)
        term = _term_or_refuse(locked, suspensions=[*_suspensions(locked), new])
        suspension = TermSuspension.objects.create(
            application=locked,
            first_day=first_day,
            last_day=last_day,
            ground=ground,
            note=note.strip(),
            recorded_by=actor,
        )
        with journal.dutch():
            why = _("The term stood still from %(first)s to %(last)s: %(ground)s.") % {
                "first": _day(first_day),
                "last": _day(last_day),
                "ground": suspension.get_ground_display(),
            }
        _recompute(locked, actor, why, term)
    application.refresh_from_db()
    return suspension


def decide(
    *, application: Application, decided_on: date, outcome: str, note: str, actor: User
) -> Application:
    """Record the decision: the promise to decide is kept (on time or not), advances stop."""
    from maatwerk.commitments import notices

    if decided_on < application.received_on:
        raise CommitmentError(
            _("The decision date is before the application arrived (%(received)s). Check the date.")
            % {"received": _day(application.received_on)}
        )
    if decided_on > timezone.localdate():
        raise CommitmentError(_("The decision date cannot be in the future."))
    with transaction.atomic():
        application = _lock(application)
        _refuse_if_decided(application)
        application.decided_on = decided_on
        application.outcome = outcome
        application.decision_note = note.strip()
        application.save(update_fields=["decided_on", "outcome", "decision_note"])
        moment = min(end_of(decided_on), timezone.now())
        for commitment in _open_commitments(application, Origin.APPLICATION_DECISION):
            services.fulfil(
                commitment=commitment, evidence=Evidence.DECISION, actor=actor, moment=moment
            )
        with journal.dutch():
            stop = _("We decided on your application, so no more advances are needed.")
        for advance in _open_commitments(application, Origin.ADVANCE):
            services.withdraw(commitment=advance, reason=stop, actor=actor)
        _journal(
            application,
            actor,
            _("We decided on your application: %(what)s."),
        )
        notices.after_decision(application, actor)
    return application


def term_of(application: Application) -> DecisionTerm:
    return _term(application)


def _term(
    application: Application,
    *,
    extensions: list[Extension] | None = None,
    suspensions: list[Suspension] | None = None,
) -> DecisionTerm:
    return decision_term(
        received=application.term_start,
        arrived=application.received_on,
        term_weeks=application.term_weeks,
        extensions=_extensions(application) if extensions is None else extensions,
        suspensions=_suspensions(application) if suspensions is None else suspensions,
    )


def _term_or_refuse(application: Application, **changes: list[Any]) -> DecisionTerm:
    try:
        return _term(application, **changes)
    except TermError as error:
        raise CommitmentError(_term_error_message(error, application)) from error


def _extensions(application: Application) -> list[Extension]:
    return [
        Extension(notified_on=e.notified_on, extended_to=e.extended_to)
        for e in application.extensions.all()
    ]


def _suspensions(application: Application) -> list[Suspension]:
    return [Suspension(s.first_day, s.last_day) for s in application.suspensions.all()]


def _lock(application: Application) -> Application:
    return (
        Application.objects.select_for_update(of=("self",))
        .select_related("client")
        .get(pk=application.pk)
    )


def _refuse_after_notice(application: Application) -> None:
    """Once a notice of default is in, the term it relied on can no longer move."""
    if application.notices.filter(status=NoticeStatus.RECEIVED).exists():
        raise CommitmentError(
            _(
                "The client already sent a notice of default. The term can no longer move: "
                "decide as soon as possible."
            )
        )


def _check_objection_deferral(application: Application, extended_to: date, consent: str) -> None:
    if application.kind != ApplicationKind.OBJECTION:
        return
    statutory = _term(application, extensions=[], suspensions=[]).last_day
    if extended_to > objection_rules.latest_deferral(statutory) and len(consent.strip()) < 10:
        raise CommitmentError(
            _(
                "A decision on an objection can be deferred by six weeks at most (Awb 7:10), "
                "to %(day)s. Later is only possible if the client agrees: write down when and "
                "how the client agreed."
            )
            % {"day": _day(objection_rules.latest_deferral(statutory))}
        )


def _recompute(
    application: Application, actor: User, why: str, term: DecisionTerm | None = None
) -> None:
    term = term or _term(application)
    application.decision_due = term.last_day
    application.save(update_fields=["decision_due"])
    for commitment in _open_commitments(application, Origin.APPLICATION_DECISION):
        services.move_due(commitment=commitment, due_at=end_of(term.last_day), actor=actor, why=why)


def _open_commitments(application: Application, origin: str) -> list[Commitment]:
    return list(
        application.commitments.filter(
            origin=origin, status__in=[Status.OPEN, Status.OVERDUE]
        ).select_related("client", "application")
    )


def _refuse_if_decided(application: Application) -> None:
    if application.decided_on is not None:
        raise CommitmentError(
            _("This application was decided on %(day)s. Nothing was changed.")
            % {"day": _day(application.decided_on)}
        )


def _decision_description(application: Application) -> str:
    with journal.dutch():
        return _("We decide on your application: %(what)s.") % {"what": application.subject}


def _receipt_for(
    client: Client, subject: str, kind: str, channel: str, received_at: datetime
) -> Receipt:
    text = f"{kind}: {subject}".encode()
    return issue_receipt(
        channel=channel,
        subject=f"Aanvraag: {subject}"[:200],
        items=[
            ReceiptItem(
                name="aanvraag.txt",
                sha256=hashlib.sha256(text).hexdigest(),
                pages=1,
                size=len(text),
            )
        ],
        recipient="Werk en Inkomen",
        client_ref=client.public_id,
        received_at=received_at,
    )


def _journal(application: Application, actor: User | None, text: str) -> None:
    with journal.dutch():
        summary = text % {"what": application.subject, "due": _day(application.decision_due)}
    journal.record(
        client=application.client,
        kind="application.recorded" if application.decided_on is None else "application.decided",
        summary=summary,
        actor=actor,
        subject=application,
    )


def _day(day: date) -> str:
    return formats.date_format(day, "l j F Y")


def _term_error_message(error: TermError, application: Application) -> str:
    due = _day(application.decision_due)
    messages = {
        "suspension_before_receipt": _(
            "The term cannot stand still before the application arrived. Check the first day."
        ),
        "suspension_backwards": _("The last day comes before the first day. Check the dates."),
        "extension_too_late": _(
            "The term already ended on %(due)s. An extension must be sent before the term "
            "ends; now the client can send a notice of default."
        )
        % {"due": due},
        "extension_before_receipt": _(
            "The letter date is before the application arrived. Check the date."
        ),
        "extension_not_later": _("The new date must be after the current last day (%(due)s).")
        % {"due": due},
    }
    return messages.get(error.code, _("These dates cannot be used. Check them."))
