"""The trainer in the room: the projector shows the code and QR code, the room joins from their
phones by the link, and the group's picture appears by itself as people finish, naming nobody."""

from __future__ import annotations

import json
import time
from datetime import date

from playwright.sync_api import Page, expect

from core import texts
from db import accounts, courses, rounds
from tests.conftest import PASSWORD
from tests.e2e import a11y
from tests.e2e.a11y import ARTIFACTS
from tests.e2e.helpers import choose_rating, click, key, log_in, screenshot, wait_for_idle

PHONE = dict(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
PROJECTOR = dict(viewport={"width": 1920, "height": 1080})
LEADERS = ("Anna", "Bodil", "Carl")


def _course(storage):
    tove = storage(accounts.create_user, username="Tove", password=PASSWORD)
    storage(accounts.set_roles, username="Tove", is_trainer=True)
    course = storage(
        courses.create_course,
        trainer_id=tove.id,
        name="Forår 2027",
        starts_on=date(2027, 1, 1),
        ends_on=date(2027, 6, 1),
    )
    storage(courses.set_min_group, trainer_id=tove.id, course_id=course.id, min_group=3)
    storage(
        courses.set_session_context,
        trainer_id=tove.id,
        course_id=course.id,
        context="efter-moede-2",
        contexts=list(texts.CONTEXTS),
    )
    return course


def _scan_and_start(browser, bank, link: str, name: str) -> tuple[Page, float]:
    """A phone opens the join link, signs up and starts: seconds from the scan to the first question."""
    phone = browser.new_context(locale="da-DK", **PHONE).new_page()
    phone.set_default_timeout(20_000)
    started = time.monotonic()
    phone.goto(link)
    wait_for_idle(phone)
    expect(phone.get_by_text(texts.JOIN_LINK_GATE)).to_be_visible()
    phone.locator(f"{key('signup-name')} input").fill(name)
    phone.locator(f"{key('signup-username')} input").fill(name)
    phone.locator(f"{key('signup-password')} input").fill(PASSWORD)
    click(phone, "signup-submit")
    expect(phone.get_by_text(texts.JOIN_OK.format(course="Forår 2027"), exact=False)).to_be_visible()
    expect(phone.get_by_role("combobox", name=texts.ROUND_CONTEXT)).to_have_value(texts.CONTEXTS["efter-moede-2"])
    click(phone, "round-start")
    expect(phone.get_by_role("heading", name=bank.competencies[0].name)).to_be_visible()
    return phone, time.monotonic() - started


def _finish(storage, bank, phone: Page, name: str, rating: int) -> None:
    """Answer the first question on the phone, the rest through storage as the pages call it."""
    choose_rating(phone, bank.question_ids[0], rating)
    user = storage(accounts.authenticate, username=name, password=PASSWORD)
    open_round, _ = storage(rounds.open_round_with_previous, user_id=user.id)
    for qid in bank.question_ids:
        storage(rounds.save_rating, user_id=user.id, round_id=open_round.id, question_id=qid, rating=rating)
    storage(rounds.complete_round, user_id=user.id, round_id=open_round.id, required_question_ids=bank.question_ids)


def test_the_room_joins_by_scan_and_the_picture_appears_on_the_projector_by_itself(app_server, browser, storage, bank):
    course = _course(storage)
    wall = browser.new_context(locale="da-DK", **PROJECTOR).new_page()
    wall.set_default_timeout(20_000)
    wall.goto(f"{app_server.url}/hold")
    wait_for_idle(wall)
    log_in(wall, "Tove", PASSWORD)
    expect(wall.locator(key("course-qr")).locator("img")).to_be_visible()
    link = wall.locator(f"{key('course-join-link')} code").inner_text().strip()
    assert link == f"{app_server.url}/mine-hold?kode={course.join_code}"
    present = wall.locator(f"{key('dashboard-present')} a").first
    assert present.get_attribute("href").endswith(f"/hold?visning=praesentation&hold={course.id}")
    wall.goto(present.get_attribute("href"))  # the projector's tab
    wait_for_idle(wall)
    expect(wall.locator(key("present-count"))).to_have_text("0 af 0 er færdige")
    expect(wall.locator(key("present-code"))).to_have_text(course.join_code)
    expect(wall.locator(key("present-qr")).locator("img")).to_be_visible()
    assert wall.locator(key("present-page")).bounding_box()["width"] > 1600  # full width, not a column
    sizes = wall.evaluate(
        """() => ['present-code', 'present-count'].map(k =>
               parseFloat(getComputedStyle(document.querySelector('.st-key-' + k + ' p')).fontSize))"""
    )
    assert sizes[0] >= 80 and sizes[1] >= 64, sizes  # readable from the back of a room
    a11y.check(wall, "presentation-waiting")

    timings = {}
    phones = {}
    for name in LEADERS:
        phones[name], timings[name] = _scan_and_start(browser, bank, link, name)
    for n, (name, rating) in enumerate(zip(LEADERS, (2, 3, 4), strict=True), start=1):
        _finish(storage, bank, phones[name], name, rating)
        if n < len(LEADERS):
            expect(wall.locator(key("present-count"))).to_have_text(f"{n} af 3 er færdige", timeout=10_000)
    finished = time.monotonic()
    # Nobody touches the projector's page: the fragment asks by itself every few seconds.
    expect(wall.locator(f"{key('present-radar')} .js-plotly-plot")).to_be_visible(timeout=10_000)
    appeared = time.monotonic() - finished
    expect(wall.locator(key("present-count"))).to_have_text("3 af 3 er færdige")
    expect(wall.locator(f"{key('present-distribution')} .js-plotly-plot")).to_be_visible()
    html = wall.content()
    for name in LEADERS:
        assert name not in html and name.lower() not in html.lower()
    a11y.check(wall, "presentation-picture")
    screenshot(wall, ARTIFACTS / "presentation-1920.png")
    (ARTIFACTS / "presentation-timing.json").write_text(
        json.dumps({"scan_to_first_question_s": timings, "radar_after_third_s": appeared}, indent=2),
        encoding="utf-8",
    )
    print(f"scan to first question: {timings}; radar {appeared:.1f} s after the third completion")
    for page in (wall, *phones.values()):
        page.context.close()
