import logging

import pytest
from cryptography.exceptions import InvalidTag

from maatwerk.core import crypto
from maatwerk.core.logfilters import RedactBsnFilter


def test_encrypted_text_round_trips_and_hides_the_plain_text():
    token = crypto.encrypt_text("111222333", purpose="client.bsn")
    assert "111222333" not in token
    assert crypto.decrypt_text(token, purpose="client.bsn") == "111222333"


def test_a_ciphertext_cannot_be_used_for_another_purpose():
    token = crypto.encrypt_text("111222333", purpose="client.bsn")
    with pytest.raises(InvalidTag):
        crypto.decrypt_text(token, purpose="other.field")


def test_the_digest_is_stable_and_keyed():
    assert crypto.keyed_digest("111222333", purpose="x") == crypto.keyed_digest(
        "111222333", purpose="x"
    )
    assert crypto.keyed_digest("111222333", purpose="x") != crypto.keyed_digest(
        "111222334", purpose="x"
    )


def test_log_lines_never_carry_nine_digit_numbers():
    record = logging.LogRecord(
        "x", logging.INFO, __file__, 1, "GET /acs/?bsn=%s", ("111222333",), None
    )
    RedactBsnFilter().filter(record)
    assert "111222333" not in record.getMessage()
    assert "verborgen" in record.getMessage()
