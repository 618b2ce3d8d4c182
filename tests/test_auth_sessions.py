"""Server-side sessions (db/auth_sessions.py) and their revocation, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

import pytest

from core.auth import HANDOFF_TTL, SESSION_IDLE, SESSION_MAX_AGE, token_hash
from core.clock import utcnow
from db import accounts, auth_sessions
from db.errors import WeakPasswordError, WrongPasswordError
from db.models import AuthSession
from tests.conftest import PASSWORD


def _browser(tx, user_id: int, now=None) -> tuple[int, str]:
    """Sign in and hand the code over, as a browser does: (session id, cookie token)."""
    session_id, code = tx(auth_sessions.open_session, user_id=user_id, method="password", now=now)
    cookie = tx(auth_sessions.redeem_handoff, code=code, now=now)
    return session_id, cookie.token


def test_the_hand_over_code_gives_the_cookie_once(tx, make_user):
    mette = make_user("Mette")
    session_id, code = tx(auth_sessions.open_session, user_id=mette.id, method="password")
    assert tx(auth_sessions.check, session_id=session_id).handoff_pending
    cookie = tx(auth_sessions.redeem_handoff, code=code)
    assert cookie is not None and cookie.token != code
    assert tx(auth_sessions.redeem_handoff, code=code) is None
    assert not tx(auth_sessions.check, session_id=session_id).handoff_pending
    assert tx(auth_sessions.session_for_token, token=cookie.token) == session_id
    assert tx(auth_sessions.check_token, token=cookie.token).account == mette
    assert tx(auth_sessions.check_token, token=code) is None
    assert cookie.expires_at - utcnow() > SESSION_MAX_AGE - timedelta(minutes=1)


def test_a_stale_or_unknown_hand_over_code_gives_nothing(tx, make_user):
    mette = make_user("Mette")
    start = utcnow()
    _, code = tx(auth_sessions.open_session, user_id=mette.id, method="password", now=start)
    assert tx(auth_sessions.redeem_handoff, code=code, now=start + HANDOFF_TTL) is None
    assert tx(auth_sessions.redeem_handoff, code="made-up", now=start) is None
    assert tx(auth_sessions.redeem_handoff, code="", now=start) is None


def test_the_database_keeps_only_hashes_of_tokens_and_codes(tx, make_user):
    mette = make_user("Mette")
    session_id, token = _browser(tx, mette.id)

    def row(session):
        found = session.get(AuthSession, session_id)
        return found.token_hash, found.handoff_hash

    stored, handoff = tx(row)
    assert stored == token_hash(token) and token not in stored
    assert handoff is None


def test_a_check_finds_the_person_and_their_standing(tx, make_user):
    mette = make_user("Mette")
    session_id, _ = _browser(tx, mette.id)
    signed = tx(auth_sessions.check, session_id=session_id)
    assert (signed.account, signed.standing.roles.is_admin, signed.standing.is_codriver) == (mette, False, False)


def test_an_idle_session_ends_and_its_row_goes(tx, make_user):
    mette = make_user("Mette")
    start = utcnow()
    session_id, token = _browser(tx, mette.id, now=start)
    assert tx(auth_sessions.check, session_id=session_id, now=start + SESSION_IDLE - timedelta(minutes=1))
    later = start + SESSION_IDLE - timedelta(minutes=1) + SESSION_IDLE
    assert tx(auth_sessions.check, session_id=session_id, now=later) is None
    assert tx(auth_sessions.session_for_token, token=token) is None


def test_use_keeps_a_session_alive_until_its_absolute_limit(tx, make_user):
    mette = make_user("Mette")
    start = utcnow()
    session_id, _ = _browser(tx, mette.id, now=start)
    moment = start
    while moment < start + SESSION_MAX_AGE - timedelta(hours=7):
        moment += timedelta(hours=7)
        assert tx(auth_sessions.check, session_id=session_id, now=moment), moment - start
    assert tx(auth_sessions.check, session_id=session_id, now=start + SESSION_MAX_AGE) is None


def test_signing_out_ends_the_session_for_every_tab(tx, make_user):
    mette = make_user("Mette")
    session_id, token = _browser(tx, mette.id)
    tx(auth_sessions.end_session, session_id=session_id)
    assert tx(auth_sessions.check, session_id=session_id) is None
    assert tx(auth_sessions.session_for_token, token=token) is None


def test_a_password_change_ends_every_other_session_and_keeps_this_one(tx, make_user):
    mette, birthe = make_user("Mette"), make_user("Birthe")
    here, _ = _browser(tx, mette.id)
    phone, _ = _browser(tx, mette.id)
    hers, _ = _browser(tx, birthe.id)
    ended = tx(
        accounts.change_password, user_id=mette.id, current=PASSWORD, new="en ny lang sætning", keep_session=here
    )
    assert ended == 1
    assert tx(auth_sessions.check, session_id=here) and tx(auth_sessions.check, session_id=hers)
    assert tx(auth_sessions.check, session_id=phone) is None
    assert tx(accounts.authenticate, username="Mette", password="en ny lang sætning") == mette
    assert tx(accounts.authenticate, username="Mette", password=PASSWORD) is None


@pytest.mark.parametrize(
    ("current", "new", "error"),
    [
        ("forkert-kode-123", "en ny lang sætning", WrongPasswordError),
        (PASSWORD, "basketball", WeakPasswordError),
        (PASSWORD, "kort", WeakPasswordError),
    ],
)
def test_a_refused_password_change_changes_nothing(tx, make_user, current, new, error):
    mette = make_user("Mette")
    elsewhere, _ = _browser(tx, mette.id)
    with pytest.raises(error):
        tx(accounts.change_password, user_id=mette.id, current=current, new=new, keep_session=None)
    assert tx(accounts.authenticate, username="Mette", password=PASSWORD) == mette
    assert tx(auth_sessions.check, session_id=elsewhere)


def test_deleting_an_account_ends_its_sessions(tx, make_user):
    mette = make_user("Mette")
    session_id, token = _browser(tx, mette.id)
    tx(accounts.delete_account, user_id=mette.id, confirm_username="mette")
    assert tx(auth_sessions.check, session_id=session_id) is None
    assert tx(auth_sessions.session_for_token, token=token) is None
