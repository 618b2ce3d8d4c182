"""The web server: Streamlit's ASGI app serving app.py, with our own HTTP layer around it.

Started by `streamlit run serve.py` (scripts/start.sh). Pages, sign-in and storage stay in
app.py and its modules; this file only adds what Streamlit's server lacks: the Danish page
language, and the two routes that set and clear the HttpOnly session cookie.
"""

import streamlit as st
from starlette.middleware import Middleware

from web.language import DocumentLanguage
from web.session_cookie import ROUTES

app = st.App("app.py", routes=ROUTES, middleware=[Middleware(DocumentLanguage, lang="da")])
