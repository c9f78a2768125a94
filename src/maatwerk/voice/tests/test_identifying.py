"""Identifying details in anonymous feedback: what is found, what is not, and the guarantees
that hold for any text (no crash, sorted, no overlaps, offsets that slice the text)."""

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from maatwerk.voice.rules.identifying import (
    LABELS,
    Detail,
    NameIndex,
    _without_overlaps,
    redact,
    scan,
)

REGISTER = NameIndex(
    [
        ("Piet Jan", "Jansen"),
        ("J.P.", "de Vries"),
        ("Fatima", "El Idrissi"),
        ("Anna", "Bakker"),
        ("Kees", "'t Hart"),
        ("Ans", "van der Berg"),
        ("Willem", "Koning"),
    ]
)


def found(text: str, names: NameIndex | None = None) -> list[tuple[str, str]]:
    return [(d.kind, d.text) for d in scan(text, names)]


@pytest.mark.parametrize(
    ("sentence", "kind", "detail"),
    [
        ("Mijn BSN is 123456782, dat staat op mijn brief.", "bsn", "123456782"),
        ("Mijn burgerservicenummer is 123.456.782.", "bsn", "123.456.782"),
        ("Het nummer op de pas is 1234 56 782.", "bsn", "1234 56 782"),
        ("U kunt mij bellen op 06-12345678 na vijf uur.", "phone", "06-12345678"),
        (
            "Mail mij op piet.jansen@example.org als het klaar is.",
            "email",
            "piet.jansen@example.org",
        ),
        (
            "Het geld moet naar NL91 ABNA 0417 1643 00 en niet naar mijn oude rekening.",
            "iban",
            "NL91 ABNA 0417 1643 00",
        ),
        ("Mijn rekening is NL91ABNA0417164300.", "iban", "NL91ABNA0417164300"),
        ("Ik woon in 3901 AB en de bus komt nooit.", "postcode", "3901 AB"),
        ("Mijn postcode is 3901AB.", "postcode", "3901AB"),
        ("Ik woon aan de Dorpsstraat 12 en de stoep is kapot.", "address", "Dorpsstraat 12"),
        (
            "De brief ging naar Van Goghlaan 3a in plaats van naar mij.",
            "address",
            "Van Goghlaan 3a",
        ),
        (
            "Kom langs op Lange Nieuwstraat 14-2, tweede verdieping.",
            "address",
            "Lange Nieuwstraat 14-2",
        ),
    ],
)
def test_each_kind_is_found_in_an_ordinary_sentence(sentence, kind, detail):
    assert (kind, detail) in found(sentence)
    (match,) = [d for d in scan(sentence) if d.kind == kind]
    assert sentence[match.start : match.end] == detail
    assert match.label == LABELS[kind]


@pytest.mark.parametrize(
    "number",
    [
        "06-12345678",
        "06 1234 5678",
        "0612345678",
        "+31 6 12345678",
        "+31612345678",
        "0031612345678",
        "+31 (0)6 12345678",
        "010-1234567",
        "020 123 4567",
        "(010) 123 45 67",
        "06-12-34-56-78",
        "0800-1234",
        "0900 123 4567",
        "+32 470 12 34 56",
    ],
)
def test_dutch_phone_numbers_in_their_usual_forms(number):
    assert found(f"Bel mij op {number} als u tijd heeft.") == [("phone", number)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Op 12-03-2026 had ik een afspraak.",
        "Op 03-12-2026 10:30 had ik een afspraak.",
        "Ik moest € 1.234,56 terugbetalen.",
        "Het duurde 9 dagen voordat ik antwoord kreeg.",
        "Mijn dossier heeft nummer 123456789.",  # fails the 11-proef
        "Het geld ging naar NL92ABNA0417164300.",  # wrong check digits
        "Ik woon in een straat met veel kuilen.",
        "Ik woon aan de Dorpsstraat, maar daar hoort u niets van.",
        "In 2026 en 2027 wordt alles anders.",
        "Ik fiets 1500km per jaar.",
        "De Uitkering 2 keer te laat.",
    ],
)
def test_look_alikes_are_left_alone(sentence):
    assert scan(sentence, REGISTER) == []


def test_the_submitter_sees_plain_dutch_labels():
    details = scan("Bel 06-12345678 of mail piet@example.org.")
    assert [d.label for d in details] == ["een telefoonnummer", "een e-mailadres"]


def test_a_full_name_from_the_register_is_found():
    assert found("Ik sprak met Piet Jansen over mijn plan.", REGISTER) == [("name", "Piet Jansen")]


def test_a_full_name_is_found_at_the_start_of_a_sentence_and_in_any_case_of_the_given_name():
    assert found("Piet Jansen belde mij niet terug.", REGISTER) == [("name", "Piet Jansen")]
    assert found("Daarna kwam piet Jansen.", REGISTER) == [("name", "piet Jansen")]


def test_a_family_name_alone_is_found_in_the_middle_of_a_sentence():
    assert found("Daarna belde mevrouw Jansen mij op.", REGISTER) == [("name", "Jansen")]
    assert found("Toen kwam Bakker ook nog.", REGISTER) == [("name", "Bakker")]


def test_a_family_name_at_the_start_of_a_sentence_is_not_found_alone():
    assert found("Bakker was er niet bij.", REGISTER) == []
    assert found("Ik wachtte. Bakker was er niet bij.", REGISTER) == []


def test_a_family_name_is_not_found_in_lower_case():
    assert found("Ik ging naar de bakker om de hoek.", REGISTER) == []


def test_a_name_not_in_the_register_is_not_found():
    assert found("Ik sprak met Karel Pietersen over mijn plan.", REGISTER) == []


def test_prefixes_initials_and_titles():
    assert found("Het gesprek met J.P. de Vries ging goed.", REGISTER) == [
        ("name", "J.P. de Vries")
    ]
    assert found("Ik sprak dhr. De Vries op het kantoor.", REGISTER) == [("name", "De Vries")]
    assert found("Ik sprak met Fatima El Idrissi.", REGISTER) == [("name", "Fatima El Idrissi")]
    assert found("Ik sprak met Kees 't Hart.", REGISTER) == [("name", "Kees 't Hart")]
    assert found("Ik sprak met mevrouw Van der Berg.", REGISTER) == [("name", "Van der Berg")]


def test_a_family_name_that_is_a_common_word_counts_only_with_the_given_name():
    assert found("Ik zag de Koning op televisie.", REGISTER) == []
    assert found("Ik zag Willem Koning op het kantoor.", REGISTER) == [("name", "Willem Koning")]


def test_a_signature_after_a_greeting_is_found():
    assert found("Met vriendelijke groet,\nJansen", REGISTER) == [("name", "Jansen")]


def test_redact_removes_every_detail_and_keeps_the_rest():
    text = (
        "Ik ben Piet Jansen, BSN 123456782, Dorpsstraat 12, 3901 AB. "
        "Bel 06-12345678 of mail piet@example.org. Rekening NL91 ABNA 0417 1643 00."
    )
    details = scan(text, REGISTER)
    assert {d.kind for d in details} == set(LABELS)
    redacted = redact(text, details)
    for detail in details:
        assert detail.text not in redacted
    assert redacted == (
        "Ik ben [naam weggehaald], BSN [BSN weggehaald], [adres weggehaald], "
        "[postcode weggehaald]. Bel [telefoonnummer weggehaald] of mail "
        "[e-mailadres weggehaald]. Rekening [bankrekeningnummer weggehaald]."
    )
    assert scan(redacted, REGISTER) == []


def test_redact_refuses_a_detail_from_another_text():
    detail = scan("Bel 06-12345678.")[0]
    with pytest.raises(ValueError):
        redact("Bel mij morgen.", [detail])


# --- Properties ------------------------------------------------------------------------------

FRAGMENTS = [
    "06-12345678",
    "+31 6",
    "123456782",
    "123.456.782",
    "NL91 ABNA 0417 1643 00",
    "NL91",
    "piet@example.org",
    "@",
    "3901 AB",
    "Dorpsstraat 12",
    "laan ",
    "Piet Jansen",
    "Jansen",
    "de Vries",
    "J.P.",
    "'t",
    ". ",
    "\n",
    "€ ",
    "12-03-2026",
    "0",
    " ",
]
texts = st.lists(st.one_of(st.text(max_size=20), st.sampled_from(FRAGMENTS)), max_size=30).map(
    "".join
)

WORDS = [
    "ik",
    "heb",
    "een",
    "vraag",
    "over",
    "mijn",
    "uitkering",
    "de",
    "gemeente",
    "belde",
    "niet",
    "terug",
    "Waarom",
    "duurt",
    "het",
    "zo",
    "lang",
    "Wij",
    "wachten",
    "al",
    "weken",
    "op",
    "antwoord",
    "nummer",
    "is",
    "BSN",
    "graag",
    "snel",
    "bedankt",
    "rekening",
    "Amsterdam",
]
SEPARATORS = [" ", ", ", ". ", ": ", "\n", " - "]


@st.composite
def dutchish(draw, middle: str) -> str:
    """Words around `middle`, which stands apart from its neighbours as people write it."""
    before = draw(st.lists(st.sampled_from(WORDS), max_size=8))
    after = draw(st.lists(st.sampled_from(WORDS), max_size=8))
    head = " ".join(before) + draw(st.sampled_from(SEPARATORS)) if before else ""
    tail = draw(st.sampled_from([" ", ", ", ". ", ".", ","])) + " ".join(after) if after else ""
    return head + middle + tail


def _bsn_from(first_eight: list[int]) -> str | None:
    check = sum(d * w for d, w in zip(first_eight, range(9, 1, -1), strict=True)) % 11
    if check == 10 or (not any(first_eight) and check == 0):
        return None
    return "".join(map(str, first_eight)) + str(check)


valid_bsns = st.lists(st.integers(0, 9), min_size=8, max_size=8).map(_bsn_from).filter(bool)


def _bsn_layout(bsn: str, layout: int) -> str:
    return [
        bsn,
        f"{bsn[:3]}.{bsn[3:6]}.{bsn[6:]}",
        f"{bsn[:3]} {bsn[3:6]} {bsn[6:]}",
        f"{bsn[:4]} {bsn[4:6]} {bsn[6:]}",
    ][layout]


def _dutch_iban(bank: str, account: str) -> str:
    rearranged = bank + account + "NL00"
    check = 98 - int("".join(str(int(ch, 36)) for ch in rearranged)) % 97
    return f"NL{check:02d}{bank}{account}"


dutch_ibans = st.builds(
    _dutch_iban,
    st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=4, max_size=4),
    st.text("0123456789", min_size=10, max_size=10),
)


def _check_shape(text: str, details: list[Detail]) -> None:
    assert [d.start for d in details] == sorted(d.start for d in details)
    for previous, current in itertools.pairwise(details):
        assert previous.end <= current.start
    for detail in details:
        assert 0 <= detail.start < detail.end <= len(text)
        assert text[detail.start : detail.end] == detail.text
        assert detail.label == LABELS[detail.kind]


@given(texts)
def test_scan_never_crashes_and_details_are_sorted_apart_and_slice_the_text(text):
    details = scan(text, REGISTER)
    _check_shape(text, details)
    redacted = redact(text, details)
    assert "weggehaald" in redacted or not details


@given(st.text())
def test_scan_copes_with_any_text(text):
    _check_shape(text, scan(text, REGISTER))


@given(st.lists(st.tuples(st.text(max_size=12), st.text(max_size=12)), max_size=5), texts)
def test_any_register_and_any_text(people, text):
    index = NameIndex(people)
    _check_shape(text, index.find(text))
    _check_shape(text, scan(text, index))


@given(valid_bsns, st.integers(0, 3), st.data())
def test_a_valid_bsn_in_a_dutch_sentence_is_always_found(bsn, layout, data):
    written = _bsn_layout(bsn, layout)
    text = data.draw(dutchish(written))
    assert ("bsn", written) in found(text, REGISTER)


@given(dutch_ibans, st.booleans(), st.booleans(), st.data())
def test_a_valid_dutch_iban_in_a_dutch_sentence_is_always_found(iban, grouped, lower, data):
    written = " ".join(iban[i : i + 4] for i in range(0, len(iban), 4)) if grouped else iban
    written = written.lower() if lower else written
    text = data.draw(dutchish(written))
    assert ("iban", written) in found(text, REGISTER)


@given(
    st.lists(
        st.tuples(st.sampled_from(list(LABELS)), st.integers(0, 40), st.integers(1, 12)),
        max_size=12,
    )
)
def test_overlaps_are_resolved_without_unflagging_anything(spans):
    text = "ab cd ef gh ij kl mn op qr st uv wx yz 01 23 45"
    details = [
        Detail(
            kind,
            start,
            min(start + size, len(text)),
            text[start : min(start + size, len(text))],
            LABELS[kind],
        )
        for kind, start, size in spans
    ]
    kept = _without_overlaps(details)
    _check_shape(text, kept)
    flagged = {i for d in details for i in range(d.start, d.end) if text[i].isalnum()}
    covered = {i for d in kept for i in range(d.start, d.end)}
    assert flagged <= covered
