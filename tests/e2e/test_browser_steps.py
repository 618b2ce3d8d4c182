"""Moving through the app: every step opens at its top, every listed address opens its page, and a
whole round works on a phone."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from core import texts
from core.vocabulary import SCOPE_SCORES
from db import accounts, rounds, sharing
from tests.conftest import PASSWORD
from tests.e2e.a11y import ARTIFACTS
from tests.e2e.helpers import choose_rating, click, key, log_in, screenshot, select, start_a_round, wait_for_idle
from tests.support.server import ROOT, AppServer
from tests.support.storage import completed_round

pytestmark = pytest.mark.browser

PHONE = ARTIFACTS / "phone"
# Each listed address and the heading its page opens with.
TITLES = {
    "refleksion": texts.START_TITLE,
    "resultater": texts.RESULTS_TITLE,
    "overblik": texts.MY_OVERVIEW_TITLE,
    "samtaler": texts.TALKS_TITLE,
    "deling": texts.SHARING_TITLE,
    "co-driver": texts.CODRIVER_TITLE,
    "mine-hold": texts.MY_COURSES_TITLE,
    "mine-data": texts.MY_DATA_TITLE,
    "konto": texts.ACCOUNT_TITLE,
    "hold": texts.COURSES_TITLE,
    "admin": texts.ADMIN_TITLE,
}


def _readme_paths() -> list[str]:
    """The page URL paths docs/reference.md lists under "Stable keys and paths"."""
    readme = (ROOT / "docs" / "reference.md").read_text(encoding="utf-8")
    listed = re.search(r"^- Page URL paths: (.*?)\n(?=- |\n)", readme, flags=re.MULTILINE | re.DOTALL)
    assert listed, "docs/reference.md lists no page URL paths"
    return re.findall(r"`([a-z-]+)`", listed.group(1))


def _view(page: Page) -> dict:
    """How far the main area is scrolled, and what has the keyboard focus."""
    return page.evaluate(
        """() => ({top: document.querySelector('[data-testid="stMain"]').scrollTop,
                   focus: document.activeElement.tagName + ':' + document.activeElement.textContent.trim()})"""
    )


def _heading_in_view(page: Page, name: str) -> None:
    heading = page.get_by_role("heading", name=name, exact=True)
    expect(heading).to_be_in_viewport()
    expect(page.locator('[data-testid="stProgress"]')).to_be_in_viewport()


@pytest.mark.parametrize("width", [1280, 390])
def test_every_step_opens_at_its_top_with_the_focus_on_its_heading(app_server, browser, storage, bank, width):
    mette = storage(accounts.create_user, username="Mette", password=PASSWORD)
    context = browser.new_context(locale="da-DK", viewport={"width": width, "height": 844 if width < 500 else 900})
    page = context.new_page()
    page.set_default_timeout(20_000)
    try:
        start_a_round(page, app_server.url, "Mette", PASSWORD)
        first, second = bank.competencies[0], bank.competencies[1]
        for button, lands_on in (("step-next", second), ("step-back", first), ("step-next", second)):
            page.locator(f"{key(button)} button").scroll_into_view_if_needed()
            assert _view(page)["top"] > 100  # the person really was far down the step
            click(page, button)
            _heading_in_view(page, lands_on.name)
            assert _view(page) == {"top": 0, "focus": f"H2:{lands_on.name}"}
        # "Gå til" on the overview jumps to a competency with missing ratings.
        open_round = storage(rounds.get_open_round, user_id=mette.id)
        storage(rounds.set_step, user_id=mette.id, round_id=open_round.id, step=len(bank.competencies))
        page.reload()
        wait_for_idle(page)
        page.evaluate(
            "() => { const m = document.querySelector('[data-testid=\"stMain\"]'); m.scrollTop = m.scrollHeight; }"
        )
        assert _view(page)["top"] > 100
        click(page, f"goto-{first.id}")
        _heading_in_view(page, first.name)
        assert _view(page) == {"top": 0, "focus": f"H2:{first.name}"}
    finally:
        context.close()


def test_every_address_the_docs_list_opens_its_page_signed_out_and_signed_in(app_server, new_person, storage, bank):
    paths = _readme_paths()
    assert set(paths) == set(TITLES), paths
    tove = storage(accounts.create_user, username="Tove", password=PASSWORD)
    storage(accounts.set_roles, username="Tove", is_admin=True, is_trainer=True)
    mette = storage(accounts.create_user, username="Mette", password=PASSWORD)
    completed_round(storage, bank, mette.id)
    _, code = storage(sharing.create_invitation, leader_id=mette.id, scope=SCOPE_SCORES)
    storage(sharing.redeem_invitation, user_id=tove.id, code=code)

    signed_out, signed_in = new_person(), new_person()
    signed_in.goto(app_server.url)
    wait_for_idle(signed_in)
    log_in(signed_in, "Tove", PASSWORD)
    # The front door sends "/" on to where her work is: she follows Mette and has no rounds of her own.
    expect(signed_in).to_have_url(f"{app_server.url}/co-driver")
    for path in paths:
        url = f"{app_server.url}/{path}"
        signed_out.context.clear_cookies()
        signed_out.goto(url)
        wait_for_idle(signed_out)
        expect(signed_out.locator(key("login-submit"))).to_be_visible()
        log_in(signed_out, "Tove", PASSWORD)
        for page in (signed_out, signed_in):
            if page is signed_in:
                page.goto(url)
                wait_for_idle(page)
            expect(page.get_by_role("heading", level=1, name=TITLES[path], exact=True)).to_be_visible()
            expect(page.get_by_text("Page not found")).to_have_count(0)
            expect(page).to_have_url(url)


def _box(page: Page, selector: str) -> dict:
    return page.locator(selector).first.bounding_box()


def _small_targets(page: Page) -> list[str]:
    """Buttons, choices, links and fields in the main area smaller than 44 × 44 px."""
    return page.evaluate(
        """() => [...document.querySelectorAll('[data-testid="stMain"] button, [data-testid="stMain"] a[href],'
                  + ' [data-testid="stRadioOption"], [data-testid="stMain"] textarea,'
                  + ' [data-testid="stMain"] summary, [data-testid="stExpandSidebarButton"]')]
            .filter(el => el.checkVisibility())
            .map(el => [el, el.getBoundingClientRect()])
            .filter(([el, r]) => r.width < 44 || r.height < 44)
            .map(([el, r]) => `${el.tagName} ${Math.round(r.width)}×${Math.round(r.height)}: `
                              + el.textContent.trim().slice(0, 30))"""
    )


def test_a_whole_round_on_a_phone(app_server, browser, storage, bank):
    PHONE.mkdir(parents=True, exist_ok=True)
    mette = storage(accounts.create_user, username="Mette", password=PASSWORD)
    completed_round(storage, bank, mette.id, goals={bank.competencies[0].id: "Lyt mere"})
    context = browser.new_context(
        locale="da-DK", viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    page.set_default_timeout(20_000)
    try:
        page.goto(f"{app_server.url}/refleksion")  # with a round done she would land on her overview
        wait_for_idle(page)
        log_in(page, "Mette", PASSWORD)
        screenshot(page, PHONE / "00-start.png")
        click(page, "round-start")
        for step, comp in enumerate(bank.competencies):
            _heading_in_view(page, comp.name)  # opened at its top: nothing scrolls while it is measured
            for question in comp.questions:
                choices = page.locator(f"{key('rating-' + question.id)} [data-testid='stRadioOption']")
                choices.nth(4).wait_for()  # the heading can arrive a moment before the step's fields
                # All five read in one moment of the layout, not five moments around a scroll.
                options = choices.evaluate_all(
                    "els => els.map(e => { const r = e.getBoundingClientRect();"
                    " return {y: r.y, width: r.width, height: r.height}; })"
                )
                assert len(options) == 5, options
                assert len({round(o["y"]) for o in options}) == 1, options  # the scale is one row
                assert all(o["width"] >= 44 and o["height"] >= 44 for o in options), options
                choose_rating(page, question.id, 4)
            back, forward = _box(page, f"{key('step-back')} button"), _box(page, f"{key('step-next')} button")
            assert round(back["y"]) == round(forward["y"]) and back["x"] < forward["x"], (back, forward)
            assert not _small_targets(page), _small_targets(page)
            screenshot(page, PHONE / f"{step + 1:02d}-{comp.id}.png")
            click(page, "step-next")
        select(page, "goal-competency-1", bank.competencies[1].name)
        page.locator(f"{key('goal-step-1')} textarea").fill("Spørge en borger til råds")
        page.locator(f"{key('goal-step-1')} textarea").press("Tab")
        wait_for_idle(page)
        screenshot(page, PHONE / "11-overview.png")
        click(page, "round-complete")
        expect(page.get_by_text(texts.ROUND_COMPLETED)).to_be_visible()
        page.wait_for_timeout(2000)  # it stays: two seconds on, the moment is still what the phone shows
        expect(page.locator(key("round-done"))).to_be_in_viewport()
        expect(page.locator(key("round-done-results"))).to_be_in_viewport()
        expect(page.locator(key("round-start"))).to_have_count(0)
        screenshot(page, PHONE / "12-completed.png")

        # The menu lies over the page on a phone; choosing a page closes it.
        page.locator('[data-testid="stExpandSidebarButton"]').click()
        nav = page.locator('[data-testid="stSidebarNav"]')
        expect(nav).to_be_in_viewport()
        nav.get_by_role("link", name=texts.PAGE_RESULTS, exact=True).click()
        wait_for_idle(page)
        expect(page.get_by_role("heading", level=1, name=texts.RESULTS_TITLE)).to_be_visible()
        expect(nav).not_to_be_in_viewport()
        screenshot(page, PHONE / "13-results.png")
    finally:
        context.close()


def test_every_listed_address_works_as_the_first_request_to_a_fresh_server(tmp_path, new_person):
    """After a restart the first person may come by a bookmark or a reminder's link."""
    page = new_person()
    servers: dict[str, AppServer] = {}
    try:
        for path in _readme_paths():  # started together: each is still fresh when first asked
            (tmp_path / path).mkdir()
            servers[path] = AppServer(tmp_path / path)
        for path, server in servers.items():
            server.wait_until_healthy()
            page.goto(f"{server.url}/{path}")
            wait_for_idle(page)
            expect(page.locator(key("login-submit"))).to_be_visible()
            expect(page.get_by_text("Page not found")).to_have_count(0)
            expect(page).to_have_url(f"{server.url}/{path}")
    finally:
        for server in servers.values():
            server.stop()
