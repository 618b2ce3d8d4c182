"""Deleting (storage): one round, or a whole account and everything in it, and nothing of anyone else's."""

from __future__ import annotations

import pytest
from sqlalchemy import String, select

from core.privacy import EARLIER, TOO_FEW
from db import accounts, agreements, courses, feedback, goals, rounds, sharing
from db.errors import ConfirmationError, NotFoundError
from db.models import Base


def _rows_naming(sm, user_id: int, username: str | None, round_ids: set[int]) -> list[str]:
    """Every row, in every table, that points at the user or their rounds, or holds their name."""
    found = []
    with sm.begin() as session:
        for table in Base.metadata.sorted_tables:
            for column in table.columns:
                targets = {fk.column.table.name for fk in column.foreign_keys}
                if "users" in targets or (table.name == "users" and column.name == "id"):
                    hits = session.execute(select(table).where(column == user_id)).all()
                elif "rounds" in targets and round_ids:
                    hits = session.execute(select(table).where(column.in_(round_ids))).all()
                elif username is not None and isinstance(column.type, String):
                    hits = session.execute(select(table).where(column.ilike(username))).all()
                else:
                    continue
                found += [f"{table.name}.{column.name}: {tuple(row)}" for row in hits]
    return found


def test_deleting_a_round_takes_its_answers_goals_follow_ups_and_feedback_and_nothing_else(tx, sm, world):
    mette, r1, r2 = world["mette"], world["r1"], world["r2"]
    tx(rounds.delete_round, user_id=mette.id, round_id=r2.id)
    assert [r.id for r in tx(rounds.list_history, user_id=mette.id)] == [r1.id]
    assert _rows_naming(sm, -1, None, {r2.id}) == []
    # Round 1's goal stays; the follow-up told in round 2 went with round 2.
    kept = tx(goals.goals_of_round, user_id=mette.id, round_id=r1.id)
    assert [(g.step, g.followup) for g in kept] == [("Inviter en borger", None)]
    assert [f.overall for f in tx(feedback.feedback_for_leader, leader_id=mette.id)[r1.id]] == ["Godt, Mette"]


def test_deleting_round_one_takes_jonas_comment_on_it(tx, world):
    mette, r1 = world["mette"], world["r1"]
    tx(rounds.delete_round, user_id=mette.id, round_id=r1.id)
    assert tx(feedback.feedback_for_leader, leader_id=mette.id) == {}


def test_nobody_can_delete_someone_elses_round(tx, world):
    with pytest.raises(NotFoundError):
        tx(rounds.delete_round, user_id=world["jonas"].id, round_id=world["r1"].id)
    with pytest.raises(NotFoundError):
        tx(rounds.delete_round, user_id=world["mette"].id, round_id=world["lise_round"].id)
    assert len(tx(rounds.list_history, user_id=world["mette"].id)) == 2
    assert len(tx(rounds.list_history, user_id=world["lise"].id)) == 1


@pytest.mark.parametrize("typed", ["", "Jonas", "Mett", "Mette "[:-2]])
def test_an_account_is_only_deleted_when_its_username_is_typed(tx, world, typed):
    with pytest.raises(ConfirmationError):
        tx(accounts.delete_account, user_id=world["mette"].id, confirm_username=typed)
    assert len(tx(rounds.list_history, user_id=world["mette"].id)) == 2


def test_deleting_an_account_leaves_no_row_naming_the_user_and_keeps_everyone_elses(tx, sm, world):
    mette, jonas, lise = world["mette"], world["jonas"], world["lise"]
    round_ids = {world["r1"].id, world["r2"].id}
    assert _rows_naming(sm, mette.id, "Mette", round_ids)  # the check does see her before
    tx(accounts.delete_account, user_id=mette.id, confirm_username="mette")  # any case
    assert _rows_naming(sm, mette.id, "Mette", round_ids) == []
    with pytest.raises(NotFoundError):
        tx(accounts.get_account, user_id=mette.id)
    assert tx(accounts.authenticate, username="Mette", password="en-god-adgangskode") is None
    # Lise keeps her round but not Mette's comment on it; Jonas keeps his account and no longer co-drives.
    assert [r.id for r in tx(rounds.list_history, user_id=lise.id)] == [world["lise_round"].id]
    assert tx(feedback.feedback_for_leader, leader_id=lise.id) == {}
    assert tx(sharing.is_codriver, user_id=jonas.id) is False
    assert tx(sharing.shares_given, leader_id=lise.id) == []
    assert tx(courses.my_courses, user_id=jonas.id) == []
    assert tx(accounts.get_account, user_id=jonas.id).username == "Jonas"
    # Lise's agreement stays agreed, without Mette's name or comment; Jonas can no longer read Mette's.
    lises = tx(agreements.get_agreement, leader_id=lise.id, kind="co-driver")
    assert lises.is_agreed and lises.agreed_by_name == "" and lises.comments == ()
    assert tx(agreements.invited_to, user_id=jonas.id) == []


def test_a_course_aggregate_is_right_after_a_member_deletes_their_account(tx, join, make_completed_round, board, bank):
    first = bank.competencies[0].id
    people = {name: join(name) for name in ("Anna", "Bodil", "Carl", "Dorte")}
    for user, rating in zip(people.values(), (1, 2, 3, 5), strict=True):
        make_completed_round(user.id, rating=rating)
    assert (board().stats.people, board().stats.mean[first]) == (4, 2.75)
    tx(accounts.delete_account, user_id=people["Dorte"].id, confirm_username="Dorte")
    after = board()
    # The picture of the other three, beside the one of four seen before, would be Dorte's answers:
    # it waits; and the earlier picture, which holds her answers, is not shown again.
    assert (after.verdict.shown, after.verdict.against, after.stats) == (False, EARLIER, None)
    assert [p.name for p in after.participants] == ["Anna", "Bodil", "Carl"]
    late = {name: join(name) for name in ("Erik", "Frida", "Gorm")}
    for user in late.values():
        make_completed_round(user.id, rating=4)
    later = board()
    assert (later.stats.people, later.stats.mean[first]) == (6, 3.0)  # (1 + 2 + 3 + 4 + 4 + 4) / 6
    assert later.stats.distribution[first] == {1: 2, 2: 2, 3: 2, 4: 6}
    for name in ("Carl", "Erik", "Frida", "Gorm"):
        tx(accounts.delete_account, user_id=(people.get(name) or late[name]).id, confirm_username=name)
    hidden = board()
    assert (hidden.verdict.shown, hidden.verdict.reason, hidden.stats) == (False, TOO_FEW, None)
