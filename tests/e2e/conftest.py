"""Fixtures of the browser tests: Playwright drives Debian's Chromium against pytest-django's live server.

Every test in this folder is marked `e2e` (`pytest -m "not e2e"` leaves them out). The browser is the `chromium`
on PATH (`apt-get install chromium`; `.ci/run` installs it), never one downloaded by `playwright install`. Without
it the tests skip locally and fail in CI (CI=true), as the worker tests do without Redis and PostgreSQL.

    browser                  session: one headless Chromium for the whole run
    page                     per test: a fresh context (1280x800, base_url = live_server.url, 10 s timeouts);
                             the test fails if any page broke the Content-Security-Policy (see csp_violations)
    screenshot               per test: screenshot("name") writes tests/e2e/screenshots/name.png of `page`
    sign_in(page, u, p)      signs in through /accounts/login/ and waits for the page it lands on
    save_screenshot(page, n) the function behind the `screenshot` fixture
    accessibility_problems(page)
                             axe-core's serious and critical violations on the page (axe-core comes from npm:
                             `npm ci --prefix tests/e2e`; without it the check skips locally and fails in CI)

The live server needs transactional database access (pytest-django's `live_server` asks for it), so whatever a
test creates, with the shared fixtures such as `world`, is committed and the server's thread sees it; the tables
are emptied after each test. Tasks still run in-process (tests/conftest.py's autouse `_tasks_in_process`), on
SQLite and on PostgreSQL with Redis alike; `task_always_eager` is process-wide, so the server's thread runs them
in-process too.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import Browser, Page, expect, sync_playwright

from tests.conftest import in_ci

E2E_DIR = Path(__file__).resolve().parent
SCREENSHOTS = E2E_DIR / "screenshots"
VIEWPORT = {"width": 1280, "height": 800}
TIMEOUT_MS = 10_000
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
NOT_INSTALLED = "Chromium is not installed: apt-get install chromium to run the browser tests"


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    # tryfirst: the marker must be there before pytest's own hook applies `-m` to the items.
    for item in items:
        if item.path.is_relative_to(E2E_DIR):
            item.add_marker(pytest.mark.e2e)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    # Keeps each phase's report on the test, so `page` can tell that the test failed and take a screenshot.
    report = yield
    setattr(item, f"_e2e_report_{report.when}", report)
    return report


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Headless Chromium from PATH, for the whole session."""
    executable = shutil.which("chromium")
    if executable is None:
        if in_ci():
            pytest.fail(f"{NOT_INSTALLED}. CI (CI=true) must run them: .ci/run installs it.", pytrace=False)
        pytest.skip(NOT_INSTALLED)
    # Playwright's sync API keeps an asyncio loop running in this thread for as long as it is started, so Django
    # takes the test's own ORM calls (fixtures, flushing the tables) for calls from async code and refuses them
    # with SynchronousOnlyOperation. Nothing here is async; allow them while the browser is up.
    allowed_before = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        expect.set_options(timeout=TIMEOUT_MS)
        try:
            yield chromium
        finally:
            chromium.close()
    finally:
        playwright.stop()
        if allowed_before is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


# Runs in every document before its own scripts (Playwright's init scripts are not subject to the page's CSP): each
# `securitypolicyviolation` event becomes a console error with this prefix, which the `page` fixture collects.
CSP_VIOLATION_PREFIX = "CSP violation:"
REPORT_CSP_VIOLATIONS = (
    """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error(%r + " " + event.effectiveDirective + " blocked " + (event.blockedURI || "inline")
                + " at " + event.documentURI + (event.sample ? " (" + event.sample + ")" : ""));
});
"""
    % CSP_VIOLATION_PREFIX
)


def csp_violations(messages: list[str]) -> list[str]:
    """The console messages that tell of a Content-Security-Policy violation: the init script's reports and
    Chromium's own "Refused to ..." lines."""
    return [
        text
        for text in messages
        if text.startswith(CSP_VIOLATION_PREFIX) or "Content Security Policy" in text or text.startswith("Refused to")
    ]


@pytest.fixture
def page(request, browser: Browser, live_server, transactional_db) -> Iterator[Page]:
    """A page in a fresh browser context on the live server: relative URLs (`page.goto("/")`) go to it.

    The page runs under the site's real Content-Security-Policy; a violation on any page the test opened fails
    the test at teardown, listing each one.
    """
    context = browser.new_context(viewport=VIEWPORT, base_url=live_server.url)
    context.set_default_timeout(TIMEOUT_MS)
    context.add_init_script(REPORT_CSP_VIOLATIONS)
    page = context.new_page()
    messages: list[str] = []
    page.on("console", lambda message: messages.append(message.text))
    try:
        yield page
        report = getattr(request.node, "_e2e_report_call", None)
        if report is not None and report.failed:
            save_screenshot(page, f"failed-{request.node.name}")
    finally:
        context.close()
    violations = csp_violations(messages)
    if violations:
        pytest.fail("The Content-Security-Policy was violated:\n" + "\n".join(violations), pytrace=False)


def save_screenshot(page: Page, name: str) -> Path:
    """Write the visible 1280x800 of `page` to tests/e2e/screenshots/<name>.png and return its path."""
    name = re.sub(r"[^\w.-]+", "-", name).strip("-.")
    if not name:
        raise ValueError("a screenshot needs a name")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size(VIEWPORT)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=path, full_page=False)
    return path


@pytest.fixture
def screenshot(page: Page) -> Callable[[str], Path]:
    """`screenshot("teacher-home")` writes tests/e2e/screenshots/teacher-home.png of the test's page."""
    return lambda name: save_screenshot(page, name)


def sign_in(page: Page, username: str, password: str) -> None:
    """Sign in through the login form and wait for the page it leads to (home, or the form again with its error).

    The page must be signed out: a signed-in person is sent on from /accounts/login/ and finds no form.
    """
    page.goto(reverse("login"))
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()


AXE = E2E_DIR / "node_modules" / "axe-core" / "axe.min.js"
AXE_MISSING = "axe-core is not installed: npm ci --prefix tests/e2e to run the accessibility checks"
SERIOUS = ("serious", "critical")


def accessibility_problems(page: Page) -> list[str]:
    """axe-core's serious and critical violations on the page as it is now, one line each (rule, impact, help and
    the first few elements), so an assertion that the list is empty shows what is wrong."""
    if not AXE.exists():
        if in_ci():
            pytest.fail(f"{AXE_MISSING}. CI (CI=true) must run them: .ci/run installs it.", pytrace=False)
        pytest.skip(AXE_MISSING)
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated rather than added as a <script> tag: the page's CSP refuses inline scripts, and evaluation
        # from the test's side is not subject to it.
        page.evaluate(AXE.read_text())
    results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} at "
        + "; ".join(" ".join(node["target"]) for node in violation["nodes"][:3])
        for violation in results["violations"]
        if violation["impact"] in SERIOUS
    ]
