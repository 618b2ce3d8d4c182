"""What happens when someone signs in, signs up or sets a new password with a one-time code, and
every key of the sign-in gate's state."""

from __future__ import annotations

import streamlit as st

from core import texts
from core.auth import LOCK_DURATION, refusal_message
from core.limits import PERSON_NAME_MAX_CHARS
from db import accounts
from db.errors import (
    InvalidInputError,
    InvalidUsernameError,
    LookalikeUsernameError,
    UsernameTakenError,
    WeakPasswordError,
)
from ui import client, identity, sso
from ui.resources import tx

LOGIN_USERNAME_KEY = "login-username"
LOGIN_PASSWORD_KEY = "login-password"
SIGNUP_NAME_KEY = "signup-name"
SIGNUP_USERNAME_KEY = "signup-username"
SIGNUP_PASSWORD_KEY = "signup-password"
RESET_USERNAME_KEY = "reset-username"
RESET_CODE_KEY = "reset-code"
RESET_PASSWORD_KEY = "reset-password"
ERROR_KEY = "login-error"  # (form, message): the last refusal, shown under that form


def _typed(key: str) -> str:
    return st.session_state.get(key) or ""


def _locked_message() -> str:
    return texts.LOGIN_LOCKED.format(minutes=int(LOCK_DURATION.total_seconds() // 60))


def _fail(form: str, message: str) -> None:
    st.session_state[ERROR_KEY] = (form, message)


def submit_login() -> None:
    if not sso.local_accounts():
        return
    username = _typed(LOGIN_USERNAME_KEY)
    password = _typed(LOGIN_PASSWORD_KEY)
    result = tx(
        accounts.sign_in,
        username=username,
        password=password,
        client=client.client_address(),
        device=client.device_token(),
    )
    if result.locked:
        _fail("login", _locked_message())
        return
    if result.account is None:
        _fail("login", texts.LOGIN_FAILED)
        return
    identity.sign_in(result.account)


def submit_signup() -> None:
    if not sso.local_accounts():
        return
    name = _typed(SIGNUP_NAME_KEY)
    username = _typed(SIGNUP_USERNAME_KEY)
    password = _typed(SIGNUP_PASSWORD_KEY)
    if not name.strip():
        _fail("signup", texts.NAME_MISSING)
        return
    try:
        account = tx(accounts.create_user, username=username, password=password, name=name)
    except InvalidUsernameError:
        _fail("signup", texts.USERNAME_INVALID)
        return
    except WeakPasswordError as refused:
        _fail("signup", refusal_message(refused.reason))
        return
    except LookalikeUsernameError:
        _fail("signup", texts.USERNAME_LOOKALIKE)
        return
    except UsernameTakenError:
        _fail("signup", texts.USERNAME_TAKEN)
        return
    except InvalidInputError:  # the other refusals above are kinds of it: this is the name
        _fail("signup", texts.NAME_INVALID.format(max=PERSON_NAME_MAX_CHARS))
        return
    identity.sign_in(account)


def submit_reset() -> None:
    if not sso.local_accounts():
        return
    try:
        result = tx(
            accounts.redeem_reset_code,
            username=_typed(RESET_USERNAME_KEY),
            code=_typed(RESET_CODE_KEY),
            new_password=_typed(RESET_PASSWORD_KEY),
            client=client.client_address(),
        )
    except WeakPasswordError as refused:
        _fail("reset", refusal_message(refused.reason))
        return
    if result.account is None:
        _fail("reset", _locked_message() if result.locked else texts.RESET_FAILED)
        return
    identity.sign_in(result.account)
