"""Identity: local accounts with argon2 password hashes.

All knowledge of how a person proves who they are lives here, so single sign-on can
later add a second way in that ends in the same AccountView.
"""

from __future__ import annotations

import hmac
import re
from dataclasses import dataclass
from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from argon2.profiles import RFC_9106_LOW_MEMORY
from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from core.auth import (
    RESET_CODE_TTL,
    SCOPE_ACCOUNT,
    SCOPE_CLIENT,
    SCOPE_DEVICE,
    password_problem,
    token_hash,
)
from core.clock import as_utc, utcnow
from core.limits import (
    PERSON_NAME_MAX_CHARS,
    USERNAME_MAX_CHARS,
    USERNAME_MIN_CHARS,
    without_control_characters,
)
from core.person_names import clean_person_name
from core.usernames import fold, skeleton
from db import codes, devices, locks, throttle
from db.errors import (
    ConfirmationError,
    InvalidInputError,
    InvalidUsernameError,
    LookalikeUsernameError,
    NotAllowedError,
    NotFoundError,
    UsernameTakenError,
    WeakPasswordError,
    WrongPasswordError,
)
from db.models import Agreement, AuthSession, User
from db.upsert import rowcount

_USERNAME_RE = re.compile(rf"^[\w.\-]{{{USERNAME_MIN_CHARS},{USERNAME_MAX_CHARS}}}$")
# argon2id at RFC 9106's second recommended cost (3 passes over 64 MiB, 4 lanes: ~0.1 s a check).
_hasher = PasswordHasher.from_parameters(RFC_9106_LOW_MEMORY)
# Reset codes: 12 characters, none of them a look-alike (no 0/O, 1/I/L), in groups of four.
_RESET_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
_RESET_GROUPS = 3
# Verified against when the username is unknown, so both failures cost the same time.
_DUMMY_PASSWORD = "netvaerksspejlet-dummy-password"
_DUMMY_HASH = _hasher.hash(_DUMMY_PASSWORD)


@dataclass(frozen=True)
class AccountView:
    """A signed-in person as the pages see them."""

    id: int
    username: str  # what they sign in with
    name: str  # what they are called by wherever they are named


def account_view(user: User) -> AccountView:
    return AccountView(id=user.id, username=user.username, name=user.name or user.username)


def clean_name(name: str | None) -> str:
    """The name as it will be stored (core/person_names.py), or InvalidInputError if it cannot be
    anyone's: empty, too long, without a visible letter, or the product's own."""
    cleaned = clean_person_name(name, PERSON_NAME_MAX_CHARS)
    if cleaned is None:
        raise InvalidInputError("name")
    return cleaned


def rename(*, session: Session, user_id: int, name: str) -> AccountView:
    """Change the name a person is called by (not their username); InvalidInputError if unusable."""
    user = session.get(User, user_id)
    if user is None:
        raise NotFoundError(f"user {user_id}")
    user.name = clean_name(name)
    return account_view(user)


def username_key(username: str) -> str:
    """Return the case-insensitive key that makes usernames unique (NFKC: ｍｅｔｔｅ is mette)."""
    return fold(without_control_characters(username)).strip().casefold()


def validate_username(username: str) -> str:
    """Return the trimmed username in NFKC form, or raise InvalidUsernameError."""
    cleaned = fold(username).strip()
    if not _USERNAME_RE.fullmatch(cleaned):
        raise InvalidUsernameError(username)
    return cleaned


def name_problem(session: Session, name: str) -> type[UsernameTakenError] | None:
    """Why a valid new name cannot be had: taken, or looking like one that is; None if it is free.

    On PostgreSQL the name's skeleton is held until the transaction ends, so two sign-ups with
    look-alike names at the same moment cannot both get through (SQLite's transactions already
    take turns).
    """
    look = skeleton(name)
    locks.hold(session, [f"username:{look}"])
    if user_named(session, name) is not None:
        return UsernameTakenError
    if session.scalar(select(User.id).where(User.username_skeleton == look).limit(1)) is not None:
        return LookalikeUsernameError
    return None


def new_user(session: Session, name: str, password_hash: str | None, display_name: str = "") -> User:
    """Add the account row for a username `name_problem` found free, called by `display_name`
    (the username itself if none is given)."""
    user = User(
        username=name,
        username_key=username_key(name),
        username_skeleton=skeleton(name),
        name=display_name or name,
        password_hash=password_hash,
    )
    session.add(user)
    session.flush()
    return user


def look_alikes(session: Session) -> list[list[str]]:
    """Groups of existing usernames that look the same on screen (made before they were refused)."""
    groups: dict[str, list[str]] = {}
    for name, look in session.execute(select(User.username, User.username_skeleton).order_by(User.id)):
        groups.setdefault(look, []).append(name)
    return [names for names in groups.values() if len(names) > 1]


def user_named(session: Session, username: str) -> User | None:
    """The account with this username, matched without case (as sign-in and sign-up match it)."""
    return session.scalar(select(User).where(User.username_key == username_key(username)))


def validate_password(password: str, username: str = "") -> None:
    """Raise WeakPasswordError unless the password is long enough, short enough and not common."""
    problem = password_problem(password, username)
    if problem:
        raise WeakPasswordError(problem)


def create_user(*, session: Session, username: str, password: str, name: str | None = None) -> AccountView:
    """Create a local account called by `name` (the username if None); raise on an invalid or
    taken username, an empty or too long name or a weak password."""
    display_name = clean_name(name) if name is not None else ""
    cleaned = validate_username(username)
    validate_password(password, cleaned)
    problem = name_problem(session, cleaned)
    if problem is not None:
        raise problem(cleaned)
    try:
        user = new_user(session, cleaned, _hasher.hash(password), display_name)
    except IntegrityError:
        # Another sign-up with the same name won the race.
        raise UsernameTakenError(cleaned) from None
    return account_view(user)


def _matches(password_hash: str, password: str) -> bool:
    """True if the password is the one behind this argon2 hash."""
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def authenticate(*, session: Session, username: str, password: str) -> AccountView | None:
    """Return the account if the password matches, else None (same cost either way)."""
    user = user_named(session, username)
    stored = user.password_hash if user is not None and user.password_hash else _DUMMY_HASH
    if not _matches(stored, password):
        return None
    if user is None or not user.password_hash:
        return None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    return account_view(user)


@dataclass(frozen=True)
class SignInResult:
    """The outcome of a sign-in attempt: the account, or None and whether attempts are locked out."""

    account: AccountView | None
    locked: bool = False


def _throttle_keys(
    session: Session, username: str, client: str | None, device: str | None, now: datetime
) -> list[throttle.Key]:
    """What this attempt counts against: the device alone if it is this account's, else name and client."""
    known = user_named(session, username) if device else None
    if known is not None and device and devices.owner(session, device, now) == known.id:
        return [(SCOPE_DEVICE, token_hash(device)[:80])]
    keys = [(SCOPE_ACCOUNT, username_key(username)[:80])]
    if client:
        keys.append((SCOPE_CLIENT, client[:80]))
    return keys


def sign_in(
    *,
    session: Session,
    username: str,
    password: str,
    client: str | None,
    device: str | None = None,
    now: datetime | None = None,
) -> SignInResult:
    """Check a password, throttled per account name and per client address, or per trusted device.

    An unknown name and a wrong password fail alike, cost alike (one argon2 verification) and
    count alike, so nothing tells whether an account exists. While locked, the password is not
    even checked. A success clears the account name's count, not the client's. A browser that has
    signed in to this account before (`device`, its device cookie) is counted on its own and is not
    held back by others' failures on the name or the address (core.auth.SCOPE_DEVICE).
    """
    now = now or utcnow()
    keys = _throttle_keys(session, username, client, device, now)
    throttle.hold(session, keys)
    if throttle.locked(session, keys, now):
        return SignInResult(None, locked=True)
    account = authenticate(session=session, username=username, password=password)
    if account is None:
        return SignInResult(None, locked=throttle.record_failure(session, keys, now))
    throttle.forget(session, keys[:1])
    return SignInResult(account)


def change_password(*, session: Session, user_id: int, current: str, new: str, keep_session: int | None) -> int:
    """Replace the password after checking the current one; end every other session.

    Returns how many other sessions were ended. Raises WrongPasswordError or WeakPasswordError,
    changing nothing.
    """
    user = session.get(User, user_id)
    if user is None or not user.password_hash:
        raise NotFoundError(f"user {user_id} has no password")
    if not _matches(user.password_hash, current):
        raise WrongPasswordError()
    validate_password(new, user.username)
    user.password_hash = _hasher.hash(new)
    return end_sessions(session=session, user_id=user_id, keep=keep_session)


def end_sessions(*, session: Session, user_id: int, keep: int | None = None) -> int:
    """End every session of a user except `keep` (signed out everywhere); return how many ended."""
    stmt = delete(AuthSession).where(AuthSession.user_id == user_id)
    if keep is not None:
        stmt = stmt.where(AuthSession.id != keep)
    return rowcount(session.execute(stmt))


def new_reset_code() -> str:
    """Return a one-time code an administrator reads out or sends, e.g. "K7QF-M2XD-9HPA"."""
    return codes.new_code(_RESET_GROUPS, alphabet=_RESET_ALPHABET)


def issue_reset_code(*, session: Session, admin_id: int, user_id: int, now: datetime | None = None) -> str:
    """An administrator resets a user's password: returns a one-time code to give them.

    The old password stops working and every session of the user ends at once. The code works
    once, for RESET_CODE_TTL; only its hash is stored. A new code replaces an earlier one.
    """
    _require_admin(session, admin_id)
    user = session.get(User, user_id)
    if user is None:
        raise NotFoundError(f"user {user_id}")
    code = new_reset_code()
    devices.forget_all(session, user_id)  # someone else may have had the password: trust no browser
    user.password_hash = None
    user.reset_code_hash = token_hash(codes.normalise_code(code))
    user.reset_code_expires_at = (now or utcnow()) + RESET_CODE_TTL
    end_sessions(session=session, user_id=user_id)
    return code


def redeem_reset_code(
    *, session: Session, username: str, code: str, new_password: str, client: str | None, now: datetime | None = None
) -> SignInResult:
    """Set a new password with an administrator's one-time code; throttled like signing in.

    Returns the account (signed in) on success; None for a wrong, used or expired code, which
    counts as a failed attempt (so it is returned, not raised: the count must be committed).
    Raises WeakPasswordError for a refused password (not counted; the code stays usable).
    """
    now = now or utcnow()
    keys = _throttle_keys(session, username, client, None, now)
    throttle.hold(session, keys)
    if throttle.locked(session, keys, now):
        return SignInResult(None, locked=True)
    user = user_named(session, username)
    expected = user.reset_code_hash if user is not None else None
    fresh = user is not None and user.reset_code_expires_at is not None and now < as_utc(user.reset_code_expires_at)
    given = token_hash(codes.normalise_code(code))
    if user is None or not (expected and fresh and hmac.compare_digest(expected, given)):
        return SignInResult(None, locked=throttle.record_failure(session, keys, now))
    validate_password(new_password, user.username)
    user.password_hash = _hasher.hash(new_password)
    user.reset_code_hash = None
    user.reset_code_expires_at = None
    throttle.forget(session, keys[:1])
    return SignInResult(account_view(user))


def has_password(*, session: Session, user_id: int) -> bool:
    """True if the account can sign in with a password (SSO-only accounts cannot)."""
    return bool(session.scalar(select(User.password_hash).where(User.id == user_id)))


def get_account(*, session: Session, user_id: int) -> AccountView:
    """Return the account with this id, or raise NotFoundError."""
    user = session.get(User, user_id)
    if user is None:
        raise NotFoundError(f"user {user_id}")
    return account_view(user)


@dataclass(frozen=True)
class Roles:
    """What a person may do beyond leading their own rounds. Read afresh on every request."""

    is_admin: bool = False
    is_trainer: bool = False


def roles_of(*, session: Session, user_id: int) -> Roles:
    """Return the user's current roles (none for an unknown id)."""
    row = session.execute(select(User.is_admin, User.is_trainer).where(User.id == user_id)).first()
    return Roles(is_admin=bool(row[0]), is_trainer=bool(row[1])) if row else Roles()


@dataclass(frozen=True)
class Standing:
    """What the menu needs to know about a signed-in person, read afresh on every request."""

    roles: Roles
    is_codriver: bool
    leads: bool = False  # has begun on their own network leadership: a round, a network, a talk, ...
    reads_agreements: bool = False  # was invited to read someone's collaboration agreement

    @property
    def reads_only(self) -> bool:
        """Only here to read an agreement (a personaleleder, a referenceleder): the menu keeps to that."""
        roles = self.roles
        return self.reads_agreements and not (self.leads or self.is_codriver or roles.is_trainer or roles.is_admin)


def set_roles(
    *, session: Session, username: str, is_admin: bool | None = None, is_trainer: bool | None = None
) -> Roles:
    """Grant or remove roles by username; NotFoundError if there is no such account."""
    user = user_named(session, username)
    if user is None:
        raise NotFoundError(f"user {username}")
    if is_admin is not None:
        user.is_admin = is_admin
    if is_trainer is not None:
        user.is_trainer = is_trainer
    return Roles(is_admin=user.is_admin, is_trainer=user.is_trainer)


@dataclass(frozen=True)
class AccountRoles:
    id: int
    username: str
    name: str
    is_admin: bool
    is_trainer: bool


def _require_admin(session: Session, user_id: int) -> None:
    if not roles_of(session=session, user_id=user_id).is_admin:
        raise NotAllowedError(f"user {user_id} is not an administrator")


def list_accounts(*, session: Session, admin_id: int) -> list[AccountRoles]:
    """Every account with its roles, for an administrator only."""
    _require_admin(session, admin_id)
    rows = session.execute(
        select(User.id, User.username, User.name, User.is_admin, User.is_trainer).order_by(User.username_key)
    )
    return [
        AccountRoles(uid, username, name or username, bool(admin), bool(trainer))
        for uid, username, name, admin, trainer in rows
    ]


def set_trainer(*, session: Session, admin_id: int, user_id: int, is_trainer: bool) -> None:
    """Grant or remove the trainer role, for an administrator only."""
    _require_admin(session, admin_id)
    user = session.get(User, user_id)
    if user is None:
        raise NotFoundError(f"user {user_id}")
    user.is_trainer = bool(is_trainer)


def delete_account(*, session: Session, user_id: int, confirm_username: str) -> None:
    """Delete the user and everything that is theirs, once they have typed their username.

    Rounds (with answers, goals, follow-ups and feedback on them), invitations and shares both
    ways, feedback they wrote, course memberships and courses they ran all go through the
    database's ON DELETE CASCADE; an invitation they once used forgets them (SET NULL). So do
    their network, tool answers and agreements, and their access to agreements they were invited
    to; an agreement they marked agreed keeps its date but no longer names them.
    """
    user = session.get(User, user_id)
    if user is None:
        raise NotFoundError(f"user {user_id}")
    if username_key(confirm_username or "") != user.username_key:
        raise ConfirmationError("username")
    session.execute(update(Agreement).where(Agreement.agreed_by == user_id).values(agreed_by_name=""))
    session.execute(delete(User).where(User.id == user_id))
