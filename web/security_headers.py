"""Security headers on every HTTP response: no framing by other sites, no sniffing, no referrer.

A page on another site (or another port of this host) framed /mine-hold at 30 % opacity over its
own button, and one click flipped a person's course consent. So every response says it may not be
framed (`frame-ancestors 'none'`, and `X-Frame-Options: DENY` for older browsers), and carries a
Content-Security-Policy as strict as Streamlit's frontend allows:

- scripts only from this server, plus Streamlit's one inline line in index.html, allowed by its
  hash (read from the installed index.html, so an upgrade keeps it right), and blob: URLs, which
  is how Streamlit loads a custom component's script (ui/browser.py); only a script already
  running in this page can make one. No inline scripts: the cookie hand-over posts from the
  component, not from an injected <script>;
- styles from this server and inline (Streamlit's styling library writes style elements at run
  time; styles cannot run code);
- images from this server, data: (the QR code, Streamlit's icons) and blob: (downloads);
- connections only back to this server (the websocket is 'self' too);
- no plugins, no <base>, forms only to this server.

The headers come from the `secure` library's ASGI middleware (one policy object, applied to every
HTTP response; the websocket has no headers to add). HSTS is sent too: browsers act on it only
over HTTPS, which a real deployment has (docs/operations.md, "Drift").
"""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import re
from functools import cache
from pathlib import Path

import secure
from secure.middleware.asgi import SecureASGIMiddleware

# Found without importing Streamlit (this layer never does).
_INDEX = Path(importlib.util.find_spec("streamlit").origin).resolve().parent / "static" / "index.html"
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)


@cache
def inline_script_hashes() -> tuple[str, ...]:
    """The CSP source for each inline script in Streamlit's index.html ('sha256-…')."""
    page = _INDEX.read_text(encoding="utf-8")
    return tuple(
        "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"
        for script in _INLINE_SCRIPT.findall(page)
    )


def content_security_policy() -> secure.ContentSecurityPolicy:
    return (
        secure.ContentSecurityPolicy()
        .default_src("'self'")
        .script_src("'self'", "blob:", *inline_script_hashes())
        .style_src("'self'", "'unsafe-inline'")
        .img_src("'self'", "data:", "blob:")
        .font_src("'self'", "data:")
        .connect_src("'self'")
        .frame_src("'self'")
        .worker_src("'self'", "blob:")
        .object_src("'none'")
        .base_uri("'self'")
        .form_action("'self'")
        .frame_ancestors("'none'")
    )


def policy() -> secure.Secure:
    """The one set of security headers every HTTP response carries."""
    return secure.Secure(
        csp=content_security_policy(),
        xfo=secure.XFrameOptions().deny(),
        xcto=secure.XContentTypeOptions().nosniff(),
        referrer=secure.ReferrerPolicy().no_referrer(),
        coop=secure.CrossOriginOpenerPolicy().same_origin(),
        hsts=secure.StrictTransportSecurity().max_age(63_072_000).include_subdomains(),
        permissions=secure.PermissionsPolicy().camera().microphone().geolocation().payment().usb(),
    )


class SecurityHeaders(SecureASGIMiddleware):
    """The ASGI middleware serve.py puts around Streamlit's app."""

    def __init__(self, app) -> None:
        super().__init__(app, secure=policy())
