"""Single sign-on with the municipality's OpenID Connect provider, through Streamlit's `st.login`.

Switched on by an `[auth]` section in `.streamlit/secrets.toml`, exactly as Streamlit documents it
(docs/operations.md, "Single sign-on"). Streamlit runs the provider round trip and keeps the provider's claims
in its own cookie; this module turns a *fresh* set of claims into one of our sessions, once per ID
token (db.sso). From then on our own session cookie carries the person, as for a password.

`[netvaerksspejlet] local_accounts = false` in the same file switches off passwords and sign-up.
"""

from __future__ import annotations

import logging
from typing import Any

import streamlit as st

from core import texts
from db import sso
from db.errors import InvalidInputError, SsoLinkError
from db.sso import SsoSignIn
from ui.flash import Kind, set_flash
from ui.resources import GATE_SLOT, tx

log = logging.getLogger("netvaerksspejlet")
_USED_KEY = "sso-used-token"  # the (issuer, subject, iat) of the ID token this session has dealt with
LINK_SLOT = "sso-link"  # the account page shows it: the municipality's login connected, or why not


def _secrets() -> Any:
    try:
        return st.secrets.to_dict()
    except FileNotFoundError:  # Streamlit's error for no secrets file, or one it cannot parse
        return {}


def configured() -> bool:
    """True when an [auth] section for st.login is in the secrets."""
    return bool(_secrets().get("auth"))


def local_accounts() -> bool:
    """True unless SSO is on and `[netvaerksspejlet] local_accounts = false` switches passwords off."""
    if not configured():
        return True
    return _secrets().get("netvaerksspejlet", {}).get("local_accounts", True) is not False


def _provider_claims() -> dict[str, Any] | None:
    """The claims of the person signed in at the provider, or None."""
    # The cheap question first: reading the secrets looks for files on disk on every run.
    if not st.user.get("is_logged_in") or not configured():
        return None
    return st.user.to_dict()


def _token_of(claims: dict[str, Any]) -> tuple:
    """What tells one ID token from the next: who it is for, from whom, and when it was issued."""
    return (claims.get("iss"), claims.get("sub"), claims.get("iat"))


def _fresh_claims() -> dict[str, Any] | None:
    """The provider's claims, if someone is signed in there and this session has not used them yet."""
    claims = _provider_claims()
    if claims is None or st.session_state.get(_USED_KEY) == _token_of(claims):
        return None
    return claims


def _mark(claims: dict[str, Any]) -> None:
    st.session_state[_USED_KEY] = _token_of(claims)


def mark_used() -> None:
    """Remember that this session has dealt with the current ID token (so it is not asked again)."""
    claims = _provider_claims()
    if claims is not None:
        _mark(claims)


def fresh_sign_in() -> SsoSignIn | None:
    """The local account for a fresh provider sign-in, or None (none, or this token was used)."""
    claims = _fresh_claims()
    if claims is None:
        return None
    _mark(claims)
    try:
        return tx(sso.sign_in_with_sso, claims=claims)
    except InvalidInputError as exc:
        log.error("Single sign-on refused: %s", exc)
        set_flash(GATE_SLOT, Kind.ERROR, texts.SSO_FAILED)
        return None


def link_fresh_identity(user_id: int) -> None:
    """Someone signed in here has just signed in at the provider: link that identity to them."""
    claims = _fresh_claims()
    if claims is None:
        return
    _mark(claims)
    try:
        outcome = tx(sso.sign_in_with_sso, claims=claims, link_to=user_id)
    except SsoLinkError:
        set_flash(LINK_SLOT, Kind.ERROR, texts.SSO_LINK_TAKEN)
        return
    except InvalidInputError as exc:
        log.error("Single sign-on link refused: %s", exc)
        set_flash(LINK_SLOT, Kind.ERROR, texts.SSO_FAILED)
        return
    if outcome is not None and outcome.linked:
        set_flash(LINK_SLOT, Kind.SUCCESS, texts.SSO_LINKED)


def login_button(key: str = "sso-login", label: str = texts.SSO_LOGIN) -> None:
    """The button that sends the browser to the provider's login (and back)."""
    if st.button(label, key=key, type="primary", icon=":material/login:"):
        st.login()
