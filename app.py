"""Netværksspejlet: page set-up and navigation. No logic lives here.

Every run first finds out who is signed in (ui.identity.resolve: the session this tab holds,
the browser's session cookie, or a fresh single sign-on). The sign-in gate is in
ui.gate.require_user(), which every page calls first: a person who is not signed in sees
the sign-in form at whatever URL they asked for, and lands on that page once signed in.
"""

import streamlit as st

from core import texts
from ui import identity, navigation
from ui.resources import APP_ICON, get_bank, get_sessionmaker, get_settings

st.set_page_config(page_title=texts.APP_TITLE, page_icon=APP_ICON, layout="centered")
get_settings()
get_bank()
get_sessionmaker()

signed_in = identity.resolve()
pages = navigation.pages_for(signed_in.standing if signed_in else None)
st.navigation(pages, position="sidebar" if signed_in else "hidden").run()
