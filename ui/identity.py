"""Who is signed in to this browser session: the session of a page run. The one place pages ask
about identity; the sign-in gate that stands in front of every page is ui/gate.py.

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
from db import auth_sessions
from db.accounts import AccountView, Standing
from db.auth_sessions import SignedIn
from db.engine import in_transaction
from ui import sso
from ui.browser import post_to_server
from ui.flash import Kind, set_flash
from ui.resources import GATE_SLOT, UNEXPECTED_SLOT, get_sessionmaker, log, tx
from web import downloads
from web.session_cookie import COOKIE_NAME, END_PATH, OPEN_PATH

_ACCOUNT_KEY = "account"
_STANDING_KEY = "standing"  # what the menu and the front door know of the person, as of this run
_SESSION_KEY = "auth-session"
_HANDOFF_KEY = "auth-handoff"  # the one-time code the page still has to post for the cookie
_CLEAR_KEY = "auth-clear-cookie"  # the browser holds a cookie of an ended session: clear it
_DEAD_TOKEN_KEY = "auth-dead-token"  # the cookie this websocket arrived with, known to be ended
_PENDING_KEY = "auth-pending-saves"  # autosaves that arrived after the session ended, kept for its owner
_KEPT_KEYS = (_DEAD_TOKEN_KEY, _PENDING_KEY)  # survive the clearing of state at sign-out and sign-in
_OWN_KEYS = (
    _ACCOUNT_KEY,
    _STANDING_KEY,
    _SESSION_KEY,
    _HANDOFF_KEY,
    _CLEAR_KEY,
    *_KEPT_KEYS,
)  # never replayed as typed input
P = ParamSpec("P")


def current_user() -> AccountView | None:
    """Return the signed-in account (as checked at the start of this run), or None."""
    return st.session_state.get(_ACCOUNT_KEY)


def current_standing() -> Standing | None:
    """What the signed-in person is here (roles, co-driver, leader, reader), as checked this run."""
    return st.session_state.get(_STANDING_KEY)


def current_session_id() -> int | None:
    return st.session_state.get(_SESSION_KEY)


def _remember(signed: SignedIn) -> None:
    st.session_state[_SESSION_KEY] = signed.session_id
    st.session_state[_ACCOUNT_KEY] = signed.account
    st.session_state[_STANDING_KEY] = signed.standing
    if not signed.handoff_pending:  # the browser has its cookie: nothing more to hand over
        st.session_state.pop(_HANDOFF_KEY, None)


def _clear_state() -> None:
    kept = {key: st.session_state[key] for key in _KEPT_KEYS if key in st.session_state}
    st.session_state.clear()
    st.session_state.update(kept)


def _sign_out_here(message: str) -> None:
    """Sign this tab out: clear its state, have the page clear the cookie, and say why."""
    _clear_state()
    st.session_state[_CLEAR_KEY] = True
    set_flash(GATE_SLOT, Kind.INFO, message)


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
    _sign_out_here(texts.LOGGED_OUT)
    st.session_state[_DEAD_TOKEN_KEY] = _cookie_token()


def _cookie_token() -> str:
    token = st.context.cookies.get(COOKIE_NAME)
    return token if isinstance(token, str) else ""  # AppTest has no browser, and no real cookies


def _keep_or_sign_out(signed: SignedIn | None) -> SignedIn | None:
    """Remember a live session for this run, or (None: it has ended) sign this tab out with a message."""
    if signed is None:
        _sign_out_here(texts.SESSION_ENDED)
    else:
        _remember(signed)
    return signed


def _look_up(session_id: int | None) -> SignedIn | None:
    """The live session behind this id (one query), or None; changes nothing in this tab."""
    return tx(auth_sessions.check, session_id=session_id) if session_id is not None else None


def _check_or_sign_out(session_id: int) -> SignedIn | None:
    """The live session behind this id, remembered for this run; if it has ended, this tab is signed out."""
    return _keep_or_sign_out(_look_up(session_id))


def _from_cookie() -> SignedIn | None:
    token = _cookie_token()
    if not token or token == st.session_state.get(_DEAD_TOKEN_KEY):
        return None
    signed = _keep_or_sign_out(tx(auth_sessions.check_token, token=token))
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
    return _check_or_sign_out(st.session_state[_SESSION_KEY])


def resolve() -> SignedIn | None:
    """Find out who is signed in, once at the start of every page run.

    In order: the session this Streamlit session already holds; the browser's cookie (a reload,
    a new tab, a restarted server); a fresh single sign-on. A signed-in person who has just come
    back from the provider's login has that identity linked to their account.
    """
    session_id = current_session_id()
    signed = _check_or_sign_out(session_id) if session_id is not None else _from_cookie()
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
        if session_id is None or _check_or_sign_out(session_id) is None:
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
        set_flash(UNEXPECTED_SLOT, Kind.ERROR, texts.UNEXPECTED)


def live_autosave(action: Callable[P, None]) -> Callable[P, None]:
    """Like `live`, for a callback that stores what the person typed or chose.

    If their session has ended (the idle limit, say, while the page stood open), the input is not
    stored now, and not lost either: it is kept in this tab and stored once the same person signs
    in here again. Someone else signing in gets none of it.
    """

    @functools.wraps(action)
    def run(*args: P.args, **kwargs: P.kwargs) -> None:
        session_id, account = current_session_id(), current_user()
        signed = _look_up(session_id)
        if signed is not None:
            _remember(signed)
            _calmly(action, *args, **kwargs)
            return
        typed = _typed_input()  # read before signing out clears the state
        if session_id is not None:
            _sign_out_here(texts.SESSION_ENDED)
        if account is not None:
            pending = st.session_state.get(_PENDING_KEY, [])
            st.session_state[_PENDING_KEY] = [*pending, (account.id, action, args, kwargs, typed)]

    return run


def _typed_input() -> dict[str, object]:
    """What the person has typed or chosen in this tab: every plain value but this module's own,
    with the plain records kept beside them (which round a field was filled for, the text it was
    loaded with), so the replayed save sees the fields as they were."""
    return {
        key: value
        for key, value in st.session_state.items()
        if isinstance(key, str) and key not in _OWN_KEYS and _plain(value)
    }


def _plain(value: object) -> bool:
    if isinstance(value, dict):
        return all(isinstance(k, str) and _plain(v) for k, v in value.items())
    return isinstance(value, str | int | float | None)


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
