"""Information or papers the client did not deliver: never a sanction.

Participatiewet (version of 1 January 2024): art. 17 lid 1 is the information duty, and
art. 18 lid 2 excludes it from reductions. Instead, art. 54 lid 1 lets the municipality suspend
the right to assistance and give the client a term, which the municipality sets, to deliver
what is missing; when nothing arrives in that term, the decision granting assistance can be
revised or withdrawn (art. 54 lid 4), and assistance paid without a right to it is reclaimed
(art. 58). The law leaves the term to the municipality; this one gives two weeks unless staff
choose another day, and at most three months (`latest_due`).
"""

from __future__ import annotations

from datetime import date

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from maatwerk.commitments import services as commitments
from maatwerk.commitments.errors import CommitmentError
from maatwerk.commitments.models import Evidence, Origin, Party
from maatwerk.commitments.moments import end_of
from maatwerk.core.rules.calendar import TermUnit, term_end
from maatwerk.dossiers import journal
from maatwerk.dossiers.models import Client
from maatwerk.letters.sending import send_official
from maatwerk.sanctions.errors import SanctionError
from maatwerk.sanctions.models import MissingInformation
from maatwerk.sanctions.proposals import _day
from maatwerk.sanctions.rules.repeats import months_later

DEFAULT_WEEKS = 2
# The latest deliver-by day staff may choose. Assistance stays suspended until the papers
# arrive (art. 54 lid 1), so the term must be one the client can act on; a day years ahead is
# a typing error, and would leave the suspension and the review of art. 54 lid 4 open for
# years. Three months is ample for any papers a client can get (banks, UWV, abroad).
MAX_MONTHS = 3


def default_due(today: date) -> date:
    return term_end(today, DEFAULT_WEEKS, TermUnit.WEEKS)


def latest_due(today: date) -> date:
    return months_later(today, MAX_MONTHS)


def check_due(due_on: date, today: date) -> None:
    if due_on <= today:
        raise SanctionError(_("Choose a day after today to deliver the papers."))
    if due_on > latest_due(today):
        raise SanctionError(
            _(
                "Choose a day at most three months from today, at the latest %(day)s. Until the "
                "papers arrive, assistance stays suspended. Does the client need more time? "
                "Give a shorter term now and a new one when it ends."
            )
            % {"day": _day(latest_due(today))}
        )


def start(*, client: Client, what: str, due_on: date | None, actor: User) -> MissingInformation:
    """Ask for what is missing, with a term: a commitment for the client and a letter."""
    what = what.strip()
    if len(what) < 5:
        raise SanctionError(_("Write which information or papers are missing."))
    today = timezone.localdate()
    due_on = due_on or default_due(today)
    check_due(due_on, today)
    with transaction.atomic():
        try:
            commitment = commitments.promise(
                client=client,
                party=Party.CLIENT,
                description=f"Gegevens inleveren: {what}"[:500],
                due_at=end_of(due_on),
                origin=Origin.DOCUMENT_REQUEST,
                actor=actor,
            )
        except CommitmentError as error:
            raise SanctionError(error.message) from error
        letter = send_official(
            client=client,
            purpose="document_request",
            subject="Wij missen gegevens. Stuur ze voor " + _day(due_on),
            body=letter_text(what, due_on),
            actor=actor,
        )
        missing = MissingInformation.objects.create(
            client=client,
            what=what[:2000],
            due_on=due_on,
            commitment=commitment,
            letter=letter,
            started_by=actor,
        )
        with journal.dutch():
            summary = (
                f"Wij missen gegevens: {what}. Lever ze uiterlijk {_day(due_on)} in. "
                "Dit is geen straf. Uw bijstand is opgeschort tot wij de gegevens hebben."
            )
        journal.record(
            client=client,
            kind="sanction.information_missing",
            summary=summary[:1000],
            actor=actor,
            subject=missing,
        )
    return missing


def letter_text(what: str, due_on: date) -> str:
    return "\n\n".join(
        [
            "Wij missen gegevens die wij nodig hebben om uw recht op bijstand te bepalen. "
            "Dit is geen straf en geen maatregel.",
            f"Wat wij missen: {what}",
            f"Stuur dit uiterlijk {_day(due_on)}. Dat kan in Mijn Maatwerk, per post of aan "
            "de balie.",
            "Tot wij de gegevens hebben, betalen wij uw bijstand niet uit. Dat heet opschorten "
            "(Participatiewet artikel 54 lid 1). Zodra de gegevens er zijn, betalen wij weer.",
            "Hebben wij de gegevens niet op tijd? Dan kunnen wij uw recht op bijstand opnieuw "
            "bekijken en het besluit over uw bijstand veranderen of intrekken (artikel 54 lid 4). "
            "Bijstand die u dan te veel kreeg, moet u terugbetalen (artikel 58).",
            "Lukt het niet om alles op tijd te sturen? Bel of mail uw regisseur. Dan zoeken wij "
            "samen een oplossing.",
        ]
    )


def end(*, missing: MissingInformation, note: str, actor: User) -> MissingInformation:
    """The papers arrived: the term is met and the suspension ends."""
    with transaction.atomic():
        missing = MissingInformation.objects.select_for_update().get(pk=missing.pk)
        if missing.ended_at is not None:
            raise SanctionError(_("This request is already closed."))
        if missing.commitment.status in ("open", "overdue"):
            commitments.fulfil(
                commitment=missing.commitment,
                evidence=Evidence.DOCUMENT,
                note=note.strip(),
                actor=actor,
            )
        missing.ended_at = timezone.now()
        missing.ended_by = actor
        missing.end_note = note.strip()[:2000]
        missing.save(update_fields=["ended_at", "ended_by", "end_note"])
        with journal.dutch():
            summary = "Wij hebben de gegevens die wij misten. Uw bijstand is niet meer opgeschort."
        journal.record(
            client=missing.client,
            kind="sanction.information_received",
            summary=summary,
            actor=actor,
            subject=missing,
        )
    return missing
