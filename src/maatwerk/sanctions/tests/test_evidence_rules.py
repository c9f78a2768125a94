"""The weighing of the evidence check, pure: what blocks, what weighs, what is out of period."""

from datetime import date, time, timedelta

from hypothesis import given
from hypothesis import strategies as st

from maatwerk.sanctions.rules.evidence import (
    LETTER_LEAD_DAYS,
    Case,
    Fact,
    assess,
    blocks,
    letters_from,
    order,
)

DAY = date(2026, 3, 10)
CASE = Case("appointment", DAY, DAY - timedelta(days=30))


def fact(kind, first, last=None, **flags):
    return Fact(kind=kind, key=f"{kind}:{first}", text="x", first_day=first, last_day=last, **flags)


def test_an_absence_blocks_only_when_it_covers_the_day():
    assert blocks(assess(CASE, [fact("absence", DAY - timedelta(days=2), DAY + timedelta(days=2))]))
    assert not blocks(
        assess(CASE, [fact("absence", DAY - timedelta(days=9), DAY - timedelta(days=1))])
    )


def test_a_receipt_blocks_a_documents_case_and_only_weighs_for_an_appointment():
    receipt = fact("receipt", DAY - timedelta(days=3))
    assert blocks(assess(Case("documents", DAY, DAY - timedelta(days=30)), [receipt]))
    found = assess(CASE, [receipt])
    assert not blocks(found) and found[0].direction == "against"


def test_a_request_for_another_time_blocks_an_appointment_case():
    assert blocks(assess(CASE, [fact("reschedule", DAY - timedelta(days=1))]))


def test_facts_outside_the_period_are_shown_as_dropped_with_their_reason():
    old = fact("client_contact", DAY - timedelta(days=60))
    found = assess(CASE, [old])
    assert [f.kind for f in found] == ["letter", "client_contact"]  # "no letter found" first
    dropped = found[-1]
    assert not dropped.applies and dropped.direction == "none" and not dropped.blocking
    assert "buiten de periode" in dropped.reason


def test_a_letter_that_was_not_opened_or_not_plain_speaks_for_the_client():
    good = assess(CASE, [letter(DAY - timedelta(days=7))])
    bad = assess(CASE, [letter(DAY - timedelta(days=7), opened=False, plain_enough=False)])
    assert good[0].direction == "for" and bad[0].direction == "against"
    assert "niet geopend" in bad[0].text and "eenvoudige taal" in bad[0].text


def test_an_obstacle_counts_when_it_bears_on_the_obligation():
    health = fact("obstacle", DAY, obstacle="health")
    housing = fact("obstacle", DAY, obstacle="housing")
    found = assess(CASE, [health, housing])
    assert [f.kind for f in found if f.applies].count("obstacle") == 1
    assert [f.reason for f in found if f.kind == "obstacle" and not f.applies] == [
        "Dit soort belemmering raakt deze verplichting niet."
    ]


# Gap 1: the invitation did not reach the client ------------------------------------------------


def letter(first, purpose="appointment_invitation", key=None, **flags):
    return Fact(
        kind="letter",
        key=key or f"letter:{first}:{purpose}",
        text="Uitnodiging",
        first_day=first,
        purpose=purpose,
        **flags,
    )


def test_an_invitation_that_did_not_reach_the_client_blocks():
    found = assess(CASE, [letter(DAY - timedelta(days=7), delivered=False, opened=False)])
    assert blocks(found)
    assert found[0].kind == "letter" and found[0].direction == "against"
    assert "kwam niet aan" in found[0].text and "kan niet laten zien" in found[0].text


def test_an_undelivered_invitation_does_not_block_when_another_one_reached_the_client():
    lost = letter(DAY - timedelta(days=9), key="letter:lost", delivered=False, opened=False)
    reached = letter(DAY - timedelta(days=3), purpose="reminder", key="letter:reached")
    found = assess(CASE, [lost, reached])
    assert not blocks(found)
    assert next(f for f in found if f.key == "letter:lost").direction == "against"


def test_an_earlier_letter_that_reached_the_client_does_not_cure_a_later_lost_one():
    # Awb 3:41: the older invitation was sent before this one existed; it told of another talk.
    earlier = letter(DAY - timedelta(days=40), key="letter:earlier")
    lost = letter(DAY - timedelta(days=12), key="letter:lost", delivered=False, opened=False)
    found = assess(CASE, [earlier, lost])
    assert blocks(found)
    assert [f.key for f in found if f.blocking] == ["letter:lost"]
    assert "Daarna kwam geen andere brief hierover aan" in found[0].text


def test_only_a_later_letter_with_the_same_notice_cures_a_lost_one():
    case = Case("other", DAY, DAY - timedelta(days=30))
    lost = letter(DAY - timedelta(days=12), key="letter:lost", delivered=False)
    request = letter(DAY - timedelta(days=5), purpose="document_request", key="letter:request")
    plan = letter(DAY - timedelta(days=4), purpose="plan", key="letter:plan")
    assert blocks(assess(case, [lost, request, plan]))
    reminder = letter(DAY - timedelta(days=3), purpose="reminder", key="letter:reminder")
    assert not blocks(assess(case, [lost, request, plan, reminder]))


def test_a_letter_sent_the_same_day_cures_only_when_sent_at_or_after_the_lost_one():
    lost = letter(DAY - timedelta(days=5), key="letter:lost", delivered=False, at=time(11, 0))
    morning = letter(DAY - timedelta(days=5), key="letter:morning", at=time(9, 0))
    noon = letter(DAY - timedelta(days=5), key="letter:noon", at=time(11, 0))
    unknown = letter(DAY - timedelta(days=5), key="letter:unknown")
    assert blocks(assess(CASE, [lost, morning]))
    assert not blocks(assess(CASE, [lost, noon]))
    assert not blocks(assess(CASE, [lost, unknown]))  # the day is all the dossier says


@given(
    lost_day=st.integers(-40, -1),
    earlier=st.lists(
        st.tuples(st.integers(1, 30), st.sampled_from(["appointment_invitation", "reminder"])),
        max_size=5,
    ),
)
def test_no_letter_sent_before_a_lost_one_lifts_its_block(lost_day, earlier):
    lost = letter(DAY + timedelta(days=lost_day), key="letter:lost", delivered=False)
    older = [
        letter(lost.first_day - timedelta(days=back), purpose=purpose, key=f"letter:{n}")
        for n, (back, purpose) in enumerate(earlier)
    ]
    assert "letter:lost" in {f.key for f in assess(CASE, [lost, *older]) if f.blocking}


def test_a_lost_letter_about_something_else_or_sent_after_the_appointment_does_not_block():
    receipt = letter(DAY - timedelta(days=3), purpose="receipt", delivered=False)
    afterwards = letter(DAY, delivered=False, at=time(15, 0))
    case = Case("appointment", DAY, DAY - timedelta(days=30), event_time=time(10, 0))
    found = assess(case, [receipt, afterwards])
    assert not blocks(found)
    reasons = {f.reason for f in found if not f.applies}
    assert reasons == {
        "Deze brief gaat niet over dit soort verplichting.",
        "Brief verstuurd na de datum.",
    }
    assert any(f.key == "letter:none" for f in found)


def test_an_invitation_sent_the_same_morning_before_the_appointment_counts():
    case = Case("appointment", DAY, DAY - timedelta(days=30), event_time=time(14, 0))
    found = assess(case, [letter(DAY, at=time(8, 30))])
    assert [f.direction for f in found] == ["for"]


# Gap 2: a linked promise of the municipality that was missed -----------------------------------


def test_a_linked_missed_promise_of_the_municipality_blocks_and_an_unlinked_one_weighs():
    missed = fact("municipal_miss", DAY - timedelta(days=5), linked=True)
    assert blocks(assess(CASE, [missed]))
    unlinked = fact("municipal_miss", DAY - timedelta(days=5))
    found = assess(CASE, [unlinked])
    assert not blocks(found) and found[0].direction == "against" and found[0].applies


def test_a_linked_promise_kept_or_due_after_the_day_is_dropped():
    kept = fact("municipal_kept", DAY - timedelta(days=5), linked=True)
    later = fact("municipal_miss", DAY + timedelta(days=5), linked=True)
    found = [f for f in assess(CASE, [kept, later]) if f.kind != "letter"]
    assert not blocks(found) and all(not f.applies for f in found)
    assert {f.reason for f in found} == {
        "De gemeente was hier niet te laat mee.",
        "De gemeente hoefde dit pas na de datum te doen.",
    }


def test_a_linked_promise_missed_long_before_the_period_still_blocks():
    assert blocks(assess(CASE, [fact("municipal_miss", DAY - timedelta(days=90), linked=True)]))


# Gap 3: a hospital stay in the period, not on the day ------------------------------------------


def test_a_hospital_stay_around_but_not_on_the_day_is_shown_and_does_not_block():
    stay = fact("absence", DAY - timedelta(days=12), DAY - timedelta(days=4), absence="hospital")
    found = assess(CASE, [stay])
    shown = next(f for f in found if f.kind == "absence")
    assert not blocks(found) and shown.applies and shown.direction == "against"
    assert shown.text == (
        "Ziekenhuisopname van 26-02-2026 tot en met 06-03-2026: valt niet op de dag zelf, "
        "maar wel in de periode."
    )


def test_a_holiday_around_the_day_is_dropped_and_a_hospital_stay_on_it_blocks():
    holiday = fact("absence", DAY - timedelta(days=12), DAY - timedelta(days=4), absence="holiday")
    dropped = next(f for f in assess(CASE, [holiday]) if f.kind == "absence")
    assert not dropped.applies
    assert dropped.reason == (
        "Afwezigheid van 26-02-2026 tot en met 06-03-2026 valt buiten de dag van de afspraak."
    )
    on_the_day = fact(
        "absence", DAY - timedelta(days=1), DAY + timedelta(days=1), absence="hospital"
    )
    assert blocks(assess(CASE, [on_the_day]))


# Gap 4: the letter window is the one the service queries ---------------------------------------


def test_a_letter_forty_days_before_the_event_with_a_thirty_day_period_is_found():
    found = assess(CASE, [letter(DAY - timedelta(days=40))])
    assert not any(f.key == "letter:none" for f in found)
    assert found[0].kind == "letter" and found[0].applies


def test_the_letter_window_starts_lead_days_before_the_period():
    assert letters_from(CASE.period_start) == DAY - timedelta(days=30 + LETTER_LEAD_DAYS)
    first = letter(letters_from(CASE.period_start))
    too_early = letter(letters_from(CASE.period_start) - timedelta(days=1))
    assert assess(CASE, [first])[0].applies
    found = assess(CASE, [too_early])
    assert any(f.key == "letter:none" for f in found)
    assert "meer dan 28 dagen" in next(f for f in found if not f.applies).reason


# Properties ------------------------------------------------------------------------------------

KINDS = [
    "absence",
    "receipt",
    "reschedule",
    "client_contact",
    "municipal_miss",
    "municipal_kept",
    "letter",
    "obstacle",
    "missed",
    "kept",
]
BLOCKERS = {"absence", "receipt", "reschedule", "municipal_miss", "letter", "kept"}

facts_strategy = st.lists(
    st.builds(
        lambda n, kind, offset, length, flag, purpose, absence: Fact(
            kind=kind,
            key=f"{kind}:{n}",
            text="x",
            first_day=DAY + timedelta(days=offset),
            last_day=DAY + timedelta(days=offset + length),
            purpose=purpose,
            delivered=flag,
            linked=flag,
            obstacle="health",
            absence=absence,
        ),
        st.integers(0, 10**6),
        st.sampled_from(KINDS),
        st.integers(-90, 10),
        st.integers(0, 20),
        st.booleans(),
        st.sampled_from(["appointment_invitation", "document_request", "plan", "receipt"]),
        st.sampled_from(["holiday", "hospital"]),
    ),
    max_size=10,
    unique_by=lambda f: f.key,
)
categories = st.sampled_from(["appointment", "documents", "work", "other"])


@given(facts=facts_strategy, category=categories)
def test_what_blocks_speaks_for_the_client_and_dropped_findings_come_last(facts, category):
    case = Case(category, DAY, DAY - timedelta(days=30))
    found = assess(case, facts)
    assert all(f.kind in BLOCKERS and f.direction == "against" for f in found if f.blocking)
    assert all(f.direction == "none" and not f.blocking for f in found if not f.applies)
    assert all(f.applies for f in found if f.direction != "none")
    assert found == sorted(found, key=order)
    # Every fact is accounted for: weighed or dropped with a reason.
    assert {f.key for f in facts} <= {f.key for f in found}
    assert all(f.reason for f in found if not f.applies)
    assert blocks(found) == any(f.blocking for f in found)


@given(facts=facts_strategy, extra=facts_strategy, category=categories)
def test_adding_a_fact_never_removes_a_blocking_finding_another_fact_produced(
    facts, extra, category
):
    case = Case(category, DAY, DAY - timedelta(days=30))
    extra = [f for f in extra if f.key not in {g.key for g in facts}]
    # By design a letter that reached the client lifts the block of a lost letter sent on or
    # before its day (with the same notice; this property does not narrow it further). A
    # letter sent earlier never lifts it (Awb 3:41: it told of something else).
    cures = [
        f.first_day
        for f in extra
        if f.kind == "letter"
        and f.delivered
        and any(g.key == f.key and g.applies for g in assess(case, [f]))
    ]
    before = {f.key for f in assess(case, facts) if f.blocking}
    after = {f.key for f in assess(case, facts + extra) if f.blocking}
    lifted = {
        g.key for g in facts if g.kind == "letter" and any(day >= g.first_day for day in cures)
    }
    assert before - lifted <= after
