"""The intake lookup over the whole register (dossiers/register.py), against the database."""

import importlib
from datetime import UTC, date, datetime

import pytest
from django.apps import apps
from django.core.management import call_command
from django.test import RequestFactory

from maatwerk.core.models import AccessBasis, AccessLogEntry, Role
from maatwerk.dossiers.errors import ReasonRequired
from maatwerk.dossiers.generate import generate_clients
from maatwerk.dossiers.importer import import_clients
from maatwerk.dossiers.models import Client, ClientNameKey
from maatwerk.dossiers.register import (
    REGISTER_SEARCH,
    SearchedAs,
    find_in_register,
    register_search,
)
from maatwerk.dossiers.tests.factories import make_client, make_staff

pytestmark = pytest.mark.django_db

PURPOSE = "Intakegesprek aan de balie over een nieuwe aanvraag"


@pytest.fixture
def regisseur():
    return make_staff(username="reg")


@pytest.fixture
def intake():
    return make_staff(role=Role.INTAKE, username="intake")


@pytest.fixture
def request_():
    return RequestFactory().get("/werk/register/", REMOTE_ADDR="10.1.2.3")


def found(term, **options):
    return register_search(term, **options).clients


def test_intake_searching_riaboshapka_finds_the_client_written_in_cyrillic(regisseur):
    ivan = make_client(regisseur, family_name="Рябошапка", given_names="Іван")
    make_client(regisseur, family_name="Jansen")
    result = register_search("Riaboshapka")
    assert result.clients == [ivan]
    assert result.searched_as == SearchedAs.NAME and result.message == ""
    assert found("Ryaboshapka Ivan") == [ivan]
    assert found("riab") == [ivan]


def test_an_arabic_script_name_is_found_by_its_latin_spelling(regisseur):
    mohammed = make_client(regisseur, family_name="العمراني", given_names="محمد")
    make_client(regisseur, family_name="Amrani", given_names="Fatima")
    assert found("Mohammed El Amrani") == [mohammed]
    assert found("Muhammad Amrani") == [mohammed]


def test_a_similar_spelling_is_found_after_the_exact_one_and_marked_as_alike(regisseur):
    # By name alone Aziz would come first: the exact spelling goes before it.
    arabic = make_client(regisseur, family_name="Aziz", given_names="محمد")
    latin = make_client(regisseur, family_name="Bakr", given_names="Mohammed")
    result = register_search("Mohammed")
    assert result.clients == [latin, arabic]
    assert result.spelled_alike == {arabic.public_id}


def test_accents_are_folded_so_jose_finds_jose(regisseur):
    jose = make_client(regisseur, family_name="García", given_names="José")
    assert found("Jose Garcia") == [jose]
    assert found("JOSÉ") == [jose]


def test_de_vries_and_vries_find_each_other(regisseur):
    de_vries = make_client(regisseur, family_name="de Vries", given_names="Anna")
    assert found("Vries") == [de_vries]
    assert found("de vries") == [de_vries]
    assert found("DeVries") == [de_vries]


@pytest.mark.parametrize("typed", ["17-05-1980", "17-5-1980", "1980-05-17"])
def test_a_birth_date_finds_the_one_client_born_that_day(regisseur, typed):
    born = make_client(regisseur, birth_date=date(1980, 5, 17))
    make_client(regisseur, birth_date=date(1981, 5, 17))
    result = register_search(typed)
    assert result.clients == [born]
    assert result.searched_as == SearchedAs.BIRTH_DATE
    assert result.description == "geboortedatum 17-05-1980"


def test_postcode_and_house_number_find_the_one_client_living_there(regisseur):
    there = make_client(regisseur, postcode="1234 AB", house_number="12a")
    make_client(regisseur, postcode="1234 AB", house_number="14")
    make_client(regisseur, postcode="1235 AB", house_number="12a")
    assert found("1234 AB 12a") == [there]
    assert found("1234ab 12A") == [there]
    assert found("1234AB 12") == [there]
    assert found("1234 AB 12b") == []


def test_a_client_number_finds_that_client(regisseur):
    client = make_client(regisseur, client_number="K0000123")
    make_client(regisseur, client_number="K0000124")
    assert found("K0000123") == [client]
    assert found("k0000123") == [client]


def test_a_bsn_finds_the_client_and_is_never_repeated(regisseur):
    client = make_client(regisseur, bsn="111222333")
    make_client(regisseur)
    result = register_search("1112.22.333")
    assert result.clients == [client]
    assert result.searched_as == SearchedAs.BSN
    nothing = register_search("123456782")
    assert nothing.clients == []
    for text in (result.description, nothing.description, nothing.message):
        assert "111" not in text and "1234" not in text
    assert nothing.message == "Geen cliënt gevonden voor dit BSN. Controleer het nummer."


def test_a_number_that_fails_the_11_proef_says_so(regisseur):
    make_client(regisseur)
    result = register_search("123456789")
    assert result.clients == []
    assert "11-proef" in result.message


def test_a_term_matching_nothing_says_so_and_what_to_try(regisseur):
    make_client(regisseur, family_name="Jansen")
    result = register_search("Xylofoon")
    assert (result.clients, result.total, result.too_many) == ([], 0, False)
    assert result.message.startswith("Geen cliënt gevonden voor de naam 'Xylofoon'.")
    assert "Controleer" in result.message and "probeer" in result.message


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Typ een naam, een geboortedatum"),
        ("J", "Typ minstens 2 letters"),
        ("31-02-1980", "31-02-1980 is geen bestaande datum"),
        ("Jansen 17-05-1980 18-05-1980", "Typ niet meer dan één geboortedatum"),
    ],
)
def test_a_term_that_cannot_be_searched_says_what_to_correct(regisseur, typed, message):
    make_client(regisseur, family_name="Jansen")
    result = register_search(typed)
    assert result.clients == [] and result.message.startswith(message)


def test_a_name_with_a_birth_date_narrows_the_search(regisseur):
    make_client(regisseur, family_name="Jansen", birth_date=date(1970, 1, 1))
    piet = make_client(regisseur, family_name="Jansen", birth_date=date(1980, 5, 17))
    assert found("Jansen 17-05-1980") == [piet]


def test_a_term_matching_more_than_the_limit_says_so_and_shows_only_the_limit(regisseur):
    for _ in range(51):
        make_client(regisseur, family_name="Jansen")
    result = register_search("Jansen")
    assert (result.total, result.too_many, len(result.clients)) == (51, True, 50)
    assert result.message.startswith("Meer dan 50 cliënten gevonden")
    assert "preciezer" in result.message
    assert register_search("Jansen", limit=51).too_many is False


def test_without_a_purpose_the_search_is_refused_and_nothing_is_logged(regisseur, intake, request_):
    make_client(regisseur, family_name="Jansen")
    for purpose in ("", "   kort    ", "123456789"):
        with pytest.raises(ReasonRequired, match="waarom u in het hele register zoekt"):
            find_in_register(request=request_, staff=intake.staff, term="Jansen", purpose=purpose)
    assert not AccessLogEntry.objects.exists()


def test_each_client_shown_gets_one_flagged_access_with_the_purpose(regisseur, intake, request_):
    shown = [make_client(regisseur, family_name="Jansen") for _ in range(3)]
    other = make_client(regisseur, family_name="Pietersen")
    result = find_in_register(
        request=request_, staff=intake.staff, term="jansen", purpose=f"  {PURPOSE} "
    )
    assert {c.pk for c in result.clients} == {c.pk for c in shown}
    rows = AccessLogEntry.objects.filter(actor=intake)
    assert sorted(row.client_ref for row in rows) == sorted(c.public_id for c in shown)
    for row in rows:
        assert (row.action, row.reason, row.flagged, row.basis) == (
            REGISTER_SEARCH,
            PURPOSE,
            True,
            AccessBasis.REASON,
        )
        assert row.origin == "web 10.1.2.3" and row.actor_role == Role.INTAKE
    assert not AccessLogEntry.objects.filter(client_ref=other.public_id).exists()


def test_only_the_clients_shown_are_logged_when_there_are_too_many(regisseur, intake, request_):
    for _ in range(4):
        make_client(regisseur, family_name="Jansen")
    result = find_in_register(
        request=request_, staff=intake.staff, term="Jansen", purpose=PURPOSE, limit=3
    )
    assert result.too_many and AccessLogEntry.objects.filter(actor=intake).count() == 3


def test_a_name_search_takes_the_same_few_queries_however_many_clients_match(
    regisseur, django_assert_max_num_queries
):
    for _ in range(12):
        make_client(regisseur, family_name="Jansen", given_names="Piet")
    with django_assert_max_num_queries(3):
        assert register_search("Piet Jansen").total == 12


HEADER = "klantnummer;bsn;achternaam;voornamen;geboortedatum;straat;huisnummer;postcode;woonplaats;regisseur"


def test_the_name_key_is_kept_when_clients_are_imported_and_renamed(tmp_path):
    make_staff(username="s.bakker")
    path = tmp_path / "clients.csv"
    row = "K100;111222333;Рябошапка;Іван;1985-03-02;Kerkstraat;12;3901 AB;Lindenburg;s.bakker"
    path.write_text(f"{HEADER}\n{row}\n", encoding="utf-8")
    import_clients(path)
    ivan = Client.objects.get(client_number="K100")
    assert found("Riaboshapka") == [ivan]
    path.write_text(f"{HEADER}\n{row.replace('Рябошапка', 'Коваль')}\n", encoding="utf-8")
    assert import_clients(path).updated == 1
    assert found("Koval") == [ivan]
    assert found("Riaboshapka") == []


def test_generated_clients_get_their_name_keys():
    consultant = make_staff(username="gen")
    made = generate_clients(
        count=6,
        consultants=[consultant],
        now=datetime(2026, 1, 5, 12, tzinfo=UTC),
        history_days=90,
        entries_per_client=3,
        seed=3,
        city="Lindenburg",
        postcode_prefix=3900,
    )
    assert made == 6
    for client in Client.objects.all():
        assert client.name_keys.exists()
        assert client in found(f"{client.given_names} {client.family_name}")


def test_clients_that_existed_before_get_their_keys_from_the_migration_and_the_command(
    regisseur,
):
    ivan = make_client(regisseur, family_name="Рябошапка", given_names="Іван")
    ClientNameKey.objects.all().delete()
    assert found("Riaboshapka") == []
    migration = importlib.import_module("maatwerk.dossiers.migrations.0008_fill_client_name_keys")
    migration.fill_name_keys(apps, None)
    assert found("Riaboshapka") == [ivan]
    ClientNameKey.objects.all().delete()
    call_command("clients", "name-keys")
    assert found("Riaboshapka") == [ivan]
