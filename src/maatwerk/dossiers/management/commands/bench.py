"""`maatwerk bench generate`: a large fictional municipality for the benchmarks in bench/."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from tqdm import tqdm

from maatwerk.core.models import Role
from maatwerk.dossiers.generate import StaffPlan, create_staff, generate_clients
from maatwerk.dossiers.models import Client

BENCH_PASSWORD = "bench-maatwerk"
CONSULTANTS_PER_TEAM = 18


class Command(BaseCommand):
    help = "Benchmark data. `bench generate --clients N` builds a municipality of N clients."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        gen = sub.add_parser("generate", help="Generate staff, clients and years of journal.")
        gen.add_argument("--clients", type=int, default=40_000)
        gen.add_argument("--staff", type=int, default=None, help="default: clients / 100")
        gen.add_argument("--years", type=int, default=3)
        gen.add_argument("--entries", type=int, default=50, help="journal entries per client")
        gen.add_argument("--seed", type=int, default=40)

    def handle(self, *args: Any, **options: Any) -> None:
        if Client.objects.exists():
            raise CommandError(
                "This database already has clients. Use an empty database for benchmark data."
            )
        count: int = options["clients"]
        staff = options["staff"] or max(count // 100, 10)
        create_staff(_staff_plans(staff), BENCH_PASSWORD)
        consultants = list(
            User.objects.filter(staff__role=Role.CONSULTANT).select_related("staff__team")
        )
        with tqdm(total=count, unit="client", desc="clients", file=self.stderr) as bar:
            generate_clients(
                count=count,
                consultants=consultants,
                now=timezone.now(),
                history_days=365 * options["years"],
                entries_per_client=options["entries"],
                seed=options["seed"],
                city="Grootstad",
                postcode_prefix=1000,
                progress=bar.update,
                batch_size=1000,
            )
        self.stdout.write(f"{count} clients, {staff} staff, {options['entries']} entries each.")


def _staff_plans(total: int) -> list[StaffPlan]:
    """Teams of 18 consultants and a team lead, plus one intake employee per team."""
    plans: list[StaffPlan] = []
    team = 0
    while len(plans) < total:
        team += 1
        name = f"Team {team:02d}"
        plans.append(StaffPlan(f"lead{team:02d}", "Team", f"Leider {team}", Role.TEAM_LEAD, name))
        plans.append(StaffPlan(f"intake{team:02d}", "Intake", f"Team {team}", Role.INTAKE, name))
        for i in range(CONSULTANTS_PER_TEAM):
            plans.append(
                StaffPlan(f"c{team:02d}{i:02d}", "Consulent", f"{team}-{i}", Role.CONSULTANT, name)
            )
    return plans[:total]
