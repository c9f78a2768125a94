"""The weighing of the evidence check, pure: what blocks, what weighs, what is out of period."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from maatwerk.sanctions.rules.evidence import Case, Fact, assess, blocks

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


def test_facts_outside_the_period_are_left_out():
    old = fact("client_contact", DAY - timedelta(days=60))
    assert [f.kind for f in assess(CASE, [old])] == ["letter"]  # only "no letter found"


def test_a_letter_that_was_not_opened_or_not_plain_speaks_for_the_client():
    good = assess(CASE, [fact("letter", DAY - timedelta(days=7))])
    bad = assess(CASE, [fact("letter", DAY - timedelta(days=7), opened=False, plain_enough=False)])
    assert good[0].direction == "for" and bad[0].direction == "against"
    assert "niet geopend" in bad[0].text and "eenvoudige taal" in bad[0].text


def test_an_obstacle_counts_when_it_bears_on_the_obligation():
    health = fact("obstacle", DAY, obstacle="health")
    housing = fact("obstacle", DAY, obstacle="housing")
    kinds = [f.kind for f in assess(CASE, [health, housing])]
    assert kinds.count("obstacle") == 1


KINDS = [
    "absence",
    "receipt",
    "reschedule",
    "client_contact",
    "municipal_miss",
    "letter",
    "obstacle",
    "missed",
]


@given(
    kinds=st.lists(st.sampled_from(KINDS), max_size=12),
    offsets=st.lists(st.integers(-60, 10), min_size=12, max_size=12),
    category=st.sampled_from(["appointment", "documents", "work", "other"]),
)
def test_only_an_absence_a_receipt_or_a_request_for_another_time_can_block(
    kinds, offsets, category
):
    case = Case(category, DAY, DAY - timedelta(days=30))
    facts = [
        Fact(
            kind=k,
            key=f"{k}:{n}",
            text="x",
            first_day=DAY + timedelta(days=offsets[n]),
            obstacle="health",
        )
        for n, k in enumerate(kinds)
    ]
    found = assess(case, facts)
    assert all(f.kind in {"absence", "receipt", "reschedule"} for f in found if f.blocking)
    assert all(f.direction == "against" for f in found if f.blocking)
    assert found == sorted(found, key=lambda f: (not f.blocking, f.direction != "against", f.day))
