"""Min konto: change the password, connect the municipality's login, sign out elsewhere."""

from __future__ import annotations

import streamlit as st

from core import texts
from core.auth import refusal_message
from core.limits import PERSON_NAME_MAX_CHARS
from db import accounts, auth_sessions
from db import sso as sso_storage
from db.errors import InvalidInputError, NotFoundError, WeakPasswordError, WrongPasswordError
from ui import identity, sso
from ui.flash import set_flash, show_flash
from ui.login import new_password_input
from ui.resources import tx

NAME_KEY = "account-name"


@identity.live
def _change_password(user_id: int) -> None:
    current = st.session_state.get("password-current") or ""
    new = st.session_state.get("password-new") or ""
    try:
        tx(
            accounts.change_password,
            user_id=user_id,
            current=current,
            new=new,
            keep_session=identity.current_session_id(),
        )
    except WrongPasswordError:
        set_flash("konto", "error", texts.PASSWORD_WRONG)
        return
    except WeakPasswordError as refused:
        set_flash("konto", "error", refusal_message(refused.reason))
        return
    except NotFoundError:
        set_flash("konto", "error", texts.PASSWORD_NONE)
        return
    st.session_state["password-current"] = ""
    st.session_state["password-new"] = ""
    set_flash("konto", "success", texts.PASSWORD_CHANGED)


@identity.live
def _rename(user_id: int) -> None:
    try:
        renamed = tx(accounts.rename, user_id=user_id, name=st.session_state.get(NAME_KEY) or "")
    except InvalidInputError:
        set_flash("konto", "error", texts.NAME_INVALID.format(max=PERSON_NAME_MAX_CHARS))
        return
    st.session_state[NAME_KEY] = renamed.name
    set_flash("konto", "success", texts.NAME_CHANGED.format(name=renamed.name))


@identity.live
def _end_other_sessions(user_id: int) -> None:
    tx(accounts.end_sessions, user_id=user_id, keep=identity.current_session_id())
    set_flash("konto", "success", texts.SESSIONS_ENDED)


def render_account(user_id: int, name: str, username: str) -> None:
    """Draw the account page for the person called `name` who signs in as `username`."""
    st.title(texts.ACCOUNT_TITLE, anchor=False)
    show_flash("konto")

    st.header(texts.NAME_SECTION, anchor=False)
    st.session_state.setdefault(NAME_KEY, name)
    with st.form("name-form", clear_on_submit=False, enter_to_submit=True):
        st.text_input(
            texts.NAME, key=NAME_KEY, max_chars=PERSON_NAME_MAX_CHARS, help=texts.NAME_HELP, autocomplete="name"
        )
        st.form_submit_button(texts.NAME_SAVE, key="account-name-save", on_click=_rename, args=(user_id,))
    st.caption(texts.USERNAME_IS.format(username=username))

    st.header(texts.PASSWORD_SECTION, anchor=False)
    if tx(accounts.has_password, user_id=user_id) and sso.local_accounts():
        with st.form("password-form", clear_on_submit=False):
            st.text_input(
                texts.PASSWORD_CURRENT, key="password-current", type="password", autocomplete="current-password"
            )
            new_password_input(texts.PASSWORD_NEW, "password-new")
            st.form_submit_button(
                texts.PASSWORD_CHANGE, key="password-change", type="primary", on_click=_change_password, args=(user_id,)
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
    st.button(texts.SESSIONS_END_OTHERS, key="sessions-end-others", on_click=_end_other_sessions, args=(user_id,))
