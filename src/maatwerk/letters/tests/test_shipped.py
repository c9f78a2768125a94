"""Every shipped letter text is plain Dutch ("goed") and uses only variables its purpose allows."""

import pytest

from maatwerk.letters.rules.readability import check
from maatwerk.letters.rules.variables import ALLOWED, fill, unknown_variables
from maatwerk.letters.shipped import SAMPLE_VALUES, SHIPPED


def test_there_is_a_text_for_every_purpose():
    assert set(SHIPPED) == set(ALLOWED)


@pytest.mark.parametrize("purpose", sorted(SHIPPED))
def test_each_shipped_text_scores_goed_with_sample_values(purpose):
    _subject, body = SHIPPED[purpose]
    assert unknown_variables(body, purpose) == []
    report = check(fill(body, SAMPLE_VALUES))
    assert report.verdict == "goed", (
        purpose,
        report.douma,
        report.average_sentence,
        [
            (f.kind, f.text)
            for f in report.findings
            if f.kind in ("officialese", "long_sentence", "concepts")
        ],
    )


def test_an_unknown_variable_is_named():
    assert unknown_variables("Beste {{ naam }}, uw {{ iban }}", "receipt") == ["iban"]


def test_a_variable_without_a_value_stays_visible():
    assert (
        fill("Beste {{ naam }} en {{ onbekend }}", {"naam": "Piet"})
        == "Beste Piet en {{ onbekend }}"
    )
