"""Addresses the app hands out: the course's join link (shown as text and as a QR code), and the
link that opens a collaboration agreement for the person invited to it."""

from __future__ import annotations

import io
from urllib.parse import urlencode, urlsplit, urlunsplit

import segno

JOIN_PATH = "mine-hold"
JOIN_PARAMETER = "kode"
AGREEMENT_PATH = "samtaler"
AGREEMENT_PARAMETER = "aftalekode"


def app_base(page_url: str | None, page_path: str) -> str:
    """The app's own address, from the address of one of its pages (whatever prefix a proxy adds)."""
    parts = urlsplit(page_url or "")
    if not parts.scheme or not parts.netloc:
        return ""
    path = parts.path.rstrip("/")
    if path.endswith("/" + page_path) or path == page_path:
        path = path[: -len(page_path)].rstrip("/")
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def join_link(base: str, code: str) -> str:
    """`<base>/mine-hold?kode=<code>`: opening it signs a person in (or up) and joins the course."""
    return f"{base}/{JOIN_PATH}?{urlencode({JOIN_PARAMETER: code})}"


def agreement_link(base: str, code: str) -> str:
    """`<base>/samtaler?aftalekode=<code>`: opening it signs a person in (or up) and uses the code."""
    return f"{base}/{AGREEMENT_PATH}?{urlencode({AGREEMENT_PARAMETER: code})}"


def qr_png(link: str, scale: int = 12) -> bytes:
    """The QR code of `link` as a PNG, black on white, that a phone reads from the back of a
    room: error correction M (reads with a smudge or glare), a quiet zone of four modules."""
    buffer = io.BytesIO()
    segno.make(link, error="m", micro=False).save(buffer, kind="png", scale=scale, border=4)
    return buffer.getvalue()
