"""Domain events: a service says what happened, and whoever follows that kind of event acts.

A service publishes an event explicitly once it has written: `publish(LetterSent(...))`. A
bulk path (the escalation run, the generator, the demo) publishes all its events in one call,
`publish_many([...])`, and a path that goes through the services one by one (the client
import) collects what they publish with `collecting()`: either way each follower gets all the
events of its kind together, so it can recount a day once or look up many clients in one
query, and ends where the one-by-one path would.

Who follows what is one declared table, `maatwerk.flow.FOLLOWERS` (event type -> followers),
read on the first publish. Nothing registers itself in `ready()` and no model signal carries
business flow: signals are skipped by every bulk write and hide who acts on a change
(docs/decisions/0016). Events are small frozen dataclasses defined by the app they happen in
(`<app>/events.py`); core knows none of them, and imports no other app.

Followers run at once, in the publisher's transaction, in the order the table lists them; an
error in a follower reaches the publisher. A follower that must wait for the commit (the
dashboard tallies) asks for that itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache
from typing import Any

from django.utils.module_loading import import_string

TABLE = "maatwerk.flow.FOLLOWERS"


@dataclass(frozen=True)
class Event:
    """Something that happened in the domain, named in the past tense (LetterSent)."""


# A follower takes every event of one type published together (one or more, in order).
Follower = Callable[[Sequence[Any]], None]
Table = Mapping[type[Event], Sequence[Follower]]

_collected: ContextVar[list[Event] | None] = ContextVar("collected_events", default=None)


@cache
def followers() -> Table:
    """The declared table; read on first use, because it imports every app and apps import
    this module."""
    table: Table = import_string(TABLE)
    return table


def publish(event: Event) -> None:
    publish_many([event])


def publish_many(events: Iterable[Event]) -> None:
    """Hand the events to their followers, grouped by type in the order each type first
    appears; within a type, in the order given."""
    batch = list(events)
    held = _collected.get()
    if held is not None:
        held.extend(batch)
        return
    by_type: dict[type[Event], list[Event]] = {}
    for event in batch:
        by_type.setdefault(type(event), []).append(event)
    table = followers()
    for kind, same in by_type.items():
        for follower in table.get(kind, ()):
            follower(same)


@contextmanager
def collecting() -> Iterator[None]:
    """Hold what is published inside the block and publish it all at its end.

    For a bulk path that calls the services one by one: the followers then act once for the
    whole batch. Use it inside the batch's transaction, so followers still act before the
    commit as they would one by one. When the block fails nothing is published: its writes
    are rolled back with the transaction. Nested blocks publish with the outermost one.
    """
    if _collected.get() is not None:
        yield
        return
    held: list[Event] = []
    token = _collected.set(held)
    try:
        yield
    finally:
        _collected.reset(token)
    publish_many(held)
