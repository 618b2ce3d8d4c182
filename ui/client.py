"""What the request says about the client: the address failed sign-ins count against, and the
browser's device cookie (its own sign-in throttle)."""

from __future__ import annotations

import streamlit as st

from core.auth import forwarded_client
from core.settings import settings
from web.session_cookie import DEVICE_COOKIE_NAME


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
