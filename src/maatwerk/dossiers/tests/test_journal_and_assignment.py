import pytest
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from maatwerk.core.append_only import AppendOnlyError
from maatwerk.core.models import AccessLogEntry
from maatwerk.dossiers import journal, services
from maatwerk.dossiers.errors import DossierError
from maatwerk.dossiers.models import Assignment, JournalEntry, Visibility
from maatwerk.dossiers.tests.factories import make_client, make_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def client_with_entry():
    regisseur = make_staff(username="s.bakker")
    client = make_client(regisseur)
    entry = journal.record(client=client, kind="test", summary="Iets gebeurd.")
    return client, entry


def test_a_journal_entry_cannot_be_changed_through_the_model(client_with_entry):
    _, entry = client_with_entry
    entry.summary = "Anders"
    with pytest.raises(AppendOnlyError):
        entry.save()


def test_a_journal_entry_cannot_be_deleted(client_with_entry):
    _, entry = client_with_entry
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        JournalEntry.objects.filter(pk=entry.pk).delete()


def test_journal_entries_cannot_be_changed_in_bulk(client_with_entry):
    with pytest.raises(AppendOnlyError):
        JournalEntry.objects.all().update(summary="Anders")
    with pytest.raises(AppendOnlyError):
        JournalEntry.objects.bulk_update(list(JournalEntry.objects.all()), ["summary"])


def test_the_database_refuses_an_update_even_in_raw_sql(client_with_entry):
    _, entry = client_with_entry
    with (
        pytest.raises(Exception, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("UPDATE dossiers_journalentry SET summary = 'x' WHERE id = %s", [entry.pk])
    entry_again = JournalEntry.objects.get(pk=entry.pk)
    assert entry_again.summary == "Iets gebeurd."


def test_the_access_log_cannot_be_changed(client_with_entry):
    client, _ = client_with_entry
    row = AccessLogEntry.objects.create(
        moment=timezone.now(),
        client_ref=client.public_id,
        action="view",
        object_type="dossier",
        result="allowed",
        basis="regisseur",
    )
    with pytest.raises(AppendOnlyError):
        row.save()
    with pytest.raises(AppendOnlyError):
        AccessLogEntry.objects.filter(pk=row.pk).update(reason="x")
    with (
        pytest.raises(Exception, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("UPDATE core_accesslogentry SET reason = 'x' WHERE id = %s", [row.pk])


def test_the_database_allows_only_one_active_regisseur_per_client():
    first, second = make_staff(username="a"), make_staff(username="b")
    client = make_client(first)
    with pytest.raises(IntegrityError), transaction.atomic():
        Assignment.objects.create(client=client, regisseur=second, started_at=timezone.now())
    assert Assignment.objects.filter(client=client, ended_at__isnull=True).count() == 1


def test_reassignment_ends_the_old_one_and_tells_the_client():
    first = make_staff(username="a", first_name="Sanne", last_name="Bakker")
    second = make_staff(username="b", first_name="Ayse", last_name="Kaya")
    client = make_client(first)
    services.assign_regisseur(
        client=client, regisseur=second, actor=first, reason="Verhuisd naar Zuid"
    )
    active = Assignment.objects.get(client=client, ended_at__isnull=True)
    assert active.regisseur == second
    assert Assignment.objects.filter(client=client).count() == 2
    told = JournalEntry.objects.filter(client=client, kind="regisseur.assigned").first()
    assert told.visibility == Visibility.CLIENT_AND_STAFF
    assert "Ayse Kaya" in told.summary
    reason = JournalEntry.objects.get(client=client, kind="regisseur.reason")
    assert reason.visibility == Visibility.STAFF_ONLY


def test_assigning_the_same_regisseur_again_changes_nothing():
    first = make_staff(username="a")
    client = make_client(first)
    before = JournalEntry.objects.count()
    services.assign_regisseur(client=client, regisseur=first, actor=None, reason="")
    assert JournalEntry.objects.count() == before


def test_a_duplicate_client_number_or_bsn_is_refused_with_a_dutch_message():
    regisseur = make_staff(username="a")
    first = make_client(regisseur)
    with pytest.raises(DossierError, match="bestaat al"):
        make_client(regisseur, client_number=first.client_number)
    with pytest.raises(DossierError, match="al een dossier met dit BSN"):
        make_client(regisseur, bsn=first.bsn)


def test_on_postgresql_the_database_refuses_deleting_journal_entries(client_with_entry):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite keeps DELETE open for the test flush (docs/decisions/0005)")
    _, entry = client_with_entry
    with (
        pytest.raises(Exception, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("DELETE FROM dossiers_journalentry WHERE id = %s", [entry.pk])


def test_django_s_internal_manager_cannot_delete_entries_either(client_with_entry):
    with pytest.raises(AppendOnlyError):
        JournalEntry._base_manager.all().delete()
    with pytest.raises(AppendOnlyError):
        AccessLogEntry._base_manager.all().delete()
    assert JournalEntry.objects.exists()
