"""factory-boy factories for staff, teams and clients."""

from __future__ import annotations

import itertools
import random
from datetime import date

import factory
from django.contrib.auth.models import User

from maatwerk.core.models import Role, StaffMember, Team
from maatwerk.core.rules.bsn import complete_bsn
from maatwerk.dossiers import services
from maatwerk.dossiers.clientdata import ClientData

_numbers = itertools.count(1)
_rng = random.Random(7)


def valid_bsn() -> str:
    while True:
        bsn = complete_bsn(f"{_rng.randrange(10_000_000, 99_999_999):08d}")
        if bsn:
            return bsn


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Team {n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name", locale="nl_NL")
    last_name = factory.Faker("last_name", locale="nl_NL")
    password = factory.django.Password("geheim-wachtwoord")


def make_staff(role: str = Role.CONSULTANT, team: Team | None = None, **user_fields) -> User:
    user = UserFactory(**user_fields)
    StaffMember.objects.create(user=user, role=role, team=team or TeamFactory(name="Team Noord"))
    return user


def client_data(**overrides) -> ClientData:
    number = next(_numbers)
    fields = dict(
        client_number=f"T{number:06d}",
        bsn=valid_bsn(),
        family_name="Jansen",
        given_names=f"Piet{number}",
        birth_date=date(1980, 5, 17),
        street="Dorpsstraat",
        house_number=str(number),
        postcode="3901 AB",
        city="Lindenburg",
        email=f"piet{number}@example.org",
        phone="06-12345678",
        language="nl",
        regisseur="",
        target_groups=["bijstand"],
    )
    fields.update(overrides)
    return ClientData(**fields)


def make_client(regisseur: User, **overrides):
    return services.create_client(data=client_data(**overrides), regisseur=regisseur)
