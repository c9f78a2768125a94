"""The role matrix: which role may do what in the staff workspace, declared once.

Every staff view names the capability it needs (`dossiers.web.staff_view(needs=...)`); menus and
start pages are drawn from the same table, so a link a role cannot follow is never shown.
`docs/roles.md` is this table rendered (`maatwerk roles`); a test keeps the two equal.

A capability opens a kind of page. Whether a staff member may read or change one client's
dossier is decided per client by `dossiers.access` (regisseur, deputy, team lead of the team, or a
stated reason), on top of the capability. Client-council members and researchers have no case
work and no client lookup of any kind: they work with anonymous or pseudonymised data only.
"""

from __future__ import annotations

from enum import StrEnum

from maatwerk.core.models import Role


class Capability(StrEnum):
    CASE_WORK = "case_work"
    HANDLE_CALLBACKS = "handle_callbacks"
    OPEN_DOSSIER = "open_dossier"
    FIND_IN_REGISTER = "find_in_register"
    WORK_INTAKE_QUEUE = "work_intake_queue"
    WORK_PRINT_QUEUE = "work_print_queue"
    REVIEW_SANCTIONS = "review_sanctions"
    LEAD_TEAM = "lead_team"
    KEEP_TEMPLATES = "keep_templates"
    CHECK_LETTER_TEXT = "check_letter_text"
    SEE_DASHBOARDS = "see_dashboards"
    SEE_ANALYSES = "see_analyses"
    EXPORT_RESEARCH = "export_research"
    SEE_CLIENT_SIGNALS = "see_client_signals"
    SEE_CONSULTATIONS = "see_consultations"
    FOLLOW_IMPROVEMENTS = "follow_improvements"
    CLEAN_FEEDBACK = "clean_feedback"
    LOG_IN = "log_in"


# What each capability means, in the words of the rendered table (docs/roles.md).
MEANING: dict[Capability, str] = {
    Capability.CASE_WORK: "own caseload and search in it, new documents, late promises, letters "
    "and messages that did not arrive",
    Capability.HANDLE_CALLBACKS: "callbacks: ask one for a caller, make them, choose the client "
    "of a queued one (with the intake queue)",
    Capability.OPEN_DOSSIER: "open a client's dossier pages (outside one's caseload only with a "
    "stated reason, logged and shown to the client)",
    Capability.FIND_IN_REGISTER: "find any client register-wide by name, birth date, postcode and "
    "house number or client number, with a stated purpose",
    Capability.WORK_INTAKE_QUEUE: "the intake queue of documents no regisseur could be found for",
    Capability.WORK_PRINT_QUEUE: "the print queue of letters that go by post",
    Capability.REVIEW_SANCTIONS: "review a sanction proposal as team lead or chosen colleague",
    Capability.LEAD_TEAM: "absences and deputies, access with a reason, another regisseur",
    Capability.KEEP_TEMPLATES: "plan templates and letter texts",
    Capability.CHECK_LETTER_TEXT: "the plain-language check while writing a text",
    Capability.SEE_DASHBOARDS: "the insight dashboards and their clients",
    Capability.SEE_ANALYSES: "the survival analyses (anonymous)",
    Capability.EXPORT_RESEARCH: "the pseudonymised research export",
    Capability.SEE_CLIENT_SIGNALS: "what clients say: anonymous feedback per group and theme",
    Capability.SEE_CONSULTATIONS: "consultations of the client council",
    Capability.FOLLOW_IMPROVEMENTS: "improvement actions",
    Capability.CLEAN_FEEDBACK: "remove identifying details from anonymous feedback",
    Capability.LOG_IN: "log in to the staff workspace",
}

_C = Capability
_EVERY_EMPLOYEE = frozenset({_C.LOG_IN})
_CASE_WORKER = frozenset(
    {_C.CASE_WORK, _C.HANDLE_CALLBACKS, _C.OPEN_DOSSIER, _C.REVIEW_SANCTIONS, _C.CHECK_LETTER_TEXT}
)

MATRIX: dict[str, frozenset[Capability]] = {
    Role.CONSULTANT: _EVERY_EMPLOYEE | _CASE_WORKER | {_C.FOLLOW_IMPROVEMENTS},
    Role.TEAM_LEAD: _EVERY_EMPLOYEE
    | _CASE_WORKER
    | {
        _C.FIND_IN_REGISTER,
        _C.WORK_INTAKE_QUEUE,
        _C.WORK_PRINT_QUEUE,
        _C.LEAD_TEAM,
        _C.KEEP_TEMPLATES,
        _C.SEE_DASHBOARDS,
        _C.SEE_ANALYSES,
        _C.SEE_CLIENT_SIGNALS,
        _C.SEE_CONSULTATIONS,
        _C.FOLLOW_IMPROVEMENTS,
        _C.CLEAN_FEEDBACK,
    },
    Role.INTAKE: _EVERY_EMPLOYEE
    | {
        _C.OPEN_DOSSIER,
        _C.HANDLE_CALLBACKS,
        _C.FIND_IN_REGISTER,
        _C.WORK_INTAKE_QUEUE,
        _C.WORK_PRINT_QUEUE,
        _C.FOLLOW_IMPROVEMENTS,
        _C.CLEAN_FEEDBACK,
    },
    Role.FUNCTIONAL_ADMIN: _EVERY_EMPLOYEE
    | {
        _C.OPEN_DOSSIER,
        _C.FIND_IN_REGISTER,
        _C.KEEP_TEMPLATES,
        _C.CHECK_LETTER_TEXT,
        _C.SEE_DASHBOARDS,
        _C.SEE_ANALYSES,
        _C.SEE_CLIENT_SIGNALS,
        _C.SEE_CONSULTATIONS,
        _C.FOLLOW_IMPROVEMENTS,
    },
    Role.COUNCIL_MEMBER: _EVERY_EMPLOYEE
    | {_C.SEE_CLIENT_SIGNALS, _C.SEE_CONSULTATIONS, _C.FOLLOW_IMPROVEMENTS},
    Role.RESEARCHER: _EVERY_EMPLOYEE | {_C.SEE_ANALYSES, _C.EXPORT_RESEARCH},
}

# Where each role starts after logging in: the first page of its own work (a URL name).
START_PAGE: dict[str, str] = {
    Role.CONSULTANT: "staff:caseload",
    Role.TEAM_LEAD: "staff:caseload",
    Role.INTAKE: "staff_docs:queue",
    Role.FUNCTIONAL_ADMIN: "staff_letters:templates",
    Role.COUNCIL_MEMBER: "staff_voice:signals",
    Role.RESEARCHER: "staff_insight:export",
}

# The workspace menu in order: (capability, URL name, label msgid). Shown when the role has it.
MENU: tuple[tuple[Capability, str, str], ...] = (
    (_C.CASE_WORK, "staff:caseload", "My caseload"),
    (_C.FIND_IN_REGISTER, "staff:find", "Find a client"),
    (_C.CASE_WORK, "staff_docs:inbox", "New documents"),
    (_C.HANDLE_CALLBACKS, "staff_contacts:callbacks", "Call back"),
    (_C.CASE_WORK, "staff_commit:escalations", "Promises too late"),
    (_C.REVIEW_SANCTIONS, "staff_sanctions:review_list", "Sanctions to review"),
    (_C.WORK_INTAKE_QUEUE, "staff_docs:queue", "Intake queue"),
    (_C.WORK_PRINT_QUEUE, "staff_letters:print_queue", "Print queue"),
    (_C.CLEAN_FEEDBACK, "staff_voice:review", "Feedback to clean"),
    (_C.SEE_DASHBOARDS, "staff_insight:dashboard", "Insight"),
    (_C.EXPORT_RESEARCH, "staff_insight:export", "Research"),
    (_C.SEE_ANALYSES, "staff_insight:analyses", "Analyses"),
    (_C.SEE_CLIENT_SIGNALS, "staff_voice:signals", "What clients say"),
    (_C.SEE_CONSULTATIONS, "staff_voice:consultations", "Consultations"),
    (_C.FOLLOW_IMPROVEMENTS, "staff_voice:actions", "Improvement actions"),
    (_C.KEEP_TEMPLATES, "staff_plans:templates", "Plan templates"),
    (_C.KEEP_TEMPLATES, "staff_letters:templates", "Letter texts"),
    (_C.LEAD_TEAM, "staff:absences", "Absence"),
    (_C.LEAD_TEAM, "staff:access_review", "Access with reason"),
)


def capabilities_of(role: str) -> frozenset[Capability]:
    """What a role may do; an unknown role (or a client) may do nothing in the workspace."""
    return MATRIX.get(role, frozenset())


def has(role: str, capability: Capability) -> bool:
    return capability in capabilities_of(role)


def roles_with(capability: Capability) -> frozenset[str]:
    return frozenset(role for role, caps in MATRIX.items() if capability in caps)


def as_markdown() -> str:
    """The matrix as the table in docs/roles.md: a capability a row, a role a column."""
    roles = list(MATRIX)
    header = "| capability | " + " | ".join(roles) + " |"
    rule = "|---|" + "---|" * len(roles)
    rows = [
        f"| `{cap.value}`: {MEANING[cap]} | "
        + " | ".join("✓" if cap in MATRIX[r] else "" for r in roles)
        + " |"
        for cap in Capability
    ]
    starts = "| start page | " + " | ".join(f"`{START_PAGE[r]}`" for r in roles) + " |"
    return "\n".join([header, rule, *rows, starts]) + "\n"
