"""Where a person lands on the front page (core/landing.py) and what storage tells it (db/landing.py)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from core.landing import Destination, Whereabouts, destination
from db import accounts, agreements, landing, rounds, sharing

NOTHING = Whereabouts(
    open_round=False, completed_rounds=False, pending_agreement=None, follows_leaders=False, is_trainer=False
)
EVERYTHING = Whereabouts(
    open_round=True, completed_rounds=True, pending_agreement=7, follows_leaders=True, is_trainer=True
)


@pytest.mark.parametrize(
    ("facts", "where"),
    [
        (EVERYTHING, Destination.ROUND),
        (replace(EVERYTHING, open_round=False), Destination.AGREEMENT),
        (replace(NOTHING, follows_leaders=True, is_trainer=True), Destination.CODRIVER),
        (replace(EVERYTHING, open_round=False, pending_agreement=None), Destination.COURSES),
        (replace(NOTHING, completed_rounds=True, follows_leaders=True), Destination.OVERVIEW),
        (replace(NOTHING, completed_rounds=True), Destination.OVERVIEW),
        (NOTHING, Destination.FIRST_ROUND),
    ],
)
def test_each_person_lands_where_their_work_is_in_the_issues_order(facts, where):
    assert destination(facts) is where


def test_storage_tells_an_open_round_an_agreement_waiting_and_leaders_followed(
    tx, make_user, make_completed_round, bank, tools
):
    mette, karsten, susanne = make_user("Mette"), make_user("Karsten"), make_user("Susanne")
    assert tx(landing.whereabouts, user_id=mette.id) == NOTHING
    make_completed_round(mette.id)
    tx(rounds.start_round, user_id=mette.id, context="efter-moede-1", note="", bank_version=bank.version)
    tx(
        sharing.redeem_invitation,
        user_id=karsten.id,
        code=tx(sharing.create_invitation, leader_id=mette.id, scope="scores")[1],
    )
    tool = tools.for_talk("personaleleder")
    view = tx(
        agreements.start_agreement, leader_id=mette.id, kind="personaleleder", draft={}, fields=tool.agreement.fields
    )
    code = tx(agreements.create_invitation, leader_id=mette.id, kind="personaleleder")[1]
    tx(agreements.redeem_invitation, user_id=susanne.id, code=code)

    assert tx(landing.whereabouts, user_id=mette.id) == replace(NOTHING, open_round=True, completed_rounds=True)
    assert tx(landing.whereabouts, user_id=karsten.id) == replace(NOTHING, follows_leaders=True)
    assert tx(landing.whereabouts, user_id=susanne.id) == replace(NOTHING, pending_agreement=view.id)
    tx(agreements.mark_agreed, user_id=susanne.id, agreement_id=view.id, as_read=view.updated_at)
    assert tx(landing.whereabouts, user_id=susanne.id) == NOTHING  # agreed: nothing waits for her
    tx(accounts.set_roles, username="Susanne", is_trainer=True)
    assert tx(landing.whereabouts, user_id=susanne.id).is_trainer
