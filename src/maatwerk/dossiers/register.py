"""The intake lookup: find any client in the whole register, not only a caseload (issue 17).

A term is a BSN, a client number, a birth date, a postcode with a house number, or a name in
any spelling or script (rules/terms.py says which, rules/names.py makes the name keys).
`register_search` only reads. `find_in_register` is what a page calls: it refuses without a
stated purpose and logs every client it shows as a flagged access with that purpose, so the
team lead and the client see who looked and why. Which roles may search is the caller's
guard, not this module's.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db.models import Case, Q, QuerySet, Value, When
from django.http import HttpRequest
from django.utils.translation import gettext as _

from maatwerk.core.access_log import AccessEvent, log_accesses, origin_of
from maatwerk.core.models import AccessBasis, StaffMember
from maatwerk.dossiers.access import MIN_REASON_LENGTH
from maatwerk.dossiers.errors import ReasonRequired
from maatwerk.dossiers.models import NAME_KEY_LENGTH, Client, ClientNameKey, bsn_digest
from maatwerk.dossiers.rules.names import MIN_LOOSE_LENGTH, query_words
from maatwerk.dossiers.rules.terms import (
    MIN_NAME_LETTERS,
    SearchedAs,
    Term,
    TermProblem,
    house_number_matches,
    parse_term,
)

__all__ = [
    "DEFAULT_LIMIT",
    "REGISTER_SEARCH",
    "RegisterSearch",
    "SearchedAs",
    "find_in_register",
    "register_search",
]

REGISTER_SEARCH = "register_search"
DEFAULT_LIMIT = 50
_ORDER = ("family_name", "given_names", "pk")


@dataclass(frozen=True)
class RegisterSearch:
    """What a register search found, and what to tell the person who searched."""

    clients: list[Client]
    # How many clients match in all; at most `limit` of them are in `clients`.
    total: int
    too_many: bool
    searched_as: SearchedAs
    # What was looked for, for people ("de naam 'Riaboshapka'"); a BSN is never repeated.
    description: str
    # What to do next when nothing or too much was found, or the term was not usable; else "".
    message: str
    # Clients found only through a similar spelling of the name (rules/names.py, loose_key).
    spelled_alike: frozenset[uuid.UUID] = field(default_factory=frozenset)


def register_search(term: str, *, limit: int = DEFAULT_LIMIT) -> RegisterSearch:
    """Clients in the whole register that match `term`, by index, at most `limit` of them.

    Reads only: whoever shows the result to a person calls `find_in_register` instead, which
    logs what is shown.
    """
    parsed = parse_term(term)
    description = _description(parsed)
    # A number that fails the 11-proef may still be a client number: look before refusing.
    if parsed.problem not in (TermProblem.NONE, TermProblem.INVALID_BSN):
        return RegisterSearch(
            clients=[],
            total=0,
            too_many=False,
            searched_as=parsed.searched_as,
            description=description,
            message=_problem(parsed),
        )
    total, shown, alike = _found(parsed, limit)
    return RegisterSearch(
        clients=shown,
        total=total,
        too_many=total > limit,
        searched_as=parsed.searched_as,
        description=description,
        message=_outcome(parsed, description, total, limit),
        spelled_alike=alike,
    )


def _outcome(term: Term, description: str, total: int, limit: int) -> str:
    if total == 0 and term.problem != TermProblem.NONE:
        return _problem(term)
    if total == 0 and term.searched_as == SearchedAs.BSN:
        return _("No client found for %(what)s. Check the number.") % {"what": description}
    if total == 0:
        return _nothing_found(description)
    if total > limit:
        return _too_many(limit)
    return ""


def find_in_register(
    *,
    request: HttpRequest,
    staff: StaffMember,
    term: str,
    purpose: str,
    limit: int = DEFAULT_LIMIT,
) -> RegisterSearch:
    """Search the whole register for someone who states a purpose; log each client shown.

    Without a purpose of at least MIN_REASON_LENGTH characters nothing is searched and
    nothing is logged: ReasonRequired says what to write. The role is not checked here.
    """
    purpose = purpose.strip()
    if len(purpose) < MIN_REASON_LENGTH:
        raise ReasonRequired(
            _(
                "Write why you are searching the whole register (at least %(n)d characters), "
                "for example the intake appointment or the question of the caller. Your reason "
                "is logged with every client you see, and the team lead and the client can "
                "read it."
            )
            % {"n": MIN_REASON_LENGTH}
        )
    found = register_search(term, limit=limit)
    _log_shown(request, staff, found.clients, purpose)
    return found


def _log_shown(
    request: HttpRequest, staff: StaffMember, clients: Sequence[Client], purpose: str
) -> None:
    """A name on a result list is a read of that dossier: one flagged entry per client, written
    in one insert."""
    events = [
        AccessEvent(
            action=REGISTER_SEARCH,
            object_type="dossier",
            object_ref=str(client.public_id),
            client_ref=client.public_id,
            basis=AccessBasis.REASON,
            reason=purpose,
            flagged=True,
        )
        for client in clients
    ]
    log_accesses(actor=staff.user, staff=staff, events=events, origin=origin_of(request))


def _found(term: Term, limit: int) -> tuple[int, list[Client], frozenset[uuid.UUID]]:
    """How many clients match, the first `limit`, and those found by a similar spelling."""
    if term.searched_as == SearchedAs.ADDRESS:
        at_address = _at_address(term)
        return len(at_address), at_address[:limit], frozenset()
    if term.searched_as == SearchedAs.NAME:
        return _by_name(term, limit)
    clients = Client.objects.filter(_exact_match(term)).order_by(*_ORDER)
    return clients.count(), list(clients[:limit]), frozenset()


def _exact_match(term: Term) -> Q:
    """BSN, client number or birth date: one indexed column each."""
    if term.searched_as == SearchedAs.BSN:
        # Eight or nine digits may also be a client number; the BSN only by its digest.
        by_number = Q(client_number=term.text)
        if term.problem == TermProblem.INVALID_BSN:
            return by_number
        return by_number | Q(bsn_digest=bsn_digest(term.bsn))
    if term.searched_as == SearchedAs.CLIENT_NUMBER:
        return Q(client_number__in={term.text, term.text.upper()})
    return Q(birth_date=term.birth_date)


def _at_address(term: Term) -> list[Client]:
    """Clients at the postcode (indexed), then the house number compared as rules/terms.py
    says: stored house numbers are free text ("12a", "12 A", "12-2"), a handful per postcode."""
    at_postcode = Client.objects.filter(postcode=term.postcode).order_by(*_ORDER)
    number = term.house_number
    if number is None:
        return list(at_postcode)
    return [
        client
        for client in at_postcode
        if house_number_matches(number, term.house_addition, client.house_number)
    ]


def _by_name(term: Term, limit: int) -> tuple[int, list[Client], frozenset[uuid.UUID]]:
    """Every searched word must match a word of the client's name, by key prefix or by the
    same skeleton (rules/names.py, word_matches); clients matched by key come first."""
    by_key, by_key_or_alike = Q(), Q()
    for word in query_words(term.name):
        key_match = Q(pk__in=_names(key__startswith=word.key[:NAME_KEY_LENGTH]))
        by_key &= key_match
        if len(word.loose) >= MIN_LOOSE_LENGTH:
            key_match |= Q(pk__in=_names(loose=word.loose[:NAME_KEY_LENGTH]))
        by_key_or_alike &= key_match
    clients = Client.objects.filter(by_key_or_alike)
    if term.birth_date is not None:
        clients = clients.filter(birth_date=term.birth_date)
    first_by_key = Case(When(by_key, then=Value(0)), default=Value(1))
    shown = list(clients.order_by(first_by_key, *_ORDER)[:limit])
    exact = set(
        Client.objects.filter(by_key, pk__in=[c.pk for c in shown]).values_list("pk", flat=True)
    )
    alike = frozenset(client.public_id for client in shown if client.pk not in exact)
    return clients.count(), shown, alike


def _names(**lookup: str) -> QuerySet[ClientNameKey, int]:
    return ClientNameKey.objects.filter(**lookup).values_list("client_id", flat=True)


def _description(term: Term) -> str:
    """The term in words; a BSN is never repeated on a screen."""
    if term.searched_as == SearchedAs.BSN:
        return _("this BSN")
    if term.searched_as == SearchedAs.CLIENT_NUMBER:
        return _("client number %(number)s") % {"number": term.text}
    if term.searched_as == SearchedAs.BIRTH_DATE and term.birth_date is not None:
        return _("birth date %(date)s") % {"date": term.birth_date.strftime("%d-%m-%Y")}
    if term.searched_as == SearchedAs.ADDRESS:
        return _address_description(term)
    if term.searched_as == SearchedAs.NAME and term.birth_date is not None:
        return _("the name '%(name)s' and birth date %(date)s") % {
            "name": term.name,
            "date": term.birth_date.strftime("%d-%m-%Y"),
        }
    if term.searched_as == SearchedAs.NAME:
        return _("the name '%(name)s'") % {"name": term.name}
    return ""


def _address_description(term: Term) -> str:
    if term.house_number is None:
        return _("postcode %(postcode)s") % {"postcode": term.postcode}
    number = f"{term.house_number}{term.house_addition}"
    return _("postcode %(postcode)s and house number %(number)s") % {
        "postcode": term.postcode,
        "number": number,
    }


def _problem(term: Term) -> str:
    """What to correct in a term that cannot be searched as it is."""
    if term.problem == TermProblem.INVALID_BSN:
        return _("This number is not a valid BSN: it fails the 11-test. Check the number.")
    if term.problem == TermProblem.INVALID_DATE:
        return _(
            "%(value)s is not an existing date. Write a birth date as dd-mm-yyyy, for example "
            "17-05-1980."
        ) % {"value": term.bad_date}
    if term.problem == TermProblem.TWO_DATES:
        return _("Type one birth date at most, with the name.")
    if term.problem == TermProblem.SHORT_NAME:
        return _("Type at least %(n)d letters of the name.") % {"n": MIN_NAME_LETTERS}
    return _("Type a name, a birth date, a postcode and house number, a client number or a BSN.")


def _nothing_found(description: str) -> str:
    return _(
        "No client found for %(what)s. Check the spelling, or try another way: the birth date, "
        "the postcode and house number, or the client number."
    ) % {"what": description}


def _too_many(limit: int) -> str:
    return _(
        "More than %(limit)d clients found: you see the first %(limit)d. Make your search more "
        "precise, for example with a given name or a birth date."
    ) % {"limit": limit}
