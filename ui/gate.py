"""The sign-in gate in front of every page: the page's own content for someone signed in, the
ways to sign in (ui/login.py) for anyone else, at whatever URL they asked for."""

from __future__ import annotations

import streamlit as st

from core import texts
from db.accounts import AccountView
from ui import identity, login
from ui.browser import autosave_text_fields


def require_user() -> AccountView:
    """Return the signed-in account and show it in the sidebar; otherwise show sign-in and stop.

    Every page starts with this call, so no page can draw anything for a stranger.
    """
    _run_through_app_navigation()
    account = identity.current_user()
    if account is None:
        login.render_gate()
        identity.sync_cookie()
        st.stop()
    with st.sidebar:
        st.text(texts.SIGNED_IN_AS.format(name=account.name))
        st.button(texts.LOGOUT, key="logout", on_click=identity.sign_out)
        identity.sync_cookie()
        autosave_text_fields()
    return account


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
