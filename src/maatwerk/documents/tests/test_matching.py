"""Finding the client a document is about: clear winners are routed, doubt goes to a person."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from maatwerk.core.rules.bsn import is_valid_bsn
from maatwerk.documents.rules.matching import (
    MIN_MARGIN,
    ROUTE_THRESHOLD,
    Candidate,
    ClientRecord,
    decide,
    extract_clues,
    weigh,
)

JAN = ClientRecord(
    key=1,
    client_number="K0000123",
    bsn="111222333",
    family_name="de Vries",
    given_names="Jan Pieter",
    postcode="3901 AB",
    house_number="12",
)
MARIA = ClientRecord(
    key=2,
    client_number="K0000456",
    bsn="123456782",
    family_name="de Vries",
    given_names="Maria",
    postcode="3901 AB",
    house_number="12",
)
NEIGHBOUR = ClientRecord(
    key=3,
    client_number="K0000789",
    bsn="100000009",
    family_name="Jansen",
    given_names="Kees",
    postcode="3901 AB",
    house_number="14",
)


def route(text: str, records: list[ClientRecord]):
    return decide(weigh(extract_clues(text), records))


def test_the_numbers_used_here_pass_the_11_proef():
    assert all(is_valid_bsn(r.bsn) for r in (JAN, MARIA, NEIGHBOUR))
    assert not is_valid_bsn("123456789")


def test_a_valid_bsn_after_the_word_bsn_routes_to_that_client():
    decision = route("Betreft: uw aanvraag\nBSN: 111222333\n", [JAN, NEIGHBOUR])
    assert decision.key == JAN.key
    assert decision.confidence >= ROUTE_THRESHOLD
    assert [c.key for c in decision.candidates] == [JAN.key]
    assert decision.candidates[0].reasons == ("bsn",)


@pytest.mark.parametrize(
    "text",
    [
        "Burgerservicenummer: 1112.22.333",
        "burger service nummer 1112 22 333",
        "BSN 111222333",
    ],
)
def test_a_bsn_written_with_dots_or_spaces_is_recognised(text):
    clues = extract_clues(text)
    assert [c.bsn for c in clues.bsns] == ["111222333"]
    assert route(text, [JAN]).key == JAN.key


def test_an_eight_digit_bsn_gets_its_leading_zero():
    clues = extract_clues("BSN: 12345672")
    assert [c.bsn for c in clues.bsns] == ["012345672"]


def test_a_bsn_after_the_word_bsn_weighs_more_than_a_bare_number():
    labelled = extract_clues("Uw BSN: 111222333").bsns[0].weight
    bare = extract_clues("Kenmerk 111222333").bsns[0].weight
    assert labelled > bare


def test_a_partners_bsn_does_not_beat_the_clients_own():
    text = (
        "Naam: J. de Vries\nBSN: 111222333\n"
        "Gegevens van uw partner\nNaam: M. de Vries\nBSN partner: 123456782\n"
    )
    weights = {c.bsn: c.weight for c in extract_clues(text).bsns}
    assert weights["111222333"] > weights["123456782"]
    candidates = weigh(extract_clues(text), [MARIA, JAN])
    assert candidates[0].key == JAN.key
    assert candidates[0].score > candidates[1].score


def test_a_letter_that_also_names_the_partners_bsn_still_routes_to_the_client():
    text = "Naam: J. de Vries\nBSN: 111222333\nBSN partner: 123456782\n"
    # The partner is not a client of ours: only the client's record is found.
    assert route(text, [JAN]).key == JAN.key


def test_a_partners_bsn_alone_is_not_enough_to_route_to_the_partner():
    text = "Uw echtgenote, BSN 123456782, heeft een aanvraag gedaan."
    assert route(text, [MARIA]).key is None


def test_a_partner_line_above_the_clients_own_bsn_does_not_weaken_the_clients_bsn():
    text = "BSN partner: 123456782\nBSN aanvrager: 111222333\n"
    weights = {c.bsn: c.weight for c in extract_clues(text).bsns}
    assert weights["111222333"] > weights["123456782"]


def test_a_kinderopvangtoeslag_letter_with_the_clients_bsn_routes_to_the_client():
    text = "Beschikking kinderopvangtoeslag 2026\nBurgerservicenummer: 111222333\n"
    assert route(text, [JAN]).key == JAN.key


def test_a_number_that_fails_the_11_proef_is_ignored():
    clues = extract_clues("BSN: 123456789\nBSN: 000000000")
    assert clues.bsns == []
    impostor = ClientRecord(9, "K0000999", "123456789", "Bakker", "Piet", "1234 AB", "1")
    assert route("BSN: 123456789", [impostor]).key is None


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Klantnummer: K0000123", "K0000123"),
        ("Klantnummer: KOOOO123", "K0000123"),
        ("klantnummer k0OoO123", "K0000123"),
        ("Uw nummer: KI23456l", "K1234561"),
    ],
)
def test_a_client_number_is_normalised_including_ocr_confusions(text, number):
    assert extract_clues(text).client_numbers == [number]


def test_a_client_number_read_with_ocr_errors_and_the_family_name_routes():
    decision = route("Geachte heer De Vries,\nUw klantnummer: KOOOO123", [JAN, NEIGHBOUR])
    assert decision.key == JAN.key
    assert "client_number" in decision.candidates[0].reasons


def test_a_client_number_alone_is_not_enough_to_route():
    assert route("Klantnummer K0000123", [JAN]).key is None


def test_a_postcode_is_normalised_including_ocr_confusions():
    assert extract_clues("Dorpsstraat 12, 39O1ab Veenendaal").postcodes == ["3901 AB"]


def test_postcode_house_number_and_family_name_route_to_the_client():
    text = "J. de Vries\nDorpsstraat 12\n3901 AB  Veenendaal\n\nGeachte heer De Vries,"
    decision = route(text, [NEIGHBOUR, JAN])
    assert decision.key == JAN.key
    assert set(decision.candidates[0].reasons) == {"address", "name"}
    neighbour = next(c for c in decision.candidates if c.key == NEIGHBOUR.key)
    assert neighbour.reasons == ("postcode",)


def test_two_clients_at_one_address_with_the_same_family_name_go_to_a_person():
    text = "Fam. De Vries\nDorpsstraat 12\n3901 AB  Veenendaal"
    decision = route(text, [JAN, MARIA, NEIGHBOUR])
    assert decision.key is None
    assert {c.key for c in decision.candidates[:2]} == {JAN.key, MARIA.key}
    assert decision.confidence > 0


def test_a_document_without_clues_gets_no_decision():
    text = (
        "Geachte heer, mevrouw,\n\nHierbij stuur ik de gevraagde stukken.\n\nMet vriendelijke groet"
    )
    clues = extract_clues(text)
    assert clues.bsns == [] and clues.client_numbers == [] and clues.postcodes == []
    decision = route(text, [])
    assert decision.key is None
    assert decision.confidence == 0.0
    assert decision.candidates == ()


def test_records_the_text_does_not_point_at_are_not_candidates():
    assert weigh(extract_clues("BSN: 111222333"), [JAN, NEIGHBOUR])[0].key == JAN.key
    assert [c.key for c in weigh(extract_clues("BSN: 111222333"), [NEIGHBOUR])] == []


def test_at_most_five_candidates_are_shown():
    records = [
        ClientRecord(k, f"K{k:07d}", "", f"Naam{k}", "", "3901 AB", str(k)) for k in range(1, 9)
    ]
    decision = route("3901 AB", records)
    assert decision.key is None
    assert len(decision.candidates) == 5


scores = st.floats(min_value=0.0, max_value=1.0, allow_nan=False)


@given(st.lists(scores, min_size=2, max_size=6))
def test_no_client_is_chosen_when_the_top_two_are_within_the_margin(values):
    ranked = sorted(values, reverse=True)
    candidates = [Candidate(key=i, score=s, reasons=("x",)) for i, s in enumerate(ranked)]
    decision = decide(candidates)
    if ranked[0] - ranked[1] < MIN_MARGIN:
        assert decision.key is None
    if decision.key is not None:
        assert decision.key == 0
        assert ranked[0] >= ROUTE_THRESHOLD
        assert ranked[0] - ranked[1] >= MIN_MARGIN
    assert len(decision.candidates) == min(5, len(candidates))
