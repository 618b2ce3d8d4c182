"""Min konto: change the password, connect the municipality's login, sign out elsewhere."""

from __future__ import annotations

import streamlit as st

from core import texts
from core.limits import PERSON_NAME_MAX_CHARS
from db import accounts, auth_sessions
from db import sso as sso_storage
from ui import account_actions as actions
from ui import sso
from ui.flash import show_flash
from ui.login import new_password_input
from ui.resources import tx


def render_account(user_id: int, name: str, username: str) -> None:
    """Draw the account page for the person called `name` who signs in as `username`."""
    st.title(texts.ACCOUNT_TITLE, anchor=False)
    show_flash(actions.ACCOUNT_SLOT)
    show_flash(sso.LINK_SLOT)

    st.header(texts.NAME_SECTION, anchor=False)
    st.session_state.setdefault(actions.NAME_KEY, name)
    with st.form("name-form", clear_on_submit=False, enter_to_submit=True):
        st.text_input(
            texts.NAME, key=actions.NAME_KEY, max_chars=PERSON_NAME_MAX_CHARS, help=texts.NAME_HELP, autocomplete="name"
        )
        st.form_submit_button(texts.NAME_SAVE, key="account-name-save", on_click=actions.rename, args=(user_id,))
    st.caption(texts.USERNAME_IS.format(username=username))

    st.header(texts.PASSWORD_SECTION, anchor=False)
    if tx(accounts.has_password, user_id=user_id) and sso.local_accounts():
        with st.form("password-form", clear_on_submit=False):
            st.text_input(
                texts.PASSWORD_CURRENT,
                key=actions.CURRENT_PASSWORD_KEY,
                type="password",
                autocomplete="current-password",
            )
            new_password_input(texts.PASSWORD_NEW, actions.NEW_PASSWORD_KEY)
            st.form_submit_button(
                texts.PASSWORD_CHANGE,
                key="password-change",
                type="primary",
                on_click=actions.change_password,
                args=(user_id,),
            )
    else:
        st.info(texts.PASSWORD_NONE)

    if sso.configured():
        st.header(texts.SSO_SECTION, anchor=False)
        if tx(sso_storage.is_linked, user_id=user_id):
            st.write(texts.SSO_CONNECTED)
        else:
            sso.login_button(key="sso-connect", label=texts.SSO_CONNECT)

    st.header(texts.SESSIONS_SECTION, anchor=False)
    st.write(texts.sessions_count(tx(auth_sessions.live_sessions, user_id=user_id)))
    st.button(
        texts.SESSIONS_END_OTHERS, key="sessions-end-others", on_click=actions.end_other_sessions, args=(user_id,)
    )
