"""Nothing typed is lost: text is stored while it is typed, before the field is left.

Each test types without leaving the field (no Tab, no click elsewhere), waits 2 s (the pause
after which a field sends its text is 1 s), and then reloads, kills the server or reads storage.
"""

from __future__ import annotations

import random

import pytest
from playwright.sync_api import Page, expect

from core import texts
from db import accounts, courses, drafts, feedback, goals, rounds
from db.engine import make_sessionmaker, prepare_database
from tests.conftest import PASSWORD
from tests.e2e import scenes
from tests.e2e.helpers import choose_rating, click, key, log_in, select, start_a_round, wait_for_idle
from tests.support.server import AppServer
from tests.support.storage import runner

pytestmark = pytest.mark.browser

SETTLE_MS = 2000


def _area(page: Page, widget_key: str):
    return page.locator(f"{key(widget_key)} textarea")


def _type_and_leave_alone(page: Page, widget_key: str, text: str) -> None:
    """Click into the field, type over what it holds, and wait with the focus still in it."""
    _area(page, widget_key).click()
    page.keyboard.press("Control+A")
    page.keyboard.type(text, delay=15)
    page.wait_for_timeout(SETTLE_MS)


def _reload(page: Page) -> None:
    page.reload()
    wait_for_idle(page)


def _saved_line(page: Page, widget_key: str) -> str:
    """The line under the field, which says when it was stored."""
    return page.locator(f"{key(widget_key)} ~ div [data-testid='stCaptionContainer']").first.inner_text()


def test_every_kind_of_text_field_keeps_what_was_typed_through_a_reload(app_server, new_person, storage, bank):
    mette, karsten, first = scenes.leader_with_codriver(storage, bank, rounds=1)
    q0 = bank.competencies[0].questions[0].id
    leader = new_person()
    leader.goto(f"{app_server.url}/refleksion")  # with a completed round she would land on her overview
    wait_for_idle(leader)
    log_in(leader, "Mette", PASSWORD)

    _type_and_leave_alone(leader, "round-note", "Temaet er ensomhed blandt ældre")
    assert "· Gemt kl. " in _saved_line(leader, "round-note")
    _reload(leader)
    expect(_area(leader, "round-note")).to_have_value("Temaet er ensomhed blandt ældre")
    assert storage(drafts.note_draft, user_id=mette.id) == "Temaet er ensomhed blandt ældre"

    click(leader, "round-start")
    open_round = storage(rounds.get_open_round, user_id=mette.id)
    assert open_round.note == "Temaet er ensomhed blandt ældre"
    goal = storage(goals.goals_to_follow_up, user_id=mette.id, round_id=open_round.id)[0]
    _type_and_leave_alone(leader, f"goal-followup-text-{goal.id}", "Det gik halvvejs")
    _type_and_leave_alone(leader, f"text-{q0}", "Jeg har talt med to borgere")
    assert "· Gemt kl. " in _saved_line(leader, f"text-{q0}")
    _reload(leader)
    expect(_area(leader, f"goal-followup-text-{goal.id}")).to_have_value("Det gik halvvejs")
    expect(_area(leader, f"text-{q0}")).to_have_value("Jeg har talt med to borgere")
    assert storage(rounds.get_open_round, user_id=mette.id).answers[q0].text == "Jeg har talt med to borgere"

    storage(rounds.set_step, user_id=mette.id, round_id=open_round.id, step=len(bank.competencies))
    _reload(leader)
    select(leader, "goal-competency-1", bank.competencies[1].name)
    _type_and_leave_alone(leader, "goal-step-1", "Invitere en virksomhed med")
    _reload(leader)
    expect(_area(leader, "goal-step-1")).to_have_value("Invitere en virksomhed med")

    codriver = new_person()
    codriver.goto(f"{app_server.url}/co-driver")
    wait_for_idle(codriver)
    log_in(codriver, "Karsten", PASSWORD)
    c0 = bank.competencies[0].id
    _type_and_leave_alone(codriver, f"cd-comment-{c0}", "Du lytter godt")
    for _ in bank.competencies:  # one competency a step; the overall comment is the last
        click(codriver, "cd-step-next")
    _type_and_leave_alone(codriver, "cd-overall", "Et stærkt første møde")
    _reload(codriver)  # back at the step it showed (the address keeps it), with what was typed
    expect(_area(codriver, "cd-overall")).to_have_value("Et stærkt første møde")
    for _ in bank.competencies:
        click(codriver, "cd-step-back")
    expect(_area(codriver, f"cd-comment-{c0}")).to_have_value("Du lytter godt")
    own = storage(feedback.own_feedback, author_id=karsten.id, round_id=first.id)
    assert own.items[c0].comment == "Du lytter godt"


def test_text_typed_is_there_after_the_server_is_killed_and_started_again(tmp_path, new_person, bank):
    server = AppServer(tmp_path)
    try:
        server.wait_until_healthy()
        engine = prepare_database(server.database_url)
        storage = runner(make_sessionmaker(engine))
        storage(accounts.create_user, username="Mette", password=PASSWORD)
        page = new_person()
        start_a_round(page, server.url, "Mette", PASSWORD)
        q0 = bank.competencies[0].questions[0].id
        _type_and_leave_alone(page, f"text-{q0}", "Skrevet lige før strømmen gik")
        before = page.evaluate("() => window.__netvaerksspejlet.server")
        server.process.kill()  # SIGKILL: no shutdown of any kind
        server.process.wait(timeout=10)
        server = AppServer(tmp_path, database_url=server.database_url, port=server.port)
        server.wait_until_healthy()
        # No reload by hand: the page reconnects, sees a new process (web/server_id.py), reloads itself.
        page.wait_for_function("old => (window.__netvaerksspejlet?.server ?? old) !== old", arg=before)
        wait_for_idle(page)
        expect(_area(page, f"text-{q0}")).to_have_value("Skrevet lige før strømmen gik")
        engine.dispose()
    finally:
        server.stop()


def test_typing_fast_for_ten_seconds_loses_reorders_and_replaces_nothing(app_server, page, storage, bank):
    mette = storage(accounts.create_user, username="Mette", password=PASSWORD)
    start_a_round(page, app_server.url, "Mette", PASSWORD)
    q0 = bank.competencies[0].questions[0].id
    _area(page, f"text-{q0}").click()
    letters = "abcdefghijklmnopqrstuvwxyzæøå ,."
    generator = random.Random(16)
    typed = ""
    started = page.evaluate("() => performance.now()")
    burst = 0
    while page.evaluate("() => performance.now()") - started < 10_000:
        chunk = "".join(generator.choice(letters) for _ in range(generator.randint(8, 25))) + f"[{burst}]"
        page.keyboard.type(chunk, delay=generator.randint(10, 60))
        typed += chunk
        burst += 1
        # Pauses just past the 1 s that sends the text, so saves happen while typing goes on.
        if burst % 2 == 0:
            page.wait_for_timeout(generator.randint(1000, 1300))
    assert _area(page, f"text-{q0}").input_value() == typed  # at once: nothing replaced, not even for a moment
    page.wait_for_timeout(SETTLE_MS)
    assert _area(page, f"text-{q0}").input_value() == typed
    assert storage(rounds.get_open_round, user_id=mette.id).answers[q0].text == typed
    _reload(page)
    expect(_area(page, f"text-{q0}")).to_have_value(typed)


def test_text_over_the_limit_is_counted_as_typed_kept_through_a_reload_and_counts_once_shortened(
    app_server, page, storage, bank
):
    mette = storage(accounts.create_user, username="Mette", password=PASSWORD)
    start_a_round(page, app_server.url, "Mette", PASSWORD)
    q0 = bank.competencies[0].questions[0].id
    _area(page, f"text-{q0}").click()
    page.keyboard.type("Hej med", delay=20)
    # The count under the field moves as the person types, before anything is sent to the server.
    expect(page.locator(f"{key(f'text-{q0}')} ~ div [data-testid='stCaptionContainer']").first).to_contain_text(
        "7 / 5.000 tegn"
    )
    pasted = "Et langt citat. " * 325  # 5,200 characters
    _area(page, f"text-{q0}").fill(pasted)
    expect(page.get_by_text(f"5.200 / 5.000 tegn · {texts.FIELD_OVER}")).to_be_visible()  # at once, while typing
    click(page, "step-next")
    expect(page.get_by_role("heading", name=bank.competencies[0].name)).to_be_visible()
    expect(_area(page, f"text-{q0}")).to_have_value(pasted)
    expect(page.get_by_text("Teksten er for lang (5.200 tegn, højst 5.000)")).to_be_visible()
    expect(page.get_by_text(texts.STEP_TEXT_TOO_LONG)).to_be_visible()
    assert q0 not in storage(rounds.get_open_round, user_id=mette.id).answers

    # Leaving the page (the menu, a reload) loses nothing: the long text is back in its field.
    _reload(page)
    expect(_area(page, f"text-{q0}")).to_have_value(pasted)
    expect(page.get_by_text("Teksten er for lang (5.200 tegn, højst 5.000)")).to_be_visible()
    assert q0 not in storage(rounds.get_open_round, user_id=mette.id).answers  # still not the answer

    _area(page, f"text-{q0}").fill(pasted[:4000])
    page.wait_for_timeout(SETTLE_MS)
    click(page, "step-next")
    expect(page.get_by_role("heading", name=bank.competencies[1].name)).to_be_visible()
    click(page, "step-back")
    expect(_area(page, f"text-{q0}")).to_have_value(pasted[:4000])
    assert storage(rounds.get_open_round, user_id=mette.id).answers[q0].text == pasted[:4000]


def test_a_stale_tab_never_writes_into_a_round_it_was_not_showing(app_server, browser, storage, bank):
    mette = storage(accounts.create_user, username="Mette", password=PASSWORD)
    context = browser.new_context(locale="da-DK", viewport={"width": 1280, "height": 900})
    tab_a, tab_b = context.new_page(), context.new_page()
    q0 = bank.competencies[0].questions[0].id
    try:
        for tab in (tab_a, tab_b):
            tab.set_default_timeout(20_000)
        start_a_round(tab_a, app_server.url, "Mette", PASSWORD)
        _type_and_leave_alone(tab_a, f"text-{q0}", "Første runde")
        tab_b.goto(app_server.url)  # the same browser: signed in by the cookie, on the same round
        wait_for_idle(tab_b)
        expect(_area(tab_b, f"text-{q0}")).to_have_value("Første runde")

        first = storage(rounds.get_open_round, user_id=mette.id)
        for question_id in bank.question_ids:
            storage(rounds.save_rating, user_id=mette.id, round_id=first.id, question_id=question_id, rating=3)
        storage(rounds.complete_round, user_id=mette.id, round_id=first.id, required_question_ids=bank.question_ids)
        _reload(tab_a)
        click(tab_a, "round-start")  # tab A starts the next round

        _area(tab_b, f"text-{q0}").click()
        tab_b.keyboard.press("End")
        tab_b.keyboard.type(" og lidt mere", delay=15)
        tab_b.wait_for_timeout(SETTLE_MS)
        expect(tab_b.get_by_text(texts.ROUND_REPLACED)).to_be_visible()
        expect(_area(tab_b, f"text-{q0}")).to_have_value("")
        second = storage(rounds.get_open_round, user_id=mette.id)
        assert second.id != first.id and second.answers == {}
        old = storage(rounds.get_round, user_id=mette.id, round_id=first.id)
        assert old.answers[q0].text == "Første runde"
    finally:
        context.close()


def test_a_pause_while_typing_in_a_form_does_not_submit_it(app_server, page, storage):
    """A form (the trainer's new course) is sent with its button only, never by a pause in typing."""
    tove = storage(accounts.create_user, username="Tove", password=PASSWORD)
    storage(accounts.set_roles, username="Tove", is_trainer=True)
    page.goto(f"{app_server.url}/hold")
    wait_for_idle(page)
    log_in(page, "Tove", PASSWORD)
    page.locator(f"{key('course-name')} input").fill("Forår 2027")
    _type_and_leave_alone(page, "course-description", "Et hold for nye netværksledere")
    assert storage(courses.trainer_courses, trainer_id=tove.id) == []
    click(page, "course-create")
    assert [c.name for c in storage(courses.trainer_courses, trainer_id=tove.id)] == ["Forår 2027"]


def test_a_stale_tab_never_carries_last_rounds_ratings_into_the_new_round(app_server, browser, storage, bank):
    """The defect as it was reproduced: two tabs on round 1's first step with both questions rated
    4 and written; tab A completes round 1 and starts round 2 ("Efter netværksmøde 1"); a few
    letters typed in tab B. Round 2 must hold nothing tab A did not choose, and tab B shows
    round 2's step as storage holds it: nothing chosen, nothing written."""
    mette = storage(accounts.create_user, username="Mette", password=PASSWORD)
    context = browser.new_context(locale="da-DK", viewport={"width": 1280, "height": 900})
    tab_a, tab_b = context.new_page(), context.new_page()
    first_step = [q.id for q in bank.competencies[0].questions]
    try:
        for tab in (tab_a, tab_b):
            tab.set_default_timeout(20_000)
        start_a_round(tab_a, app_server.url, "Mette", PASSWORD)
        for qid in first_step:
            choose_rating(tab_a, qid, 4)
            _type_and_leave_alone(tab_a, f"text-{qid}", f"Første runde, {qid}")
        tab_b.goto(app_server.url)  # the same browser: signed in by the cookie, on the same round
        wait_for_idle(tab_b)
        for qid in first_step:
            expect(tab_b.locator(f"{key('rating-' + qid)} input[type=radio]").nth(3)).to_be_checked()
            expect(_area(tab_b, f"text-{qid}")).to_have_value(f"Første runde, {qid}")

        first = storage(rounds.get_open_round, user_id=mette.id)
        for qid in bank.question_ids[len(first_step) :]:
            storage(rounds.save_rating, user_id=mette.id, round_id=first.id, question_id=qid, rating=3)
        goal = bank.competencies[1].id
        storage(goals.save_goal, user_id=mette.id, round_id=first.id, position=1, competency_id=goal, step="Lyt")
        storage(rounds.set_step, user_id=mette.id, round_id=first.id, step=len(bank.competencies))
        _reload(tab_a)
        click(tab_a, "round-complete")  # tab A completes round 1 ...
        click(tab_a, "round-done-new")
        expect(tab_a.locator(key("round-context")).get_by_role("combobox")).to_have_value("Efter netværksmøde 1")
        click(tab_a, "round-start")  # ... and starts round 2 at the suggested "Efter netværksmøde 1"
        second = storage(rounds.get_open_round, user_id=mette.id)
        assert second.id != first.id and second.context == "efter-moede-1"

        _area(tab_b, f"text-{first_step[0]}").click()  # tab B still shows round 1's first step
        tab_b.keyboard.press("End")
        tab_b.keyboard.type("abc", delay=15)
        tab_b.wait_for_timeout(SETTLE_MS)
        wait_for_idle(tab_b)
        tab_b.wait_for_timeout(SETTLE_MS)  # a further run of tab B would store what it still holds

        for qid in first_step:
            expect(tab_b.locator(f"{key('rating-' + qid)} input[type=radio]:checked")).to_have_count(0)
            expect(_area(tab_b, f"text-{qid}")).to_have_value("")
        click(tab_b, "step-next")  # leaving a step stores what its fields hold that storage lacks
        assert storage(rounds.get_open_round, user_id=mette.id).answers == {}
        old = storage(rounds.get_round, user_id=mette.id, round_id=first.id)
        assert [old.answers[qid].rating for qid in first_step] == [4, 4]
    finally:
        context.close()
