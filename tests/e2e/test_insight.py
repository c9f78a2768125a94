"""What works, in the browser (axe on every page): a team lead sees which promises the team
keeps and clicks through to the clients behind a number; a researcher exports a safe extract
and sees which factors go with faster outflow to work."""

import re
from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone

from maatwerk.commitments import services as commitment_services
from maatwerk.commitments.models import Evidence, Origin, Party
from maatwerk.core.models import Role
from maatwerk.dossiers.tests.factories import TeamFactory, make_client, make_staff
from maatwerk.insight.rules import survival
from tests.e2e.conftest import assert_accessible, staff_login

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _late_callback(client, regisseur, days_ago, late):
    due = timezone.make_aware(
        datetime.combine(timezone.localdate() - timedelta(days=days_ago), time(12))
    )
    made = commitment_services.promise(
        client=client, party=Party.MUNICIPALITY, description="Wij bellen u terug", due_at=due,
        origin=Origin.CALLBACK, actor=regisseur, allow_past=True,
    )  # fmt: skip
    commitment_services.fulfil(
        commitment=made, evidence=Evidence.CONTACT, actor=regisseur,
        moment=due + (timedelta(days=2) if late else timedelta(hours=-2)),
    )  # fmt: skip


def test_a_team_lead_sees_the_promises_kept_and_the_clients_behind_them(page, live_server):
    team = TeamFactory(name="Team Noord")
    make_staff(
        username="lead", role=Role.TEAM_LEAD, team=team, first_name="Hanna", last_name="de Vries"
    )
    regisseur = make_staff(username="reg", team=team, first_name="Sanne", last_name="Bakker")
    people = [
        make_client(regisseur, given_names=f"Kees{n}", family_name="Jansen") for n in range(8)
    ]
    for n, person in enumerate(people):
        _late_callback(person, regisseur, 5 + n, late=n < 3)
    staff_login(page, live_server, "lead")
    page.get_by_role("link", name="Inzicht").click()
    page.get_by_role("heading", name="Inzicht: wat wij doen voor cliënten").wait_for()
    assert_accessible(page)
    page.get_by_role("link", name=re.compile(r"^grafiek.*Op tijd teruggebeld$")).click()
    page.locator("svg[role=img]").first.wait_for()
    assert "62.5" in page.content() and "Sanne Bakker" in page.content()
    assert_accessible(page)
    page.get_by_role("link", name=re.compile(r"^cliënten.*Op tijd teruggebeld$")).click()
    page.get_by_role(
        "heading", name="Op tijd teruggebeld: de cliënten achter het cijfer"
    ).wait_for()
    for person in people[:3]:
        assert person.full_name in page.content()
    assert people[5].full_name not in page.content()
    assert_accessible(page)
    page.get_by_role("link", name=people[0].full_name).click()
    page.get_by_role("link", name="Wat werkt voor deze cliënt").click()
    page.get_by_text("0 van 1 op tijd nagekomen").wait_for()
    assert_accessible(page)
    # The client found work: the lead records the outflow that the figures count.
    page.go_back()
    page.get_by_role("link", name="Uitkering stopt of gaat weer in").click()
    page.get_by_role("heading", name=f"De uitkering van {people[0].full_name} stopt").wait_for()
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("Kies waarom de uitkering stopt.").wait_for()
    assert_accessible(page)
    page.get_by_label("Laatste dag van de uitkering").fill(timezone.localdate().isoformat())
    page.get_by_label("Waarom de uitkering stopt").select_option("work")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("Bewaard. De cliënt ziet dit in Mijn Maatwerk.").wait_for()
    assert people[0].outflows.get().reason == "work"


def test_a_researcher_exports_safely_and_sees_what_goes_with_faster_work(
    page, live_server, monkeypatch
):
    from maatwerk.insight import analysis

    make_staff(username="onderzoek", role=Role.RESEARCHER, first_name="Els", last_name="Peters")
    regisseur = make_staff()
    for n in range(12):
        make_client(regisseur, given_names=f"Anna{n}", family_name="de Boer", postcode="3901 AB")
    people = survival.synthetic(400, 1, {"provision_training": 2.0, "obstacle_health": 0.5})
    table = [
        {**{f"obstacle_{k}": 0 for k in analysis.research.OBSTACLES},
         **{f"provision_{k}": 0 for k in analysis.research.PROVISIONS},
         "obstacle_health": int(p.factors["obstacle_health"]), "provision_training": int(p.factors["provision_training"]),
         "contacts_per_month": 1.0, "first_contact_in_person": int(p.factors["first_contact_in_person"]),
         "plain_letters_share": p.factors["plain_letters"], "callbacks_on_time_share": None,
         "days": p.days, "work": int(p.work), "template": p.groups["template"]}
        for p in people
    ]  # fmt: skip
    monkeypatch.setattr(analysis.research, "rows", lambda today=None: table)
    staff_login(page, live_server, "onderzoek", lands_on="Export voor onderzoek")
    page.get_by_role("link", name="Onderzoek").click()
    page.get_by_role("heading", name="Export voor onderzoek").wait_for()
    assert_accessible(page)
    page.get_by_role("button", name="Exporteren (CSV, Parquet en codeboek in een zip)").click()
    page.get_by_text("Schrijf het doel van de export").wait_for()
    assert_accessible(page)
    page.get_by_role("link", name="Bekijk de analyses").click()
    page.get_by_role("heading", name="Wat samengaat met sneller werk").wait_for()
    assert "Samenhang is geen oorzaak" in page.content()
    assert "voorziening: training" in page.content()
    assert_accessible(page)
