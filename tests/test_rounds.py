"""The storage API for rounds, on SQLite and PostgreSQL: every answer kept, only for its owner."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from db import rounds
from db.engine import create_db_engine, make_sessionmaker
from db.errors import (
    EditConflictError,
    IncompleteRoundError,
    InvalidInputError,
    NotFoundError,
    OpenRoundExistsError,
    RoundClosedError,
    TextTooLongError,
)
from db.models import Round
from tests.support.storage import completed_round


@pytest.fixture
def leader(make_user):
    return make_user("leder")


@pytest.fixture
def open_round(tx, leader, bank):
    return tx(
        rounds.start_round, user_id=leader.id, context="efter-moede-1", note="Tema: ensomhed", bank_version=bank.version
    )


def _save(tx, user, round_, qid="trygt-rum-3", rating=None, text=None):
    if rating is not None:
        tx(rounds.save_rating, user_id=user.id, round_id=round_.id, question_id=qid, rating=rating)
    if text is not None:
        tx(rounds.save_text, user_id=user.id, round_id=round_.id, question_id=qid, text=text)
    return tx(rounds.get_round, user_id=user.id, round_id=round_.id).answers.get(qid)


def test_a_new_round_records_context_note_and_bank_version(open_round, bank):
    assert (open_round.context, open_round.note, open_round.bank_version) == (
        "efter-moede-1",
        "Tema: ensomhed",
        bank.version,
    )
    assert open_round.status == "open" and open_round.current_step == 0


def test_rating_and_text_are_kept_and_can_be_changed(tx, leader, open_round):
    _save(tx, leader, open_round, rating=2, text="Første tanke")
    answer = _save(tx, leader, open_round, rating=4, text="Anden tanke")
    assert (answer.rating, answer.text) == (4, "Anden tanke")


def test_saving_the_text_keeps_the_rating_and_vice_versa(tx, leader, open_round):
    _save(tx, leader, open_round, rating=5)
    _save(tx, leader, open_round, text="Tekst")
    answer = _save(tx, leader, open_round, rating=3)
    assert (answer.rating, answer.text) == (3, "Tekst")


def test_danish_letters_emoji_and_markup_round_trip_exactly(tx, leader, open_round):
    typed = "Æbler, øl og ål 🙂🌱 <script>alert('x')</script> **fed** \n\tny linje"
    assert _save(tx, leader, open_round, text=typed).text == typed


def test_a_nul_or_other_invisible_control_character_is_dropped_and_the_rest_stored(tx, leader, open_round):
    """PostgreSQL cannot store a NUL: a reflection pasted with one was lost with an error page."""
    typed = "Jeg lyttede\x00 mere\x1b end jeg talte.\n\tNæste gang: spørg først."
    stored = _save(tx, leader, open_round, text=typed)
    assert stored.text == "Jeg lyttede mere end jeg talte.\n\tNæste gang: spørg først."
    assert _save(tx, leader, open_round, text="\x00\x00").text == ""


def test_whitespace_only_text_is_stored_as_empty(tx, leader, open_round):
    _save(tx, leader, open_round, text="noget")
    assert _save(tx, leader, open_round, text="  \n\t ").text == ""


def test_text_over_the_limit_is_refused_and_the_previous_text_kept(tx, leader, open_round):
    _save(tx, leader, open_round, text="det gamle")
    with pytest.raises(TextTooLongError) as err:
        _save(tx, leader, open_round, text="x" * 5001)
    assert (err.value.length, err.value.limit) == (5001, 5000)
    assert _save(tx, leader, open_round).text == "det gamle"


def _save_based_on(tx, leader, open_round, text: str, based_on: str) -> str:
    return tx(
        rounds.save_text,
        user_id=leader.id,
        round_id=open_round.id,
        question_id="trygt-rum-3",
        text=text,
        based_on=based_on,
    )


def test_a_text_changed_elsewhere_since_it_was_loaded_is_not_overwritten(tx, leader, open_round):
    _save_based_on(tx, leader, open_round, "Fra fanen på arbejdet", based_on="")
    with pytest.raises(EditConflictError) as err:
        _save_based_on(tx, leader, open_round, "Fra fanen derhjemme", based_on="")
    assert err.value.current == "Fra fanen på arbejdet"
    assert _save(tx, leader, open_round).text == "Fra fanen på arbejdet"


def test_a_save_based_on_what_is_stored_goes_through(tx, leader, open_round):
    _save_based_on(tx, leader, open_round, "Først", based_on="")
    assert _save_based_on(tx, leader, open_round, "Først og så", based_on="Først") == "Først og så"
    # The same text arriving twice (a save sent again after a lost connection) is no conflict.
    assert _save_based_on(tx, leader, open_round, "Først og så", based_on="Først") == "Først og så"


def test_text_of_exactly_the_limit_is_stored_whole(tx, leader, open_round):
    assert len(_save(tx, leader, open_round, text="å" * 5000).text) == 5000


@pytest.mark.parametrize("bad", [0, 6, True, 2.5])
def test_ratings_off_the_scale_are_refused(tx, leader, open_round, bad):
    with pytest.raises(InvalidInputError):
        tx(rounds.save_rating, user_id=leader.id, round_id=open_round.id, question_id="trygt-rum-3", rating=bad)
    assert _save(tx, leader, open_round) is None


def test_malformed_question_id_is_refused(tx, leader, open_round):
    with pytest.raises(InvalidInputError):
        tx(rounds.save_rating, user_id=leader.id, round_id=open_round.id, question_id="x'; DROP TABLE", rating=3)


def test_only_one_unfinished_round_at_a_time(tx, leader, open_round, bank):
    with pytest.raises(OpenRoundExistsError):
        tx(rounds.start_round, user_id=leader.id, context="andet", note="", bank_version=bank.version)


def test_the_database_itself_refuses_a_second_open_round(sm, leader, open_round, bank):
    with pytest.raises(IntegrityError), sm.begin() as session:
        session.add(Round(user_id=leader.id, context="andet", note="", bank_version=bank.version))


def test_another_user_cannot_read_or_write_the_round(tx, make_user, leader, open_round):
    _save(tx, leader, open_round, rating=4, text="privat")
    intruder = make_user("nysgerrig")
    with pytest.raises(NotFoundError):
        tx(rounds.get_round, user_id=intruder.id, round_id=open_round.id)
    with pytest.raises(NotFoundError):
        tx(rounds.save_text, user_id=intruder.id, round_id=open_round.id, question_id="trygt-rum-3", text="overskrevet")
    with pytest.raises(NotFoundError):
        tx(rounds.set_step, user_id=intruder.id, round_id=open_round.id, step=5)
    with pytest.raises(NotFoundError):
        tx(rounds.complete_round, user_id=intruder.id, round_id=open_round.id, required_question_ids=[])
    assert tx(rounds.get_open_round, user_id=intruder.id) is None
    assert _save(tx, leader, open_round).text == "privat"


def test_history_holds_only_the_users_own_completed_rounds_oldest_first(tx, make_user, make_completed_round):
    mine, other = make_user("mig"), make_user("andre")
    first = make_completed_round(mine.id, rating=2, context="foer-netvaerket")
    make_completed_round(other.id, rating=5)
    second = make_completed_round(mine.id, rating=4, context="efter-moede-1")
    history = tx(rounds.list_history, user_id=mine.id)
    assert [r.id for r in history] == [first.id, second.id]
    assert all(a.rating == 4 for a in history[1].answers.values())
    assert tx(rounds.count_completed, user_id=mine.id) == 2


def test_unfinished_round_is_not_in_history(tx, leader, open_round):
    assert tx(rounds.list_history, user_id=leader.id) == []


def test_completing_needs_every_rating(tx, leader, open_round, bank):
    for qid in bank.question_ids[:-1]:
        tx(rounds.save_rating, user_id=leader.id, round_id=open_round.id, question_id=qid, rating=3)
    with pytest.raises(IncompleteRoundError) as err:
        tx(rounds.complete_round, user_id=leader.id, round_id=open_round.id, required_question_ids=bank.question_ids)
    assert err.value.missing == [bank.question_ids[-1]]
    assert tx(rounds.get_open_round, user_id=leader.id) is not None


def test_completed_round_is_read_only(tx, leader, make_completed_round):
    done = make_completed_round(leader.id, rating=3)
    assert done.is_completed and done.completed_at is not None
    with pytest.raises(RoundClosedError):
        tx(rounds.save_rating, user_id=leader.id, round_id=done.id, question_id="trygt-rum-3", rating=1)
    with pytest.raises(RoundClosedError):
        tx(rounds.save_text, user_id=leader.id, round_id=done.id, question_id="trygt-rum-3", text="ændret")
    with pytest.raises(RoundClosedError):
        tx(rounds.set_step, user_id=leader.id, round_id=done.id, step=0)
    assert tx(rounds.get_round, user_id=leader.id, round_id=done.id).answers["trygt-rum-3"].rating == 3


def test_a_new_round_can_start_after_completing(tx, leader, make_completed_round, bank):
    make_completed_round(leader.id)
    assert tx(rounds.start_round, user_id=leader.id, context="andet", note="", bank_version=bank.version)


def test_step_is_remembered_and_bounded(tx, leader, open_round):
    tx(rounds.set_step, user_id=leader.id, round_id=open_round.id, step=7)
    assert tx(rounds.get_open_round, user_id=leader.id).current_step == 7
    for bad in (-1, 11):
        with pytest.raises(InvalidInputError):
            tx(rounds.set_step, user_id=leader.id, round_id=open_round.id, step=bad)


def test_latest_completed_is_the_newest(tx, leader, make_completed_round):
    make_completed_round(leader.id, rating=1)
    newest = make_completed_round(leader.id, rating=5)
    assert tx(rounds.latest_completed, user_id=leader.id).id == newest.id


def test_answers_survive_a_restart_of_the_server(database_url, tx, leader, open_round):
    _save(tx, leader, open_round, rating=4, text="Før genstart")
    fresh = create_db_engine(database_url)  # a new process would build a new engine like this
    with make_sessionmaker(fresh).begin() as session:
        answer = rounds.get_open_round(session=session, user_id=leader.id).answers["trygt-rum-3"]
    fresh.dispose()
    assert (answer.rating, answer.text) == (4, "Før genstart")


def test_note_over_its_limit_is_refused(tx, make_user, bank, sm):
    user = make_user("noter")
    with pytest.raises(TextTooLongError):
        tx(rounds.start_round, user_id=user.id, context="andet", note="n" * 501, bank_version=bank.version)
    with sm() as session:
        assert session.scalar(select(Round.id).where(Round.user_id == user.id)) is None


def test_the_walk_through_gets_this_round_and_last_time_in_one_go(tx, leader, make_user, bank):
    assert tx(rounds.open_round_with_previous, user_id=leader.id) == (None, None)
    started = tx(rounds.start_round, user_id=leader.id, context="andet", note="", bank_version=bank.version)
    open_round, previous = tx(rounds.open_round_with_previous, user_id=leader.id)
    assert (open_round.id, open_round.answers, previous) == (started.id, {}, None)
    tx(rounds.delete_round, user_id=leader.id, round_id=started.id)

    completed_round(tx, bank, leader.id, rating=2, text_for=lambda _: "Første gang")
    newest = completed_round(tx, bank, leader.id, rating=4, text_for=lambda _: "Anden gang")
    completed_round(tx, bank, make_user("anden").id, rating=5)  # someone else's, newer still
    current = tx(rounds.start_round, user_id=leader.id, context="andet", note="", bank_version=bank.version)
    _save(tx, leader, current, "trygt-rum-3", rating=3, text="Nu")

    open_round, previous = tx(rounds.open_round_with_previous, user_id=leader.id)
    assert open_round.id == current.id
    assert open_round.answers == {"trygt-rum-3": rounds.AnswerView("trygt-rum-3", 3, "Nu")}
    assert previous.id == newest.id and previous.is_completed
    assert {a.rating for a in previous.answers.values()} == {4} and len(previous.answers) == len(bank.question_ids)
    assert previous.answers["trygt-rum-3"].text == "Anden gang"
