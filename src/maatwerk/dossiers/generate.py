"""Generating a fictional municipality: used by `maatwerk demo` and `maatwerk bench generate`.

Everything is made up: names and addresses come from Faker, BSNs are random numbers that pass
the 11-proef. Rows are written in bulk with explicit past moments, because this builds history
rather than performing use cases; the services are what the application itself uses. What
is written is published like the services do (`core/events.py`): new regisseurs, and the
journal through `journal.record_many`, so the followers end as they would one by one.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import User
from django.db import transaction
from faker import Faker

from maatwerk.core import crypto, events
from maatwerk.core.models import AccessBasis, AccessLogEntry, AccessResult, Role, StaffMember, Team
from maatwerk.core.rules.bsn import complete_bsn
from maatwerk.dossiers import journal
from maatwerk.dossiers.events import RegisseurAssigned
from maatwerk.dossiers.models import (
    BSN_PURPOSE,
    Assignment,
    Channel,
    Client,
    CommunicationProfile,
    JournalEntry,
    TargetGroup,
    Visibility,
    bsn_digest,
)
from maatwerk.dossiers.namekeys import refresh_name_keys

Progress = Callable[[int], object]

# (language, Faker locale): a fifth of the clients prefer a language other than Dutch.
OTHER_LANGUAGES = [
    ("ar", "ar_AA"),
    ("tr", "tr_TR"),
    ("pl", "pl_PL"),
    ("en", "en_GB"),
    ("uk", "uk_UA"),
    ("ti", None),
    ("so", None),
]
_EAST_AFRICAN_NAMES = {
    "given": ["Semhar", "Yonas", "Filmon", "Hanna", "Abdi", "Faduma", "Hodan", "Mahad", "Senait"],
    "family": ["Tesfay", "Gebremedhin", "Haile", "Warsame", "Abdullahi", "Yusuf", "Kahsay"],
}

# Journal events of an ordinary year in a dossier: (kind, Dutch summary, visibility).
CLIENT_EVENTS = [
    (
        "contact.meeting",
        "U had een gesprek met uw regisseur op het stadskantoor.",
        Visibility.CLIENT_AND_STAFF,
    ),
    ("contact.phone", "Uw regisseur heeft u gebeld over uw plan.", Visibility.CLIENT_AND_STAFF),
    ("document.received", "Wij hebben uw loonstrook ontvangen.", Visibility.CLIENT_AND_STAFF),
    ("document.received", "Wij hebben uw bankafschriften ontvangen.", Visibility.CLIENT_AND_STAFF),
    ("benefit.paid", "Uw uitkering over deze maand is betaald.", Visibility.CLIENT_AND_STAFF),
    (
        "plan.review",
        "U en uw regisseur hebben uw plan besproken en bijgewerkt.",
        Visibility.CLIENT_AND_STAFF,
    ),
    (
        "letter.sent",
        "Wij hebben u een brief gestuurd over de jaarlijkse controle.",
        Visibility.CLIENT_AND_STAFF,
    ),
    (
        "contact.message",
        "U hebt een bericht gestuurd via Mijn Maatwerk.",
        Visibility.CLIENT_AND_STAFF,
    ),
    (
        "note.staff",
        "Werknotitie: nagaan of cursus Nederlands vergoed kan worden.",
        Visibility.STAFF_ONLY,
    ),
    (
        "note.staff",
        "Werknotitie: schuldhulp besproken, cliënt denkt erover na.",
        Visibility.STAFF_ONLY,
    ),
]


@dataclass
class StaffPlan:
    username: str
    first_name: str
    last_name: str
    role: str
    team: str | None


def new_bsn(rng: random.Random, used: set[str]) -> str:
    while True:
        candidate = complete_bsn(f"{rng.randrange(10_000_000, 99_999_999):08d}")
        if candidate and candidate not in used:
            used.add(candidate)
            return candidate


def create_staff(plans: list[StaffPlan], password: str) -> dict[str, User]:
    hashed = make_password(password)
    teams = {
        name: Team.objects.get_or_create(name=name)[0] for name in {p.team for p in plans if p.team}
    }
    users: dict[str, User] = {}
    for plan in plans:
        user = User.objects.create(
            username=plan.username,
            first_name=plan.first_name,
            last_name=plan.last_name,
            email=f"{plan.username}@gemeente.example",
            password=hashed,
        )
        StaffMember.objects.create(
            user=user,
            role=plan.role,
            team=teams.get(plan.team) if plan.team else None,
            phone=f"14 0{random.Random(plan.username).randrange(10, 99)}",
        )
        users[plan.username] = user
    return users


def _client_identity(fake_by_locale: dict[str, Faker], rng: random.Random) -> tuple[str, str, str]:
    """Given names, family name and preferred language."""
    if rng.random() < 0.2:
        language, locale = rng.choice(OTHER_LANGUAGES)
        if locale is None:
            return (
                rng.choice(_EAST_AFRICAN_NAMES["given"]),
                rng.choice(_EAST_AFRICAN_NAMES["family"]),
                language,
            )
        fake = fake_by_locale[locale]
        return fake.first_name(), fake.last_name(), language
    fake = fake_by_locale["nl_NL"]
    return fake.first_name(), fake.last_name(), "nl"


def generate_clients(
    *,
    count: int,
    consultants: list[User],
    now: datetime,
    history_days: int,
    entries_per_client: int,
    seed: int,
    city: str,
    postcode_prefix: int,
    progress: Progress | None = None,
    batch_size: int = 500,
) -> int:
    """Create `count` clients with a regisseur, a profile, and history. Returns how many."""
    rng = random.Random(seed)
    locales = ["nl_NL"] + [loc for _, loc in OTHER_LANGUAGES if loc]
    fakers = {loc: Faker(loc) for loc in locales}
    for i, fake in enumerate(fakers.values()):
        fake.seed_instance(seed + i)
    used_bsns: set[str] = set()
    existing = Client.objects.count()
    made = 0
    for start in range(0, count, batch_size):
        size = min(batch_size, count - start)
        with transaction.atomic():
            _generate_batch(
                numbers=range(existing + start + 1, existing + start + size + 1),
                consultants=consultants,
                now=now,
                history_days=history_days,
                entries_per_client=entries_per_client,
                rng=rng,
                fakers=fakers,
                used_bsns=used_bsns,
                city=city,
                postcode_prefix=postcode_prefix,
            )
        made += size
        if progress:
            progress(size)
    return made


def _generate_batch(
    *,
    numbers: range,
    consultants: list[User],
    now: datetime,
    history_days: int,
    entries_per_client: int,
    rng: random.Random,
    fakers: dict[str, Faker],
    used_bsns: set[str],
    city: str,
    postcode_prefix: int,
) -> None:
    street_faker = fakers["nl_NL"]
    clients, profiles, languages, starts = [], [], [], []
    for number in numbers:
        given, family, language = _client_identity(fakers, rng)
        bsn = new_bsn(rng, used_bsns)
        started = now - timedelta(
            days=rng.randrange(30, history_days), minutes=rng.randrange(0, 600)
        )
        clients.append(
            Client(
                client_number=f"K{number:07d}",
                bsn_encrypted=crypto.encrypt_text(bsn, purpose=BSN_PURPOSE),
                bsn_digest=bsn_digest(bsn),
                family_name=family,
                given_names=given,
                birth_date=date(
                    rng.randrange(1960, 2006), rng.randrange(1, 13), rng.randrange(1, 29)
                ),
                street=street_faker.street_name(),
                house_number=str(rng.randrange(1, 200)) + rng.choice(["", "", "", "A", "B", "-2"]),
                postcode=_postcode(postcode_prefix, rng),
                city=city,
                email=f"{given}.{family}{number}@example.org".lower()
                .replace(" ", "")
                .replace("'", ""),
                phone=f"06-{rng.randrange(10_000_000, 99_999_999)}",
                target_groups=_target_groups(rng),
            )
        )
        languages.append(language)
        starts.append(started)
    Client.objects.bulk_create(clients)
    # bulk_create sets primary keys on PostgreSQL and SQLite >= 3.35.
    refresh_name_keys(clients)
    assignments, entries, accesses = [], [], []
    for client, language, started in zip(clients, languages, starts, strict=True):
        profiles.append(_profile(client, language, rng))
        regisseur = rng.choice(consultants)
        assignments.append(Assignment(client=client, regisseur=regisseur, started_at=started))
        entries.extend(_history(client, regisseur, started, now, entries_per_client, rng))
        accesses.extend(_accesses(client, regisseur, started, now, rng))
    CommunicationProfile.objects.bulk_create(profiles)
    Assignment.objects.bulk_create(assignments)
    events.publish_many(RegisseurAssigned(client_id=a.client_id) for a in assignments)
    journal.record_many(entries)
    AccessLogEntry.objects.bulk_create(accesses)


def _postcode(prefix: int, rng: random.Random) -> str:
    letters = "ABCDEGHJKLMNPRSTVWXZ"
    return f"{prefix + rng.randrange(0, 99):04d} {rng.choice(letters)}{rng.choice(letters)}"


def _target_groups(rng: random.Random) -> list[str]:
    groups = [TargetGroup.BIJSTAND.value]
    if rng.random() < 0.25:
        groups.append(TargetGroup.SCHULDHULP.value)
    if rng.random() < 0.1:
        groups.append(TargetGroup.WMO.value)
    return groups


def _profile(client: Client, language: str, rng: random.Random) -> CommunicationProfile:
    other = language != "nl"
    return CommunicationProfile(
        client=client,
        language=language,
        plain_language=other or rng.random() < 0.3,
        reading_support=rng.random() < 0.1,
        interpreter_needed=other and rng.random() < 0.5,
        interpreter_language=language if other else "",
        preferred_channel=rng.choice(
            [Channel.PORTAL, Channel.PORTAL, Channel.EMAIL, Channel.LETTER, Channel.PHONE]
        ),
    )


def _spread(start: datetime, end: datetime, count: int, rng: random.Random) -> Iterator[datetime]:
    span = max((end - start).total_seconds(), 1)
    for offset in sorted(rng.random() * span for _ in range(count)):
        moment = start + timedelta(seconds=offset)
        # Office hours (stored in UTC: 7-16 UTC is 8-17 or 9-18 in Amsterdam).
        office = moment.replace(hour=rng.randrange(7, 16), minute=rng.randrange(60))
        yield min(max(office, start), end)


def _history(
    client: Client,
    regisseur: User,
    started: datetime,
    now: datetime,
    count: int,
    rng: random.Random,
) -> list[JournalEntry]:
    name = regisseur.get_full_name()
    entries = [
        journal.entry(
            client=client,
            kind="dossier.opened",
            moment=started,
            actor=regisseur,
            visibility=Visibility.CLIENT_AND_STAFF,
            summary="Uw dossier is geopend.",
        ),
        journal.entry(
            client=client,
            kind="regisseur.assigned",
            moment=started,
            actor=regisseur,
            visibility=Visibility.CLIENT_AND_STAFF,
            summary=f"{name} is uw regisseur: uw contactpersoon voor werk en inkomen.",
        ),
    ]
    for moment in _spread(started, now - timedelta(hours=1), max(count - 2, 0), rng):
        kind, summary, visibility = rng.choice(CLIENT_EVENTS)
        entries.append(
            journal.entry(
                client=client,
                kind=kind,
                moment=moment,
                actor=regisseur,
                visibility=visibility,
                summary=summary,
            )
        )
    return entries


def _accesses(
    client: Client, regisseur: User, started: datetime, now: datetime, rng: random.Random
) -> list[AccessLogEntry]:
    team = regisseur.staff.team.name if regisseur.staff.team else ""
    return [
        AccessLogEntry(
            moment=moment,
            client_ref=client.public_id,
            actor=regisseur,
            actor_role=Role.CONSULTANT,
            actor_team=team,
            action="view_dossier",
            object_type="dossier",
            object_ref=str(client.public_id),
            result=AccessResult.ALLOWED,
            basis=AccessBasis.REGISSEUR,
            origin="web",
        )
        for moment in _spread(started, now - timedelta(hours=1), rng.randrange(2, 6), rng)
    ]
