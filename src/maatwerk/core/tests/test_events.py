"""The domain-event dispatcher on its own, with made-up events and a made-up table: who gets
what, in which order, and what collecting holds back."""

from dataclasses import dataclass

import pytest

from maatwerk.core import events


@dataclass(frozen=True)
class Rang(events.Event):
    number: int


@dataclass(frozen=True)
class Closed(events.Event):
    number: int


@dataclass(frozen=True)
class Ignored(events.Event):
    number: int


@pytest.fixture
def heard(monkeypatch):
    """A table with two followers of Rang and one of Closed; what each got, in order."""
    got = []
    table = {
        Rang: [
            lambda batch: got.append(("first", batch)),
            lambda batch: got.append(("second", batch)),
        ],
        Closed: [lambda batch: got.append(("closed", batch))],
    }
    monkeypatch.setattr(events, "followers", lambda: table)
    return got


def test_each_follower_gets_all_events_of_its_type_together_in_the_order_of_the_table(heard):
    events.publish_many([Rang(1), Closed(2), Rang(3), Ignored(4)])
    assert heard == [
        ("first", [Rang(1), Rang(3)]),
        ("second", [Rang(1), Rang(3)]),
        ("closed", [Closed(2)]),
    ]


def test_one_event_is_a_batch_of_one_and_an_event_nobody_follows_is_dropped(heard):
    events.publish(Closed(1))
    events.publish(Ignored(2))
    assert heard == [("closed", [Closed(1)])]


def test_collecting_holds_events_until_the_block_ends_and_then_publishes_them_at_once(heard):
    with events.collecting():
        events.publish(Rang(1))
        with events.collecting():  # an inner block publishes with the outer one
            events.publish(Rang(2))
        events.publish_many([Closed(3)])
        assert heard == []
    assert heard == [
        ("first", [Rang(1), Rang(2)]),
        ("second", [Rang(1), Rang(2)]),
        ("closed", [Closed(3)]),
    ]


def test_a_failed_block_publishes_nothing_and_publishing_works_again_after_it(heard):
    with pytest.raises(RuntimeError), events.collecting():
        events.publish(Rang(1))
        raise RuntimeError("the bulk write fails and is rolled back")
    assert heard == []
    events.publish(Closed(2))
    assert heard == [("closed", [Closed(2)])]


def test_the_declared_table_lists_only_event_types_and_functions():
    events.followers.cache_clear()  # read it as the first publish does
    table = events.followers()
    assert table, "maatwerk.flow.FOLLOWERS is empty"
    for kind, followers in table.items():
        assert issubclass(kind, events.Event), kind
        assert all(callable(f) for f in followers), kind
