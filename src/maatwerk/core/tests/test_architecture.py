"""The doors between apps: no view imports another view module, no app imports another app's
private names, and the role matrix in docs/roles.md is the one in the code."""

import ast
from pathlib import Path

from maatwerk.core import roles

SRC = Path(__file__).resolve().parents[2]
ROOT = SRC.parents[1]


def _modules():
    for path in sorted(SRC.rglob("*.py")):
        parts = path.relative_to(SRC).parts
        if "tests" in parts or "migrations" in parts:
            continue
        yield path, parts


def _imports(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("maatwerk"):
            yield node.module, [alias.name for alias in node.names]
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("maatwerk"):
                    yield alias.name, []


def _app_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def test_no_module_imports_a_private_name_of_another_app():
    found = []
    for path, parts in _modules():
        own_app = parts[0] if len(parts) > 1 else ""
        for module, names in _imports(path):
            private = [n for n in names if n.startswith("_") and n != "__version__"]
            if private and _app_of(module) != own_app:
                found.append(f"{'/'.join(parts)}: {module} {private}")
    assert found == []


def test_no_view_module_is_imported_except_by_its_own_url_map():
    found = []
    for path, parts in _modules():
        own_app = parts[0] if len(parts) > 1 else ""
        for module, names in _imports(path):
            imports_views = ".views" in f".{module}" or "views" in names
            own_url_map = parts[-1] == "urls.py" and _app_of(module) == own_app
            if imports_views and not own_url_map and module != "maatwerk.core.views":
                found.append(f"{'/'.join(parts)}: {module}")
    # The project URL map imports the receipt check and the staff login views of core.
    assert found == []


def test_no_view_checks_whether_access_is_a_response():
    found = [
        "/".join(parts)
        for path, parts in _modules()
        if "isinstance(access, HttpResponse)" in path.read_text(encoding="utf-8")
    ]
    assert found == []


def test_docs_roles_md_shows_the_matrix_in_the_code():
    page = (ROOT / "docs" / "roles.md").read_text(encoding="utf-8")
    assert roles.as_markdown() in page, "run: maatwerk roles > docs/roles.md table"


def test_every_role_has_a_start_page_it_may_open_and_every_capability_a_meaning():
    from django.urls import resolve, reverse

    for role, name in roles.START_PAGE.items():
        view = resolve(reverse(name)).func
        assert view.needs in roles.capabilities_of(role), (role, name)
    assert set(roles.MEANING) == set(roles.Capability)
