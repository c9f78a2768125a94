"""Conversation reports: written after each conversation, shared with the client at once; the
client's reaction stays beside the report; an agreement line becomes a commitment in one step.
"""

from __future__ import annotations

from datetime import date

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from maatwerk.commitments import services as commitments
from maatwerk.commitments.models import Origin, Party
from maatwerk.commitments.moments import end_of
from maatwerk.contacts.errors import ContactError
from maatwerk.contacts.models import ConversationReport, ReportCommitment, ReportReaction
from maatwerk.contacts.notify import in_language_of, notify
from maatwerk.dossiers import journal
from maatwerk.dossiers.models import Client


def write_report(
    *, client: Client, held_on: date, discussed: str, agreed: str, next_steps: str, actor: User
) -> ConversationReport:
    if not discussed.strip():
        raise ContactError(_("Write what you discussed. The client reads this report."))
    if held_on > timezone.localdate():
        raise ContactError(_("The conversation cannot be in the future. Check the date."))
    with transaction.atomic():
        report = ConversationReport.objects.create(
            client=client,
            held_on=held_on,
            discussed=discussed.strip(),
            agreed=agreed.strip(),
            next_steps=next_steps.strip(),
            written_by=actor,
        )
        with journal.dutch():
            summary = _(
                "There is a report of our conversation of %(day)s. Read it in Mijn Maatwerk; "
                "you can react to it."
            ) % {"day": held_on.strftime("%d-%m-%Y")}
        journal.record(
            client=client, kind="report.shared", summary=summary, actor=actor, subject=report
        )
        with in_language_of(client):
            notify(
                client=client,
                kind="report.shared",
                subject=_("A report of your conversation is ready"),
                body=_(
                    "Your regisseur wrote down what you discussed and agreed. Read it in Mijn "
                    "Maatwerk. Is something not right? You can react there."
                ),
            )
    return report


def react(*, report: ConversationReport, client: Client, text: str) -> ReportReaction:
    """The client's reaction or correction: added beside the report, which stays as written."""
    if report.client_id != client.pk:
        raise ContactError(_("This report is not in your dossier."))
    if not text.strip():
        raise ContactError(_("Write your reaction in your own words."))
    with transaction.atomic():
        reaction = ReportReaction.objects.create(report=report, text=text.strip())
        with journal.dutch():
            summary = _("You reacted to the report of %(day)s: %(text)s") % {
                "day": report.held_on.strftime("%d-%m-%Y"),
                "text": reaction.text,
            }
        journal.record(
            client=client,
            kind="report.reaction",
            summary=summary,
            actor=client.user,
            subject=report,
        )
    return reaction


def make_commitment(
    *, report: ConversationReport, line: int, party: str, due_on: date | None, actor: User
) -> ReportCommitment:
    """Turn agreement line `line` (counted from 0) into a commitment of `party`."""
    lines = report.agreement_lines()
    if not 0 <= line < len(lines):
        raise ContactError(_("This agreement is not in the report."))
    if due_on is None:
        raise ContactError(_("Choose by when this agreement is done."))
    if party not in Party.values:
        raise ContactError(_("Choose who does this: the client or the municipality."))
    try:
        with transaction.atomic():
            commitment = commitments.promise(
                client=report.client,
                party=party,
                description=lines[line],
                due_at=end_of(due_on),
                origin=Origin.OTHER,
                actor=actor,
            )
            return ReportCommitment.objects.create(report=report, line=line, commitment=commitment)
    except IntegrityError as error:
        raise ContactError(
            _("This agreement is already a promise. Nothing was changed.")
        ) from error
