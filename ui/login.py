"""The sign-in gate, shown in place of any page until signed in: the municipality's login (when
configured), and for local accounts sign-in, sign-up and a new password with a one-time code."""

from __future__ import annotations

import streamlit as st

from core import texts
from core.auth import LOCK_DURATION, refusal_message
from core.limits import PASSWORD_MIN_CHARS, PERSON_NAME_MAX_CHARS
from core.links import AGREEMENT_PARAMETER, JOIN_PARAMETER
from db import accounts
from db.errors import (
    InvalidInputError,
    InvalidUsernameError,
    LookalikeUsernameError,
    UsernameTakenError,
    WeakPasswordError,
)
from ui import identity, sso
from ui.flash import show_flash
from ui.resources import tx

_ERROR_KEY = "login-error"


def _locked_message() -> str:
    return texts.LOGIN_LOCKED.format(minutes=int(LOCK_DURATION.total_seconds() // 60))


def _fail(form: str, message: str) -> None:
    st.session_state[_ERROR_KEY] = (form, message)


def _submit_login() -> None:
    if not sso.local_accounts():
        return
    username = st.session_state.get("login-username") or ""
    password = st.session_state.get("login-password") or ""
    result = tx(
        accounts.sign_in,
        username=username,
        password=password,
        client=identity.client_address(),
        device=identity.device_token(),
    )
    if result.locked:
        _fail("login", _locked_message())
        return
    if result.account is None:
        _fail("login", texts.LOGIN_FAILED)
        return
    identity.sign_in(result.account)


def _submit_signup() -> None:
    if not sso.local_accounts():
        return
    name = st.session_state.get("signup-name") or ""
    username = st.session_state.get("signup-username") or ""
    password = st.session_state.get("signup-password") or ""
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


def _submit_reset() -> None:
    if not sso.local_accounts():
        return
    try:
        result = tx(
            accounts.redeem_reset_code,
            username=st.session_state.get("reset-username") or "",
            code=st.session_state.get("reset-code") or "",
            new_password=st.session_state.get("reset-password") or "",
            client=identity.client_address(),
        )
    except WeakPasswordError as refused:
        _fail("reset", refusal_message(refused.reason))
        return
    if result.account is None:
        _fail("reset", _locked_message() if result.locked else texts.RESET_FAILED)
        return
    identity.sign_in(result.account)


def _show_error(form: str) -> None:
    failed = st.session_state.get(_ERROR_KEY)
    if failed and failed[0] == form:
        st.error(failed[1])


def new_password_input(label: str, key: str) -> None:
    """A field for choosing a password, with the rules as help (sign-up, reset code, Min konto)."""
    st.text_input(
        label,
        key=key,
        type="password",
        help=texts.PASSWORD_HELP.format(min=PASSWORD_MIN_CHARS),
        autocomplete="new-password",
    )


def render_login() -> None:
    """Show the sign-in form."""
    with st.form("login-form"):
        st.text_input(texts.USERNAME, key="login-username", autocomplete="username")
        st.text_input(texts.PASSWORD, key="login-password", type="password", autocomplete="current-password")
        st.form_submit_button(texts.LOGIN_SUBMIT, key="login-submit", type="primary", on_click=_submit_login)
    _show_error("login")


def render_signup() -> None:
    """Show the sign-up form."""
    with st.form("signup-form"):
        st.text_input(
            texts.NAME, key="signup-name", max_chars=PERSON_NAME_MAX_CHARS, help=texts.NAME_HELP, autocomplete="name"
        )
        st.text_input(texts.USERNAME, key="signup-username", help=texts.SIGNUP_HELP, autocomplete="username")
        new_password_input(texts.PASSWORD, "signup-password")
        st.form_submit_button(texts.SIGNUP_SUBMIT, key="signup-submit", type="primary", on_click=_submit_signup)
    _show_error("signup")


def render_reset() -> None:
    """Show the form for a new password with an administrator's one-time code."""
    st.write(texts.RESET_INTRO)
    with st.form("reset-form"):
        st.text_input(texts.USERNAME, key="reset-username", autocomplete="username")
        st.text_input(texts.RESET_CODE, key="reset-code", autocomplete="one-time-code")
        new_password_input(texts.RESET_NEW_PASSWORD, "reset-password")
        st.form_submit_button(texts.RESET_SUBMIT, key="reset-submit", type="primary", on_click=_submit_reset)
    _show_error("reset")


def render_gate() -> None:
    """Show the ways to sign in, in place of whatever page was asked for."""
    st.title(texts.APP_TITLE, anchor=False)
    st.write(texts.APP_TAGLINE)
    by_link = bool(st.query_params.get(JOIN_PARAMETER))  # came by a course's link or QR code
    if by_link:
        st.info(texts.JOIN_LINK_GATE)
    elif st.query_params.get(AGREEMENT_PARAMETER):  # came by the link to a collaboration agreement
        by_link = True
        st.info(texts.AGREEMENT_LINK_GATE)
    show_flash("login")
    if sso.configured():
        sso.login_button()
        if not sso.local_accounts():
            st.caption(texts.SSO_ONLY)
            return
        st.write(texts.SSO_OR)
    # Most who scan a course's code in the room are new here: sign-up opens first for them.
    sign_in_tab, sign_up_tab, reset_tab = st.tabs(
        [texts.LOGIN_TAB, texts.SIGNUP_TAB, texts.RESET_TAB], default=texts.SIGNUP_TAB if by_link else None
    )
    with sign_in_tab:
        render_login()
    with sign_up_tab:
        render_signup()
    with reset_tab:
        render_reset()
