"""Who is signed in to this browser session. The one place pages ask about identity."""

from __future__ import annotations

import streamlit as st

from core import texts
from db.accounts import AccountView

_ACCOUNT_KEY = "account"


def current_user() -> AccountView | None:
    """Return the signed-in account, or None."""
    return st.session_state.get(_ACCOUNT_KEY)


def sign_in(account: AccountView) -> None:
    """Remember the account for this session, dropping anything left by someone else."""
    st.session_state.clear()
    st.session_state[_ACCOUNT_KEY] = account


def sign_out() -> None:
    """Forget everything about this session."""
    st.session_state.clear()


def require_user() -> AccountView:
    """Return the signed-in account and show it in the sidebar; otherwise show sign-in and stop.

    Every page starts with this call, so no page can draw anything for a stranger.
    """
    from ui import login  # login needs the database; import late to keep this module light

    account = current_user()
    if account is None:
        login.render_gate()
        st.stop()
    with st.sidebar:
        st.text(texts.SIGNED_IN_AS.format(username=account.username))
        st.button(texts.LOGOUT, key="logout", on_click=sign_out)
    return account
