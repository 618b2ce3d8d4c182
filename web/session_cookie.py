"""The session cookie: the two HTTP routes that put it in the browser and take it out again.

Streamlit talks to the page over a websocket, which cannot set cookies, and its
`st.context.cookies` can only read them. So signing in happens in two steps:

1. The sign-in form (a normal Streamlit page) checks the password and opens a session row
   with a one-time hand-over code (db.auth_sessions.open_session).
2. The page posts that code to POST /api/session. This route swaps it, once and within two
   minutes, for a random token, and answers with the token in a cookie the page's scripts
   cannot read (HttpOnly), that other sites' requests do not carry (SameSite=Strict), and that
   expires with the session's absolute limit.

On the next page load the websocket's opening request carries the cookie, and the app finds
the session by the token's hash. The same answer gives the browser a device cookie (db/devices.py)
that outlives the session, so sign-ins from this browser are throttled on their own.

POST /api/session/end ends the session behind the cookie and clears it, together with
Streamlit's own sign-in cookies from single sign-on (the device cookie stays).

Both routes only take JSON from a page on this same site (Origin must match), so another site
cannot make a browser sign in or out here.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TypeVar
from urllib.parse import urlsplit

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from core.auth import DEVICE_TTL
from core.clock import utcnow
from db import auth_sessions, devices
from db.engine import database_url, in_transaction, shared_sessionmaker

COOKIE_NAME = "netvaerksspejlet_session"
# The browser someone signed in with (db/devices.py): kept after sign-out, so their own later
# sign-ins here are throttled apart from strangers' failures. HttpOnly, SameSite=Strict, 180 days.
DEVICE_COOKIE_NAME = "netvaerksspejlet_device"
OPEN_PATH = "/api/session"
END_PATH = "/api/session/end"
# Streamlit's own cookies from st.login (`_streamlit_user`, `_streamlit_user_tokens`, and their
# numbered chunks); cleared with ours so a signed-out browser keeps no identity.
_STREAMLIT_AUTH_PREFIX = "_streamlit_user"
_LOOPBACK = {"localhost", "127.0.0.1", "::1", "[::1]"}
T = TypeVar("T")


def _in_transaction(action: Callable[..., T], **kwargs) -> T:
    return in_transaction(shared_sessionmaker(database_url()), action, **kwargs)


def _same_origin(request: Request) -> bool:
    """True when the request comes from a page of this site, by its Origin header."""
    origin = request.headers.get("origin")
    host = request.headers.get("host")
    if not origin or not host:
        return False
    return urlsplit(origin).netloc.lower() == host.lower()


def _secure(request: Request) -> bool:
    """Mark the cookie Secure over HTTPS, and on loopback, which browsers treat as secure too.

    Plain HTTP to another host would make the browser drop a Secure cookie, so there it is left
    off; a real deployment runs behind HTTPS (docs/operations.md, "Sign-in and sessions").
    """
    forwarded = request.headers.get("x-forwarded-proto", "").split(",")[0].strip().lower()
    return request.url.scheme == "https" or forwarded == "https" or (request.url.hostname or "") in _LOOPBACK


def _refused() -> Response:
    return Response(status_code=403, headers={"Cache-Control": "no-store"})


def _max_age(expires_at: datetime) -> int:
    return max(0, int((expires_at - utcnow()).total_seconds()))


async def open_session(request: Request) -> Response:
    """POST /api/session {"code": ...}: swap a fresh hand-over code for the session cookie."""
    if not _same_origin(request) or request.headers.get("content-type", "").split(";")[0] != "application/json":
        return _refused()
    try:
        body = await request.json()
    except ValueError:
        return _refused()
    code = body.get("code") if isinstance(body, dict) else None
    if not isinstance(code, str) or not code or len(code) > 100:
        return _refused()
    device = request.cookies.get(DEVICE_COOKIE_NAME) or None
    redeemed = await run_in_threadpool(_in_transaction, _redeem, code=code, device=device)
    if redeemed is None:
        return _refused()
    cookie, device = redeemed
    response = Response(status_code=204, headers={"Cache-Control": "no-store"})
    response.set_cookie(
        COOKIE_NAME,
        cookie.token,
        max_age=_max_age(cookie.expires_at),
        path="/",
        httponly=True,
        samesite="strict",
        secure=_secure(request),
    )
    response.set_cookie(
        DEVICE_COOKIE_NAME,
        device,
        max_age=int(DEVICE_TTL.total_seconds()),
        path="/",
        httponly=True,
        samesite="strict",
        secure=_secure(request),
    )
    return response


def _redeem(*, session, code: str, device: str | None) -> tuple[auth_sessions.Cookie, str] | None:
    """Swap the hand-over code for the session cookie, and remember this browser for the account."""
    cookie = auth_sessions.redeem_handoff(session=session, code=code)
    if cookie is None:
        return None
    return cookie, devices.remember(session, cookie.user_id, device)


async def end_session(request: Request) -> Response:
    """POST /api/session/end: end the session behind the cookie (if any) and clear the cookies."""
    if not _same_origin(request):
        return _refused()
    token = request.cookies.get(COOKIE_NAME, "")
    if token:
        await run_in_threadpool(_in_transaction, auth_sessions.end_session_by_token, token=token)
    response = Response(status_code=204, headers={"Cache-Control": "no-store"})
    response.delete_cookie(COOKIE_NAME, path="/", httponly=True, samesite="strict", secure=_secure(request))
    for name in request.cookies:
        if name.startswith(_STREAMLIT_AUTH_PREFIX):
            response.delete_cookie(name, path="/")
    return response


ROUTES = [
    Route(OPEN_PATH, open_session, methods=["POST"]),
    Route(END_PATH, end_session, methods=["POST"]),
]
