"""The research extract leaves only pseudonymised and k-anonymous: worked examples for each step
of the generalisation, and properties that must hold for any extract (no group under k, no raw
birth year or postcode, every row either kept or counted as suppressed)."""

from __future__ import annotations

import hashlib
import hmac
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from maatwerk.insight.rules.anonymise import (
    LEVELS,
    Level,
    Result,
    age_band,
    check_columns,
    make_k_anonymous,
    new_secret,
    postcode_digits,
    pseudonym,
)

YEAR = 2026
TARGET_GROUPS = ("bijstand", "ioaw", "ioaz", "statushouder")


def _row(
    birth_year: int, postcode: str, group: str = "bijstand", **extra: object
) -> dict[str, object]:
    return {"birth_year": birth_year, "postcode": postcode, "target_group": group, **extra}


def _quasi(row: dict[str, object], with_sex: bool) -> tuple[object, ...]:
    # The combination an attacker could link on; sex only counts when the extract carries it.
    key = (row["age_band"], row["postcode_area"], row["target_group"])
    return (*key, row.get("sex")) if with_sex else key


def _group_sizes(result: Result, with_sex: bool) -> Counter[tuple[object, ...]]:
    return Counter(_quasi(row, with_sex) for row in result.rows)


# --- pseudonyms ---------------------------------------------------------------------------


def test_a_new_secret_is_32_random_bytes():
    first, second = new_secret(), new_secret()
    assert isinstance(first, bytes) and len(first) == 32
    assert first != second


def test_a_pseudonym_is_stable_for_the_same_secret_and_key():
    secret = new_secret()
    assert pseudonym(secret, "client-42") == pseudonym(secret, "client-42")
    assert pseudonym(secret, "client-42") != pseudonym(secret, "client-43")


def test_a_pseudonym_differs_across_secrets_so_two_exports_cannot_be_linked():
    assert pseudonym(new_secret(), "client-42") != pseudonym(new_secret(), "client-42")


def test_a_pseudonym_is_the_first_20_hex_characters_of_hmac_sha256():
    secret = b"s" * 32
    expected = hmac.new(secret, b"123456782", hashlib.sha256).hexdigest()[:20]
    assert pseudonym(secret, "123456782") == expected
    assert len(expected) == 20 and all(c in "0123456789abcdef" for c in expected)


@given(key=st.text(min_size=1, max_size=30))
def test_a_pseudonym_never_contains_the_key(key: str):
    secret = b"\x00" * 32
    # A 20-character hex string can only contain keys that are themselves short hex strings,
    # which happens by chance; real client keys (BSN, UUID) are longer than that.
    key = f"client:{key}"
    assert key not in pseudonym(secret, key)


# --- postcodes and ages -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("postcode", "digits"),
    [("1234AB", "1234"), ("1234 AB", "1234"), ("1234 ab", "1234"), ("", ""), ("abc", "")],
)
def test_postcode_digits(postcode: str, digits: str):
    assert postcode_digits(postcode) == digits


@pytest.mark.parametrize(
    ("birth_year", "width", "band"),
    [
        (1990, 10, "30-39"),
        (1990, 20, "20-39"),
        (1990, 0, "alle leeftijden"),
        (2009, 10, "10-19"),
        (2026, 10, "0-9"),
        (1960, 20, "60-79"),
    ],
)
def test_age_bands_start_at_zero_aligned_to_the_width(birth_year: int, width: int, band: str):
    assert age_band(birth_year, YEAR, width) == band


def test_the_levels_go_from_fine_to_coarse():
    assert (Level(10, 4), Level(10, 2), Level(20, 2), Level(20, 0), Level(0, 0)) == LEVELS


# --- worked examples ----------------------------------------------------------------------


def test_an_extract_that_is_already_k_anonymous_keeps_the_finest_level():
    rows = [_row(1990, "1234 AB", pseudonym=f"p{n}") for n in range(6)]
    rows += [_row(1975, "5678 CD", "ioaw", pseudonym=f"q{n}") for n in range(5)]
    result = make_k_anonymous(rows, year=YEAR)
    assert result.level == Level(10, 4)
    assert result.suppressed == 0 and result.k == 5
    assert result.smallest_group == 5
    assert _group_sizes(result, with_sex=False) == {
        ("30-39", "1234", "bijstand"): 6,
        ("50-59", "5678", "ioaw"): 5,
    }
    assert [row["pseudonym"] for row in result.rows] == [row["pseudonym"] for row in rows]


def test_small_postcode_areas_are_merged_into_two_digit_areas():
    # Two clients per four-digit postcode, twenty in the 12xx area.
    rows = [_row(1990, f"12{n % 10}0 AB") for n in range(20)]
    result = make_k_anonymous(rows, year=YEAR)
    assert result.level == Level(10, 2)
    assert result.suppressed == 0
    assert _group_sizes(result, with_sex=False) == {("30-39", "12", "bijstand"): 20}


def test_a_few_rows_that_fit_nowhere_are_suppressed_at_the_finest_level():
    rows = [_row(1990, "1234 AB") for _ in range(100)]
    # Three clients alone in their target group: no coarser level would ever join them.
    rows += [
        _row(1990, "1234 AB", "ioaw"),
        _row(1990, "1234 AB", "ioaz"),
        _row(1990, "1234 AB", "x"),
    ]
    result = make_k_anonymous(rows, year=YEAR)
    assert result.level == Level(10, 4)
    assert result.suppressed == 3
    assert len(result.rows) == 100
    assert {row["target_group"] for row in result.rows} == {"bijstand"}


def test_the_last_level_is_used_and_still_suppresses_when_nothing_else_helps():
    rows = [_row(1990, "1234 AB", f"groep {n}") for n in range(10)]
    result = make_k_anonymous(rows, year=YEAR)
    assert result.level == LEVELS[-1]
    assert result.suppressed == 10
    assert result.rows == [] and result.smallest_group == 0


def test_the_suppressed_share_decides_the_level():
    # Four of 24 rows are alone on a four-digit postcode (17%): too many at 5%, fine at 20%.
    rows = [_row(1990, "1234 AB") for _ in range(20)]
    rows += [_row(1990, f"12{n}9 AB") for n in range(5, 9)]
    strict = make_k_anonymous(rows, year=YEAR, max_suppressed_share=0.05)
    assert strict.level == Level(10, 2) and strict.suppressed == 0
    lenient = make_k_anonymous(rows, year=YEAR, max_suppressed_share=0.2)
    assert lenient.level == Level(10, 4) and lenient.suppressed == 4


def test_sex_is_a_quasi_identifier_only_when_the_column_is_present():
    without = [_row(1990, "1234 AB") for _ in range(10)]
    result = make_k_anonymous(without, year=YEAR)
    assert result.suppressed == 0 and result.smallest_group == 10
    assert all("sex" not in row for row in result.rows)

    # Six men and four women: the four women are a group under five at every level.
    with_sex = [_row(1990, "1234 AB", sex="M") for _ in range(6)]
    with_sex += [_row(1990, "1234 AB", sex="V") for _ in range(4)]
    result = make_k_anonymous(with_sex, year=YEAR)
    assert result.level == LEVELS[-1]
    assert result.suppressed == 4
    assert {row["sex"] for row in result.rows} == {"M"}

    balanced = [_row(1990, "1234 AB", sex=s) for s in "MMMMMVVVVV"]
    result = make_k_anonymous(balanced, year=YEAR)
    assert result.level == Level(10, 4) and result.suppressed == 0 and result.smallest_group == 5


def test_a_missing_or_junk_postcode_becomes_an_unknown_area():
    rows = [_row(1990, "") for _ in range(5)] + [_row(1990, "onbekend") for _ in range(5)]
    result = make_k_anonymous(rows, year=YEAR)
    assert result.level == Level(10, 4) and result.suppressed == 0
    assert {row["postcode_area"] for row in result.rows} == {"*"}


def test_k_can_be_raised():
    rows = [_row(1990, "1234 AB") for _ in range(6)] + [_row(1990, "1299 AB") for _ in range(6)]
    assert make_k_anonymous(rows, year=YEAR, k=5).level == Level(10, 4)
    result = make_k_anonymous(rows, year=YEAR, k=10)
    assert result.level == Level(10, 2) and result.smallest_group == 12 and result.k == 10


def test_an_empty_extract_stays_empty():
    result = make_k_anonymous([], year=YEAR)
    assert result == Result(rows=[], level=LEVELS[0], suppressed=0, smallest_group=0, k=5)


def test_the_input_rows_are_not_changed():
    rows = [_row(1990, "1234 AB", pseudonym="p") for _ in range(5)]
    before = [dict(row) for row in rows]
    make_k_anonymous(rows, year=YEAR)
    assert rows == before


# --- columns ------------------------------------------------------------------------------


def test_unknown_columns_are_named_in_the_order_asked():
    codebook = {"age_band": "leeftijdsgroep", "work": "aan het werk"}
    assert check_columns(["bsn", "work", "name", "age_band"], codebook) == ["bsn", "name"]
    assert check_columns(["work", "age_band"], codebook) == []
    assert check_columns([], codebook) == []


# --- properties ---------------------------------------------------------------------------


@st.composite
def extracts(draw: st.DrawFn) -> list[dict[str, object]]:
    size = draw(st.integers(min_value=1, max_value=300))
    with_sex = draw(st.booleans())
    # Few distinct postcodes and years sometimes, many other times, so every level gets used.
    postcodes = draw(
        st.lists(
            st.tuples(
                st.integers(min_value=1000, max_value=9999),
                st.sampled_from(["", " "]),
                st.text(alphabet="ABCDEFGHJKLMNPRSTVWXZabc", min_size=2, max_size=2),
            ).map(lambda p: f"{p[0]}{p[1]}{p[2]}"),
            min_size=1,
            max_size=draw(st.integers(min_value=1, max_value=60)),
        )
    )
    rows: list[dict[str, object]] = []
    for n in range(size):
        row = _row(
            draw(st.integers(min_value=1940, max_value=2008)),
            draw(st.sampled_from(postcodes)),
            draw(st.sampled_from(TARGET_GROUPS)),
            pseudonym=f"p{n}",
            work=draw(st.booleans()),
            months=draw(st.integers(min_value=0, max_value=120)),
        )
        if with_sex:
            row["sex"] = draw(st.sampled_from(["M", "V", "X"]))
        rows.append(row)
    return rows


@settings(max_examples=150, deadline=None)
@given(
    rows=extracts(),
    k=st.integers(min_value=2, max_value=10),
    share=st.sampled_from([0.0, 0.05, 0.1, 0.25]),
)
def test_any_extract_leaves_k_anonymous(rows: list[dict[str, object]], k: int, share: float):
    result = make_k_anonymous(rows, year=YEAR, k=k, max_suppressed_share=share)
    with_sex = "sex" in rows[0]

    # No combination of quasi-identifiers occurs fewer than k times.
    sizes = _group_sizes(result, with_sex)
    assert all(size >= k for size in sizes.values())
    assert result.smallest_group == (min(sizes.values()) if sizes else 0)
    assert result.k == k

    # The raw quasi-identifiers never leave; their generalisations always do.
    for row in result.rows:
        assert "birth_year" not in row and "postcode" not in row
        assert "age_band" in row and "postcode_area" in row

    # Every row is either kept or counted as suppressed.
    assert result.suppressed + len(result.rows) == len(rows)

    # Too much suppression is only accepted when nothing coarser is left.
    if result.level != LEVELS[-1]:
        assert result.suppressed <= share * len(rows)

    # Other columns pass through unchanged, and the generalisation matches the level.
    by_pseudonym = {row["pseudonym"]: row for row in rows}
    for row in result.rows:
        source = by_pseudonym[row["pseudonym"]]
        for column in ("work", "months", "target_group", "sex"):
            assert row.get(column) == source.get(column)
        assert row["age_band"] == age_band(int(source["birth_year"]), YEAR, result.level.age_width)  # type: ignore[call-overload]
        digits = postcode_digits(str(source["postcode"]))
        expected_area = (
            digits[: result.level.postcode_digits]
            if result.level.postcode_digits and digits
            else "*"
        )
        assert row["postcode_area"] == expected_area


@settings(max_examples=100, deadline=None)
@given(rows=extracts())
def test_the_first_level_with_little_enough_suppression_is_taken(rows: list[dict[str, object]]):
    result = make_k_anonymous(rows, year=YEAR)
    with_sex = "sex" in rows[0]
    # Every finer level would have suppressed more than the allowed share.
    for level in LEVELS[: LEVELS.index(result.level)]:
        finer = [
            (
                age_band(int(row["birth_year"]), YEAR, level.age_width),  # type: ignore[call-overload]
                postcode_digits(str(row["postcode"]))[: level.postcode_digits] or "*",
                row["target_group"],
                row.get("sex") if with_sex else None,
            )
            for row in rows
        ]
        sizes = Counter(finer)
        below = sum(1 for key in finer if sizes[key] < 5)
        assert below > 0.05 * len(rows)
