"""Who is signed in to this browser session. The one place pages ask about identity."""

from __future__ import annotations

import streamlit as st

from db.accounts import AccountView

_ACCOUNT_KEY = "account"


def current_user() -> AccountView | None:
    """Return the signed-in account, or None."""
    return st.session_state.get(_ACCOUNT_KEY)


def require_user() -> AccountView:
    """Return the signed-in account; stop the page if nobody is signed in."""
    account = current_user()
    if account is None:
        st.stop()
    return account


def sign_in(account: AccountView) -> None:
    """Remember the account for this session, dropping anything left by someone else."""
    st.session_state.clear()
    st.session_state[_ACCOUNT_KEY] = account


def sign_out() -> None:
    """Forget everything about this session."""
    st.session_state.clear()
