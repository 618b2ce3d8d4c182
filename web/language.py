"""Tell browsers and screen readers that the page is Danish.

Streamlit's index.html says `<html lang="en">` and no setting changes it, so a screen reader
would read the Danish text with an English voice. This ASGI middleware rewrites that one
attribute in every HTML page the server sends. It touches nothing else: the websocket,
assets, uploads and downloads pass straight through.
"""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

_PASS_THROUGH = ("/_stcore/", "/static/", "/media/", "/component/")
_ENGLISH = b'<html lang="en">'


class DocumentLanguage:
    def __init__(self, app: ASGIApp, lang: str = "da") -> None:
        self.app = app
        self.tag = f'<html lang="{lang}">'.encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or scope["path"].startswith(_PASS_THROUGH):
            await self.app(scope, receive, send)
            return
        # Ask for the page uncompressed, so the tag can be found; it is a few kilobytes.
        headers = [(name, value) for name, value in scope["headers"] if name != b"accept-encoding"]
        scope = {**scope, "headers": headers}
        start: Message | None = None
        body: list[bytes] = []

        async def rewrite(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                if MutableHeaders(raw=message["headers"]).get("content-type", "").startswith("text/html"):
                    start = message  # held back until the whole page is here
                    return
                await send(message)
            elif start is None:
                await send(message)
            else:
                body.append(message.get("body", b""))
                if message.get("more_body"):
                    return
                page = b"".join(body).replace(_ENGLISH, self.tag, 1)
                response_headers = MutableHeaders(raw=list(start["headers"]))
                response_headers["content-length"] = str(len(page))
                await send({**start, "headers": response_headers.raw})
                await send({"type": "http.response.body", "body": page})

        await self.app(scope, receive, rewrite)
