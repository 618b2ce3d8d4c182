"""The web server: Streamlit's ASGI app serving app.py, with our own HTTP layer around it.

Started by `streamlit run serve.py` (scripts/start.sh). Pages, sign-in and storage stay in
app.py and its modules; this file only adds what Streamlit's server lacks: the Danish page
language, and the two routes that set and clear the HttpOnly session cookie.
"""

import streamlit as st
from starlette.middleware import Middleware
from streamlit.runtime.pages_manager import PagesManager

from web.language import DocumentLanguage
from web.session_cookie import ROUTES

# Every page is routed by app.py's st.navigation. Left to itself, Streamlit takes an app with a
# pages/ folder for an old-style one until app.py first runs, and a fresh server's first request for
# /co-driver, /mine-hold or /mine-data (files co_driver.py, ...) got "Page not found". (Internal,
# like ui/identity.py's fallback for `streamlit run app.py`; the browser tests catch a change.)
PagesManager.uses_pages_directory = False

app = st.App("app.py", routes=ROUTES, middleware=[Middleware(DocumentLanguage, lang="da")])
