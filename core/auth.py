"""The rules of signing in, as plain functions: session lifetimes, throttling, passwords, codes.

Nothing here touches the database or Streamlit; db/ stores what these functions decide.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path

from core import texts
from core.limits import PASSWORD_MAX_CHARS, PASSWORD_MIN_CHARS

# A session ends after 8 hours without use, and 14 days after sign-in whatever happens.
SESSION_IDLE = timedelta(hours=8)
SESSION_MAX_AGE = timedelta(days=14)
# "Last seen" is written at most this often, so an ordinary rerun does not write to the database.
SESSION_TOUCH_EVERY = timedelta(minutes=5)
# The page has this long to hand the one-time code to /api/session for the cookie.
HANDOFF_TTL = timedelta(minutes=2)
# An administrator's reset code works for this long, once.
RESET_CODE_TTL = timedelta(hours=72)

# Failed sign-ins: after ACCOUNT_LIMIT failures for one username (known or not), or CLIENT_LIMIT
# from one address, within FAILURE_WINDOW, further attempts are refused for LOCK_DURATION.
ACCOUNT_LIMIT = 5
CLIENT_LIMIT = 20
FAILURE_WINDOW = timedelta(minutes=15)
LOCK_DURATION = timedelta(minutes=15)
SCOPE_ACCOUNT = "account"
SCOPE_CLIENT = "client"
# A browser a person has signed in with before (its device cookie, db/devices.py) is counted on its
# own, with the account's limit, and is held back by no one else's failures: twenty typos from one
# municipal address, or five guesses at someone's name, lock out strangers, not the people who work
# there (OWASP's "device cookies").
SCOPE_DEVICE = "device"
DEVICE_TTL = timedelta(days=180)  # a device cookie unused for this long is forgotten
LIMITS = {SCOPE_ACCOUNT: ACCOUNT_LIMIT, SCOPE_CLIENT: CLIENT_LIMIT, SCOPE_DEVICE: ACCOUNT_LIMIT}

_COMMON_PASSWORDS = Path(__file__).resolve().parent / "data" / "common-passwords.txt"


def forwarded_client(value: str, hops: int = 1) -> str | None:
    """The client's address from a proxy header such as X-Forwarded-For, or None if it has none.

    Each proxy appends the address it received the request from, so only the right-most `hops`
    entries were written by proxies we run; anything left of them the client typed itself (rotating
    the first entry gave a fresh throttling key per guess). So the entry `hops` from the right is
    taken; a header with fewer entries came past fewer proxies, and its left-most entry is the
    nearest we have.
    """
    entries = [entry.strip() for entry in value.split(",")]
    entries = [entry for entry in entries if entry]
    if not entries:
        return None
    return entries[-hops] if len(entries) >= hops else entries[0]


def new_token() -> str:
    """Return an unguessable token (256 bits) for a cookie or a one-time hand-over."""
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    """Return the SHA-256 of a token: what the database keeps instead of the token itself."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def session_alive(created_at: datetime, last_seen_at: datetime, now: datetime) -> bool:
    """True while the session is within both its idle timeout and its absolute limit."""
    return now - last_seen_at < SESSION_IDLE and now - created_at < SESSION_MAX_AGE


def needs_touch(last_seen_at: datetime, now: datetime) -> bool:
    """True when "last seen" is old enough to be worth writing again."""
    return now - last_seen_at >= SESSION_TOUCH_EVERY


def session_expires_at(created_at: datetime) -> datetime:
    """The absolute end of a session: the cookie's own expiry."""
    return created_at + SESSION_MAX_AGE


@dataclass(frozen=True)
class FailureCount:
    """Failed sign-ins for one account name or one client, as stored."""

    failures: int
    first_failed_at: datetime
    locked_until: datetime | None


def is_locked(count: FailureCount | None, now: datetime) -> bool:
    """True while a lock from earlier failures is still in force."""
    return count is not None and count.locked_until is not None and now < count.locked_until


def after_failure(count: FailureCount | None, now: datetime, limit: int) -> FailureCount:
    """Count one more failure; the limit-th failure within the window locks for LOCK_DURATION."""
    if (
        count is None
        or now - count.first_failed_at >= FAILURE_WINDOW
        or (count.locked_until and now >= count.locked_until)
    ):
        count = FailureCount(0, now, None)
    failures = count.failures + 1
    locked_until = now + LOCK_DURATION if failures >= limit else None
    return FailureCount(failures, count.first_failed_at, locked_until)


@cache
def common_passwords() -> frozenset[str]:
    """The shipped list of common passwords, case-folded."""
    lines = _COMMON_PASSWORDS.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().casefold() for line in lines if line.strip() and not line.startswith("#"))


def password_problem(password: str, username: str = "") -> str | None:
    """Why a new password is refused ("short", "long", "common" or "username"), or None if it is fine."""
    if len(password) < PASSWORD_MIN_CHARS:
        return "short"
    if len(password) > PASSWORD_MAX_CHARS:
        return "long"
    folded = password.casefold()
    if folded in common_passwords():
        return "common"
    if username and folded == username.strip().casefold():
        return "username"
    return None


def refusal_message(reason: str) -> str:
    """Why a new password was refused, in Danish, for a reason from password_problem."""
    return texts.PASSWORD_REFUSED[reason].format(min=PASSWORD_MIN_CHARS, max=PASSWORD_MAX_CHARS)


def username_candidates(claims: dict[str, object]) -> list[str]:
    """Local usernames to try for a new SSO user, best first, from the provider's claims.

    The part of the e-mail before "@" (or the preferred username), cleaned to what a local
    username may hold; numbered variants follow in case the name is taken.
    """
    raw = ""
    for claim in ("preferred_username", "email"):
        value = claims.get(claim)
        if isinstance(value, str) and value.strip():
            raw = value.split("@", 1)[0]
            break
    base = re.sub(r"[^\w.\-]", "", raw)[:36] or "bruger"
    if len(base) < 3:
        base = f"{base}-sso"
    return [base] + [f"{base}{n}" for n in range(2, 100)]
