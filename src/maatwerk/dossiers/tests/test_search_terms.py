"""What an intake search term is (dossiers/rules/terms.py): worked examples."""

from datetime import date

import pytest

from maatwerk.dossiers.rules.terms import (
    SearchedAs,
    TermProblem,
    house_number_matches,
    parse_term,
)


@pytest.mark.parametrize("typed", ["17-05-1980", "17-5-1980", "1980-05-17", "17/05/1980"])
def test_a_birth_date_is_read_in_the_ways_people_write_it(typed):
    term = parse_term(typed)
    assert (term.searched_as, term.birth_date, term.problem) == (
        SearchedAs.BIRTH_DATE,
        date(1980, 5, 17),
        TermProblem.NONE,
    )


def test_a_date_that_does_not_exist_is_a_problem_naming_the_date():
    term = parse_term("31-02-1980")
    assert (term.problem, term.bad_date) == (TermProblem.INVALID_DATE, "31-02-1980")


@pytest.mark.parametrize(
    ("typed", "postcode", "number", "addition"),
    [
        ("1234 AB 12", "1234 AB", 12, ""),
        ("1234AB 12a", "1234 AB", 12, "A"),
        ("1234ab12", "1234 AB", 12, ""),
        ("1234 AB 12-2", "1234 AB", 12, "2"),
        ("1234 ab, 7 bis", "1234 AB", 7, "BIS"),
        ("1234 AB", "1234 AB", None, ""),
    ],
)
def test_a_postcode_with_or_without_house_number_is_an_address(typed, postcode, number, addition):
    term = parse_term(typed)
    assert term.searched_as == SearchedAs.ADDRESS
    assert (term.postcode, term.house_number, term.house_addition) == (postcode, number, addition)


def test_eight_or_nine_digits_are_a_bsn_checked_with_the_11_proef():
    assert parse_term("1112.22.333").searched_as == SearchedAs.BSN
    assert parse_term("111222333").problem == TermProblem.NONE
    assert parse_term("123456789").problem == TermProblem.INVALID_BSN


@pytest.mark.parametrize("typed", ["K0000123", "t000001", "12345"])
def test_one_word_with_digits_is_a_client_number(typed):
    assert parse_term(typed).searched_as == SearchedAs.CLIENT_NUMBER


def test_anything_else_is_a_name_and_a_birth_date_among_it_narrows_it():
    term = parse_term("  Jansen   Piet 17-05-1980 ")
    assert (term.searched_as, term.name, term.birth_date) == (
        SearchedAs.NAME,
        "Jansen Piet",
        date(1980, 5, 17),
    )
    assert parse_term("Рябошапка").searched_as == SearchedAs.NAME


def test_unusable_names_say_what_is_wrong():
    assert parse_term("").problem == TermProblem.EMPTY
    assert parse_term("J").problem == TermProblem.SHORT_NAME
    assert parse_term("Jansen 01-01-1980 02-02-1990").problem == TermProblem.TWO_DATES
    assert parse_term("Jansen 30-02-1980").problem == TermProblem.INVALID_DATE


def test_a_house_number_without_addition_matches_every_addition_of_that_number():
    assert house_number_matches(12, "", "12")
    assert house_number_matches(12, "", "12 A")
    assert house_number_matches(12, "a", "12A")
    assert house_number_matches(12, "2", "12-2")
    assert not house_number_matches(12, "b", "12a")
    assert not house_number_matches(12, "", "120")
    assert not house_number_matches(12, "", "1")
