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


def _run_through_app_navigation() -> None:
    """Make sure pages run through app.py's st.navigation, never as a bare `pages/` script.

    Streamlit decides per server process, on the first request, whether the app is an old-style
    `pages/` folder app. If that first request is a deep link (say /co-driver) the page script
    runs alone, app.py never calls st.navigation, and every session shows a menu of file names
    until someone opens the front page. Clearing the flag and rerunning sends this and every later
    run through app.py. (PagesManager is internal; the browser tests catch a change in it.)
    """
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def require_user() -> AccountView:
    """Return the signed-in account and show it in the sidebar; otherwise show sign-in and stop.

    Every page starts with this call, so no page can draw anything for a stranger.
    """
    from ui import login  # login needs the database; import late to keep this module light

    _run_through_app_navigation()
    account = current_user()
    if account is None:
        login.render_gate()
        st.stop()
    with st.sidebar:
        st.text(texts.SIGNED_IN_AS.format(username=account.username))
        st.button(texts.LOGOUT, key="logout", on_click=sign_out)
    return account
