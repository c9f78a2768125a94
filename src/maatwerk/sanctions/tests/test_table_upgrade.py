"""Tables from before the checks of issue 18, open proposals counted again, and the
deliver-by day of the information-duty path (Pw art. 17 lid 1, 18 lid 2, 54 lid 1)."""

import importlib
import json
from datetime import date, timedelta

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import timezone

from maatwerk.dossiers.models import JournalEntry
from maatwerk.sanctions import information, objections, proposals
from maatwerk.sanctions.errors import SanctionError
from maatwerk.sanctions.models import (
    Category,
    MissingInformation,
    Proposal,
    ProposalStatus,
    SanctionRule,
    SanctionTable,
)
from maatwerk.sanctions.rules.repeats import months_later
from maatwerk.sanctions.tests.test_objections import GROUNDS, _decided
from maatwerk.sanctions.tests.test_proposals import _people, _propose

pytestmark = pytest.mark.django_db

upgrade = importlib.import_module("maatwerk.sanctions.migrations.0005_align_shipped_demo_table")
SHIPPED = json.loads(proposals.SHIPPED_TABLE.read_text(encoding="utf-8"))


def _old_demo_table(name=upgrade.NAME, source=upgrade.OLD_SOURCE):
    """The first shipped demo table, as migration 0003 left it (articles filled in)."""
    table = SanctionTable.objects.create(name=name, starts_on=date(2026, 1, 1), source=source)
    for code, article, percentage, repeat_percentage in (
        ("afspraak", "Pw art. 17 lid 2", 20, 40),
        ("inlichtingen-medewerking", "Pw art. 17 lid 1", 20, 40),
        ("plan-van-aanpak", "Pw art. 44a", 30, 60),
        ("arbeid-aanvaarden", "Pw art. 18 lid 4 onder a", 100, 100),
        ("inschrijving-uwv", "Pw art. 9 lid 1 onder a", 100, 100),
    ):
        SanctionRule.objects.create(
            table=table, code=code, label=f"Oud: {code}", category=Category.OTHER,
            percentage=percentage, months=1, repeat_percentage=repeat_percentage,
            repeat_months=1, article=article, uniform=article.startswith("Pw art. 18 lid 4 "),
        )  # fmt: skip
    return table


FIELDS = ("label", "article", "ordinance_article", "category", "percentage", "months")
FIELDS += ("repeat_percentage", "repeat_months")


def _rows(table):
    return {r.code: tuple(getattr(r, name) for name in FIELDS) for r in table.rules.all()}


def _shipped_rows():
    return {r["code"]: tuple(r[name] for name in FIELDS) for r in SHIPPED["rules"]}


# Migration 0005: the shipped demo table in an existing database --------------------------------


def test_the_migration_copy_is_the_shipped_table():
    """The migration carries a frozen copy; when table.json changes with the same start date,
    existing databases need a new migration (ensure_table loads it only into an empty one)."""
    assert (upgrade.NAME, upgrade.STARTS_ON.isoformat(), upgrade.SOURCE) == (
        SHIPPED["name"], SHIPPED["starts_on"], SHIPPED["source"],
    )  # fmt: skip
    assert SHIPPED["rules"] == upgrade.RULES


def test_the_old_demo_table_gets_the_shipped_rows_and_loses_the_information_duty_row():
    table = _old_demo_table()
    upgrade.align_demo_table(apps, None)
    table.refresh_from_db()
    assert _rows(table) == _shipped_rows()
    assert table.source == SHIPPED["source"]
    assert table.rules.get(code="arbeid-aanvaarden").uniform
    assert not table.rules.get(code="inschrijving-uwv").uniform
    upgrade.align_demo_table(apps, None)  # running it twice changes nothing
    assert _rows(table) == _shipped_rows()


def test_an_information_duty_row_a_proposal_refers_to_stays_and_is_refused():
    table = _old_demo_table()
    person, regisseur, _lead = _people()
    made = _propose(person, regisseur)
    kept = table.rules.get(code="inlichtingen-medewerking")
    Proposal.objects.filter(pk=made.pk).update(rule=kept)  # proposed before the check existed
    upgrade.align_demo_table(apps, None)
    assert table.rules.filter(code="inlichtingen-medewerking").exists()
    with pytest.raises(SanctionError, match="Gegevens ontbreken: bijstand opschorten"):
        proposals.rule_for("inlichtingen-medewerking", timezone.localdate())
    made.refresh_from_db()
    with pytest.raises(SanctionError, match="inlichtingenplicht"):
        proposals.start_hearing(proposal=made, actor=regisseur)


def test_a_municipality_s_own_table_is_never_rewritten():
    own = _old_demo_table(name="Afstemmingsverordening Lindenburg 2026", source="Eigen tabel")
    before = _rows(own)
    upgrade.align_demo_table(apps, None)
    assert _rows(own) == before
    with pytest.raises(SanctionError, match="inlichtingenplicht"):
        proposals.rule_for("inlichtingen-medewerking", timezone.localdate())


def test_the_proposal_form_does_not_offer_an_information_duty_row(client):
    _old_demo_table(name="Oude tabel", source="")
    person, regisseur, _lead = _people()
    client.force_login(regisseur)
    page = client.get(reverse("staff_sanctions:proposals", args=[person.public_id]))
    text = page.content.decode()
    assert 'value="afspraak"' in text
    assert 'value="inlichtingen-medewerking"' not in text


# An open proposal is counted again -----------------------------------------------------------


def test_an_upheld_objection_recounts_open_proposals_at_once_and_says_so():
    earlier, person, regisseur, other = _decided(sent_days_ago=10)
    later = _propose(person, regisseur, days_ago=2)
    assert (later.breach, later.repeat) == (2, True)
    objection = objections.object_to(
        proposal=earlier, grounds=GROUNDS, actor=person.user, channel="portal"
    )
    objections.decide_objection(
        objection=objection, outcome="upheld", reason="De cliënt was aantoonbaar ziek.", actor=other
    )
    later.refresh_from_db()
    assert (later.breach, later.repeat) == (1, False)
    assert list(later.earlier.all()) == []
    note = JournalEntry.objects.get(client=person, kind="sanction.recounted")
    assert "opnieuw berekend" in note.summary and "eerste keer" in note.summary


def test_a_rejected_objection_changes_no_open_proposal():
    earlier, person, regisseur, other = _decided(sent_days_ago=10)
    later = _propose(person, regisseur, days_ago=2)
    objection = objections.object_to(
        proposal=earlier, grounds=GROUNDS, actor=person.user, channel="portal"
    )
    objections.decide_objection(
        objection=objection, outcome="rejected", reason="De cliënt belde niet af.", actor=other
    )
    later.refresh_from_db()
    assert (later.breach, later.repeat) == (2, True)
    assert not JournalEntry.objects.filter(client=person, kind="sanction.recounted").exists()


def test_higher_terms_after_the_hearing_mean_the_client_is_heard_again():
    person, regisseur, lead = _people()
    made = _propose(person, regisseur)
    proposals.start_hearing(proposal=made, actor=regisseur)
    proposals.respond(proposal=made, text="Ik was ziek.", channel="portal", actor=person.user)
    SanctionRule.objects.filter(pk=made.rule_id).update(percentage=made.percentage + 10)
    made.refresh_from_db()
    proposals.recheck(made)
    made.refresh_from_db()
    assert made.status == ProposalStatus.READY
    assert made.percentage == made.rule.percentage
    with pytest.raises(SanctionError, match="nog niet gehoord"):
        proposals.decide(proposal=made, actor=lead, decision="approved", reason="Tabel gevolgd.")


# The deliver-by day --------------------------------------------------------------------------


def test_the_deliver_by_day_is_at_most_three_months_ahead():
    person, regisseur, _lead = _people()
    today = timezone.localdate()
    latest = months_later(today, 3)
    with pytest.raises(SanctionError, match="binnen drie maanden"):
        information.start(
            client=person, what="Loonstroken", due_on=latest + timedelta(days=1), actor=regisseur
        )
    missing = information.start(client=person, what="Loonstroken", due_on=latest, actor=regisseur)
    assert missing.due_on == latest


def test_the_page_shows_the_message_for_a_far_deliver_by_day(client):
    person, regisseur, _lead = _people()
    client.force_login(regisseur)
    url = reverse("staff_sanctions:proposals", args=[person.public_id])
    page = client.post(
        url,
        {"action": "missing_start", "missing-what": "Huurcontract", "missing-due_on": "9999-12-31"},
    ).content.decode()
    assert "binnen drie maanden" in page
    assert not MissingInformation.objects.filter(client=person).exists()
