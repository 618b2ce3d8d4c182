"""Accessibility in a real browser: keyboard alone, the pages no journey reaches, and text that fits.

The journeys' own tests audit every state they pass through (tests/e2e/a11y.py); this file adds
the states they do not reach, answers a step with the keyboard only, and checks that the
walk-through and the results page need no sideways scrolling at 375 px and at 200 % zoom.
"""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page, expect

from db import accounts, rounds
from tests.conftest import PASSWORD
from tests.e2e import a11y, scenes
from tests.e2e.helpers import click, fill, go_to, key, log_in, screenshot, sign_up, wait_for_idle
from tests.support.storage import completed_round

pytestmark = pytest.mark.browser

REFLOW = a11y.ARTIFACTS / "reflow"


def _focused_key(page: Page) -> str | None:
    """The widget key (st-key-<key>) around the element that has keyboard focus."""
    return page.evaluate(
        """() => { const box = document.activeElement.closest('[class*="st-key-"]');
                   return box ? [...box.classList].find(c => c.startsWith('st-key-')).slice(7) : null; }"""
    )


def _tab_to(page: Page, widget_key: str, limit: int = 15) -> int:
    """Press Tab until the keyboard focus is inside the widget; return how many presses it took."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if _focused_key(page) == widget_key:
            return presses
    raise AssertionError(f"{widget_key} was not reached with {limit} presses of Tab (at {_focused_key(page)})")


@pytest.fixture
def leader_with_a_goal(storage, bank):
    """Mette has a completed round with a goal, so the next round opens with its follow-up."""
    mette = storage(accounts.create_user, username="Mette", password=PASSWORD)
    completed_round(storage, bank, mette.id, rating=3, goals={bank.competencies[0].id: "Invitere en borger"})
    return mette


def test_a_step_is_answered_with_the_keyboard_alone(app_server, page, bank, storage, leader_with_a_goal):
    page.goto(f"{app_server.url}/refleksion")
    wait_for_idle(page)
    log_in(page, "Mette", PASSWORD)
    click(page, "round-start")
    expect(page.get_by_text("Sådan gik det med dine mål fra sidst")).to_be_visible()
    a11y.check(page, "walkthrough-goal-followups")

    competency = bank.competencies[0]
    first, second = competency.questions
    # Start from the step's heading, as a reader does, and go on with the keyboard only.
    page.get_by_role("heading", name=competency.name).click()
    _tab_to(page, f"rating-{first.id}")
    page.keyboard.press("Space")  # choose 1
    wait_for_idle(page)
    for _ in range(3):  # 1 → 4
        page.keyboard.press("ArrowRight")
        wait_for_idle(page)
    _tab_to(page, f"text-{first.id}")
    page.keyboard.type("Skrevet med tastaturet")
    _tab_to(page, f"rating-{second.id}")  # leaving the text commits it
    wait_for_idle(page)
    page.keyboard.press("Space")
    page.keyboard.press("ArrowRight")  # 1 → 2
    wait_for_idle(page)
    _tab_to(page, "step-next", limit=25)
    page.keyboard.press("Enter")
    wait_for_idle(page)

    expect(page.get_by_role("heading", name=bank.competencies[1].name)).to_be_visible()
    open_round = storage(rounds.get_open_round, user_id=leader_with_a_goal.id)
    answers = {qid: (a.rating, a.text) for qid, a in open_round.answers.items()}
    assert answers[first.id] == (4, "Skrevet med tastaturet")
    assert answers[second.id][0] == 2


def test_the_pages_no_journey_reaches_pass_the_audit(app_server, new_person, storage, bank):
    page = new_person()
    page.goto(app_server.url)
    wait_for_idle(page)
    a11y.check(page, "login")
    log_in(page, "nogen", "forkert-adgangskode")
    expect(page.locator('[data-testid="stAlertContentError"]')).to_be_visible()
    a11y.check(page, "login-refused")
    page.get_by_role("tab", name="Opret konto").click()
    a11y.check(page, "signup")

    storage(accounts.create_user, username="Tove", password=PASSWORD)
    storage(accounts.set_roles, username="Tove", is_admin=True)
    sign_up(page, app_server.url, "Mette", PASSWORD)
    completed_round(storage, bank, storage(accounts.authenticate, username="Mette", password=PASSWORD).id)
    go_to(page, "Mine data")
    page.locator('[class*="st-key-round-delete-"] button').first.click()
    wait_for_idle(page)
    a11y.check(page, "my-data-round-delete-asks-first")

    admin = new_person()
    admin.goto(f"{app_server.url}/admin")
    wait_for_idle(admin)
    log_in(admin, "Tove", PASSWORD)
    expect(admin.get_by_text("Mette er underviser")).to_be_visible()
    a11y.check(admin, "admin")


def _sideways(page: Page) -> dict:
    """What would make a person scroll sideways (the page, the main area, anything drawn past the
    edge), and chart text cut off at the chart's edge.

    Data tables may scroll inside their own box (WCAG 1.4.10 excepts two-dimensional tables), so
    what is inside one is not counted.
    """
    return page.evaluate(
        """() => {
            const width = document.documentElement.clientWidth;
            const main = document.querySelector('[data-testid="stMain"]');
            const past = [...document.querySelectorAll('[data-testid="stMain"] *')]
                .filter(el => !el.closest('[data-testid="stTable"]') && el.checkVisibility())
                .filter(el => { const r = el.getBoundingClientRect(); return r.width > 0 && r.right > width + 1; })
                .map(el => (el.getAttribute('data-testid') || el.tagName) + ': ' + (el.textContent || '').slice(0, 40));
            const clipped = [...document.querySelectorAll('.js-plotly-plot')].flatMap(plot => {
                const edge = plot.querySelector('svg.main-svg').getBoundingClientRect();
                return [...plot.querySelectorAll('text')]
                    .filter(t => { const r = t.getBoundingClientRect();
                                   return r.width > 0 && (r.left < edge.left - 1 || r.right > edge.right + 1); })
                    .map(t => t.textContent);
            });
            return {width, page: document.documentElement.scrollWidth, main: main.scrollWidth,
                    main_width: main.clientWidth, past: past.slice(0, 10), clipped};
        }"""
    )


# Phones 360, 375 and 390 px wide, and a 1280 × 900 window at 200 % zoom, which lays out 640 × 450
# CSS pixels (the layout is the same at any pixel density, so the window is resized to that). The
# machine has no fonts but the ones scripts/install.sh installs; the charts draw their text in the
# font the page itself loads (Streamlit's Source Sans), so this holds anywhere.
LAYOUTS = {
    "360px": {"width": 360, "height": 780},
    "375px": {"width": 375, "height": 812},
    "390px": {"width": 390, "height": 844},
    "zoom200": {"width": 640, "height": 450},
}


def _open_as(browser, url: str, username: str) -> Page:
    page = browser.new_context(locale="da-DK", viewport=LAYOUTS["360px"]).new_page()
    page.set_default_timeout(20_000)
    page.goto(url)
    wait_for_idle(page)
    log_in(page, username, PASSWORD)
    return page


def _chart_state(page: Page, chart_key: str, layout: str, state: str) -> dict:
    """Wait for the chart, check its text is drawn in the page's own font, and measure the page."""
    expect(page.locator(f"{key(chart_key)} .js-plotly-plot")).to_be_visible()
    fonts = page.evaluate(
        """(k) => [...new Set([...document.querySelectorAll('.st-key-' + k + ' .js-plotly-plot text')]
                   .map(t => getComputedStyle(t).fontFamily))]""",
        chart_key,
    )
    assert fonts and all(f.startswith('"Source Sans"') for f in fonts), fonts
    assert page.evaluate("() => document.fonts.check('12px \"Source Sans\"')")
    page.locator(key(chart_key)).scroll_into_view_if_needed()
    screenshot(page, _shot(layout, state))
    return _sideways(page)


def _reopen(page: Page, url: str, layout: str) -> None:
    page.set_viewport_size(LAYOUTS[layout])
    page.goto(url)  # signed in still, by the session cookie
    wait_for_idle(page)


def test_walkthrough_results_and_every_radar_fit_without_sideways_scrolling(app_server, browser, storage, bank):
    """At every layout: the leader's radar and the co-driver's view beside it, a walk-through step,
    the co-driver's own page and the trainer's group radar. Each person signs in once."""
    scenes.leader_with_codriver(storage, bank)
    scenes.course_with_members(storage, bank)
    leader = _open_as(browser, f"{app_server.url}/resultater", "Mette")
    codriver = _open_as(browser, f"{app_server.url}/co-driver", "Karsten")
    trainer = _open_as(browser, f"{app_server.url}/hold", "Tove")
    for number, layout in enumerate(LAYOUTS):
        states = {}
        _reopen(leader, f"{app_server.url}/resultater", layout)
        states["results"] = _chart_state(leader, "results-radar", layout, "results")
        states["results-codriver"] = _chart_state(leader, "results-cd-radar", layout, "results-codriver")
        _reopen(leader, f"{app_server.url}/refleksion", layout)
        if number == 0:
            note = "En note, der er lang nok til at skulle brydes over flere linjer på en smal skærm"
            fill(leader, "round-note", note)
            click(leader, "round-start")
        expect(leader.get_by_role("heading", name=bank.competencies[0].name)).to_be_visible()
        states["walkthrough-step"] = _sideways(leader)
        screenshot(leader, _shot(layout, "walkthrough-step"))
        _reopen(codriver, f"{app_server.url}/co-driver", layout)
        codriver.get_by_text("Mettes styrker over tid").click()  # folded above the co-driver's work
        states["codriver"] = _chart_state(codriver, "cd-radar", layout, "codriver")
        _reopen(trainer, f"{app_server.url}/hold", layout)
        states["trainer"] = _chart_state(trainer, "dashboard-radar", layout, "trainer")

        (REFLOW / f"{layout}.json").write_text(json.dumps(states, ensure_ascii=False, indent=2), encoding="utf-8")
        for state, seen in states.items():
            assert seen["page"] <= seen["width"], (layout, state, seen)
            assert seen["main"] <= seen["main_width"], (layout, state, seen)
            assert not seen["past"], (layout, state, seen)
            assert not seen["clipped"], (layout, state, seen)
    for page in (leader, codriver, trainer):
        page.context.close()


def _shot(layout: str, state: str):
    REFLOW.mkdir(parents=True, exist_ok=True)
    return REFLOW / f"{state}-{layout}.png"
