"""The co-driver's voice (storage): who may write feedback, who may read it, and what is kept."""

from __future__ import annotations

import pytest

from db import feedback, rounds, sharing
from db.errors import AccessRevokedError, InvalidInputError, TextTooLongError


@pytest.fixture
def pair(tx, make_user, make_completed_round):
    """Mette shares scores only with her co-driver Jonas; she has one completed round."""
    mette, jonas = make_user("Mette"), make_user("Jonas")
    round_ = make_completed_round(mette.id, rating=3)
    code = tx(sharing.create_invitation, leader_id=mette.id, scope=sharing.SCOPE_SCORES)[1]
    share = tx(sharing.redeem_invitation, user_id=jonas.id, code=code)
    return mette, jonas, round_, share


def test_co_driver_writes_ratings_comments_and_overall_and_the_leader_reads_them(tx, pair, bank):
    mette, jonas, round_, _ = pair
    first = bank.competencies[0].id
    saved = tx(
        feedback.save_feedback,
        author_id=jonas.id,
        round_id=round_.id,
        overall="Stærk start",
        ratings={first: 5},
        comments={first: "Du fik alle med"},
    )
    assert saved.author_name == "Jonas" and saved.items[first].rating == 5
    seen = tx(feedback.feedback_for_leader, leader_id=mette.id)[round_.id]
    assert [(f.author_name, f.overall, f.items[first].comment) for f in seen] == [
        ("Jonas", "Stærk start", "Du fik alle med")
    ]
    assert seen[0].updated_at >= seen[0].created_at


def test_saving_a_part_keeps_the_rest(tx, pair, bank):
    _, jonas, round_, _ = pair
    first = bank.competencies[0].id
    tx(feedback.save_feedback, author_id=jonas.id, round_id=round_.id, overall="Samlet", ratings={first: 2})
    tx(feedback.save_feedback, author_id=jonas.id, round_id=round_.id, comments={first: "Kommentar"})
    tx(feedback.save_feedback, author_id=jonas.id, round_id=round_.id, ratings={first: 4})
    mine = tx(feedback.own_feedback, author_id=jonas.id, round_id=round_.id)
    assert (mine.overall, mine.items[first].rating, mine.items[first].comment) == ("Samlet", 4, "Kommentar")


def test_bad_input_is_refused_and_changes_nothing(tx, pair, bank):
    _, jonas, round_, _ = pair
    first = bank.competencies[0].id
    tx(feedback.save_feedback, author_id=jonas.id, round_id=round_.id, ratings={first: 3}, overall="Før")
    for bad in ({"ratings": {first: 6}}, {"ratings": {first: True}}, {"ratings": {"<script>": 3}}):
        with pytest.raises(InvalidInputError):
            tx(feedback.save_feedback, author_id=jonas.id, round_id=round_.id, overall="Efter", **bad)
    with pytest.raises(TextTooLongError):
        tx(
            feedback.save_feedback,
            author_id=jonas.id,
            round_id=round_.id,
            ratings={first: 1},
            comments={first: "x" * 5001},
        )
    mine = tx(feedback.own_feedback, author_id=jonas.id, round_id=round_.id)
    assert (mine.overall, mine.ratings()) == ("Før", {first: 3})


def test_the_leader_cannot_write_feedback_on_their_own_round(tx, pair, bank):
    mette, _, round_, _ = pair
    with pytest.raises(AccessRevokedError):
        tx(feedback.save_feedback, author_id=mette.id, round_id=round_.id, overall="Jeg er fantastisk")
    assert tx(feedback.feedback_for_leader, leader_id=mette.id) == {}


def test_a_stranger_cannot_write_or_read_feedback_on_a_guessed_round(tx, pair, make_user):
    _, jonas, round_, _ = pair
    tx(feedback.save_feedback, author_id=jonas.id, round_id=round_.id, overall="Fortroligt")
    stranger = make_user("Fremmed")
    with pytest.raises(AccessRevokedError):
        tx(feedback.save_feedback, author_id=stranger.id, round_id=round_.id, overall="Spam")
    with pytest.raises(AccessRevokedError):
        tx(feedback.own_feedback, author_id=stranger.id, round_id=round_.id)
    assert tx(feedback.feedback_for_leader, leader_id=stranger.id) == {}


def test_after_revocation_the_co_driver_can_neither_write_nor_read_but_the_leader_keeps_it(tx, pair):
    mette, jonas, round_, share = pair
    tx(feedback.save_feedback, author_id=jonas.id, round_id=round_.id, overall="Godt gået")
    tx(sharing.revoke_share, leader_id=mette.id, share_id=share.id)
    with pytest.raises(AccessRevokedError):
        tx(feedback.save_feedback, author_id=jonas.id, round_id=round_.id, overall="Ændret bagefter")
    with pytest.raises(AccessRevokedError):
        tx(feedback.own_feedback, author_id=jonas.id, round_id=round_.id)
    assert tx(feedback.feedback_for_leader, leader_id=mette.id)[round_.id][0].overall == "Godt gået"


def test_feedback_on_an_unfinished_round_is_refused(tx, pair, bank):
    mette, jonas, _, _ = pair
    open_round = tx(rounds.start_round, user_id=mette.id, context="andet", note="", bank_version=bank.version)
    with pytest.raises(AccessRevokedError):
        tx(feedback.save_feedback, author_id=jonas.id, round_id=open_round.id, overall="For tidligt")


def test_two_co_drivers_each_keep_their_own_feedback(tx, pair, make_user):
    mette, jonas, round_, _ = pair
    anna = make_user("Anna")
    code = tx(sharing.create_invitation, leader_id=mette.id, scope=sharing.SCOPE_TEXTS)[1]
    tx(sharing.redeem_invitation, user_id=anna.id, code=code)
    tx(feedback.save_feedback, author_id=jonas.id, round_id=round_.id, overall="Fra Jonas")
    tx(feedback.save_feedback, author_id=anna.id, round_id=round_.id, overall="Fra Anna")
    assert tx(feedback.own_feedback, author_id=jonas.id, round_id=round_.id).overall == "Fra Jonas"
    seen = tx(feedback.feedback_for_leader, leader_id=mette.id)[round_.id]
    assert sorted(f.overall for f in seen) == ["Fra Anna", "Fra Jonas"]
