"""Browser journeys: Debian's Chromium driven by Playwright, with axe-core on every page."""

from __future__ import annotations

import os
import shutil

import pytest
from axe_playwright_python.sync_playwright import Axe

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make for
# set-up and checks are ordinary blocking calls, which Django would otherwise refuse.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from playwright.sync_api import Page, sync_playwright

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
_axe = Axe()


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(
            "Chromium is missing: run 'apt-get install chromium' (make test does this as root)."
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server) -> Page:
    # A 360-pixel-wide phone: every journey must work there.
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def assert_accessible(page: Page) -> None:
    """Zero axe-core violations (WCAG 2.1 AA and best practices) on the current page."""
    results = _axe.run(page)
    assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"


def assert_no_horizontal_scroll(page: Page) -> None:
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 1, f"{page.url} scrolls sideways by {overflow}px on a phone"


def digid_login(page: Page, live_server, bsn: str) -> None:
    """Log in to Mijn Maatwerk through the DigiD mock with a typed BSN."""
    page.goto(f"{live_server.url}/mijn/inloggen/")
    page.get_by_role("link", name="Inloggen met DigiD").click()
    page.get_by_role("link", name="Met uw burgerservicenummer (BSN)").click()
    page.get_by_label("Burgerservicenummer (BSN)").fill(bsn)
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("heading", name="Mijn dossier").or_(
        page.get_by_role("heading", level=1)
    ).first.wait_for()


def staff_login(page: Page, live_server, username: str, lands_on: str = "Mijn caseload") -> None:
    """Log in; each role lands on its own start page, whose heading is `lands_on`."""
    page.goto(f"{live_server.url}/werk/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill("geheim-wachtwoord")
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("heading", name=lands_on).first.wait_for()
