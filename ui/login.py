"""Sign-in and sign-up forms for local accounts."""

from __future__ import annotations

import streamlit as st

from core import texts
from core.limits import PASSWORD_MAX_CHARS, PASSWORD_MIN_CHARS
from db import accounts
from db.errors import InvalidUsernameError, UsernameTakenError, WeakPasswordError
from ui import identity
from ui.resources import tx


def _password_message(password: str) -> str:
    if len(password) < PASSWORD_MIN_CHARS:
        return texts.PASSWORD_TOO_SHORT.format(min=PASSWORD_MIN_CHARS)
    return texts.PASSWORD_TOO_LONG.format(max=PASSWORD_MAX_CHARS)


def render_login() -> None:
    """Show the sign-in form; on success remember the account and rerun."""
    with st.form("login-form"):
        username = st.text_input(texts.USERNAME, key="login-username", autocomplete="username")
        password = st.text_input(texts.PASSWORD, key="login-password", type="password", autocomplete="current-password")
        submitted = st.form_submit_button(texts.LOGIN_SUBMIT, key="login-submit", type="primary")
    if submitted:
        account = tx(accounts.authenticate, username=username or "", password=password or "")
        if account is None:
            st.error(texts.LOGIN_FAILED)
            return
        identity.sign_in(account)
        st.rerun()


def render_signup() -> None:
    """Show the sign-up form; on success sign the new account in and rerun."""
    with st.form("signup-form"):
        username = st.text_input(
            texts.USERNAME, key="signup-username", help=texts.SIGNUP_HELP, autocomplete="username"
        )
        password = st.text_input(
            texts.PASSWORD,
            key="signup-password",
            type="password",
            help=texts.PASSWORD_HELP.format(min=PASSWORD_MIN_CHARS),
            autocomplete="new-password",
        )
        submitted = st.form_submit_button(texts.SIGNUP_SUBMIT, key="signup-submit", type="primary")
    if submitted:
        try:
            account = tx(accounts.create_user, username=username or "", password=password or "")
        except InvalidUsernameError:
            st.error(texts.USERNAME_INVALID)
            return
        except WeakPasswordError:
            st.error(_password_message(password or ""))
            return
        except UsernameTakenError:
            st.error(texts.USERNAME_TAKEN)
            return
        identity.sign_in(account)
        st.rerun()
