"""Trusted devices: the browsers a person has signed in with (core.auth.SCOPE_DEVICE).

After a sign-in, /api/session gives the browser a long-lived HttpOnly device cookie beside the
session cookie (web/session_cookie.py). Only its token's hash is stored. A later sign-in for the
same account from that browser is throttled against the device alone (db/accounts.sign_in).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from core.auth import DEVICE_TTL, new_token, token_hash
from core.clock import as_utc, utcnow
from db.models import TrustedDevice

MOST_PER_PERSON = 20  # browsers remembered per account; the longest unused goes first


def _live(session: Session, token: str | None, now: datetime) -> TrustedDevice | None:
    """The device behind this cookie token, unless unknown or unused for too long."""
    if not token:
        return None
    row = session.scalar(select(TrustedDevice).where(TrustedDevice.token_hash == token_hash(token)))
    return row if row is not None and now - as_utc(row.last_used_at) < DEVICE_TTL else None


def owner(session: Session, token: str | None, now: datetime | None = None) -> int | None:
    """The account this device cookie belongs to, or None (unknown, or unused for too long)."""
    row = _live(session, token, now or utcnow())
    return row.user_id if row is not None else None


def remember(session: Session, user_id: int, token: str | None, now: datetime | None = None) -> str:
    """After a sign-in: the device token this browser should hold for this account.

    The browser's own token if it already belongs to this account (now used again), else a new one.
    """
    now = now or utcnow()
    row = _live(session, token, now)
    if row is not None and token and row.user_id == user_id:
        row.last_used_at = now
        return token
    fresh = new_token()
    session.add(TrustedDevice(user_id=user_id, token_hash=token_hash(fresh), created_at=now, last_used_at=now))
    session.flush()
    kept = select(TrustedDevice.id).where(TrustedDevice.user_id == user_id)
    kept = kept.order_by(TrustedDevice.last_used_at.desc()).limit(MOST_PER_PERSON)
    session.execute(
        delete(TrustedDevice).where(
            TrustedDevice.user_id == user_id,
            TrustedDevice.id.not_in(kept.scalar_subquery()) | (TrustedDevice.last_used_at < now - DEVICE_TTL),
        )
    )
    return fresh


def forget_all(session: Session, user_id: int) -> None:
    """Forget every browser of this person (an administrator's password reset)."""
    session.execute(delete(TrustedDevice).where(TrustedDevice.user_id == user_id))
