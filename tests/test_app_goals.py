"""Development goals in the app (AppTest): set when a round ends, followed up when the next begins,
shown on the results page and in the personal report."""

from __future__ import annotations

import io

from pypdf import PdfReader

from core import texts
from db import goals, rounds
from tests.support.appflow import (
    answer_step,
    assert_no_exception,
    complete_round,
    headers,
    log_in,
    open_page,
    plain,
    set_goal,
    sign_up,
    start_round,
)


def _to_overview(at, bank, rating=3):
    start_round(at)
    for step in range(len(bank.competencies)):
        answer_step(at, bank, step, rating)
    return at


def _warnings(at) -> list[str]:
    return [plain(w.value) for w in at.warning]


def test_a_round_ends_only_with_a_goal_that_has_a_next_step(new_session, bank):
    at = _to_overview(sign_up(new_session(), "Mette"), bank)
    first, second = bank.competencies[0], bank.competencies[1]
    assert at.button(key="round-complete").disabled
    assert texts.GOALS_TOO_FEW in _warnings(at)
    assert at.text_area(key="goal-step-1").disabled  # nothing to write a step for yet
    at.selectbox(key="goal-competency-1").set_value(first.id).run()
    assert texts.GOALS_WITHOUT_STEP.format(name=first.name) in _warnings(at)
    assert at.button(key="round-complete").disabled
    at.text_area(key="goal-step-1").input("Jeg spørger en borger, før vi beslutter noget").run()
    assert not at.button(key="round-complete").disabled
    # The same competency twice is refused with a message, and the choice goes back.
    at.selectbox(key="goal-competency-2").set_value(first.id).run()
    assert plain(at.error[0].value) == texts.GOAL_DUPLICATE.format(name=first.name)
    assert at.selectbox(key="goal-competency-2").value is None
    set_goal(at, 2, second.id, "Lytte færdig, før jeg svarer")
    at.button(key="round-complete").click().run()
    assert_no_exception(at)
    assert [t.value for t in at.title] == [texts.ROUND_COMPLETED]


def test_goals_typed_on_the_overview_survive_a_lost_connection(new_session, bank, app_tx, account_of):
    at = _to_overview(sign_up(new_session(), "Mette"), bank)
    set_goal(at, 1, bank.competencies[3].id, "Prøve et lille eksperiment på mødet")
    again = log_in(new_session(), "Mette")
    assert again.selectbox(key="goal-competency-1").value == bank.competencies[3].id
    assert again.text_area(key="goal-step-1").value == "Prøve et lille eksperiment på mødet"
    assert again.selectbox(key="goal-competency-2").value is None


def test_the_next_round_asks_how_each_goal_went_and_keeps_the_answers(new_session, bank, app_tx, account_of):
    first, third = bank.competencies[0], bank.competencies[2]
    at = sign_up(new_session(), "Mette")
    complete_round(at, bank, rating=3, goals={first.id: "Invitere en borger", third.id: "Skabe ro på mødet"})
    start_round(at, context="efter-moede-1")
    shown = " ".join(t.value for t in at.text)
    assert "Dit næste skridt var: Invitere en borger" in shown and "Dit næste skridt var: Skabe ro på mødet" in shown
    assert texts.FOLLOWUP_TITLE in headers(at)
    mette = account_of("Mette")
    pending = app_tx(goals.goals_to_follow_up, user_id=mette.id, round_id=app_tx(_open_round_id, user_id=mette.id))
    invite, calm = pending
    at.radio(key=f"goal-followup-{invite.id}").set_value("achieved").run()
    at.text_area(key=f"goal-followup-text-{invite.id}").input("Hun kom – og tog en nabo med.").run()
    assert at.caption[-1].value.startswith("Gemt kl.")
    # A new session (the browser was closed) finds the follow-up as it was left.
    at = log_in(new_session(), "Mette")
    assert at.radio(key=f"goal-followup-{invite.id}").value == "achieved"
    assert at.text_area(key=f"goal-followup-text-{invite.id}").value == "Hun kom – og tog en nabo med."
    for step in range(len(bank.competencies)):
        answer_step(at, bank, step, 4)
    # The overview reminds about the goal not yet followed up, and can take the leader back to it.
    assert [plain(i.value) for i in at.info] == [texts.FOLLOWUP_MISSING.format(count=1)]
    at.button(key="goto-followups").click().run()
    at.radio(key=f"goal-followup-{calm.id}").set_value("not_yet").run()
    for _ in bank.competencies:
        at.button(key="step-next").click().run()
    assert not at.info
    set_goal(at, 1, third.id, "Holde pauser i mødet")
    at.button(key="round-complete").click().run()
    assert_no_exception(at)

    results = open_page(at, "resultater")
    shown = " ".join(t.value for t in results.text)
    assert "Sådan gik det: Lykkedes" in shown and "Hun kom – og tog en nabo med." in shown
    assert "Sådan gik det: Ikke endnu" in shown and "Næste skridt: Holde pauser i mødet" in shown
    captions = [plain(c.value) for c in results.caption]
    assert any(c.endswith("score over tid: 3,0 → 4,0") for c in captions)


def _open_round_id(*, session, user_id):
    return rounds.get_open_round(session=session, user_id=user_id).id


def test_the_report_of_the_latest_round_holds_its_goals_and_follow_ups(new_session, bank, downloads):
    first = bank.competencies[0]
    at = sign_up(new_session(), "Mette")
    complete_round(at, bank, rating=2, text="Første gang æøå", goals={first.id: "Invitere en borger"})
    complete_round(at, bank, rating=4, text="Anden gang ÆØÅ", goals={first.id: "Invitere to borgere"})
    results = open_page(at, "resultater")
    assert results.selectbox(key="report-round").value == 1  # the latest round is chosen
    reader = PdfReader(io.BytesIO(downloads(results, "report-download")))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "Mette" in text and "Næste skridt: Invitere to borgere" in text
    assert "Anden gang ÆØÅ" in text and "Første gang æøå" not in text
    assert "Forrige runde" in text
    results.selectbox(key="report-round").set_value(0).run()
    earlier = PdfReader(io.BytesIO(downloads(results, "report-download")))
    text = " ".join(" ".join(page.extract_text() for page in earlier.pages).split())
    assert "Første gang æøå" in text and "Forrige runde" not in text


def test_a_next_step_over_the_limit_is_refused_and_the_stored_one_kept(new_session, bank, app_tx, account_of):
    at = _to_overview(sign_up(new_session(), "Mette"), bank)
    set_goal(at, 1, bank.competencies[0].id, "Kort og godt")
    at.text_area(key="goal-step-1").input("ø" * 1001).run()
    assert plain(at.error[0].value) == texts.GOAL_STEP_TOO_LONG.format(length="1.001", max="1.000")
    assert at.text_area(key="goal-step-1").value == "ø" * 1001  # still on screen, to shorten
    mette = account_of("Mette")
    kept = app_tx(goals.goals_of_round, user_id=mette.id, round_id=app_tx(_open_round_id, user_id=mette.id))
    assert [g.step for g in kept] == ["Kort og godt"]
