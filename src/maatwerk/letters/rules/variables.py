"""Variables in letter templates: `{{ name }}`, only those the purpose allows. Pure."""

from __future__ import annotations

import re

VARIABLE = re.compile(r"{{\s*([a-z_]+)\s*}}")
COMMON = {"naam", "regisseur", "datum"}

ALLOWED: dict[str, set[str]] = {
    "appointment_invitation": COMMON | {"tijd", "plaats", "onderwerp"},
    "reminder": COMMON | {"tijd", "plaats", "onderwerp"},
    "document_request": COMMON | {"documenten", "uiterlijk"},
    "receipt": COMMON | {"nummer", "wat"},
    "application_decision": COMMON | {"aanvraag", "besluit", "uitleg"},
    "extension_notice": COMMON | {"aanvraag", "nieuwe_datum", "reden"},
    "notice_receipt": COMMON | {"aanvraag", "eerste_dag", "nummer"},
    "penalty_decision": COMMON | {"aanvraag", "bedrag", "dagen"},
    "sanction_intention": COMMON | {"verplichting", "feiten", "gesprek"},
    "sanction_decision": COMMON | {"verplichting", "besluit", "uitleg"},
    "plan": COMMON | {"versie"},
    "report_notification": COMMON | {"gesprek"},
}


def variables_in(text: str) -> list[str]:
    return list(dict.fromkeys(VARIABLE.findall(text)))


def unknown_variables(text: str, purpose: str) -> list[str]:
    allowed = ALLOWED.get(purpose, COMMON)
    return [name for name in variables_in(text) if name not in allowed]


def fill(text: str, values: dict[str, str]) -> str:
    """Put the values in; a variable without a value stays visible, so nothing is hidden."""
    return VARIABLE.sub(lambda m: values.get(m.group(1), m.group(0)), text)
