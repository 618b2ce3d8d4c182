"""Netværksspejlet: page set-up, the sign-in gate and navigation. No logic lives here."""

import streamlit as st

from core import texts
from ui import identity
from ui.resources import get_bank, get_sessionmaker

st.set_page_config(page_title=texts.APP_TITLE, page_icon=":material/diversity_3:", layout="centered")
get_bank()
get_sessionmaker()

user = identity.current_user()
if user is None:
    pages = [st.Page("pages/log_ind.py", title=texts.PAGE_LOGIN, url_path="log-ind", default=True)]
else:
    pages = [
        st.Page("pages/refleksion.py", title=texts.PAGE_REFLECTION, url_path="refleksion", default=True),
        st.Page("pages/resultater.py", title=texts.PAGE_RESULTS, url_path="resultater"),
    ]
    with st.sidebar:
        st.text(texts.SIGNED_IN_AS.format(username=user.username))
        if st.button(texts.LOGOUT, key="logout"):
            identity.sign_out()
            st.rerun()

st.navigation(pages).run()
