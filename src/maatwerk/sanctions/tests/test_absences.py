"""The absence register: receipts, Pw art. 13 at once, warnings never refusals, commitments
excused during an absence, no appointment in it, changes and cancellations with receipts."""

from datetime import date, datetime, time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from maatwerk.commitments import services as commitment_services
from maatwerk.commitments.models import Party, Status
from maatwerk.contacts import appointments
from maatwerk.contacts.errors import ContactError
from maatwerk.core.models import Receipt
from maatwerk.dossiers.models import JournalEntry
from maatwerk.dossiers.portal_auth import portal_user_for
from maatwerk.dossiers.tests.factories import make_client, make_staff
from maatwerk.sanctions import absences
from maatwerk.sanctions.errors import SanctionError

pytestmark = pytest.mark.django_db


def _client(**fields):
    regisseur = make_staff()
    person = make_client(regisseur, **fields)
    portal_user_for(person)
    person.refresh_from_db()
    return person, regisseur


def _report(person, first, last, *, abroad=True, kind="holiday", actor=None, via="portal"):
    return absences.report(
        client=person,
        kind=kind,
        first_day=first,
        last_day=last,
        abroad=abroad,
        place="Marokko" if abroad else "thuis",
        note="",
        via=via,
        actor=actor or person.user,
    )


def _soon(days):
    return timezone.localdate() + timedelta(days=days)


def test_a_holiday_gets_a_receipt_and_the_days_left_go_down():
    person, _ = _client()
    before = absences.days_left_this_year(person)
    first = date(timezone.localdate().year, 1, 1) + timedelta(days=400)  # next year: a clean count
    made = _report(person, first, first + timedelta(days=9))
    assert made.receipt.number and Receipt.objects.filter(client_ref=person.public_id).exists()
    assert made.excess_days == 0 and before >= 0
    entry = JournalEntry.objects.get(client=person, kind="absence.reported")
    assert made.receipt.number in entry.summary


def test_a_stay_over_four_weeks_is_accepted_and_explained_with_the_days_lost():
    person, _ = _client()
    first = _soon(40)
    seen = absences.preview(
        client=person, first_day=first, last_day=first + timedelta(days=34), abroad=True
    )
    assert seen.excess_days == 7 and "7 dagen" in seen.explanation
    made = _report(person, first, first + timedelta(days=34))
    assert made.excess_days == 7


def test_end_before_start_is_refused_with_a_dutch_message():
    person, _ = _client()
    with pytest.raises(SanctionError, match="voor de eerste dag"):
        _report(person, _soon(10), _soon(5))


def test_overlapping_absences_are_refused_and_the_first_is_named():
    person, _ = _client()
    _report(person, _soon(30), _soon(40))
    with pytest.raises(SanctionError, match="Wijzig die melding"):
        _report(person, _soon(35), _soon(45), abroad=False, kind="course")


def test_a_stay_reported_after_it_started_is_accepted_and_noted():
    person, _ = _client()
    made = _report(person, _soon(-3), _soon(4))
    assert made.late
    assert "al begon" in JournalEntry.objects.get(client=person, kind="absence.reported").summary


def test_short_notice_is_a_warning_not_a_refusal():
    person, _ = _client()
    assert absences.preview(
        client=person, first_day=_soon(2), last_day=_soon(5), abroad=True
    ).short_notice
    assert _report(person, _soon(2), _soon(5)).short_notice


def test_commitments_due_in_the_absence_are_excused_with_the_absence_as_evidence():
    person, regisseur = _client()
    due = timezone.make_aware(datetime.combine(_soon(12), time(12)))
    promise = commitment_services.promise(
        client=person,
        party=Party.CLIENT,
        description="Bankafschrift sturen",
        due_at=due,
        actor=regisseur,
    )
    later = timezone.make_aware(datetime.combine(_soon(30), time(12)))
    other = commitment_services.promise(
        client=person,
        party=Party.CLIENT,
        description="Loonstrook sturen",
        due_at=later,
        actor=regisseur,
    )
    _report(person, _soon(10), _soon(14), kind="hospital", abroad=False)
    promise.refresh_from_db()
    other.refresh_from_db()
    assert promise.status == Status.EXCUSED and promise.evidence == "absence"
    assert other.status == Status.OPEN


def test_no_appointment_can_be_planned_during_an_absence():
    person, regisseur = _client()
    _report(person, _soon(10), _soon(14))
    with pytest.raises(ContactError, match="afwezig"):
        appointments.plan_appointment(
            client=person,
            staff=regisseur,
            kind="in_person",
            location="Stadskantoor",
            starts_at=timezone.make_aware(datetime.combine(_soon(12), time(10))),
            minutes=30,
            subject="Gesprek",
            actor=regisseur,
        )


def test_a_change_and_a_cancellation_each_get_a_receipt_and_keep_what_it_was():
    person, _ = _client()
    made = _report(person, _soon(30), _soon(40))
    changed = absences.change(
        absence=made, first_day=_soon(31), last_day=_soon(38), place="Spanje", actor=person.user
    )
    assert changed.first_day == _soon(31) and changed.changes.get().previous_first_day == _soon(30)
    absences.cancel(absence=changed, actor=person.user)
    receipts = Receipt.objects.filter(client_ref=person.public_id)
    assert receipts.count() == 3
    with pytest.raises(SanctionError):
        absences.cancel(absence=changed, actor=person.user)


def test_staff_register_an_absence_reported_by_phone_and_the_client_sees_the_receipt(client):
    person, regisseur = _client()
    made = _report(person, _soon(20), _soon(25), actor=regisseur, via="phone")
    assert made.recorded_by == regisseur and made.receipt.channel == "phone"
    client.force_login(person.user)
    page = client.get(reverse("portal_sanctions:absences")).content.decode()
    assert made.receipt.number in page


def test_the_portal_shows_the_check_before_confirming_and_nothing_is_stored_until_then(client):
    person, _ = _client()
    client.force_login(person.user)
    url = reverse("portal_sanctions:absences")
    first = _soon(60)
    data = {
        "absence-kind": "holiday",
        "absence-first_day": first.isoformat(),
        "absence-last_day": (first + timedelta(days=34)).isoformat(),
        "absence-abroad": "on",
        "absence-place": "Turkije",
        "action": "check",
    }
    page = client.post(url, data).content.decode()
    assert "Controleer voordat u bevestigt" in page and "7 dagen" in page
    assert not person.absences.exists()
    client.post(url, {**data, "action": "confirm"})
    assert person.absences.get().excess_days == 7
    bad = client.post(url, {**data, "absence-last_day": "morgen", "action": "check"})
    assert "dag-maand-jaar" in bad.content.decode()


def test_staff_register_by_phone_in_the_workspace_and_a_bad_date_keeps_the_input(client):
    person, regisseur = _client()
    client.force_login(regisseur)
    url = reverse("staff_sanctions:absences", args=[person.public_id])
    data = {
        "absence-kind": "care",
        "absence-first_day": _soon(3).isoformat(),
        "absence-last_day": _soon(1).isoformat(),
        "absence-place": "Rotterdam",
        "absence-note": "Zorg voor moeder",
        "absence-via": "phone",
    }
    refused = client.post(url, data).content.decode()
    assert "voor de eerste dag" in refused and "Zorg voor moeder" in refused
    assert not person.absences.exists()
    done = client.post(url, {**data, "absence-last_day": _soon(6).isoformat()})
    assert done.status_code == 302
    made = person.absences.get()
    assert made.kind == "care" and made.recorded_by == regisseur and made.receipt.channel == "phone"


# --- AOW age per date of birth (AOW art. 7a) ----------------------------------------------------

AOW_MESSAGE = (
    "De AOW-leeftijd voor deze geboortedatum is nog niet bekendgemaakt. Wij rekenen met de "
    "laatst bekende leeftijd (67 jaar en 3 maanden). Controleer dit later."
)


def _today_is(monkeypatch, today):
    real = timezone.localdate

    def localdate(value=None, timezone=None):
        return real(value, timezone) if value is not None else today

    monkeypatch.setattr(timezone, "localdate", localdate)


def test_the_4_week_limit_holds_until_the_aow_day_of_67_years_and_3_months():
    person, _ = _client(birth_date=date(1961, 2, 10))  # AOW day 10 May 2028
    made = _report(person, date(2028, 3, 1), date(2028, 4, 29))
    assert made.excess_days == 32 and not made.aow_unpublished


def test_from_the_aow_day_a_stay_may_last_13_weeks():
    person, _ = _client(birth_date=date(1960, 5, 20))  # AOW day 20 May 2027
    seen = absences.preview(
        client=person, first_day=date(2027, 5, 10), last_day=date(2027, 7, 8), abroad=True
    )
    assert seen.excess_days == 0 and not seen.aow_unpublished
    assert "Vanaf 20 mei 2027 hebt u de AOW-leeftijd." in seen.explanation


def test_an_unpublished_aow_age_is_stored_and_staff_are_told(client, monkeypatch):
    _today_is(monkeypatch, date(2031, 6, 1))
    person, regisseur = _client(birth_date=date(1964, 10, 1))  # AOW day 1 January 2032
    client.force_login(regisseur)
    url = reverse("staff_sanctions:absences", args=[person.public_id])
    data = {
        "absence-kind": "holiday",
        "absence-first_day": "2031-12-01",
        "absence-last_day": "2032-01-31",
        "absence-abroad": "on",
        "absence-place": "Spanje",
        "absence-via": "phone",
    }
    page = client.post(url, data, follow=True).content.decode()
    made = person.absences.get()
    assert made.aow_unpublished
    assert AOW_MESSAGE in page  # the warning after saving, and again in the row
    assert page.count(AOW_MESSAGE) == 2
    # A stay far from the AOW day does not depend on the estimate: no flag, no message.
    far = _report(person, date(2031, 7, 1), date(2031, 7, 5))
    assert not far.aow_unpublished
    # Changing the dates computes the flag again.
    changed = absences.change(
        absence=made,
        first_day=date(2031, 8, 1),
        last_day=date(2031, 8, 5),
        place="Spanje",
        actor=regisseur,
    )
    assert not changed.aow_unpublished


def test_the_portal_check_shows_an_unpublished_aow_age(client, monkeypatch):
    _today_is(monkeypatch, date(2031, 6, 1))
    person, _ = _client(birth_date=date(1964, 10, 1))
    client.force_login(person.user)
    page = client.post(
        reverse("portal_sanctions:absences"),
        {
            "absence-kind": "holiday",
            "absence-first_day": "2031-12-01",
            "absence-last_day": "2032-01-31",
            "absence-abroad": "on",
            "absence-place": "Spanje",
            "action": "check",
        },
    ).content.decode()
    assert AOW_MESSAGE in page
