"""Single sign-on: from the provider's ID token claims to a local user.

Roles, rounds and everything else stay in our database; the provider only says who someone is.
A person is found by (issuer, subject), which the provider promises never to reuse. Failing that:
an account signed in here at the moment links to the identity (the person chose "connect"); a
verified e-mail already known from another of the person's identities links them; otherwise a new
local user without a password is made.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from core.auth import username_candidates
from db.accounts import AccountView, account_view, clean_name, name_problem, new_user, validate_username
from db.errors import InvalidInputError, InvalidUsernameError, SsoLinkError
from db.models import SsoIdentity, User
from db.upsert import rowcount


@dataclass(frozen=True)
class SsoSignIn:
    """Who the ID token belongs to here, and what happened to reach them."""

    account: AccountView
    created: bool = False  # a new local user was made
    linked: bool = False  # the identity was linked to an existing user just now


def _claim(claims: dict[str, Any], name: str) -> str:
    value = claims.get(name)
    if not isinstance(value, str) or not value.strip() or len(value) > 255:
        raise InvalidInputError(f"claim {name}")
    return value


def _issued_at(claims: dict[str, Any]) -> int:
    value = claims.get("iat")
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        raise InvalidInputError("claim iat")
    return int(value)


def _verified_email(claims: dict[str, Any]) -> str | None:
    email = claims.get("email")
    verified = claims.get("email_verified") in (True, "true", "True")
    return email.strip().casefold() if verified and isinstance(email, str) and "@" in email else None


def _display_name(claims: dict[str, Any], username: str) -> str:
    """The provider's `name` claim, if it is a usable name; else the username."""
    value = claims.get("name")
    try:
        return clean_name(value) if isinstance(value, str) else username
    except InvalidInputError:
        return username


def _new_user(session: Session, claims: dict[str, Any]) -> User:
    for candidate in username_candidates(claims):
        try:
            name = validate_username(candidate)
        except InvalidUsernameError:
            continue
        if name_problem(session, name) is None:
            return new_user(session, name, password_hash=None, display_name=_display_name(claims, name))
    raise InvalidInputError("no free username for this identity")


def _owner_for_new_identity(
    session: Session, claims: dict[str, Any], email: str | None, link_to: int | None
) -> tuple[User, bool, bool]:
    """The user a new identity belongs to, and whether they were created or linked."""
    if link_to is not None:
        return session.get_one(User, link_to), False, True
    if email:
        known = session.scalar(select(SsoIdentity.user_id).where(func.lower(SsoIdentity.email) == email).limit(1))
        if known is not None:
            return session.get_one(User, known), False, True
    return _new_user(session, claims), True, False


def sign_in_with_sso(*, session: Session, claims: dict[str, Any], link_to: int | None = None) -> SsoSignIn | None:
    """Return the local account for a fresh ID token; None if this token already opened a session.

    Each token opens one session at most: its issue time must be newer than the last one used for
    the identity. That keeps a stale provider cookie from signing someone back in after they signed
    out here. With `link_to` (someone signed in here chose to connect), a new identity is linked to
    that account, and an identity that belongs to another account raises SsoLinkError.
    """
    issuer, subject, issued_at = _claim(claims, "iss"), _claim(claims, "sub"), _issued_at(claims)
    email = _verified_email(claims)
    identity = session.scalar(select(SsoIdentity).where(SsoIdentity.issuer == issuer, SsoIdentity.subject == subject))
    if identity is not None:
        if link_to is not None and identity.user_id != link_to:
            raise SsoLinkError(subject)
        claimed = session.execute(
            update(SsoIdentity)
            .where(SsoIdentity.id == identity.id, SsoIdentity.last_issued_at < issued_at)
            .values(last_issued_at=issued_at, email=email or identity.email)
        )
        if rowcount(claimed) != 1:
            return None
        return SsoSignIn(account_view(session.get_one(User, identity.user_id)))

    try:
        with session.begin_nested():  # a race on the same token rolls back only this part
            user, created, linked = _owner_for_new_identity(session, claims, email, link_to)
            session.add(
                SsoIdentity(user_id=user.id, issuer=issuer, subject=subject, email=email, last_issued_at=issued_at)
            )
    except IntegrityError:
        return None  # the same token, arriving twice at once: the other arrival opens the session
    return SsoSignIn(account_view(user), created=created, linked=linked)


def is_linked(*, session: Session, user_id: int) -> bool:
    """True if the account has a provider identity."""
    return session.scalar(select(SsoIdentity.id).where(SsoIdentity.user_id == user_id).limit(1)) is not None
