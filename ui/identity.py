"""Who is signed in to this browser session. The one place pages ask about identity.

Being signed in means holding a live session row (db.auth_sessions). The row's id sits in this
Streamlit session's state, on the server; the browser holds only the HttpOnly cookie that
web/session_cookie.py sets. Each page run starts with `resolve()`, which checks the row (one
query), so a session ended anywhere — signed out in another tab, a password change, an
administrator's reset, or the idle and absolute limits — ends here at the next click.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable
from typing import ParamSpec

import streamlit as st
from streamlit.errors import StreamlitAPIException

from core import texts
from core.auth import forwarded_client
from core.settings import settings
from db import auth_sessions
from db.accounts import AccountView
from db.auth_sessions import SignedIn
from db.engine import in_transaction
from ui import sso
from ui.browser import autosave_text_fields, post_to_server
from ui.flash import set_flash
from ui.resources import UNEXPECTED_SLOT, get_sessionmaker, log, tx
from web import downloads
from web.session_cookie import COOKIE_NAME, DEVICE_COOKIE_NAME, END_PATH, OPEN_PATH

_ACCOUNT_KEY = "account"
_SESSION_KEY = "auth-session"
_HANDOFF_KEY = "auth-handoff"  # the one-time code the page still has to post for the cookie
_CLEAR_KEY = "auth-clear-cookie"  # the browser holds a cookie of an ended session: clear it
_DEAD_TOKEN_KEY = "auth-dead-token"  # the cookie this websocket arrived with, known to be ended
_PENDING_KEY = "auth-pending-saves"  # autosaves that arrived after the session ended, kept for its owner
_KEPT_KEYS = (_DEAD_TOKEN_KEY, _PENDING_KEY)  # survive the clearing of state at sign-out and sign-in
P = ParamSpec("P")


def current_user() -> AccountView | None:
    """Return the signed-in account (as checked at the start of this run), or None."""
    return st.session_state.get(_ACCOUNT_KEY)


def current_session_id() -> int | None:
    return st.session_state.get(_SESSION_KEY)


def client_address() -> str:
    """The client to count failed sign-ins against.

    Streamlit gives the websocket's peer address (None on loopback). Behind a reverse proxy every
    request comes from the proxy, so CLIENT_IP_HEADER can name the header that carries the real
    address (e.g. X-Forwarded-For), and CLIENT_IP_HOPS says how many proxies we run append to it
    (default 1): the address the outermost of them saw is taken, never one the client wrote.
    """
    header = settings().CLIENT_IP_HEADER
    if header:
        forwarded = st.context.headers.get(header)
        hops = settings().CLIENT_IP_HOPS
        address = forwarded_client(forwarded, hops) if isinstance(forwarded, str) else None
        if address:
            return address
    address = st.context.ip_address
    return address if isinstance(address, str) else "loopback"  # None on loopback; AppTest has none


def device_token() -> str | None:
    """The device cookie this browser holds (web/session_cookie.py), if any: its own sign-in throttle."""
    token = st.context.cookies.get(DEVICE_COOKIE_NAME)
    return token if isinstance(token, str) and token else None


def _remember(signed: SignedIn) -> None:
    st.session_state[_SESSION_KEY] = signed.session_id
    st.session_state[_ACCOUNT_KEY] = signed.account
    if not signed.handoff_pending:  # the browser has its cookie: nothing more to hand over
        st.session_state.pop(_HANDOFF_KEY, None)


def _clear_state() -> None:
    kept = {key: st.session_state[key] for key in _KEPT_KEYS if key in st.session_state}
    st.session_state.clear()
    st.session_state.update(kept)


def _forget(message: str) -> None:
    """Sign this tab out: clear its state, have the page clear the cookie, and say why."""
    _clear_state()
    st.session_state[_CLEAR_KEY] = True
    set_flash("login", "info", message)


def sign_in(account: AccountView, method: str = auth_sessions.METHOD_PASSWORD) -> None:
    """Open a session for someone who just proved who they are, dropping anything left by someone else.

    The page then hands the session's one-time code to /api/session for the cookie.
    """
    session_id, code = tx(auth_sessions.open_session, user_id=account.id, method=method)
    pending = st.session_state.pop(_PENDING_KEY, [])
    _clear_state()
    st.session_state[_DEAD_TOKEN_KEY] = _cookie_token()  # the old cookie is replaced, never used again
    st.session_state[_SESSION_KEY] = session_id
    st.session_state[_ACCOUNT_KEY] = account
    st.session_state[_HANDOFF_KEY] = code
    _replay(pending, account.id)


def _replay(pending: list, user_id: int) -> None:
    """Store what the same person typed while signed out, now that they are back (anyone else: dropped)."""
    for owner, action, args, kwargs, typed in pending:
        if owner != user_id:
            continue
        for key, value in typed.items():
            with contextlib.suppress(StreamlitAPIException):  # buttons and uploaders cannot be set
                st.session_state[key] = value
        action(*args, **kwargs)


def sign_out() -> None:
    """End this session everywhere (every tab of this browser) and clear the cookie."""
    session_id = current_session_id()
    if session_id is not None:
        tx(auth_sessions.end_session, session_id=session_id)
        downloads.release(session_id)
    _forget(texts.LOGGED_OUT)
    st.session_state[_DEAD_TOKEN_KEY] = _cookie_token()


def _cookie_token() -> str:
    token = st.context.cookies.get(COOKIE_NAME)
    return token if isinstance(token, str) else ""  # AppTest has no browser, and no real cookies


def _settle(signed: SignedIn | None) -> SignedIn | None:
    """Remember a live session for this run, or sign this tab out with a message."""
    if signed is None:
        _forget(texts.SESSION_ENDED)
    else:
        _remember(signed)
    return signed


def _check(session_id: int) -> SignedIn | None:
    return _settle(tx(auth_sessions.check, session_id=session_id))


def _from_cookie() -> SignedIn | None:
    token = _cookie_token()
    if not token or token == st.session_state.get(_DEAD_TOKEN_KEY):
        return None
    signed = _settle(tx(auth_sessions.check_token, token=token))
    if signed is None:
        st.session_state[_DEAD_TOKEN_KEY] = token
    return signed


def _from_sso() -> SignedIn | None:
    """A fresh sign-in at the municipality's provider opens a session here (once per ID token)."""
    outcome = sso.fresh_sign_in()
    if outcome is None:
        return None
    sign_in(outcome.account, method=auth_sessions.METHOD_SSO)
    sso.mark_used()  # sign_in cleared the state; the token stays dealt with
    return _check(st.session_state[_SESSION_KEY])


def resolve() -> SignedIn | None:
    """Find out who is signed in, once at the start of every page run.

    In order: the session this Streamlit session already holds; the browser's cookie (a reload,
    a new tab, a restarted server); a fresh single sign-on. A signed-in person who has just come
    back from the provider's login has that identity linked to their account.
    """
    session_id = current_session_id()
    signed = _check(session_id) if session_id is not None else _from_cookie()
    if signed is not None:
        sso.link_fresh_identity(signed.account.id)
        return signed
    return _from_sso()


def live(action: Callable[P, None]) -> Callable[P, None]:
    """Decorate a widget callback that acts for the signed-in person: it runs only while their
    session is live.

    Callbacks run before the page, so without this a tab whose session ended elsewhere could still
    save (or download) once. With it, the callback does nothing and the page run that follows shows
    the sign-in form with a message.
    """

    @functools.wraps(action)
    def run(*args: P.args, **kwargs: P.kwargs) -> None:
        session_id = current_session_id()
        if session_id is None or _check(session_id) is None:
            return
        _calmly(action, *args, **kwargs)

    return run


def _calmly(action: Callable[P, None], *args: P.args, **kwargs: P.kwargs) -> None:
    """Run a callback; an unexpected error is logged and shown as one calm message on the page.

    Callbacks run before the page body, outside resources.guarded_page: left alone, an error there
    gave Streamlit's own English error page.
    """
    try:
        action(*args, **kwargs)
    except Exception:
        log.exception("Unexpected error in a callback (%s)", getattr(action, "__qualname__", "?"))
        set_flash(UNEXPECTED_SLOT, "error", texts.UNEXPECTED)


def live_autosave(action: Callable[P, None]) -> Callable[P, None]:
    """Like `live`, for a callback that stores what the person typed or chose.

    If their session has ended (the idle limit, say, while the page stood open), the input is not
    stored now, and not lost either: it is kept in this tab and stored once the same person signs
    in here again. Someone else signing in gets none of it.
    """

    @functools.wraps(action)
    def run(*args: P.args, **kwargs: P.kwargs) -> None:
        session_id, account = current_session_id(), current_user()
        signed = tx(auth_sessions.check, session_id=session_id) if session_id is not None else None
        if signed is not None:
            _settle(signed)
            _calmly(action, *args, **kwargs)
            return
        # Ended: keep what was typed (read before signing out clears the state) for its owner.
        typed = {
            key: value
            for key, value in st.session_state.items()
            if isinstance(key, str) and not key.startswith("auth-") and isinstance(value, str | int | float | None)
        }
        if session_id is not None:
            _settle(None)
        if account is not None:
            pending = st.session_state.get(_PENDING_KEY, [])
            st.session_state[_PENDING_KEY] = [*pending, (account.id, action, args, kwargs, typed)]

    return run


def live_data(build: Callable[[], bytes]) -> Callable[[], bytes]:
    """Wrap a download built on click: it is built only while this session is live (else empty).

    Streamlit builds it outside any page run, so the session and the database are captured now.
    """
    sessions, session_id = get_sessionmaker(), current_session_id()

    def run() -> bytes:
        if session_id is None or in_transaction(sessions, auth_sessions.check, session_id=session_id) is None:
            return b""
        return downloads.claim(build(), session_id)  # served only to this session (web/downloads.py)

    return run


def _post(path: str, body: dict | None = None) -> None:
    """Have the browser post to one of our own routes (web/session_cookie.py), cookies included."""
    post_to_server(path, body or {})


def sync_cookie() -> None:
    """Bring the browser's cookie in line with the session: set it after sign-in, clear it after sign-out.

    Called at the end of every page run; draws nothing visible. The hand-over code is posted until
    the session check at the start of a run finds it redeemed (a lost connection just means it is
    posted again next run), so this costs no query of its own.
    """
    code = st.session_state.get(_HANDOFF_KEY)
    if code and current_session_id() is not None:
        _post(OPEN_PATH, {"code": code})
    elif st.session_state.pop(_CLEAR_KEY, False):
        _post(END_PATH)


def require_user() -> AccountView:
    """Return the signed-in account and show it in the sidebar; otherwise show sign-in and stop.

    Every page starts with this call, so no page can draw anything for a stranger.
    """
    from ui import login  # login needs the database; import late to keep this module light

    _run_through_app_navigation()
    account = current_user()
    if account is None:
        login.render_gate()
        sync_cookie()
        st.stop()
    with st.sidebar:
        st.text(texts.SIGNED_IN_AS.format(name=account.name))
        st.button(texts.LOGOUT, key="logout", on_click=sign_out)
        sync_cookie()
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
