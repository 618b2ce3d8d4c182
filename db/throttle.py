"""Counting failed sign-ins per account name and per client, and the locks they lead to."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete
from sqlalchemy.orm import Session

from core.auth import LIMITS, FailureCount, after_failure, is_locked
from core.clock import as_utc
from db import locks
from db.models import SignInFailures
from db.upsert import upsert

Key = tuple[str, str]  # (scope, key): ("account", "mette") or ("client", "10.0.0.7")


def hold(session: Session, keys: list[Key]) -> None:
    """Make concurrent attempts on the same name or client wait for each other until this transaction ends.

    Without it, twelve sign-ins for one name sent at the same moment on PostgreSQL all read "no
    failures yet", all had their password checked, and their counts overwrote each other (lost
    updates). Taken before the lock is read and the password checked, so the count each attempt
    reads is final. PostgreSQL: a transaction-scoped advisory lock per key (the key may have no row
    yet); SQLite: every transaction already begins IMMEDIATE and holds the one write lock.
    """
    locks.hold(session, [f"{scope}:{key}" for scope, key in keys])


def failures(session: Session, scope: str, key: str) -> FailureCount | None:
    """The stored count for one key, or None if it has none."""
    row = session.get(SignInFailures, (scope, key))
    if row is None:
        return None
    locked = as_utc(row.locked_until) if row.locked_until else None
    return FailureCount(row.failures, as_utc(row.first_failed_at), locked)


def locked(session: Session, keys: list[Key], now: datetime) -> bool:
    """True if any of the keys is locked out right now."""
    return any(is_locked(failures(session, scope, key), now) for scope, key in keys)


def record_failure(session: Session, keys: list[Key], now: datetime) -> bool:
    """Count a failed attempt against every key; a key that reaches its limit is locked.

    Returns True if any of the keys is locked now.
    """
    now_locked = False
    for scope, key in keys:
        count = after_failure(failures(session, scope, key), now, LIMITS[scope])
        upsert(
            session,
            SignInFailures,
            keys={SignInFailures.scope: scope, SignInFailures.key: key},
            values={
                "failures": count.failures,
                "first_failed_at": count.first_failed_at,
                "locked_until": count.locked_until,
            },
        )
        now_locked = now_locked or is_locked(count, now)
    return now_locked


def forget(session: Session, keys: list[Key]) -> None:
    """Clear the count for these keys (after a successful sign-in)."""
    for scope, key in keys:
        session.execute(delete(SignInFailures).where(SignInFailures.scope == scope, SignInFailures.key == key))
