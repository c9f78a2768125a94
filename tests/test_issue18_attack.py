"""Attack on issue 18 ("The law, exactly"): each test is a confirmed problem, and fails on main.

Written by an independent checker; every test states the lawful (or promised) answer.
"""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from maatwerk.commitments.models import Commitment, Origin
from maatwerk.sanctions import information, objections, proposals
from maatwerk.sanctions.errors import SanctionError
from maatwerk.sanctions.models import (
    Category,
    Objection,
    Proposal,
    ProposalStatus,
    SanctionRule,
    SanctionTable,
)
from maatwerk.sanctions.tests.test_objections import GROUNDS, _decided
from maatwerk.sanctions.tests.test_proposals import _people, _propose

pytestmark = pytest.mark.django_db


def _today():
    return timezone.localdate()


# Art. 17 lid 1 never becomes a reduction (Pw art. 18 lid 2) ---------------------------------


def test_a_migrated_information_duty_row_never_becomes_a_reduction():
    """An installation upgraded by migration 0003 keeps its old table: the row
    'inlichtingen-medewerking' gets article 'Pw art. 17 lid 1' and stays proposable. The shipped
    table (same start date) is never loaded again, so staff can still propose 20% less for papers
    not delivered, which art. 18 lid 2 forbids."""
    person, regisseur, _lead = _people()
    old = SanctionTable.objects.create(name="Oude tabel", starts_on=date(2020, 1, 1))
    SanctionRule.objects.create(
        table=old,
        code="inlichtingen-medewerking",
        label="Niet meewerken aan het onderzoek naar uw recht op bijstand",
        category=Category.DOCUMENTS,
        percentage=20,
        months=1,
        repeat_percentage=40,
        repeat_months=1,
        article="Pw art. 17 lid 1",  # what migration 0003 writes for this code
        uniform=False,
    )
    with pytest.raises(SanctionError):
        _propose(person, regisseur, code="inlichtingen-medewerking")
    assert not Proposal.objects.filter(client=person).exists()


# Repeats: an upheld objection takes the earlier sanction out of the count -------------------


def test_an_upheld_objection_recounts_an_open_repeat_proposal():
    """A (decided 10 days ago) makes the open proposal B a second breach. When the objection to
    A is upheld, A no longer counts, so B is a first breach again; on main B keeps breach 2 and
    the repeat terms, also after the page runs the check again."""
    earlier, person, regisseur, other = _decided(sent_days_ago=10)
    later = _propose(person, regisseur, days_ago=2)
    assert later.breach == 2 and later.repeat  # the setup: A counts
    objection = objections.object_to(
        proposal=earlier, grounds=GROUNDS, actor=person.user, channel="portal"
    )
    objections.decide_objection(
        objection=objection, outcome="upheld", reason="De cliënt was aantoonbaar ziek.", actor=other
    )
    proposals.recheck(later)  # what opening the staff page does
    later.refresh_from_db()
    assert later.breach == 1 and not later.repeat
    assert (later.percentage, later.months) == (later.rule.percentage, later.rule.months)


# Objections: deciding twice ------------------------------------------------------------------


def test_a_second_decision_on_an_already_decided_objection_is_refused():
    """Two staff open the same objection and both decide (or one double-clicks): the outcome is
    checked on the object in memory, outside the lock, so the second decision goes through: a
    second letter, the outcome overwritten, and a second repayment promise."""
    proposal, person, _regisseur, other = _decided(sent_days_ago=10)
    objection = objections.object_to(
        proposal=proposal, grounds=GROUNDS, actor=person.user, channel="portal"
    )
    stale = Objection.objects.get(pk=objection.pk)  # the second tab, opened before the decision
    objections.decide_objection(
        objection=objection, outcome="upheld", reason="De cliënt was aantoonbaar ziek.", actor=other
    )
    with pytest.raises(SanctionError):
        objections.decide_objection(
            objection=stale, outcome="upheld", reason="De cliënt was aantoonbaar ziek.", actor=other
        )
    repayments = Commitment.objects.filter(client=person, origin=Origin.REPAYMENT)
    assert repayments.count() == 1


# Bad input: nothing typed is lost ------------------------------------------------------------


def test_the_portal_keeps_the_grounds_when_the_late_reason_is_missing(client):
    """A client objects after the period and forgets the reason why it is late: the page says
    what to do, but the redirect throws away the grounds they wrote."""
    proposal, person, _regisseur, _other = _decided(sent_days_ago=60)
    client.force_login(person.user)
    url = reverse("portal_sanctions:sanction", args=[proposal.public_id])
    grounds = "Ik was die dag opgenomen in het ziekenhuis en kon niet bellen of mailen."
    response = client.post(url, {"action": "object", "grounds": grounds, "late_reason": ""})
    page = client.get(url).content.decode() if response.status_code == 302 else ""
    page = page or response.content.decode()
    assert "Schrijf waarom" in page or "nu pas" in page  # the Dutch message is there
    assert grounds in page  # ... and what the client typed is still there


def test_a_paper_objection_with_an_error_keeps_what_staff_typed(client):
    """Staff register a late paper objection and forget the late reason: the message comes,
    the grounds copied from the letter are gone."""
    proposal, _person, regisseur, _other = _decided(sent_days_ago=60)
    client.force_login(regisseur)
    url = reverse("staff_sanctions:proposal", args=[proposal.public_id])
    grounds = "De cliënt schrijft dat hij die dag in het ziekenhuis lag en niet kon bellen."
    page = client.post(
        url,
        {
            "action": "paper_objection",
            "paper-grounds": grounds,
            "paper-received_on": _today().isoformat(),
            "paper-channel": "post",
            "paper-late_reason": "",
        },
        follow=True,
    ).content.decode()
    assert not hasattr(Proposal.objects.get(pk=proposal.pk), "objection")
    assert grounds in page


def test_a_postmark_before_the_decision_was_sent_is_refused():
    """A postmark typed wrong (before the decision letter existed) makes a late letter timely
    under Awb 6:9 lid 2 without any message: the posted day is checked against the end of the
    period only."""
    proposal, _person, regisseur, _other = _decided(sent_days_ago=45)
    period = objections.period_of(proposal)
    assert period is not None
    arrived = period.last_day + timedelta(days=1)
    if arrived > _today():
        pytest.skip("the period ends too close to today for this date")
    with pytest.raises(SanctionError):
        objections.object_to(
            proposal=proposal,
            grounds=GROUNDS,
            actor=regisseur,
            channel="post",
            received_on=arrived,
            posted_on=date(1900, 1, 1),
        )


def test_a_deliver_by_day_far_in_the_future_gets_a_dutch_message():
    """The information-duty path takes any day after today: 31-12-9999 crashes instead of a
    message (or, with a valid but absurd day, suspends assistance for decades)."""
    person, regisseur, _lead = _people()
    with pytest.raises(SanctionError):
        information.start(
            client=person,
            what="Bankafschriften van mei",
            due_on=date(9999, 12, 31),
            actor=regisseur,
        )
    with pytest.raises(SanctionError):
        information.start(
            client=person, what="Bankafschriften van mei", due_on=date(2090, 1, 1), actor=regisseur
        )


# Evidence: an undelivered invitation --------------------------------------------------------


def test_an_earlier_letter_about_another_appointment_does_not_cure_an_undelivered_invitation():
    """The invitation for this appointment (12 days ago) reached the client by no channel. A
    delivered invitation from 40 days ago, sent before this invitation existed, is about another
    appointment: it cannot show the client knew of this one (Awb 3:41), yet it unblocks."""
    from maatwerk.sanctions.tests.test_proposals import _invitation, _missed_appointment

    person, regisseur, _lead = _people()
    _invitation(person, regisseur, days_ago=40)  # an earlier conversation, delivered
    _invitation(person, regisseur, days_ago=12, reached=False)  # the invitation for this one
    proposal = _propose(person, regisseur, appointment=_missed_appointment(person, regisseur))
    assert proposal.status == ProposalStatus.BLOCKED
