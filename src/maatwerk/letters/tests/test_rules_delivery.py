"""Pure rules of sending: which channels a letter takes, and marking and applying suggestions."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from maatwerk.letters.rules import suggestions
from maatwerk.letters.rules.channels import Reach, channels_for, unreachable


def reach(preferred="portal", account=True, email=True, address=True, phone=True):
    return Reach(preferred, account, email, address, phone)


@pytest.mark.parametrize(
    ("profile", "expected"),
    [
        (reach("portal"), ["portal", "email"]),
        (reach("email"), ["portal", "email"]),
        (reach("letter"), ["portal", "post"]),
        (reach("phone"), ["portal", "phone", "post"]),
        (reach("portal", email=False), ["portal"]),
        (reach("portal", account=False, email=False), ["portal", "post"]),
        (reach("email", email=False), ["portal", "post"]),
        (reach("letter", address=False), ["portal", "email"]),
        (reach("phone", phone=False), ["portal", "email"]),
    ],
)
def test_the_profile_picks_the_channel_and_a_broken_one_falls_back(profile, expected):
    assert channels_for(profile) == expected


def test_a_client_without_any_working_channel_or_portal_account_is_unreachable():
    nobody = reach("letter", account=False, email=False, address=False, phone=False)
    assert channels_for(nobody) == ["portal"] and unreachable(nobody, channels_for(nobody))
    portal_only = reach("portal", email=False)
    assert not unreachable(portal_only, channels_for(portal_only))


@given(
    preferred=st.sampled_from(["portal", "email", "letter", "phone"]),
    flags=st.tuples(st.booleans(), st.booleans(), st.booleans(), st.booleans()),
)
def test_the_portal_always_holds_the_letter_and_only_working_channels_are_used(preferred, flags):
    profile = Reach(preferred, *flags)
    chosen = channels_for(profile)
    assert chosen[0] == "portal" and len(set(chosen)) == len(chosen)
    assert all(profile.works(c) for c in chosen[1:])
    if any(flags[1:]):
        assert len(chosen) > 1 or (preferred == "portal" and profile.portal_account)


def test_findings_are_cut_out_of_the_text_and_the_first_of_overlapping_ones_wins():
    text = "Indien u dat wenst, kunt u bellen."
    pieces = suggestions.segments(text, [(0, 6), (3, 10), (20, 24)])
    assert "".join(p.text for p in pieces) == text
    assert [(p.text, p.finding) for p in pieces if p.finding is not None] == [
        ("Indien", 0),
        ("kunt", 2),
    ]


@given(
    text=st.text(min_size=1, max_size=200),
    spans=st.lists(st.tuples(st.integers(0, 220), st.integers(0, 220)), max_size=8),
)
def test_segments_never_lose_or_change_text(text, spans):
    assert "".join(p.text for p in suggestions.segments(text, spans)) == text


def test_a_suggestion_replaces_the_phrase_and_keeps_the_capital():
    text = "Indien u ziek bent, belt u ons."
    assert suggestions.apply(text, 0, 6, "Indien", "als") == "Als u ziek bent, belt u ons."
    assert suggestions.alternatives("dit, deze") == ["dit", "deze"]


def test_a_suggestion_on_a_changed_text_is_refused():
    with pytest.raises(suggestions.Stale):
        suggestions.apply("Als u ziek bent.", 0, 6, "Indien", "als")
