"""Commitments of both parties: promise, fulfil, excuse, withdraw, and what both sides see."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from maatwerk.commitments import queries, services
from maatwerk.commitments.errors import CommitmentError
from maatwerk.commitments.models import Evidence, Party, Status
from maatwerk.commitments.tests.factories import client_with_regisseur
from maatwerk.dossiers.models import JournalEntry

pytestmark = pytest.mark.django_db


def _promise(client, actor, party=Party.MUNICIPALITY, days=3):
    return services.promise(
        client=client,
        party=party,
        description="Wij bellen u terug over uw huur",
        due_at=timezone.now() + timedelta(days=days),
        actor=actor,
    )


def test_a_promise_is_journaled_for_both_sides_to_read():
    client, regisseur = client_with_regisseur()
    commitment = _promise(client, regisseur)
    entry = JournalEntry.objects.filter(kind="commitment.promised").get()
    assert entry.client == client
    assert "De gemeente heeft beloofd: Wij bellen u terug over uw huur" in entry.summary
    assert commitment.status == Status.OPEN


def test_a_due_moment_in_the_past_is_refused_with_what_to_do():
    client, regisseur = client_with_regisseur()
    with pytest.raises(CommitmentError) as error:
        services.promise(
            client=client,
            party=Party.CLIENT,
            description="Loonstrook inleveren",
            due_at=timezone.now() - timedelta(hours=1),
            actor=regisseur,
        )
    assert "Kies een moment in de toekomst" in error.value.message


def test_a_client_cannot_mark_a_municipal_promise_as_done():
    client, regisseur = client_with_regisseur()
    client.user = User.objects.create_user("client-x")
    client.save()
    commitment = _promise(client, regisseur)
    with pytest.raises(CommitmentError) as error:
        services.fulfil(commitment=commitment, evidence=Evidence.STATEMENT, actor=client.user)
    assert "Alleen de gemeente" in error.value.message
    with pytest.raises(CommitmentError):
        services.report_done_by_client(commitment=commitment, client=client, note="gedaan")
    commitment.refresh_from_db()
    assert commitment.status == Status.OPEN


def test_a_client_reports_their_own_promise_done_and_gets_a_receipt():
    client, regisseur = client_with_regisseur()
    client.user = User.objects.create_user("client-y")
    client.save()
    commitment = _promise(client, regisseur, party=Party.CLIENT)
    done = services.report_done_by_client(
        commitment=commitment, client=client, note="Ik heb me ingeschreven bij het UWV"
    )
    assert done.status == Status.FULFILLED
    assert done.receipt is not None and done.evidence_ref == done.receipt.number
    assert done.kept_on_time


def test_excuse_and_withdraw_need_a_reason_and_close_only_once():
    client, regisseur = client_with_regisseur()
    commitment = _promise(client, regisseur, party=Party.CLIENT)
    with pytest.raises(CommitmentError):
        services.excuse(commitment=commitment, reason="  ", actor=regisseur)
    services.excuse(commitment=commitment, reason="Opgenomen in het ziekenhuis", actor=regisseur)
    with pytest.raises(CommitmentError) as error:
        services.withdraw(commitment=commitment, reason="Niet meer nodig", actor=regisseur)
    assert "al afgesloten" in error.value.message


def test_the_portal_record_counts_municipal_promises_kept_on_time():
    client, regisseur = client_with_regisseur()
    kept = _promise(client, regisseur)
    services.fulfil(commitment=kept, evidence=Evidence.CONTACT, actor=regisseur)
    late = _promise(client, regisseur)
    late.due_at = timezone.now() - timedelta(days=1)
    late.save()
    _promise(client, regisseur)  # not due yet: not counted
    withdrawn = _promise(client, regisseur)
    services.withdraw(commitment=withdrawn, reason="De client belde zelf al", actor=regisseur)
    _promise(client, regisseur, party=Party.CLIENT)  # the client's own: not in our record
    record = queries.record_of(client)
    assert (record.kept_on_time, record.counted) == (1, 2)


def test_due_moments_come_from_the_calendar_in_days_working_days_or_weeks():
    from datetime import date, datetime

    from maatwerk.commitments.moments import due_after
    from maatwerk.core.rules.calendar import TermUnit

    christmas_eve = timezone.make_aware(datetime(2026, 12, 24, 15, 0))
    assert timezone.localtime(due_after(christmas_eve, 1, TermUnit.WORKING_DAYS)).date() == date(
        2026, 12, 28
    )
    assert timezone.localtime(due_after(christmas_eve, 1, TermUnit.CALENDAR_DAYS)).date() == date(
        2026, 12, 25
    )
    statutory = due_after(christmas_eve, 1, TermUnit.WEEKS, statutory=True)
    assert timezone.localtime(statutory).date() == date(2026, 12, 31)
