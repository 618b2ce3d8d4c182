"""Browser fixtures: a real `streamlit run serve.py` on a free loopback port, and Debian's Chromium."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from db.engine import make_sessionmaker, prepare_database
from tests.e2e.a11y import ARTIFACTS
from tests.e2e.helpers import screenshot
from tests.support.server import CHROMIUM, CHROMIUM_ARGS, AppServer, running_app
from tests.support.storage import runner

# Playwright's assertions wait 5 s by default. On a loaded two-core CI machine a Streamlit rerun
# that redraws a page of charts has taken longer than that (a plotly radar still laid out hidden),
# so they wait as long as the page's own actions do. A passing check returns as soon as it holds.
expect.set_options(timeout=20_000)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"report_{report.when}", report)


@pytest.fixture
def app_server(tmp_path) -> Iterator[AppServer]:
    with running_app(tmp_path) as server:
        yield server


@pytest.fixture
def other_app_server(tmp_path) -> Iterator[AppServer]:
    """A second installation of the app, with a database of its own."""
    folder = tmp_path / "other"
    folder.mkdir()
    with running_app(folder) as server:
        yield server


@pytest.fixture
def storage(app_server) -> Iterator[Callable]:
    """Call the storage API on the running app's database (to set the scene a test starts from)."""
    engine = prepare_database(app_server.database_url)
    yield runner(make_sessionmaker(engine))
    engine.dispose()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        raise RuntimeError(f"{CHROMIUM} is missing: run scripts/install.sh --dev")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def new_person(browser, request) -> Iterator[Callable[[], Page]]:
    """Open the app for another person: a browser context of their own (own cookies, own session).

    Every test that opens one also checks that the Content-Security-Policy (web/security_headers.py)
    refused nothing the app itself needs: a refusal the browser reports fails the test.
    """
    opened: list[Page] = []
    refused: list[str] = []

    def open_person() -> Page:
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="da-DK")
        context.on("console", lambda message: _note_refusal(message.text, refused))
        page = context.new_page()
        page.set_default_timeout(20_000)
        opened.append(page)
        return page

    yield open_person
    failed = getattr(request.node, "report_call", None) is not None and request.node.report_call.failed
    for number, page in enumerate(opened, start=1):
        if failed or os.environ.get("E2E_SCREENSHOTS"):
            ARTIFACTS.mkdir(exist_ok=True)
            screenshot(page, ARTIFACTS / f"{request.node.name}-{number}.png")
        page.context.close()
    assert failed or not refused, f"the Content-Security-Policy refused what the app uses: {refused[:3]}"


def _note_refusal(text: str, refused: list[str]) -> None:
    # A refusal to be framed is the policy protecting the app (test_browser_security), not the app
    # missing something it needs.
    if "Content Security Policy" in text and "frame-ancestors" not in text:
        refused.append(text)


@pytest.fixture
def page(new_person) -> Page:
    return new_person()
