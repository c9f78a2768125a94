"""The readability checker: worked examples, bad input, and properties of its findings."""

import json
import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from maatwerk.letters.rules.readability import check, officialese, syllables

OFFICIAL = (
    "Indien u van oordeel bent dat de beschikking niet conform de geldende regelgeving tot stand "
    "is gekomen, kunt u derhalve binnen de daarvoor gestelde termijn een bezwaarschrift indienen, "
    "hetgeen door de afdeling Juridische Zaken in behandeling zal worden genomen. Voorts dient u "
    "zorg te dragen voor het tijdig verstrekken van alle relevante documenten die noodzakelijk zijn "
    "voor de beoordeling van uw aanvraag. Wij verzoeken u tevens om de ontvangst van deze brief te "
    "bevestigen, teneinde de procedure te kunnen continueren."
)
PLAIN = (
    "Bent u het niet eens met ons besluit? Dan kunt u bezwaar maken. Dat doet u binnen zes weken. "
    "Stuur ons een brief of een mail. Schrijf erin waarom u het niet eens bent. Wij kijken dan "
    "opnieuw naar uw aanvraag. Stuur ook de papieren mee die wij nodig hebben. Denk aan uw "
    "loonstrook en uw bankafschrift. Hebt u vragen? Bel dan uw regisseur. Wij helpen u graag."
)


def test_the_word_list_holds_at_least_150_entries_with_sources():
    assert len(officialese()) >= 150
    assert officialese()["indien"] == "als"


def test_dutch_syllables_come_from_hyphenation():
    assert syllables("ingebrekestelling") == 6
    assert syllables("uitkering") == 3


def test_officialese_is_too_hard_and_plain_dutch_is_good():
    hard, easy = check(OFFICIAL), check(PLAIN)
    assert hard.verdict == "te_moeilijk" and easy.verdict == "goed"
    assert easy.douma > hard.douma and easy.brouwer > hard.brouwer
    kinds = {f.kind for f in hard.findings}
    assert {"officialese", "long_sentence", "passive"} <= kinds
    indien = next(f for f in hard.findings if f.kind == "officialese" and f.text == "Indien")
    assert (indien.start, indien.end, indien.suggestion) == (0, 6, "als")


def test_a_short_text_gets_no_score_but_still_its_findings():
    report = check("Indien u vragen hebt, bel ons. Wij helpen u.")
    assert report.verdict == "te_kort" and report.douma is None
    assert any(f.kind == "officialese" for f in report.findings)


def test_an_empty_text_and_a_text_in_another_language_are_said_to_be_so():
    assert check("   ").verdict == "leeg"
    assert (
        check("Please send us your payslips before Friday, thank you very much.").verdict
        == "geen_nederlands"
    )


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.sampled_from([PLAIN, OFFICIAL, "Wij bellen u morgen.", "Indien nodig.", "\n\n"]),
        max_size=6,
    )
)
def test_every_finding_points_at_its_own_text(parts):
    text = " ".join(parts)
    report = check(text)
    for finding in report.findings:
        assert 0 <= finding.start < finding.end <= len(text)
        if finding.kind in ("officialese", "long_word", "rare_word", "concepts"):
            assert text[finding.start : finding.end] == finding.text
    if report.verdict in ("te_kort", "leeg", "geen_nederlands"):
        assert report.douma is None


def test_the_command_prints_the_json(tmp_path):
    letter = tmp_path / "brief.txt"
    letter.write_text(OFFICIAL, encoding="utf-8")
    output = subprocess.run(
        [sys.executable, "-m", "maatwerk.cli", "letters", "check", str(letter), "--json"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    data = json.loads(output)
    assert data["verdict"] == "te_moeilijk" and data["douma"] < 45
    assert {"start", "end", "kind", "text", "suggestion"} <= set(data["findings"][0])


def test_the_command_says_in_dutch_when_the_file_is_missing(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "maatwerk.cli", "letters", "check", str(tmp_path / "geen.txt")],
        capture_output=True,
        text=True,
    )
    assert done.returncode != 0 and "bestaat niet" in done.stderr
