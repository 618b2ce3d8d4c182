"""Netværksspejlet: page set-up and navigation. No logic lives here.

The sign-in gate is in ui.identity.require_user(), which every page calls first: a person
who is not signed in sees the sign-in form at whatever URL they asked for, and lands on
that page once signed in.
"""

import streamlit as st

from core import texts
from ui import identity, navigation
from ui.resources import get_bank, get_sessionmaker

st.set_page_config(page_title=texts.APP_TITLE, page_icon=":material/diversity_3:", layout="centered")
get_bank()
get_sessionmaker()

pages = navigation.pages_for(identity.current_user())  # signs out a session whose account is gone
st.navigation(pages, position="sidebar" if identity.current_user() else "hidden").run()
