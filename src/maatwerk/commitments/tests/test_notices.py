"""Notices of default and the penalty: the portal's one step, paper notices, 4:18 and payment."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from maatwerk.commitments import applications, notices
from maatwerk.commitments.errors import CommitmentError
from maatwerk.commitments.models import (
    NoticeStatus,
    Origin,
    Outcome,
    PenaltyExemption,
    Status,
)
from maatwerk.commitments.tests.factories import client_with_regisseur, make_application

pytestmark = pytest.mark.django_db


def _client_with_login(days_ago):
    client, regisseur = client_with_regisseur()
    client.user = User.objects.create_user(f"client-{client.pk}")
    client.save()
    return client, regisseur, make_application(client, regisseur, days_ago=days_ago)


def test_a_notice_before_the_term_expired_is_kept_as_a_draft_with_the_first_valid_date():
    client, _, application = _client_with_login(days_ago=10)
    with pytest.raises(CommitmentError) as error:
        notices.send_notice(application=application, text="Beslis nu", user=client.user)
    first_day = application.decision_due + timedelta(days=1)
    assert str(first_day.day) in error.value.message and "concept" in error.value.message
    draft = application.notices.get()
    assert (draft.status, draft.text) == (NoticeStatus.DRAFT, "Beslis nu")


def test_a_late_decision_lets_the_client_send_a_notice_with_a_receipt_and_the_clock_runs():
    client, _, application = _client_with_login(days_ago=70)
    notice = notices.send_notice(application=application, text="", user=client.user)
    assert notice.status == NoticeStatus.RECEIVED and notice.receipt is not None
    assert "4:17" in notice.text
    state = notices.state_of(application, today=timezone.localdate() + timedelta(days=20))
    assert state.penalty is not None
    assert state.penalty.days == 7 and state.penalty.amount == Decimal(161)


def test_a_second_notice_is_refused_and_the_first_keeps_counting():
    client, _, application = _client_with_login(days_ago=70)
    first = notices.send_notice(application=application, text="", user=client.user)
    with pytest.raises(CommitmentError) as error:
        notices.send_notice(application=application, text="nog een", user=client.user)
    assert "al een ingebrekestelling" in error.value.message
    assert application.notices.get(status=NoticeStatus.RECEIVED) == first


def test_someone_else_cannot_send_a_notice_for_this_application():
    _, _, application = _client_with_login(days_ago=70)
    stranger = User.objects.create_user("stranger")
    with pytest.raises(CommitmentError):
        notices.send_notice(application=application, text="", user=stranger)


def test_a_paper_notice_is_registered_with_its_day_and_a_receipt():
    _, regisseur, application = _client_with_login(days_ago=70)
    day = timezone.localdate() - timedelta(days=3)
    notice = notices.register_paper_notice(
        application=application, received_on=day, text="", actor=regisseur
    )
    assert notice.received_on == day and notice.receipt.channel == "post"


def test_after_a_late_decision_the_penalty_is_decided_and_paid_with_commitments_for_each():
    _client, regisseur, application = _client_with_login(days_ago=120)
    notices.register_paper_notice(
        application=application,
        received_on=timezone.localdate() - timedelta(days=30),
        text="",
        actor=regisseur,
    )
    applications.decide(
        application=application,
        decided_on=timezone.localdate(),
        outcome=Outcome.GRANTED,
        note="",
        actor=regisseur,
    )
    plan = application.commitments.get(origin=Origin.PENALTY_DECISION)
    assert plan.status == Status.OPEN
    decision = notices.decide_penalty(application=application, actor=regisseur)
    assert decision.days == 16 and decision.amount == Decimal(14 * 23 + 2 * 35)
    assert "€ 392,00" in decision.letter
    assert application.client.letters.get(purpose="penalty_decision").body == decision.letter
    plan.refresh_from_db()
    assert plan.status == Status.FULFILLED
    payment = application.commitments.get(origin=Origin.PENALTY_PAYMENT)
    notices.register_payment(
        application=application, paid_on=timezone.localdate(), reference="BET-1", actor=regisseur
    )
    payment.refresh_from_db()
    assert payment.status == Status.FULFILLED


def test_an_exception_of_4_17_lid_6_is_never_assumed_and_needs_a_reason():
    _client, regisseur, application = _client_with_login(days_ago=120)
    notices.register_paper_notice(
        application=application,
        received_on=timezone.localdate() - timedelta(days=30),
        text="",
        actor=regisseur,
    )
    applications.decide(
        application=application,
        decided_on=timezone.localdate(),
        outcome=Outcome.REFUSED,
        note="",
        actor=regisseur,
    )
    with pytest.raises(CommitmentError):
        notices.decide_penalty(
            application=application,
            actor=regisseur,
            exemption=PenaltyExemption.CLEARLY_INADMISSIBLE,
            reason="",
        )
    decision = notices.decide_penalty(
        application=application,
        actor=regisseur,
        exemption=PenaltyExemption.CLEARLY_INADMISSIBLE,
        reason="De aanvraag ging over een andere gemeente.",
    )
    assert decision.amount == 0
    assert not application.commitments.filter(origin=Origin.PENALTY_PAYMENT).exists()


def test_the_penalty_cannot_be_decided_while_it_still_runs():
    client, regisseur, application = _client_with_login(days_ago=70)
    notices.send_notice(application=application, text="", user=client.user)
    with pytest.raises(CommitmentError) as error:
        notices.decide_penalty(application=application, actor=regisseur)
    assert "loopt nog" in error.value.message
