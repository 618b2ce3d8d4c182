"""Downloads are served only to the signed-in session that asked for them, and not after sign-out.

Streamlit keeps a generated download (the report PDF, an export) in memory and serves it at
/media/<id>.<ext> to whoever holds that address, with no check of who asks: a PDF of a
person's reflections was still served from its link after they signed out, and from any other
browser. Here every download is built through ui.identity.live_data, which `claim`s it for the
session (db.auth_sessions) that clicked; sign-out `release`s the session's downloads; and this
middleware refuses (404, as if there were no such file) a download to a request whose session
cookie is not that live session's. Other media (images such as the course's QR code are drawn
into the page the person is looking at) pass through unchanged.
"""

from __future__ import annotations

import hashlib
import os
import re
import threading
from collections import OrderedDict
from collections.abc import Callable

from starlette.concurrency import run_in_threadpool
from starlette.requests import HTTPConnection
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from db import auth_sessions
from db.engine import database_url, in_transaction, shared_sessionmaker
from web.session_cookie import COOKIE_NAME

_MEDIA_PREFIX = "/media/"
_USUAL = re.compile(r"[0-9A-Za-z_-]+(?:\.[0-9A-Za-z]+)?")  # the only shape Streamlit hands out
_NO_STORE = (b"cache-control", b"no-store")
_MOST_KEPT = 10_000  # downloads remembered per process; the oldest claim is dropped first
_owners: OrderedDict[str, set[int]] = OrderedDict()  # sha256 of the file -> the sessions that built it
_lock = threading.Lock()


def _digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def claim(content: bytes, session_id: int) -> bytes:
    """Record that this session built this download; returns the content unchanged."""
    digest = _digest(content)
    with _lock:
        _owners.setdefault(digest, set()).add(session_id)
        _owners.move_to_end(digest)
        while len(_owners) > _MOST_KEPT:
            _owners.popitem(last=False)
    return content


def release(session_id: int) -> None:
    """Forget every download this session built (at sign-out): their links stop working."""
    with _lock:
        for digest in [d for d, sessions in _owners.items() if session_id in sessions]:
            _owners[digest].discard(session_id)
            if not _owners[digest]:
                del _owners[digest]


def owners(content: bytes) -> set[int]:
    with _lock:
        return set(_owners.get(_digest(content), ()))


def _live_session(token: str) -> int | None:
    """The id of the live session behind this cookie token, or None."""
    signed = in_transaction(shared_sessionmaker(database_url()), auth_sessions.check_token, token=token)
    return signed.session_id if signed is not None else None


def allowed(content: bytes, token: str) -> bool:
    """True if the session behind the cookie token is live and built this download."""
    claimed = owners(content)
    if not claimed or not token:
        return False
    return _live_session(token) in claimed


def media_name(path: str, prefix: str = _MEDIA_PREFIX) -> str | None:
    """What follows the media prefix in a request path (None if the path is not under it)."""
    return path[len(prefix) :] if path.startswith(prefix) else None


def served_id(name: str) -> str:
    """The file id Streamlit serves for a name after /media/: the name less its last extension."""
    return os.path.splitext(name)[0]


def usual(name: str) -> bool:
    """Whether a name after /media/ has the shape Streamlit's own links have."""
    return _USUAL.fullmatch(name) is not None


async def _refuse(scope: Scope, receive: Receive, send: Send) -> None:
    await Response(status_code=404, headers={"Cache-Control": "no-store"})(scope, receive, send)


class DownloadGate:
    """ASGI middleware: a download under /media/ goes only to the live session that built it.

    `find(file_id)` gives the content of the download Streamlit holds under that id, or None when
    it holds none or the file is not a download (serve.py passes it: this layer never imports
    Streamlit).
    """

    def __init__(self, app: ASGIApp, find: Callable[[str], bytes | None], base_path: str = "") -> None:
        self.app = app
        self.find = find
        self.prefix = f"/{base_path.strip('/')}{_MEDIA_PREFIX}" if base_path.strip("/") else _MEDIA_PREFIX

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        name = media_name(scope.get("path", ""), self.prefix) if scope["type"] == "http" else None
        if name is None:
            await self.app(scope, receive, send)
            return
        if not usual(name):
            await _refuse(scope, receive, send)
            return
        content = self.find(served_id(name))
        if content is not None:
            token = HTTPConnection(scope).cookies.get(COOKIE_NAME, "")
            if not await run_in_threadpool(allowed, content, token):
                await _refuse(scope, receive, send)
                return
        await self.app(scope, receive, _no_store(send))


def _no_store(send: Send) -> Send:
    """Send a response with Cache-Control: no-store in place of any caching header it had."""

    async def sending(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"cache-control"]
            message = {**message, "headers": [*headers, _NO_STORE]}
        await send(message)

    return sending
