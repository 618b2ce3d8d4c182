"""Server-side sign-in sessions: opened at sign-in, checked on every page run, ended anywhere.

A session row is the only proof of being signed in. The Streamlit session keeps the row's id
in server memory; the browser keeps a random token in an HttpOnly cookie, and the row keeps
the token's SHA-256. Deleting the row signs that browser out in every tab at its next action.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import bindparam, delete, exists, func, or_, select, update
from sqlalchemy.orm import Session

from core.auth import HANDOFF_TTL, needs_touch, new_token, session_alive, session_expires_at, token_hash
from core.clock import as_utc, utcnow
from db.accounts import AccountView, Roles, Standing
from db.models import (
    Agreement,
    AgreementReader,
    AuthSession,
    CourseMember,
    Network,
    Round,
    Share,
    ToolAnswer,
    User,
)
from db.upsert import rowcount

METHOD_PASSWORD = "password"
METHOD_SSO = "sso"


@dataclass(frozen=True)
class SignedIn:
    """Who a live session belongs to, and what the menu needs to know about them."""

    session_id: int
    account: AccountView
    standing: Standing
    method: str
    handoff_pending: bool = False  # the page has yet to hand its one-time code over for the cookie


@dataclass(frozen=True)
class Cookie:
    """What /api/session puts in the browser: the token and when it stops working."""

    token: str
    expires_at: datetime
    user_id: int


def open_session(*, session: Session, user_id: int, method: str, now: datetime | None = None) -> tuple[int, str]:
    """Start a session for a user who just proved who they are.

    Returns the session's id (kept in server memory) and a one-time hand-over code, which the
    page posts to /api/session within HANDOFF_TTL to receive the cookie.
    """
    now = now or utcnow()
    code = new_token()
    row = AuthSession(
        user_id=user_id,
        handoff_hash=token_hash(code),
        handoff_expires_at=now + HANDOFF_TTL,
        method=method,
        created_at=now,
        last_seen_at=now,
    )
    session.add(row)
    session.flush()
    return row.id, code


def redeem_handoff(*, session: Session, code: str, now: datetime | None = None) -> Cookie | None:
    """Swap a fresh hand-over code for the session's cookie token; None if unknown, used or stale.

    The code works once: it is cleared in the same statement that stores the token's hash.
    """
    now = now or utcnow()
    row = session.scalar(select(AuthSession).where(AuthSession.handoff_hash == token_hash(code or "")))
    if row is None or row.handoff_expires_at is None or now >= as_utc(row.handoff_expires_at):
        return None
    token = new_token()
    claimed = session.execute(
        update(AuthSession)
        .where(AuthSession.id == row.id, AuthSession.handoff_hash == row.handoff_hash)
        .values(token_hash=token_hash(token), handoff_hash=None, handoff_expires_at=None)
    )
    if rowcount(claimed) != 1:
        return None
    return Cookie(token=token, expires_at=session_expires_at(as_utc(row.created_at)), user_id=row.user_id)


def session_for_token(*, session: Session, token: str) -> int | None:
    """Return the id of the session this cookie token belongs to, or None."""
    if not token:
        return None
    return session.scalar(select(AuthSession.id).where(AuthSession.token_hash == token_hash(token)))


# What makes someone a leader here: any of these of their own.
_LEADS = (
    Round.user_id,
    Network.user_id,
    Agreement.user_id,
    ToolAnswer.user_id,
    Share.leader_id,
    CourseMember.user_id,
)

_CHECK = (
    select(
        AuthSession.created_at,
        AuthSession.last_seen_at,
        AuthSession.method,
        AuthSession.handoff_hash.is_not(None),
        User.id,
        User.username,
        User.name,
        User.is_admin,
        User.is_trainer,
        exists().where(Share.codriver_id == User.id),
        or_(*(exists().where(owner == User.id) for owner in _LEADS)),
        exists().where(AgreementReader.user_id == User.id),
    )
    .join(User, User.id == AuthSession.user_id)
    .where(AuthSession.id == bindparam("b_session"))
)  # built once: every page run asks


def check(*, session: Session, session_id: int, now: datetime | None = None) -> SignedIn | None:
    """Return who the live session belongs to, or None if it was ended or has expired.

    An expired session is deleted. "Last seen" is moved on at most every few minutes.
    """
    now = now or utcnow()
    row = session.connection().execute(_CHECK, {"b_session": session_id}).first()
    if row is None:
        return None
    created_at, last_seen_at, method, pending, user_id, username, name, is_admin, is_trainer, *standing_facts = tuple(
        row
    )
    is_codriver, leads, reads = (bool(fact) for fact in standing_facts)
    last_seen_at = as_utc(last_seen_at)
    if not session_alive(as_utc(created_at), last_seen_at, now):
        end_session(session=session, session_id=session_id)
        return None
    if needs_touch(last_seen_at, now):
        session.execute(update(AuthSession).where(AuthSession.id == session_id).values(last_seen_at=now))
    roles = Roles(is_admin=bool(is_admin), is_trainer=bool(is_trainer))
    standing = Standing(roles, is_codriver, leads=leads, reads_agreements=reads)
    return SignedIn(session_id, AccountView(user_id, username, name or username), standing, method, bool(pending))


def check_token(*, session: Session, token: str, now: datetime | None = None) -> SignedIn | None:
    """`check` for the session behind a cookie token (a reload, a new tab), in one transaction."""
    session_id = session_for_token(session=session, token=token)
    return check(session=session, session_id=session_id, now=now) if session_id is not None else None


def end_session(*, session: Session, session_id: int) -> None:
    """Sign this session out (in every tab of that browser)."""
    session.execute(delete(AuthSession).where(AuthSession.id == session_id))


def end_session_by_token(*, session: Session, token: str) -> None:
    """Sign out the session behind a cookie token, if there is one."""
    if token:
        session.execute(delete(AuthSession).where(AuthSession.token_hash == token_hash(token)))


def live_sessions(*, session: Session, user_id: int) -> int:
    """How many sessions a user has open (expired ones are counted until next checked)."""
    return session.scalar(select(func.count()).select_from(AuthSession).where(AuthSession.user_id == user_id)) or 0
