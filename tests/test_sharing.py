"""Sharing by consent (storage): invitation codes, scopes, revocation, and what a co-driver can read."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlalchemy import text

from core.clock import utcnow
from db import rounds, sharing
from db.errors import AccessRevokedError, InvalidInputError, InvitationError, NotFoundError

SECRET = "HEMMELIG-REFLEKSION-42"


@pytest.fixture
def leader(make_user, make_completed_round):
    user = make_user("Mette")
    make_completed_round(user.id, rating=2, text_for=lambda qid: f"{SECRET} {qid}")
    return user


@pytest.fixture
def invite(tx):
    def make(leader_id: int, scope: str = sharing.SCOPE_TEXTS, **kw) -> str:
        return tx(sharing.create_invitation, leader_id=leader_id, scope=scope, **kw)[1]

    return make


def _share(tx, leader, codriver, invite, scope=sharing.SCOPE_TEXTS):
    return tx(sharing.redeem_invitation, user_id=codriver.id, code=invite(leader.id, scope))


def test_codes_are_twelve_unambiguous_characters_and_never_repeat():
    codes = {sharing.new_code() for _ in range(2000)}
    assert len(codes) == 2000
    assert all(re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}", c) for c in codes)


def test_a_code_typed_loosely_still_works(tx, leader, make_user, invite):
    code = invite(leader.id)
    typed = " " + code.lower().replace("-", " ").replace("0", "o").replace("1", "l") + " "
    share = tx(sharing.redeem_invitation, user_id=make_user("Jonas").id, code=typed)
    assert share.leader_name == "Mette" and share.codriver_name == "Jonas"


def test_only_a_hash_of_the_code_is_stored(sm, tx, leader, invite):
    code = invite(leader.id)
    with sm() as session:
        stored = session.execute(text("SELECT code_hash FROM invitations")).scalar_one()
    assert sharing.normalise_code(code) not in stored and len(stored) == 64


def test_redeeming_creates_a_share_with_the_invitations_scope(tx, leader, make_user, invite):
    jonas = make_user("Jonas")
    share = _share(tx, leader, jonas, invite, scope=sharing.SCOPE_SCORES)
    assert share.scope == sharing.SCOPE_SCORES
    assert [s.codriver_name for s in tx(sharing.shares_given, leader_id=leader.id)] == ["Jonas"]
    assert [s.leader_name for s in tx(sharing.shares_received, codriver_id=jonas.id)] == ["Mette"]
    assert tx(sharing.is_codriver, user_id=jonas.id) and not tx(sharing.is_codriver, user_id=leader.id)


@pytest.mark.parametrize(
    ("prepare", "reason"),
    [
        ("used", InvitationError.USED),
        ("expired", InvitationError.EXPIRED),
        ("withdrawn", InvitationError.WITHDRAWN),
        ("own", InvitationError.OWN),
        ("unknown", InvitationError.UNKNOWN),
    ],
)
def test_codes_that_cannot_be_used_are_refused_with_the_reason(tx, leader, make_user, invite, prepare, reason):
    jonas, anna = make_user("Jonas"), make_user("Anna")
    redeemer = jonas
    if prepare == "expired":
        code = invite(leader.id, now=utcnow() - sharing.INVITATION_VALID_FOR - timedelta(minutes=1))
    else:
        code = invite(leader.id)
    if prepare == "used":
        tx(sharing.redeem_invitation, user_id=anna.id, code=code)
    elif prepare == "withdrawn":
        tx(
            sharing.withdraw_invitation,
            leader_id=leader.id,
            invitation_id=tx(sharing.list_invitations, leader_id=leader.id)[0].id,
        )
    elif prepare == "own":
        redeemer = leader
    elif prepare == "unknown":
        code = sharing.new_code()
    with pytest.raises(InvitationError) as refused:
        tx(sharing.redeem_invitation, user_id=redeemer.id, code=code)
    assert refused.value.reason == reason
    assert not tx(sharing.shares_received, codriver_id=redeemer.id)


def test_a_code_still_works_just_before_it_expires(tx, leader, make_user, invite):
    code = invite(leader.id, now=utcnow() - sharing.INVITATION_VALID_FOR + timedelta(minutes=1))
    assert tx(sharing.redeem_invitation, user_id=make_user("Jonas").id, code=code).leader_id == leader.id


def test_pending_invitations_are_listed_until_used_withdrawn_or_expired(tx, leader, make_user, invite):
    code = invite(leader.id)
    invite(leader.id, now=utcnow() - timedelta(days=8))
    pending = tx(sharing.list_invitations, leader_id=leader.id)
    assert len(pending) == 1 and pending[0].expires_at > utcnow() + timedelta(days=6)
    tx(sharing.redeem_invitation, user_id=make_user("Jonas").id, code=code)
    assert tx(sharing.list_invitations, leader_id=leader.id) == []


def test_a_leader_cannot_withdraw_someone_elses_invitation(tx, leader, make_user, invite):
    invite(leader.id)
    other = make_user("Anden")
    invitation_id = tx(sharing.list_invitations, leader_id=leader.id)[0].id
    with pytest.raises(NotFoundError):
        tx(sharing.withdraw_invitation, leader_id=other.id, invitation_id=invitation_id)
    assert len(tx(sharing.list_invitations, leader_id=leader.id)) == 1


def test_redeeming_again_updates_the_scope_of_the_existing_share(tx, leader, make_user, invite):
    jonas = make_user("Jonas")
    first = _share(tx, leader, jonas, invite, scope=sharing.SCOPE_SCORES)
    second = _share(tx, leader, jonas, invite, scope=sharing.SCOPE_TEXTS)
    assert first.id == second.id and second.scope == sharing.SCOPE_TEXTS
    assert len(tx(sharing.shares_given, leader_id=leader.id)) == 1


def test_unknown_scope_is_refused(tx, leader):
    with pytest.raises(InvalidInputError):
        tx(sharing.create_invitation, leader_id=leader.id, scope="alt")


# --- What a co-driver can read, tried as an attacker would ---------------------------------


def test_a_co_driver_with_texts_scope_sees_completed_rounds_and_texts(tx, leader, make_user, invite):
    jonas = make_user("Jonas")
    _share(tx, leader, jonas, invite)
    shared = tx(sharing.shared_history, codriver_id=jonas.id, leader_id=leader.id)
    assert len(shared.rounds) == 1 and shared.share.includes_texts
    assert all(a.text.startswith(SECRET) for a in shared.rounds[0].answers.values())


def test_a_user_never_invited_gets_nothing(tx, leader, make_user):
    stranger = make_user("Fremmed")
    with pytest.raises(AccessRevokedError):
        tx(sharing.shared_history, codriver_id=stranger.id, leader_id=leader.id)
    assert tx(sharing.shares_received, codriver_id=stranger.id) == []


def test_a_revoked_co_driver_gets_nothing_on_the_next_request(tx, leader, make_user, invite):
    jonas = make_user("Jonas")
    share = _share(tx, leader, jonas, invite)
    tx(sharing.revoke_share, leader_id=leader.id, share_id=share.id)
    with pytest.raises(AccessRevokedError):
        tx(sharing.shared_history, codriver_id=jonas.id, leader_id=leader.id)
    assert not tx(sharing.is_codriver, user_id=jonas.id)


def test_scores_only_scope_strips_every_text_and_the_note(tx, bank, make_user, invite):
    leader = make_user("Mette")
    round_ = tx(rounds.start_round, user_id=leader.id, context="andet", note=SECRET, bank_version=bank.version)
    for qid in bank.question_ids:
        tx(rounds.save_rating, user_id=leader.id, round_id=round_.id, question_id=qid, rating=4)
        tx(rounds.save_text, user_id=leader.id, round_id=round_.id, question_id=qid, text=SECRET)
    tx(rounds.complete_round, user_id=leader.id, round_id=round_.id, required_question_ids=bank.question_ids)
    jonas = make_user("Jonas")
    _share(tx, leader, jonas, invite, scope=sharing.SCOPE_SCORES)
    shared = tx(sharing.shared_history, codriver_id=jonas.id, leader_id=leader.id)
    assert SECRET not in repr(shared)
    assert shared.rounds[0].ratings() == {qid: 4 for qid in bank.question_ids}


def test_narrowing_the_scope_hides_texts_on_the_next_request(tx, leader, make_user, invite):
    jonas = make_user("Jonas")
    share = _share(tx, leader, jonas, invite)
    tx(sharing.set_scope, leader_id=leader.id, share_id=share.id, scope=sharing.SCOPE_SCORES)
    assert SECRET not in repr(tx(sharing.shared_history, codriver_id=jonas.id, leader_id=leader.id))


def test_an_unfinished_round_is_never_shared(tx, bank, leader, make_user, invite):
    jonas = make_user("Jonas")
    _share(tx, leader, jonas, invite)
    open_round = tx(rounds.start_round, user_id=leader.id, context="andet", note="", bank_version=bank.version)
    tx(rounds.save_text, user_id=leader.id, round_id=open_round.id, question_id=bank.question_ids[0], text="KLADDE")
    shared = tx(sharing.shared_history, codriver_id=jonas.id, leader_id=leader.id)
    assert open_round.id not in [r.id for r in shared.rounds] and "KLADDE" not in repr(shared)
    with pytest.raises(AccessRevokedError):
        tx(sharing.shared_round_leader, codriver_id=jonas.id, round_id=open_round.id)


def test_a_share_from_one_leader_opens_nothing_of_another(tx, leader, make_user, make_completed_round, invite):
    jonas, other = make_user("Jonas"), make_user("Anden")
    other_round = make_completed_round(other.id)
    _share(tx, leader, jonas, invite)
    with pytest.raises(AccessRevokedError):
        tx(sharing.shared_history, codriver_id=jonas.id, leader_id=other.id)
    with pytest.raises(AccessRevokedError):
        tx(sharing.shared_round_leader, codriver_id=jonas.id, round_id=other_round.id)


def test_only_the_leader_who_shared_can_change_scope_or_revoke(tx, leader, make_user, invite):
    jonas = make_user("Jonas")
    share = _share(tx, leader, jonas, invite, scope=sharing.SCOPE_SCORES)
    for intruder in (jonas, make_user("Anden")):
        with pytest.raises(NotFoundError):
            tx(sharing.set_scope, leader_id=intruder.id, share_id=share.id, scope=sharing.SCOPE_TEXTS)
        with pytest.raises(NotFoundError):
            tx(sharing.revoke_share, leader_id=intruder.id, share_id=share.id)
    assert tx(sharing.share_for, codriver_id=jonas.id, leader_id=leader.id).scope == sharing.SCOPE_SCORES
