"""The sign-in gate, shown in place of any page until signed in: the municipality's login (when
configured), and for local accounts sign-in, sign-up and a new password with a one-time code."""

from __future__ import annotations

import streamlit as st

from core import texts
from core.limits import PASSWORD_MIN_CHARS, PERSON_NAME_MAX_CHARS
from core.links import AGREEMENT_PARAMETER, JOIN_PARAMETER
from ui import login_actions as actions
from ui import sso
from ui.flash import show_flash
from ui.resources import GATE_SLOT


def _show_error(form: str) -> None:
    failed = st.session_state.get(actions.ERROR_KEY)
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
        st.text_input(texts.USERNAME, key=actions.LOGIN_USERNAME_KEY, autocomplete="username")
        st.text_input(texts.PASSWORD, key=actions.LOGIN_PASSWORD_KEY, type="password", autocomplete="current-password")
        st.form_submit_button(texts.LOGIN_SUBMIT, key="login-submit", type="primary", on_click=actions.submit_login)
    _show_error("login")


def render_signup() -> None:
    """Show the sign-up form."""
    with st.form("signup-form"):
        st.text_input(
            texts.NAME,
            key=actions.SIGNUP_NAME_KEY,
            max_chars=PERSON_NAME_MAX_CHARS,
            help=texts.NAME_HELP,
            autocomplete="name",
        )
        st.text_input(texts.USERNAME, key=actions.SIGNUP_USERNAME_KEY, help=texts.SIGNUP_HELP, autocomplete="username")
        new_password_input(texts.PASSWORD, actions.SIGNUP_PASSWORD_KEY)
        st.form_submit_button(texts.SIGNUP_SUBMIT, key="signup-submit", type="primary", on_click=actions.submit_signup)
    _show_error("signup")


def render_reset() -> None:
    """Show the form for a new password with an administrator's one-time code."""
    st.write(texts.RESET_INTRO)
    with st.form("reset-form"):
        st.text_input(texts.USERNAME, key=actions.RESET_USERNAME_KEY, autocomplete="username")
        st.text_input(texts.RESET_CODE, key=actions.RESET_CODE_KEY, autocomplete="one-time-code")
        new_password_input(texts.RESET_NEW_PASSWORD, actions.RESET_PASSWORD_KEY)
        st.form_submit_button(texts.RESET_SUBMIT, key="reset-submit", type="primary", on_click=actions.submit_reset)
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
    show_flash(GATE_SLOT)
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
