"""Log ind / Opret konto."""

import streamlit as st

from core import texts
from ui import login

st.title(texts.APP_TITLE)
st.write(texts.APP_TAGLINE)
sign_in_tab, sign_up_tab = st.tabs([texts.LOGIN_TAB, texts.SIGNUP_TAB])
with sign_in_tab:
    login.render_login()
with sign_up_tab:
    login.render_signup()
