"""The leader's journey in a real browser against `streamlit run serve.py` (which serves app.py)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.conftest import PASSWORD
from tests.e2e import a11y
from tests.e2e.helpers import choose_rating, click, fill, key, log_in, select, sign_up, wait_for_idle

pytestmark = pytest.mark.browser


def _answer_step(page, competency, rating):
    expect(page.get_by_role("heading", name=competency.name)).to_be_visible()
    for question in competency.questions:
        choose_rating(page, question.id, rating)
        fill(page, f"text-{question.id}", f"Tanke om {question.id} – æøå")
    expect(page.get_by_text(re.compile(r"^Gemt kl\. \d\d\.\d\d$"))).to_be_visible()  # the status
    click(page, "step-next")


def test_sign_up_answer_reload_resume_complete_and_see_the_radar(app_server, page, new_person, bank):
    sign_up(page, app_server.url, "Birgitte", PASSWORD)
    a11y.check(page, "walkthrough-start")
    fill(page, "round-note", "Tema: flere unge i job")
    click(page, "round-start")
    a11y.check(page, "walkthrough-step")
    for step in range(5):
        _answer_step(page, bank.competencies[step], rating=(step % 5) + 1)

    page.reload()  # still signed in: the session cookie carries her over
    wait_for_idle(page)
    expect(page.locator(key("logout"))).to_be_visible()
    sixth = bank.competencies[5]
    expect(page.get_by_role("heading", name=sixth.name)).to_be_visible()
    click(page, "step-back")
    fifth = bank.competencies[4].questions[0]
    expect(page.locator(f"{key('text-' + fifth.id)} textarea")).to_have_value(f"Tanke om {fifth.id} – æøå")
    expect(page.locator(f"{key('rating-' + fifth.id)} input[type=radio]").nth(4)).to_be_checked()
    click(page, "step-next")

    for step in range(5, 10):
        _answer_step(page, bank.competencies[step], rating=4)
    expect(page.get_by_text("Overblik", exact=True)).to_be_visible()
    a11y.check(page, "walkthrough-overview")
    select(page, "goal-competency-1", bank.competencies[2].name)
    fill(page, "goal-step-1", "Jeg inviterer to borgere med til næste møde")
    a11y.check(page, "walkthrough-overview-goal-set")
    click(page, "round-complete")
    expect(page.get_by_text("Runden er afsluttet. Godt arbejde!")).to_be_visible()
    a11y.check(page, "walkthrough-completed")

    page = new_person()  # another browser, not signed in, following a link to her results
    page.goto(f"{app_server.url}/resultater")
    wait_for_idle(page)
    a11y.check(page, "login-deep-link")
    log_in(page, "Birgitte", PASSWORD)
    radar = page.locator(key("results-radar"))
    expect(radar.locator(".js-plotly-plot")).to_be_visible()
    expect(radar.locator("g.trace")).to_have_count(1)
    # Axis labels are wrapped over lines (tspans); the last line of the first name is drawn.
    expect(radar.locator("text").filter(has_text="opgaveløsningen").first).to_be_visible()
    a11y.check(page, "results-one-round")
