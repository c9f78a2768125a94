"""Create the fictional demo municipality once; running it again changes nothing."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from digid_eherkenning.models.digid import MockDigidUser
from django.contrib.auth.models import User
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from maatwerk.commitments.demo import create_demo_commitments
from maatwerk.contacts.demo import create_demo_contacts
from maatwerk.core.models import Role, Team
from maatwerk.documents.demo import create_demo_documents
from maatwerk.dossiers.generate import StaffPlan, create_staff, generate_clients
from maatwerk.dossiers.models import Client
from maatwerk.dossiers.queries import regisseur_of
from maatwerk.dossiers.services import register_staff_absence
from maatwerk.insight.demo import create_demo_insight
from maatwerk.letters.demo import create_demo_letters
from maatwerk.plans.demo import create_demo_plans
from maatwerk.sanctions.demo import create_demo_sanctions
from maatwerk.voice.demo import create_demo_voice

DEMO_PASSWORD = "demo-maatwerk"
DEMO_TEAMS = ("Team Noord", "Team Zuid")
DEMO_STAFF = [
    StaffPlan("s.bakker", "Sanne", "Bakker", Role.CONSULTANT, "Team Noord"),
    StaffPlan("m.elamrani", "Mohamed", "El Amrani", Role.CONSULTANT, "Team Noord"),
    StaffPlan("l.devries", "Lotte", "de Vries", Role.CONSULTANT, "Team Noord"),
    StaffPlan("r.jansen", "Ruud", "Jansen", Role.CONSULTANT, "Team Noord"),
    StaffPlan("a.kaya", "Ayşe", "Kaya", Role.CONSULTANT, "Team Zuid"),
    StaffPlan("p.visser", "Pieter", "Visser", Role.CONSULTANT, "Team Zuid"),
    StaffPlan("n.mulder", "Nadia", "Mulder", Role.CONSULTANT, "Team Zuid"),
    StaffPlan("j.smit", "Jeroen", "Smit", Role.CONSULTANT, "Team Zuid"),
    StaffPlan("h.vandijk", "Hanneke", "van Dijk", Role.TEAM_LEAD, "Team Noord"),
    StaffPlan("t.dekker", "Thomas", "Dekker", Role.TEAM_LEAD, "Team Zuid"),
    StaffPlan("k.bos", "Kees", "Bos", Role.INTAKE, None),
    StaffPlan("f.demir", "Fatma", "Demir", Role.COUNCIL_MEMBER, None),
    StaffPlan("g.hendriks", "Gerard", "Hendriks", Role.COUNCIL_MEMBER, None),
    StaffPlan("e.peters", "Els", "Peters", Role.RESEARCHER, None),
]
DEMO_CLIENTS = 200
DEMO_DIGID_PEOPLE = 6


class Command(BaseCommand):
    help = "Create the demo municipality Lindenburg (once) and print the demo logins."

    def handle(self, *args: Any, **options: Any) -> None:
        if Team.objects.filter(name=DEMO_TEAMS[0]).exists():
            self.stdout.write("De demogemeente bestaat al; er is niets veranderd.")
        else:
            self._create()
        self._print_logins()

    @transaction.atomic
    def _create(self) -> None:
        now = timezone.now()
        users = create_staff(DEMO_STAFF, DEMO_PASSWORD)
        Team.objects.get_or_create(name=DEMO_TEAMS[1])
        consultants = list(
            User.objects.filter(staff__role=Role.CONSULTANT).select_related("staff__team")
        )
        generate_clients(
            count=DEMO_CLIENTS,
            consultants=consultants,
            now=now,
            history_days=365,
            entries_per_client=14,
            seed=2026,
            city="Lindenburg",
            postcode_prefix=3900,
        )
        # One consultant is on leave, so the demo shows a deputy at work.
        register_staff_absence(
            staff=users["r.jansen"],
            deputy=users["s.bakker"],
            starts_at=now - timedelta(days=2),
            ends_at=now + timedelta(days=12),
            reason="Verlof",
        )
        for client in Client.objects.order_by("client_number")[:DEMO_DIGID_PEOPLE]:
            MockDigidUser.objects.create(name=client.full_name[:50], bsn=client.bsn)
        # Letters for clients of s.bakker (and the colleague she deputises for), and two unclear.
        mine = Client.objects.filter(
            assignments__regisseur__username__in=["s.bakker", "r.jansen"],
            assignments__ended_at__isnull=True,
        ).order_by("client_number")
        create_demo_documents(list(mine[:8]))
        # Promises of both sides; the first DigiD person waits too long for a decision.
        people = list(Client.objects.order_by("client_number")[:DEMO_DIGID_PEOPLE])
        create_demo_commitments(people + [c for c in mine[:6] if c not in people])
        # Plan templates; the third person has a year of plan history, the fourth a new
        # version waiting for their answer. The others have no plan yet: start one with them.
        create_demo_plans(users["h.vandijk"], with_history=people[2], waiting=people[3])
        # Contact history, callbacks in every state, a report, appointments.
        create_demo_contacts(people)
        # Letters: one reader needs plain language and reads English, one gets post, one a call.
        create_demo_letters(people)
        # A holiday that stops a sanction, a client being heard, and a decided sanction.
        create_demo_sanctions(people)
        # A year of anonymous feedback and surveys, a consultation, improvement actions.
        create_demo_voice()
        # Plans, first contacts and outflow for every other client, with true effects to find.
        create_demo_insight()
        self.stdout.write(f"De demogemeente Lindenburg is gemaakt met {DEMO_CLIENTS} cliënten.")

    def _print_logins(self) -> None:
        w = self.stdout.write
        w("")
        w("Werkplek voor medewerkers: http://127.0.0.1:8000/werk/")
        w(f"  wachtwoord voor alle medewerkers: {DEMO_PASSWORD}")
        for plan in DEMO_STAFF:
            w(
                f"  {plan.username:<12} {plan.first_name} {plan.last_name} ({Role(plan.role).label}"
                f"{', ' + plan.team if plan.team else ''})"
            )
        w("")
        w("Mijn Maatwerk voor cliënten: http://127.0.0.1:8000/mijn/")
        w("  Klik op 'Inloggen met DigiD', kies 'Met uw burgerservicenummer' en kies een persoon:")
        for person in MockDigidUser.objects.order_by("id")[:DEMO_DIGID_PEOPLE]:
            w(f"  {person.name}")
        first = Client.objects.order_by("client_number").first()
        if first is not None:
            w("")
            regisseur = regisseur_of(first, timezone.now())
            login = f" ({regisseur.username})" if regisseur else ""
            w(f"  {first.full_name} wacht te lang op een besluit: bij 'Mijn aanvragen' kan")
            w(f"  een ingebrekestelling worden gestuurd. De regisseur{login} ziet bij")
            w("  'Beloftes te laat' wat de gemeente niet op tijd deed.")
        people = list(Client.objects.order_by("client_number")[:DEMO_DIGID_PEOPLE])
        if len(people) >= 4:
            w(f"  {people[2].full_name} heeft een plan met een jaar geschiedenis en de ladder;")
            w(f"  {people[3].full_name} heeft een nieuwe versie van het plan om te beantwoorden.")
            w("  Bij de anderen kan de regisseur een eerste plan maken (sjablonen staan klaar).")
            w("  Elke persoon heeft terugbelverzoeken (gedaan, gepland, of te laat en doorgezet),")
            w("  een gespreksverslag en een afspraak; zie 'Terugbellen' in de werkplek.")
        if len(people) >= 6:
            reader = regisseur_of(people[4], timezone.now())
            login = f" ({reader.username})" if reader else ""
            w(f"  {people[4].full_name} heeft eenvoudige taal nodig en leest Engels: zie")
            w(f"  'Mijn brieven'. De regisseur{login} schrijft een nieuwe brief bij 'Brieven'")
            w("  in het dossier. Brieven per post staan in de 'Printwachtrij' (intake).")
            w("  Intake (k.bos) vindt elke cliënt bij 'Cliënt zoeken', ook in een ander schrift.")
            w(f"  {people[3].full_name} meldde een vakantie; de voorgestelde maatregel voor een")
            w("  afspraak in die vakantie is gestopt ('Maatregelen om te beoordelen', h.vandijk")
            w(f"  of t.dekker). {people[0].full_name} kan bij 'Maatregelen' zijn kant vertellen;")
            w(f"  {people[5].full_name} kreeg een besluit en kan bezwaar maken.")
        w("")
        w("Anoniem iets vertellen (zonder inloggen): http://127.0.0.1:8000/stem/")
        w("  De cliëntenraad (f.demir, g.hendriks) ziet bij 'Wat cliënten zeggen' de reacties,")
        w("  alleen waar minstens 5 mensen iets zeiden, en volgt de verbeteracties.")
        w("  Openbare lijst van verbeteracties: http://127.0.0.1:8000/verbeteracties/")
        w("")
        w("Inzicht: teamleiders (h.vandijk, t.dekker) zien bij 'Inzicht' welke beloftes hun team")
        w("  nakomt en klikken door naar de cliënten; e.peters (onderzoeker) maakt bij 'Onderzoek'")
        w("  een veilige export en ziet welke factoren samengaan met sneller werk.")
