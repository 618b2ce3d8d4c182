"""Development goals (storage): set in one round, followed up in the next, only by their owner."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import update

from core.vocabulary import OUTCOME_ACHIEVED, OUTCOME_PARTLY
from db import goals, rounds
from db.errors import (
    DuplicateGoalError,
    GoalsIncompleteError,
    InvalidInputError,
    NotFoundError,
    RoundClosedError,
    TextTooLongError,
)
from db.models import Round


@pytest.fixture
def open_round(tx, make_user, bank):
    mette = make_user("Mette")
    round_ = tx(rounds.start_round, user_id=mette.id, context="andet", note="", bank_version=bank.version)
    for qid in bank.question_ids:
        tx(rounds.save_rating, user_id=mette.id, round_id=round_.id, question_id=qid, rating=3)
    return mette, round_


def _save(tx, user, round_, position, cid, step="Næste skridt"):
    return tx(goals.save_goal, user_id=user.id, round_id=round_.id, position=position, competency_id=cid, step=step)


def test_goals_are_kept_by_place_and_can_be_changed_and_removed(tx, open_round, bank):
    mette, round_ = open_round
    first, second, third = (c.id for c in bank.competencies[:3])
    _save(tx, mette, round_, 1, first, "Spørg borgerne først")
    _save(tx, mette, round_, 2, second, "Æbler og øl på mødet – små ting tæller")
    _save(tx, mette, round_, 2, third, "Skifter mening")
    kept = tx(goals.goals_of_round, user_id=mette.id, round_id=round_.id)
    assert [(g.position, g.competency_id, g.step) for g in kept] == [
        (1, first, "Spørg borgerne først"),
        (2, third, "Skifter mening"),
    ]
    _save(tx, mette, round_, 1, None)
    assert [g.position for g in tx(goals.goals_of_round, user_id=mette.id, round_id=round_.id)] == [2]


def test_a_competency_can_be_a_goal_only_once_per_round(tx, open_round, bank):
    mette, round_ = open_round
    first = bank.competencies[0].id
    _save(tx, mette, round_, 1, first, "Første")
    with pytest.raises(DuplicateGoalError) as caught:
        _save(tx, mette, round_, 2, first, "Igen")
    assert caught.value.competency_id == first
    assert [g.step for g in tx(goals.goals_of_round, user_id=mette.id, round_id=round_.id)] == ["Første"]


@pytest.mark.parametrize(
    ("position", "cid", "step", "error"),
    [
        (0, "x", "", InvalidInputError),
        (4, "x", "", InvalidInputError),
        (1, "<script>", "", InvalidInputError),
        (1, "ok", "x" * 1001, TextTooLongError),
    ],
)
def test_bad_goals_are_refused_and_change_nothing(tx, open_round, bank, position, cid, step, error):
    mette, round_ = open_round
    cid = bank.competencies[0].id if cid == "ok" else cid
    with pytest.raises(error):
        _save(tx, mette, round_, position, cid, step)
    assert tx(goals.goals_of_round, user_id=mette.id, round_id=round_.id) == []


def test_completing_needs_the_asked_number_of_goals_each_with_a_step(tx, open_round, bank):
    mette, round_ = open_round
    complete = dict(user_id=mette.id, round_id=round_.id, required_question_ids=bank.question_ids, min_goals=1)
    with pytest.raises(GoalsIncompleteError) as none_yet:
        tx(rounds.complete_round, **complete)
    assert none_yet.value.too_few
    first = bank.competencies[0].id
    _save(tx, mette, round_, 1, first, "   ")
    with pytest.raises(GoalsIncompleteError) as without_step:
        tx(rounds.complete_round, **complete)
    assert (without_step.value.too_few, without_step.value.without_step) == (False, [first])
    _save(tx, mette, round_, 1, first, "Ring til skolelederen")
    assert tx(rounds.complete_round, **complete).is_completed


def test_goals_of_a_completed_round_are_locked(tx, make_user, make_completed_round, bank):
    mette = make_user("Mette")
    done = make_completed_round(mette.id, goals={bank.competencies[0].id: "Før"})
    with pytest.raises(RoundClosedError):
        _save(tx, mette, done, 1, bank.competencies[0].id, "Efter")
    assert [g.step for g in tx(goals.goals_of_round, user_id=mette.id, round_id=done.id)] == ["Før"]


def test_the_next_round_follows_up_the_goals_of_the_previous_one(tx, make_user, make_completed_round, bank):
    mette = make_user("Mette")
    first, second = bank.competencies[0].id, bank.competencies[1].id
    make_completed_round(mette.id, goals={bank.competencies[5].id: "Gammelt mål"})
    previous = make_completed_round(mette.id, goals={first: "Inviter en borger", second: "Lyt mere"})
    current = tx(rounds.start_round, user_id=mette.id, context="efter-moede-1", note="", bank_version=bank.version)
    pending = tx(goals.goals_to_follow_up, user_id=mette.id, round_id=current.id)
    assert [(g.round_id, g.competency_id, g.followup) for g in pending] == [
        (previous.id, first, None),
        (previous.id, second, None),
    ]
    goal = pending[0]
    tx(goals.save_followup, user_id=mette.id, round_id=current.id, goal_id=goal.id, outcome=OUTCOME_PARTLY)
    tx(goals.save_followup, user_id=mette.id, round_id=current.id, goal_id=goal.id, text="Hun kom – og blev!")
    tx(goals.save_followup, user_id=mette.id, round_id=current.id, goal_id=goal.id, outcome=OUTCOME_ACHIEVED)
    followup = tx(goals.goals_to_follow_up, user_id=mette.id, round_id=current.id)[0].followup
    assert (followup.round_id, followup.outcome, followup.text) == (current.id, OUTCOME_ACHIEVED, "Hun kom – og blev!")
    listed = tx(goals.list_goals, user_id=mette.id)
    assert [g.step for g in listed] == ["Gammelt mål", "Inviter en borger", "Lyt mere"]
    assert listed[1].followup.outcome == OUTCOME_ACHIEVED


def test_follow_ups_are_only_for_the_previous_rounds_goals_and_only_while_open(
    tx, make_user, make_completed_round, bank
):
    mette = make_user("Mette")
    older = make_completed_round(mette.id, goals={bank.competencies[0].id: "Gammelt"})
    make_completed_round(mette.id, goals={bank.competencies[1].id: "Nyt"})
    current = tx(rounds.start_round, user_id=mette.id, context="andet", note="", bank_version=bank.version)
    old_goal = tx(goals.goals_of_round, user_id=mette.id, round_id=older.id)[0]
    with pytest.raises(NotFoundError):
        tx(goals.save_followup, user_id=mette.id, round_id=current.id, goal_id=old_goal.id, outcome=OUTCOME_ACHIEVED)
    with pytest.raises(InvalidInputError):
        tx(goals.save_followup, user_id=mette.id, round_id=current.id, goal_id=old_goal.id, outcome="maybe")
    with pytest.raises(RoundClosedError):
        tx(goals.save_followup, user_id=mette.id, round_id=older.id, goal_id=old_goal.id, outcome=OUTCOME_ACHIEVED)
    assert tx(goals.goals_of_round, user_id=mette.id, round_id=older.id)[0].followup is None


def test_nobody_else_can_read_set_or_follow_up_a_leaders_goals(tx, make_user, make_completed_round, bank):
    mette, intruder = make_user("Mette"), make_user("Ulrik")
    done = make_completed_round(mette.id, goals={bank.competencies[0].id: "Privat mål"})
    mine = tx(rounds.start_round, user_id=mette.id, context="andet", note="", bank_version=bank.version)
    theirs = tx(rounds.start_round, user_id=intruder.id, context="andet", note="", bank_version=bank.version)
    goal = tx(goals.goals_of_round, user_id=mette.id, round_id=done.id)[0]
    with pytest.raises(NotFoundError):
        tx(goals.goals_of_round, user_id=intruder.id, round_id=done.id)
    with pytest.raises(NotFoundError):
        tx(goals.goals_to_follow_up, user_id=intruder.id, round_id=mine.id)
    with pytest.raises(NotFoundError):
        _save(tx, intruder, mine, 1, bank.competencies[1].id, "Kapret")
    with pytest.raises(NotFoundError):
        tx(goals.save_followup, user_id=intruder.id, round_id=theirs.id, goal_id=goal.id, outcome=OUTCOME_ACHIEVED)
    assert tx(goals.list_goals, user_id=intruder.id) == []
    assert tx(goals.goals_of_round, user_id=mette.id, round_id=done.id)[0].followup is None
    assert tx(goals.goals_of_round, user_id=mette.id, round_id=mine.id) == []


def test_the_previous_round_is_the_one_made_before_whatever_its_dates_say(
    tx, sm, make_user, make_completed_round, bank
):
    """Imported or demo rounds can carry any dates; the round made just before is still "last time"."""

    mette = make_user("Mette")
    previous = make_completed_round(mette.id, goals={bank.competencies[0].id: "Fremtidigt mål"})
    with sm.begin() as session:
        later = datetime(2031, 1, 1, tzinfo=UTC)
        session.execute(update(Round).where(Round.id == previous.id).values(started_at=later, completed_at=later))
    current = tx(rounds.start_round, user_id=mette.id, context="andet", note="", bank_version=bank.version)
    assert [g.step for g in tx(goals.goals_to_follow_up, user_id=mette.id, round_id=current.id)] == ["Fremtidigt mål"]
