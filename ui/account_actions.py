"""What happens when someone renames themself, changes their password or signs out elsewhere, and
every key of the account page's state."""

from __future__ import annotations

import streamlit as st

from core import texts
from core.auth import refusal_message
from core.limits import PERSON_NAME_MAX_CHARS
from db import accounts
from db.errors import InvalidInputError, NotFoundError, WeakPasswordError, WrongPasswordError
from ui import identity
from ui.flash import Kind, set_flash
from ui.resources import tx

NAME_KEY = "account-name"
CURRENT_PASSWORD_KEY = "password-current"
NEW_PASSWORD_KEY = "password-new"
ACCOUNT_SLOT = "konto"


@identity.live
def change_password(user_id: int) -> None:
    current = st.session_state.get(CURRENT_PASSWORD_KEY) or ""
    new = st.session_state.get(NEW_PASSWORD_KEY) or ""
    try:
        tx(
            accounts.change_password,
            user_id=user_id,
            current=current,
            new=new,
            keep_session=identity.current_session_id(),
        )
    except WrongPasswordError:
        set_flash(ACCOUNT_SLOT, Kind.ERROR, texts.PASSWORD_WRONG)
        return
    except WeakPasswordError as refused:
        set_flash(ACCOUNT_SLOT, Kind.ERROR, refusal_message(refused.reason))
        return
    except NotFoundError:
        set_flash(ACCOUNT_SLOT, Kind.ERROR, texts.PASSWORD_NONE)
        return
    st.session_state[CURRENT_PASSWORD_KEY] = ""
    st.session_state[NEW_PASSWORD_KEY] = ""
    set_flash(ACCOUNT_SLOT, Kind.SUCCESS, texts.PASSWORD_CHANGED)


@identity.live
def rename(user_id: int) -> None:
    try:
        renamed = tx(accounts.rename, user_id=user_id, name=st.session_state.get(NAME_KEY) or "")
    except InvalidInputError:
        set_flash(ACCOUNT_SLOT, Kind.ERROR, texts.NAME_INVALID.format(max=PERSON_NAME_MAX_CHARS))
        return
    st.session_state[NAME_KEY] = renamed.name
    set_flash(ACCOUNT_SLOT, Kind.SUCCESS, texts.NAME_CHANGED.format(name=renamed.name))


@identity.live
def end_other_sessions(user_id: int) -> None:
    tx(accounts.end_sessions, user_id=user_id, keep=identity.current_session_id())
    set_flash(ACCOUNT_SLOT, Kind.SUCCESS, texts.SESSIONS_ENDED)
