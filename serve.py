"""The web server: Streamlit's ASGI app serving app.py, with our own HTTP layer around it.

Started by `streamlit run serve.py` (scripts/start.sh). Pages, sign-in and storage stay in
app.py and its modules; this file only adds what Streamlit's server lacks: the Danish page
language, security headers on every response (web/security_headers.py), and the two routes
that set and clear the HttpOnly session cookie.
"""

import streamlit as st
from starlette.middleware import Middleware
from streamlit.runtime import Runtime
from streamlit.runtime.media_file_storage import MediaFileKind
from streamlit.runtime.pages_manager import PagesManager

from web import server_id, session_cookie
from web.downloads import DownloadGate
from web.language import DocumentLanguage
from web.security_headers import SecurityHeaders

# Every page is routed by app.py's st.navigation. Left to itself, Streamlit takes an app with a
# pages/ folder for an old-style one until app.py first runs, and a fresh server's first request for
# /co-driver, /mine-hold or /mine-data (files co_driver.py, ...) got "Page not found". (Internal,
# like ui/identity.py's fallback for `streamlit run app.py`; the browser tests catch a change.)
PagesManager.uses_pages_directory = False


def stored_download(file_id: str) -> bytes | None:
    """The content of the download Streamlit holds in memory under this id, or None (web/downloads.py)."""
    if not Runtime.exists():
        return None
    manager = Runtime.instance().media_file_mgr
    file = manager.read_file(file_id) if manager.can_read_files else None
    return file.content if file is not None and file.kind == MediaFileKind.DOWNLOADABLE else None


app = st.App(
    "app.py",
    routes=[*session_cookie.ROUTES, *server_id.ROUTES],
    middleware=[
        Middleware(SecurityHeaders),
        Middleware(DownloadGate, find=stored_download, base_path=st.get_option("server.baseUrlPath")),
        Middleware(DocumentLanguage, lang="da"),
    ],
)
