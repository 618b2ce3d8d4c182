"""Sign-in and sign-up forms for local accounts, shown in place of any page until signed in."""

from __future__ import annotations

import streamlit as st

from core import texts
from core.limits import PASSWORD_MAX_CHARS, PASSWORD_MIN_CHARS
from db import accounts
from db.errors import InvalidUsernameError, UsernameTakenError, WeakPasswordError
from ui import identity
from ui.flash import show_flash
from ui.resources import tx

_ERROR_KEY = "login-error"


def _password_message(password: str) -> str:
    if len(password) < PASSWORD_MIN_CHARS:
        return texts.PASSWORD_TOO_SHORT.format(min=PASSWORD_MIN_CHARS)
    return texts.PASSWORD_TOO_LONG.format(max=PASSWORD_MAX_CHARS)


def _fail(form: str, message: str) -> None:
    st.session_state[_ERROR_KEY] = (form, message)


def _submit_login() -> None:
    username = st.session_state.get("login-username") or ""
    password = st.session_state.get("login-password") or ""
    account = tx(accounts.authenticate, username=username, password=password)
    if account is None:
        _fail("login", texts.LOGIN_FAILED)
        return
    identity.sign_in(account)


def _submit_signup() -> None:
    username = st.session_state.get("signup-username") or ""
    password = st.session_state.get("signup-password") or ""
    try:
        account = tx(accounts.create_user, username=username, password=password)
    except InvalidUsernameError:
        _fail("signup", texts.USERNAME_INVALID)
        return
    except WeakPasswordError:
        _fail("signup", _password_message(password))
        return
    except UsernameTakenError:
        _fail("signup", texts.USERNAME_TAKEN)
        return
    identity.sign_in(account)


def _show_error(form: str) -> None:
    failed = st.session_state.get(_ERROR_KEY)
    if failed and failed[0] == form:
        st.error(failed[1])


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
        st.text_input(texts.USERNAME, key="signup-username", help=texts.SIGNUP_HELP, autocomplete="username")
        st.text_input(
            texts.PASSWORD,
            key="signup-password",
            type="password",
            help=texts.PASSWORD_HELP.format(min=PASSWORD_MIN_CHARS),
            autocomplete="new-password",
        )
        st.form_submit_button(texts.SIGNUP_SUBMIT, key="signup-submit", type="primary", on_click=_submit_signup)
    _show_error("signup")


def render_gate() -> None:
    """Show the sign-in and sign-up forms in place of whatever page was asked for."""
    st.title(texts.APP_TITLE, anchor=False)
    st.write(texts.APP_TAGLINE)
    show_flash("login")
    sign_in_tab, sign_up_tab = st.tabs([texts.LOGIN_TAB, texts.SIGNUP_TAB])
    with sign_in_tab:
        render_login()
    with sign_up_tab:
        render_signup()
