"""The walk-through in the app (AppTest): autosave, resume, read-only completion, bad input."""

from __future__ import annotations

from datetime import date

import pytest

from core import texts
from core.estimate import minutes_from_bank
from db import accounts, networks, rounds, sharing
from tests.conftest import PASSWORD
from tests.support.appflow import (
    answer_step,
    assert_no_exception,
    complete_round,
    headers,
    in_page_order,
    log_in,
    plain,
    sign_up,
    start_round,
)


@pytest.fixture
def leader(new_session):
    """A signed-in leader in a fresh session, with a started round."""
    at = sign_up(new_session(), "Mette")
    return start_round(at, context="efter-moede-2", note="Tema: unge uden job")


def test_round_starts_at_the_first_competency_with_progress(leader, bank):
    assert headers(leader) == [bank.competencies[0].name]
    assert leader.get("progress")[0].proto.text == "Kompetence 1 af 10"
    assert "Efter netværksmøde 2" in leader.caption[0].value


def test_each_step_shows_two_ratings_and_two_reflections_with_real_labels(leader, bank):
    questions = bank.competencies[0].questions
    for q in questions:
        assert leader.radio(key=f"rating-{q.id}").label == q.text
        assert leader.text_area(key=f"text-{q.id}").label == q.reflection
    assert leader.radio(key=f"rating-{questions[0].id}").options == [
        "1 – I ringe grad",
        "2",
        "3",
        "4",
        "5 – I meget høj grad",
    ]


def test_every_change_is_saved_at_once_with_a_visible_status(leader, bank, new_session):
    qid = bank.competencies[0].questions[0].id
    leader.radio(key=f"rating-{qid}").set_value(4).run()
    assert any(c.value.startswith("Gemt kl.") for c in leader.caption)
    leader.text_area(key=f"text-{qid}").input("Vi mangler borgerne").run()
    other_tab = log_in(new_session(), "Mette")
    assert other_tab.radio(key=f"rating-{qid}").value == 4
    assert other_tab.text_area(key=f"text-{qid}").value == "Vi mangler borgerne"


def test_leaving_midway_and_logging_in_again_resumes_at_the_same_step(leader, bank, new_session):
    for step in range(4):
        answer_step(leader, bank, step, rating=3, text="Tanker")
    qid = bank.competencies[4].questions[1].id
    leader.radio(key=f"rating-{qid}").set_value(2).run()
    resumed = log_in(new_session(), "Mette")
    assert_no_exception(resumed)
    assert headers(resumed) == [bank.competencies[4].name]
    assert resumed.radio(key=f"rating-{qid}").value == 2
    resumed.button(key="step-back").click().run()
    earlier = bank.competencies[3].questions[0].id
    assert resumed.text_area(key=f"text-{earlier}").value == f"Tanker ({earlier})"


def test_back_is_disabled_on_the_first_step(leader):
    assert leader.button(key="step-back").disabled


def test_the_overview_shows_each_competencys_answers_and_ret_opens_that_step(leader, bank):
    answer_step(leader, bank, 0, rating=3, text="Tanker")
    for _ in range(9):
        leader.button(key="step-next").click().run()
    shown = [t.value for t in leader.text]
    first = bank.competencies[0]
    assert [f"Tanker ({q.id})" in shown for q in first.questions] == [True, True]
    assert shown.count("Din vurdering: 3") == 2
    assert texts.OVERVIEW_SCORE.format(score="3,0") in [plain(c.value) for c in leader.caption]
    # Every competency has its "Ret"; the seventh one opens step 7 at once, not after seven "Tilbage".
    assert all(leader.button(key=f"overview-edit-{c.id}") for c in bank.competencies)
    leader.button(key=f"overview-edit-{bank.competencies[6].id}").click().run()
    assert headers(leader) == [bank.competencies[6].name]
    assert leader.get("progress")[0].proto.text == "Kompetence 7 af 10"


def test_after_a_round_the_start_form_suggests_the_next_point_in_the_network(new_session, bank):
    at = sign_up(new_session(), "Mette")
    assert at.selectbox(key="round-context").value == "foer-netvaerket"
    at = complete_round(at, bank, rating=4, context="efter-moede-2")
    at = at.button(key="round-done-new").click().run()
    assert at.selectbox(key="round-context").value == "efter-moede-3"
    assert texts.rounds_done(1) in [plain(c.value) for c in at.caption]


def test_the_start_page_says_how_long_a_round_takes(new_session, bank):
    at = sign_up(new_session(), "Mette")
    low, high = minutes_from_bank(bank)
    assert texts.START_DURATION.format(low=low, high=high) in [m.value for m in at.markdown]


def test_overview_lists_missing_ratings_and_blocks_completion(leader, bank):
    for _ in range(10):
        leader.button(key="step-next").click().run()
    assert leader.get("progress")[0].proto.text == "Overblik"
    assert leader.button(key="round-complete").disabled
    assert "Du mangler at give en vurdering på 20 spørgsmål:" in [w.value for w in leader.warning]
    leader.button(key=f"goto-{bank.competencies[6].id}").click().run()
    assert headers(leader) == [bank.competencies[6].name]


def test_a_completed_round_is_a_moment_that_stays_until_the_leader_moves_on(new_session, bank, app_tx, account_of):
    at = sign_up(new_session(), "Mette")
    mette = account_of("Mette")
    app_tx(networks.save_network, user_id=mette.id, name="Ensomhed", theme="", meetings=[date(2099, 3, 4)])
    at = complete_round(at, bank, rating=4, goals={bank.competencies[2].id: "Spørge en borger først"})
    assert_no_exception(at)
    assert [t.value for t in at.title] == [texts.ROUND_COMPLETED]  # at the top, nothing above it
    assert not [r for r in at.radio if r.key and r.key.startswith("rating-")]  # the round is locked
    assert not [b for b in at.button if b.key == "round-start"]  # no empty form in place of the moment
    shown = "\n".join(t.value for t in at.text)
    assert f"{bank.competencies[2].name}: Spørge en borger først" in shown
    assert texts.ROUND_DONE_NEXT_MEETING.format(date="4. mar. 2099") in shown
    assert {b.key for b in at.button} >= {"round-done-results", "round-done-share", "round-done-new"}
    at.run()  # a rerun (or a reload, by the address) keeps the moment
    assert [t.value for t in at.title] == [texts.ROUND_COMPLETED]
    at = at.button(key="round-done-results").click().run()
    assert [t.value for t in at.title] == [texts.RESULTS_TITLE]


def test_a_new_round_starts_from_the_moment_not_in_place_of_it(new_session, bank):
    at = complete_round(sign_up(new_session(), "Mette"), bank, rating=4)
    at = at.button(key="round-done-new").click().run()
    assert at.button(key="round-start")
    assert [t.value for t in at.title] == [texts.START_TITLE]


def test_the_moment_offers_sharing_only_while_no_co_driver_follows(new_session, bank, app_tx, account_of):
    at = sign_up(new_session(), "Mette")
    jonas = app_tx(accounts.create_user, username="Jonas", password=PASSWORD)
    code = app_tx(sharing.create_invitation, leader_id=account_of("Mette").id, scope="scores")[1]
    app_tx(sharing.redeem_invitation, user_id=jonas.id, code=code)
    at = complete_round(at, bank, rating=4)
    assert "round-done-share" not in {b.key for b in at.button}


def test_an_address_naming_someone_elses_round_shows_the_start_form(new_session, bank, app_tx, account_of):
    other = complete_round(sign_up(new_session(), "Ole"), bank, rating=3)
    ole_round = app_tx(rounds.latest_completed, user_id=account_of("Ole").id)
    at = sign_up(new_session(), "Mette")
    at.query_params["afsluttet"] = str(ole_round.id)
    at = at.switch_page("pages/refleksion.py").run()
    assert_no_exception(at)
    assert at.button(key="round-start") and not other.exception


def test_second_round_shows_last_answers_open_above_the_fields(new_session, bank):
    at = complete_round(sign_up(new_session(), "Mette"), bank, rating=2, text="Første runde")
    at = start_round(at, context="efter-moede-1")
    qid = bank.competencies[0].questions[0].id
    assert at.radio(key=f"rating-{qid}").value is None
    assert at.text_area(key=f"text-{qid}").value == ""
    last_time = at.expander[0]
    assert last_time.label.startswith("Sidste gang (")
    assert last_time.proto.expanded is True
    assert [t.value for t in last_time.text] == ["Din vurdering: 2", f"Første runde ({qid})"]
    order = in_page_order(at)
    last = next(i for i, n in enumerate(order) if getattr(n, "value", None) == "Din vurdering: 2")
    assert last < next(i for i, n in enumerate(order) if getattr(n, "key", None) == f"rating-{qid}")


def test_a_text_over_the_limit_is_kept_as_a_draft_but_the_answer_stays_what_was_within_it(
    leader, bank, new_session, app_tx, account_of
):
    qid = bank.competencies[0].questions[0].id
    leader.text_area(key=f"text-{qid}").input("Kort og godt").run()
    assert any(c.value.startswith("12 / 5.000 tegn · Gemt kl. ") for c in leader.caption)  # the count leads
    long_text = "Et langt citat. " * 390  # 6,240 characters
    leader.text_area(key=f"text-{qid}").input(long_text).run()
    assert [e.value for e in leader.error] == [texts.TEXT_TOO_LONG.format(length="6.240", max="5.000")]
    stored = app_tx(rounds.get_open_round, user_id=account_of("Mette").id).answers[qid].text
    assert stored == "Kort og godt"  # only a text within the limit is the answer

    again = log_in(new_session(), "Mette")  # the page left, and come back: the long text is there
    assert again.text_area(key=f"text-{qid}").value == long_text
    assert [e.value for e in again.error] == [texts.TEXT_TOO_LONG.format(length="6.240", max="5.000")]

    again.text_area(key=f"text-{qid}").input(long_text[:4000]).run()  # shortened: now it is the answer
    assert app_tx(rounds.get_open_round, user_id=account_of("Mette").id).answers[qid].text == long_text[:4000]
    assert log_in(new_session(), "Mette").text_area(key=f"text-{qid}").value == long_text[:4000]


def test_whitespace_only_text_is_stored_as_empty_and_not_written_back(leader, bank, new_session):
    qid = bank.competencies[0].questions[0].id
    leader.text_area(key=f"text-{qid}").input("Hej").run()
    leader.text_area(key=f"text-{qid}").input("   \n  ").run()
    # The field keeps what was typed (writing back could replace letters typed meanwhile) ...
    assert leader.text_area(key=f"text-{qid}").value == "   \n  "
    # ... and storage holds it as empty.
    assert log_in(new_session(), "Mette").text_area(key=f"text-{qid}").value == ""


def test_a_second_session_resumes_instead_of_starting_another_round(leader, new_session):
    other = log_in(new_session(), "Mette")
    assert not other.button(key="round-start") if "round-start" in [b.key for b in other.button] else True
    assert other.button(key="step-next")


def test_too_long_note_is_refused_with_a_message_and_no_round_starts(new_session):
    at = start_round(sign_up(new_session(), "Mette"), note="n" * 501)
    assert [e.value for e in at.error] == [texts.NOTE_TOO_LONG.format(length=501, max=500)]
    assert at.button(key="round-start")
    assert "step-next" not in [b.key for b in at.button]


def test_a_tab_that_loaded_a_text_before_another_tab_changed_it_says_so_instead_of_overwriting(
    leader, new_session, bank
):
    qid = bank.competencies[0].questions[0].id
    other_tab = log_in(new_session(), "Mette")  # loaded the field while it was still empty
    leader.text_area(key=f"text-{qid}").input("Skrevet i fane A").run()
    other_tab.text_area(key=f"text-{qid}").input("Skrevet i fane B").run()
    assert [w.value for w in other_tab.warning] == [texts.TEXT_CHANGED_ELSEWHERE.format(text="Skrevet i fane A")]
    assert log_in(new_session(), "Mette").text_area(key=f"text-{qid}").value == "Skrevet i fane A"
    other_tab.button(key=f"text-{qid}-keep").click().run()
    assert not other_tab.warning
    assert log_in(new_session(), "Mette").text_area(key=f"text-{qid}").value == "Skrevet i fane B"


def test_a_stale_tab_never_shows_or_writes_the_old_round_inside_the_new_one(new_session, app_tx, bank):
    tab_a = start_round(sign_up(new_session(), "Mette"))
    qid = bank.competencies[0].questions[0].id
    tab_a.radio(key=f"rating-{qid}").set_value(2).run()
    tab_a.text_area(key=f"text-{qid}").input("Den gamle runde").run()
    tab_b = log_in(new_session(), "Mette")
    assert tab_b.text_area(key=f"text-{qid}").value == "Den gamle runde"

    # Tab A finishes that round and starts the next one (here through storage, as tab A would).
    mette = app_tx(accounts.authenticate, username="Mette", password=PASSWORD)
    first = app_tx(rounds.get_open_round, user_id=mette.id)
    for question_id in bank.question_ids:
        app_tx(rounds.save_rating, user_id=mette.id, round_id=first.id, question_id=question_id, rating=3)
    app_tx(rounds.complete_round, user_id=mette.id, round_id=first.id, required_question_ids=bank.question_ids)
    second = app_tx(rounds.start_round, user_id=mette.id, context="efter-moede-1", note="", bank_version=bank.version)

    tab_b.text_area(key=f"text-{qid}").input("Den gamle runde, rettet i den gamle fane").run()
    assert tab_b.text_area(key=f"text-{qid}").value == ""
    assert tab_b.radio(key=f"rating-{qid}").value is None
    assert [i.value for i in tab_b.info] == [texts.ROUND_REPLACED]
    assert app_tx(rounds.get_open_round, user_id=mette.id).answers == {}
    assert app_tx(rounds.get_open_round, user_id=mette.id).id == second.id
