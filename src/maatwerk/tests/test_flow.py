"""The business flow as a whole (maatwerk/flow.py): a bulk write leaves the dashboards' daily
tallies and the evidence checks of open sanction proposals exactly as writing one by one
(or `insight rebuild`) would, and no model signal carries business flow any more.

These tests commit for real as far as the followers can tell: what a follower asks to do after
the commit runs when each `committed()` block ends.
"""

import ast
import io
from datetime import datetime, time, timedelta
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

import maatwerk
from maatwerk.commitments import services as commitment_services
from maatwerk.commitments.escalation import escalate
from maatwerk.commitments.models import Evidence, Origin, Party
from maatwerk.core.models import Role
from maatwerk.dossiers import journal
from maatwerk.dossiers.importer import import_clients
from maatwerk.dossiers.models import Client
from maatwerk.dossiers.tests.factories import TeamFactory, make_client, make_staff
from maatwerk.insight import aggregates
from maatwerk.insight.models import DayTally
from maatwerk.sanctions import proposals
from maatwerk.sanctions.models import Proposal

pytestmark = pytest.mark.django_db

FACTS = "De cliënt kwam niet naar het gesprek van die dag en belde niet af."


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """A block whose after-commit work runs when it ends, as after a real commit."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def _moment(days_ago, hour=12):
    day = timezone.localdate() - timedelta(days=days_ago)
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _tallies():
    return {(t.measure, t.day, t.kind, t.team_id, t.total, t.hits) for t in DayTally.objects.all()}


def _assert_tallies_as_rebuilt():
    kept = _tallies()
    aggregates.rebuild()
    assert kept == _tallies()


def _checks():
    return {p.pk: (p.status, p.findings) for p in Proposal.objects.order_by("pk")}


def _assert_checks_as_one_by_one():
    """Each open proposal as the evidence check says now (what a recheck after every single
    change would have left)."""
    kept = _checks()
    for proposal in Proposal.objects.filter(status__in=proposals.OPEN_STATUSES):
        proposals.recheck(proposal)
    assert kept == _checks()


def _promise(person, regisseur, days_ago, *, kept):
    made = commitment_services.promise(
        client=person, party=Party.MUNICIPALITY, description="Wij bellen u terug",
        due_at=_moment(days_ago), origin=Origin.CALLBACK, actor=regisseur, allow_past=True,
    )  # fmt: skip
    if kept:
        commitment_services.fulfil(
            commitment=made, evidence=Evidence.CONTACT, actor=regisseur,
            moment=_moment(days_ago, 10),
        )  # fmt: skip
    return made


def test_the_escalation_run_leaves_tallies_and_sanction_checks_as_one_by_one(committed):
    regisseur = make_staff()
    make_staff(role=Role.TEAM_LEAD, team=regisseur.staff.team)
    people = [make_client(regisseur) for _ in range(3)]
    with committed():
        for n, person in enumerate(people):
            _promise(person, regisseur, 4 + n, kept=False)  # past due, not yet marked overdue
            _promise(person, regisseur, 10 + n, kept=True)
        proposal = proposals.propose(
            client=people[0], code="afspraak", event_date=timezone.localdate() - timedelta(days=1),
            facts=FACTS, actor=regisseur,
        )  # fmt: skip
    assert not any(f["kind"] == "municipal_miss" for f in proposal.findings)

    with committed():
        run = escalate()
    assert run.overdue == 3

    proposal.refresh_from_db()
    misses = [f for f in proposal.findings if f["kind"] == "municipal_miss"]
    assert len(misses) == 1, "the open proposal was not checked again after the run"
    _assert_checks_as_one_by_one()
    _assert_tallies_as_rebuilt()


def _import_file(tmp_path, rows):
    header = "klantnummer;bsn;achternaam;voornamen;geboortedatum;straat;huisnummer;postcode;woonplaats;email;telefoon;taal;regisseur;doelgroepen"
    path = tmp_path / "clients.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def test_a_client_import_leaves_tallies_and_sanction_checks_as_one_by_one(committed, tmp_path):
    north, south = TeamFactory(name="Team Noord"), TeamFactory(name="Team Zuid")
    bakker = make_staff(username="s.bakker", team=north)
    make_staff(username="a.kaya", team=south)
    row = "K100;111222333;Yılmaz;Ayşe;1985-03-02;Kerkstraat;12;3901 AB;Lindenburg;ayse@example.org;06-11112222;tr;s.bakker;bijstand"
    with committed():
        import_clients(_import_file(tmp_path, [row]))
        ayse = Client.objects.get(client_number="K100")
        for n in range(3):
            _promise(ayse, bakker, 5 + n, kept=n > 0)
        proposal = proposals.propose(
            client=ayse, code="afspraak", event_date=timezone.localdate() - timedelta(days=2),
            facts=FACTS, actor=bakker,
        )  # fmt: skip
    checked = proposal.checked_at
    promises = {t[3] for t in _tallies() if t[0] == "promise"}
    assert promises == {north.pk}

    moved = row.replace("Kerkstraat;12", "Stationsplein;1").replace("s.bakker", "a.kaya")
    new = (
        "K101;123456782;de Vries;Jan;17-05-1972;Molenweg;3a;3902KL;Lindenburg;;;nl;a.kaya;bijstand"
    )
    with committed():
        report = import_clients(_import_file(tmp_path, [moved, new]))
    assert (report.created, report.updated) == (1, 1)

    assert {t[3] for t in _tallies() if t[0] == "promise"} == {south.pk}, "the tallies did not move"
    proposal.refresh_from_db()
    assert proposal.checked_at > checked, "the changed dossier was not checked again"
    _assert_checks_as_one_by_one()
    _assert_tallies_as_rebuilt()


def test_the_demo_and_its_generator_leave_tallies_and_sanction_checks_as_one_by_one(committed):
    with committed():
        call_command("demo", stdout=io.StringIO())
    assert DayTally.objects.filter(measure="first_step").exists()
    assert DayTally.objects.filter(measure="ladder").exists()
    assert Proposal.objects.filter(status__in=proposals.OPEN_STATUSES).exists()
    _assert_checks_as_one_by_one()
    _assert_tallies_as_rebuilt()


def test_the_insight_demo_history_leaves_tallies_and_sanction_checks_as_one_by_one(committed):
    """Plans, first contacts, ladder and outflow written with past dates for clients of whom
    some have an open proposal: published and journaled, the checks and tallies follow."""
    from maatwerk.insight.demo import create_demo_insight

    regisseur = make_staff()
    with committed():
        people = [make_client(regisseur) for _ in range(8)]
        for person in people:
            proposals.propose(
                client=person, code="afspraak", facts=FACTS, actor=regisseur,
                event_date=timezone.localdate() - timedelta(days=1),
            )  # fmt: skip
    assert not any(f["kind"] == "obstacle" for p in Proposal.objects.all() for f in p.findings)

    with committed():
        assert create_demo_insight() == len(people)

    obstacles = [f for p in Proposal.objects.all() for f in p.findings if f["kind"] == "obstacle"]
    assert obstacles, "the open proposals were not checked again after the plans were made"
    assert DayTally.objects.filter(measure="first_step").exists()
    _assert_checks_as_one_by_one()
    _assert_tallies_as_rebuilt()


def test_the_generator_publishes_the_regisseur_and_journal_of_every_client_it_makes(monkeypatch):
    from maatwerk.core import events
    from maatwerk.dossiers.events import JournalWritten, RegisseurAssigned
    from maatwerk.dossiers.generate import generate_clients

    heard = []
    table = {RegisseurAssigned: [heard.extend], JournalWritten: [heard.extend]}
    monkeypatch.setattr(events, "followers", lambda: table)
    regisseur = make_staff()
    generate_clients(
        count=7, consultants=[regisseur], now=timezone.now(), history_days=60,
        entries_per_client=4, seed=1, city="Lindenburg", postcode_prefix=3900, batch_size=3,
    )  # fmt: skip
    clients = set(Client.objects.values_list("pk", flat=True))
    assigned = [e.client_id for e in heard if isinstance(e, RegisseurAssigned)]
    written = [e.client_id for e in heard if isinstance(e, JournalWritten)]
    assert sorted(assigned) == sorted(clients)
    assert len(written) == 7 * 4 and set(written) == clients


def test_journal_entries_written_together_are_checked_in_one_query(django_assert_num_queries):
    regisseur = make_staff()
    people = [make_client(regisseur) for _ in range(3)]
    entries = [
        journal.entry(client=person, kind="note.staff", summary="Werknotitie")
        for person in people
        for _ in range(2)
    ]
    with django_assert_num_queries(2):  # the insert, and the open proposals of all three
        journal.record_many(entries)
    with django_assert_num_queries(1):  # a proposal's own entries are not checked again
        journal.record_many(
            [journal.entry(client=people[0], kind="sanction.proposed", summary="Voorstel")]
        )


# Business flow goes through maatwerk/flow.py. A receiver is only for infrastructure (a
# database connection set-up, say), named here with the reason.
ALLOWED_RECEIVERS: dict[str, str] = {}
SIGNAL_MODULES = {"django.dispatch", "django.db.models.signals", "django.core.signals"}


def receivers_in(source: str) -> list[str]:
    """Every signal import, `@receiver` and `.connect(...)` call in a module's source."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module in SIGNAL_MODULES:
            found.append(f"line {node.lineno}: from {node.module} import ...")
        elif isinstance(node, ast.Import) and any(a.name in SIGNAL_MODULES for a in node.names):
            found.append(f"line {node.lineno}: import of a signal module")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            if node.func.attr == "connect":
                found.append(f"line {node.lineno}: .connect(...)")
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            found.extend(
                f"line {d.lineno}: @receiver" for d in node.decorator_list if _is_receiver(d)
            )
    return found


def _is_receiver(decorator: ast.expr) -> bool:
    target = decorator.func if isinstance(decorator, ast.Call) else decorator
    name = target.attr if isinstance(target, ast.Attribute) else getattr(target, "id", "")
    return name == "receiver"


def test_the_scan_finds_a_receiver_written_in_any_of_the_usual_ways():
    assert receivers_in("from django.db.models.signals import post_save")
    assert receivers_in("import django.dispatch")
    assert receivers_in("post_save.connect(recount, sender=Letter)")
    assert receivers_in("@receiver(post_save)\ndef f(**kwargs): pass")
    assert not receivers_in("events.publish(LetterSent(letter_id=1, client_id=2, sent_at=now))")


def test_no_signal_receiver_carries_business_flow_in_the_application():
    root = Path(maatwerk.__file__).parent
    found = {}
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root).as_posix()
        if "/tests/" in f"/{relative}" or "/migrations/" in f"/{relative}":
            continue
        if relative in ALLOWED_RECEIVERS:
            continue
        hits = receivers_in(path.read_text(encoding="utf-8"))
        if hits:
            found[relative] = hits
    assert found == {}, "publish a domain event and list its follower in maatwerk/flow.py"
