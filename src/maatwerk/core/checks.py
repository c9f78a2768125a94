"""System checks of the core app (run by `maatwerk check` and before `serve` and `migrate`)."""

from __future__ import annotations

from typing import Any

from django.core import checks
from django.utils import timezone

from maatwerk.core.rules.calendar import decree_file, decree_loaded


@checks.register()
def atw_decrees_loaded(**kwargs: Any) -> list[checks.CheckMessage]:
    """Algemene termijnenwet art. 3 lid 3: warn before terms run into a year without its decree."""
    this_year = timezone.localdate().year
    missing = [year for year in (this_year, this_year + 1) if not decree_loaded(year)]
    if not missing:
        return []
    years = ", ".join(str(year) for year in missing)
    return [
        checks.Warning(
            f"Voor {years} zijn de extra vrije dagen van de Algemene termijnenwet (art. 3 lid 3) "
            f"niet geladen in {decree_file()}. Termijnen die in dat jaar eindigen kunnen een "
            "dag te vroeg uitkomen.",
            hint=(
                "Zoek het Besluit gelijkstelling in de Staatscourant en laad het met "
                "`maatwerk calendar add-decree --title ... --staatscourant ... --years JJJJ-JJJJ "
                "--day JJJJ-MM-DD ...`."
            ),
            id="maatwerk.W001",
        )
    ]
