"""The served pages tell assistive technology they are Danish; nothing else is touched."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import anyio
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.responses import HTMLResponse, PlainTextResponse
from starlette.routing import Route

from web.language import DocumentLanguage

PAGE = '<!doctype html><html lang="en"><head><title>x</title></head><body>lang="en"</body></html>'


def _app() -> Starlette:
    async def index(request):
        return HTMLResponse(PAGE)

    async def asset(request):
        return PlainTextResponse('<html lang="en">', media_type="text/html")

    async def health(request):
        return PlainTextResponse("ok")

    routes = [
        Route("/", index),
        Route("/resultater", index),
        Route("/static/a.html", asset),
        Route("/_stcore/health", health),
    ]
    return Starlette(routes=routes, middleware=[Middleware(DocumentLanguage, lang="da")])


def _get(path: str, headers: list[tuple[bytes, bytes]] | None = None) -> tuple[dict, bytes, list[dict]]:
    messages: list[dict] = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        messages.append(message)

    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET", "scheme": "http",
        "path": path, "raw_path": path.encode(), "query_string": b"", "root_path": "",
        "headers": headers or [(b"host", b"testserver")], "client": ("127.0.0.1", 1), "server": ("testserver", 80),
    }  # fmt: skip
    # In a thread of its own: earlier tests (Playwright, AppTest) may leave an event loop on this one.
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(anyio.run, _app(), scope, receive, send).result()
    start = next(m for m in messages if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in messages if m["type"] == "http.response.body")
    return {k.decode(): v.decode() for k, v in start["headers"]}, body, messages


def test_every_page_url_says_danish_with_a_matching_length():
    for path in ["/", "/resultater"]:
        headers, body, _ = _get(path)
        assert body.startswith(b'<!doctype html><html lang="da">')
        assert int(headers["content-length"]) == len(body)


def test_only_the_html_tag_is_rewritten_not_the_text_of_the_page():
    _, body, _ = _get("/")
    assert body.endswith(b'<body>lang="en"</body></html>')


def test_a_compressed_page_is_not_asked_for_so_the_tag_can_be_found():
    _, body, _ = _get("/", [(b"host", b"testserver"), (b"accept-encoding", b"gzip")])
    assert b'<html lang="da">' in body


def test_streamlit_own_routes_pass_through_untouched():
    _, body, _ = _get("/static/a.html")
    assert body == b'<html lang="en">'
    _, body, _ = _get("/_stcore/health")
    assert body == b"ok"
