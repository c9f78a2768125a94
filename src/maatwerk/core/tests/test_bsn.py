from hypothesis import given
from hypothesis import strategies as st

from maatwerk.core.rules.bsn import complete_bsn, is_valid_bsn, looks_like_bsn, normalise_bsn

nine_digits = st.text(alphabet="0123456789", min_size=9, max_size=9)
eight_digits = st.text(alphabet="0123456789", min_size=8, max_size=8)


def test_known_numbers_from_the_11_proef():
    assert is_valid_bsn("111222333")
    assert is_valid_bsn("123456782")
    assert not is_valid_bsn("123456789")
    assert not is_valid_bsn("000000000")


def test_eight_digits_get_a_leading_zero_and_separators_are_ignored():
    assert normalise_bsn("12345678") == "012345678"
    assert normalise_bsn("1112.22.333") == "111222333"
    assert is_valid_bsn("111 222 333")


def test_letters_and_wrong_lengths_are_invalid():
    assert not is_valid_bsn("11122233a")
    assert not is_valid_bsn("1112223334")
    assert not is_valid_bsn("")


def eleven_test(digits: str) -> bool:
    """DOMAIN.md's formula, written out: 9*d1 + 8*d2 + ... + 2*d8 - d9 divisible by 11."""
    weights = (9, 8, 7, 6, 5, 4, 3, 2, -1)
    return (
        set(digits) != {"0"}
        and sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11 == 0
    )


@given(nine_digits)
def test_agrees_with_the_formula_in_domain_md_on_every_nine_digit_number(digits):
    assert is_valid_bsn(digits) == eleven_test(digits)


@given(eight_digits)
def test_completed_numbers_always_pass(prefix):
    bsn = complete_bsn(prefix)
    if bsn is not None:
        assert is_valid_bsn(bsn)
        assert bsn.startswith(prefix)


@given(nine_digits, st.integers(min_value=0, max_value=8), st.integers(min_value=1, max_value=9))
def test_changing_one_digit_of_a_valid_number_makes_it_invalid(digits, position, shift):
    if not is_valid_bsn(digits):
        return
    changed = digits[:position] + str((int(digits[position]) + shift) % 10) + digits[position + 1 :]
    assert not is_valid_bsn(changed)


def test_search_terms_with_eight_or_nine_digits_look_like_a_bsn():
    assert looks_like_bsn("111222333")
    assert looks_like_bsn("11122233")
    assert not looks_like_bsn("3901")
    assert not looks_like_bsn("Jansen")
