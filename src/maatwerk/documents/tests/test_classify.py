"""Recognising what kind of document a client handed in, from its text."""

import pytest

from maatwerk.documents.rules.classify import (
    SENSITIVE,
    TYPES,
    classify_by_rules,
    is_sensitive,
)

LETTERS = {
    "loonstrook": (
        "Loonstrook periode 03-2026\nWerkgever: Bakkerij Van Dam B.V.\n"
        "Brutoloon € 2.310,00\nLoonheffing € 312,40\nNettoloon € 1.854,12"
    ),
    "bankafschrift": (
        "Rekeningafschrift nr. 4 van 2026\nIBAN NL91ABNA0417164300\n"
        "Datum  Omschrijving  Af/Bij  Bedrag\nBeginsaldo € 214,33  Eindsaldo € 98,10"
    ),
    "huur": (
        "Woonstichting Het Anker\nBetreft: jaarlijkse huurverhoging per 1 juli 2026\n"
        "Geachte huurder, uw kale huur wordt verhoogd naar € 612,00 per maand."
    ),
    "toeslagen": (
        "Belastingdienst/Toeslagen\nVoorlopige berekening huurtoeslag 2026\n"
        "U krijgt vanaf januari € 245 per maand."
    ),
    "zorgverzekering": (
        "Polisblad 2026\nUw zorgverzekeraar: Zilveren Kruis\n"
        "Basisverzekering Basis Budget, verplicht eigen risico € 385"
    ),
    "energie": (
        "Jaarafrekening elektriciteit en gas\nVerbruik stroom: 2.104 kWh\n"
        "Nieuw termijnbedrag: € 118 per maand"
    ),
    "medisch": (
        "Verklaring van de huisarts\nHierbij verklaar ik dat mijn patiënt wegens een medische "
        "behandeling tot 1 mei niet kan werken."
    ),
    "identiteitsbewijs": (
        "KONINKRIJK DER NEDERLANDEN\nPASPOORT\nNationaliteit: Nederlandse\n"
        "Geboorteplaats: Utrecht\nDocumentnummer: NXC4F1P82"
    ),
    "schulden": (
        "Laatste aanmaning\nWij hebben de vordering overgedragen aan ons incassobureau. "
        "Betaalt u niet, dan volgt de deurwaarder."
    ),
    "sollicitaties": (
        "Betreft: sollicitatie naar de vacature magazijnmedewerker\n"
        "Hierbij stuur ik mijn motivatiebrief en cv."
    ),
    "arbeidscontract": (
        "Arbeidsovereenkomst voor bepaalde tijd\nDe werknemer treedt op 1 april 2026 in dienst "
        "in de functie van schoonmaker. De proeftijd is één maand."
    ),
    "wijziging": (
        "Wijzigingsformulier\nIk wil een verandering doorgeven: per 1 mei ga ik samenwonen "
        "op een nieuw adres."
    ),
    "bezwaar": (
        "Bezwaarschrift\nIk ben het niet eens met het besluit van 12 maart 2026 over mijn "
        "uitkering en maak hierbij bezwaar."
    ),
}


def test_every_type_except_overig_has_an_example_letter_here():
    assert set(LETTERS) == set(TYPES) - {"overig"}


@pytest.mark.parametrize(("expected", "text"), sorted(LETTERS.items()))
def test_a_typical_letter_is_recognised_as_its_type(expected, text):
    result = classify_by_rules(text)
    assert result.document_type == expected
    assert 0 < result.confidence <= 1


@pytest.mark.parametrize(
    "text",
    ["", "qwrtp zxvbn mlkjh gfdsa", "Lorem ipsum dolor sit amet.", "1234 5678 90"],
    ids=["empty", "gibberish", "lorem", "numbers"],
)
def test_text_without_any_evidence_is_overig(text):
    result = classify_by_rules(text)
    assert result.document_type == "overig"


def test_a_single_weak_hint_is_not_enough_evidence():
    # "werkgever" alone (weight 0.5) must not make a payslip.
    assert classify_by_rules("Mijn werkgever heeft gebeld.").document_type == "overig"


def test_classification_ignores_upper_and_lower_case():
    upper = classify_by_rules(LETTERS["schulden"].upper())
    assert upper.document_type == "schulden"


def test_a_letter_mostly_about_one_type_is_more_certain_than_a_mixed_one():
    clear = classify_by_rules(LETTERS["loonstrook"])
    mixed = classify_by_rules(LETTERS["loonstrook"] + "\n" + LETTERS["energie"][:40])
    assert clear.document_type == "loonstrook"
    assert clear.confidence > mixed.confidence


@pytest.mark.parametrize("document_type", ["medisch", "identiteitsbewijs"])
def test_medical_documents_and_identity_copies_are_sensitive(document_type):
    assert is_sensitive(document_type)


@pytest.mark.parametrize("document_type", sorted(set(TYPES) - {"medisch", "identiteitsbewijs"}))
def test_other_document_types_are_not_sensitive(document_type):
    assert not is_sensitive(document_type)


def test_the_sensitive_types_are_exactly_medical_and_identity():
    assert {"medisch", "identiteitsbewijs"} == SENSITIVE
    assert set(TYPES) >= SENSITIVE


def test_an_unknown_type_is_not_sensitive():
    assert not is_sensitive("")
    assert not is_sensitive("huisarts")
