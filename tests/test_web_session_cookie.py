"""The session cookie's two routes (web/session_cookie.py), called over HTTP as a browser would."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from db import accounts, auth_sessions, devices
from db.engine import prepare_database
from tests.conftest import PASSWORD
from web.session_cookie import COOKIE_NAME, DEVICE_COOKIE_NAME, END_PATH, OPEN_PATH, ROUTES

ORIGIN = {"origin": "http://127.0.0.1:8501", "host": "127.0.0.1:8501"}


@pytest.fixture
def migrated(app_db) -> str:
    prepare_database(app_db).dispose()
    return app_db


@pytest.fixture
def client(migrated) -> Iterator[TestClient]:
    with TestClient(Starlette(routes=ROUTES), base_url="http://127.0.0.1:8501") as test_client:
        yield test_client


@pytest.fixture
def handoff(migrated, app_tx) -> tuple[int, str]:
    mette = app_tx(accounts.create_user, username="Mette", password=PASSWORD)
    return app_tx(auth_sessions.open_session, user_id=mette.id, method="password")


def _set_cookie(response) -> str:
    return response.headers["set-cookie"]


def test_a_fresh_code_sets_an_httponly_strict_cookie_once(client, handoff, app_tx):
    session_id, code = handoff
    response = client.post(OPEN_PATH, json={"code": code}, headers=ORIGIN)
    assert response.status_code == 204
    header = _set_cookie(response)
    assert header.startswith(f"{COOKIE_NAME}=")
    attributes = {part.strip().split("=")[0].lower() for part in header.split(";")[1:]}
    assert {"httponly", "secure", "samesite", "path", "max-age"} <= attributes
    assert "samesite=strict" in header.lower() and "path=/" in header.lower()
    max_age = int(header.lower().split("max-age=")[1].split(";")[0])
    assert 14 * 86400 - 60 < max_age <= 14 * 86400
    assert response.headers["cache-control"] == "no-store"
    token = response.cookies[COOKIE_NAME]
    assert app_tx(auth_sessions.session_for_token, token=token) == session_id

    again = client.post(OPEN_PATH, json={"code": code}, headers=ORIGIN)
    assert again.status_code == 403 and "set-cookie" not in again.headers


@pytest.mark.parametrize(
    "headers",
    [
        {"origin": "https://evil.example", "host": "127.0.0.1:8501"},
        {"host": "127.0.0.1:8501"},  # no Origin at all
    ],
)
def test_another_site_cannot_sign_a_browser_in(client, handoff, headers, app_tx):
    session_id, code = handoff
    response = client.post(OPEN_PATH, json={"code": code}, headers=headers)
    assert response.status_code == 403 and "set-cookie" not in response.headers
    assert app_tx(auth_sessions.check, session_id=session_id).handoff_pending  # the code is still unused


@pytest.mark.parametrize(
    "body",
    [
        {"content": b"code=x", "headers": {**ORIGIN, "content-type": "application/x-www-form-urlencoded"}},
        {"content": b"{not json", "headers": {**ORIGIN, "content-type": "application/json"}},
        {"json": {"code": 42}, "headers": ORIGIN},
        {"json": ["code"], "headers": ORIGIN},
        {"json": {"code": "x" * 500}, "headers": ORIGIN},
    ],
)
def test_malformed_requests_are_refused_without_an_error(client, body):
    response = client.post(OPEN_PATH, **body)
    assert response.status_code == 403 and "set-cookie" not in response.headers


def test_secure_is_left_off_only_for_plain_http_to_another_host(handoff):
    _, code = handoff
    with TestClient(Starlette(routes=ROUTES), base_url="http://intranet.kommune.local") as plain:
        headers = {"origin": "http://intranet.kommune.local", "host": "intranet.kommune.local"}
        assert "secure" not in _set_cookie(plain.post(OPEN_PATH, json={"code": code}, headers=headers)).lower()


def test_behind_an_https_proxy_the_cookie_is_secure(handoff):
    _, code = handoff
    with TestClient(Starlette(routes=ROUTES), base_url="http://spejlet.kommune.dk") as proxied:
        headers = {"origin": "https://spejlet.kommune.dk", "host": "spejlet.kommune.dk", "x-forwarded-proto": "https"}
        assert "secure" in _set_cookie(proxied.post(OPEN_PATH, json={"code": code}, headers=headers)).lower()


def test_ending_clears_the_cookies_and_the_session_behind_them(client, handoff, app_tx):
    session_id, code = handoff
    token = client.post(OPEN_PATH, json={"code": code}, headers=ORIGIN).cookies[COOKIE_NAME]
    client.cookies.set(COOKIE_NAME, token)  # the test client keeps Secure cookies to itself over http
    client.cookies.set("_streamlit_user", "signed-provider-claims")
    response = client.post(END_PATH, headers=ORIGIN)
    assert response.status_code == 204
    cleared = response.headers.get_list("set-cookie")
    assert any(c.startswith(f'{COOKIE_NAME}=""') or c.startswith(f"{COOKIE_NAME}=;") for c in cleared), cleared
    assert any(c.startswith("_streamlit_user=") and "max-age=0" in c.lower() for c in cleared), cleared
    assert app_tx(auth_sessions.check, session_id=session_id) is None
    assert app_tx(auth_sessions.session_for_token, token=token) is None


def test_another_site_cannot_sign_a_browser_out(client, handoff, app_tx):
    session_id, code = handoff
    client.post(OPEN_PATH, json={"code": code}, headers=ORIGIN)
    response = client.post(END_PATH, headers={"origin": "https://evil.example", "host": "127.0.0.1:8501"})
    assert response.status_code == 403
    assert app_tx(auth_sessions.check, session_id=session_id) is not None


def _cookie_header(response, name: str) -> str:
    [header] = [h for h in response.headers.get_list("set-cookie") if h.startswith(f"{name}=")]
    return header


def test_signing_in_also_remembers_the_browser_for_half_a_year(client, migrated, app_tx):
    """The device cookie: this browser's own sign-in throttle (db/devices.py), kept after sign-out."""
    mette = app_tx(accounts.create_user, username="Mette", password=PASSWORD)
    _, code = app_tx(auth_sessions.open_session, user_id=mette.id, method="password")
    response = client.post(OPEN_PATH, json={"code": code}, headers=ORIGIN)
    header = _cookie_header(response, DEVICE_COOKIE_NAME).lower()
    assert "httponly" in header and "samesite=strict" in header and "secure" in header
    assert f"max-age={180 * 86400}" in header
    device = response.cookies[DEVICE_COOKIE_NAME]
    assert app_tx(lambda session: devices.owner(session, device)) == mette.id

    # The next sign-in from this browser keeps the same device; signing out leaves it.
    client.cookies.set(DEVICE_COOKIE_NAME, device)
    _, again = app_tx(auth_sessions.open_session, user_id=mette.id, method="password")
    assert client.post(OPEN_PATH, json={"code": again}, headers=ORIGIN).cookies[DEVICE_COOKIE_NAME] == device
    ended = client.post(END_PATH, headers=ORIGIN).headers.get_list("set-cookie")
    assert not any(h.startswith(f"{DEVICE_COOKIE_NAME}=") for h in ended)


def test_a_browser_remembered_for_someone_else_gets_a_device_of_its_own(client, migrated, app_tx):
    lise = app_tx(accounts.create_user, username="Lise", password=PASSWORD)
    mette = app_tx(accounts.create_user, username="Mette", password=PASSWORD)
    lises = app_tx(lambda session: devices.remember(session, lise.id, None))
    client.cookies.set(DEVICE_COOKIE_NAME, lises)
    _, code = app_tx(auth_sessions.open_session, user_id=mette.id, method="password")
    device = client.post(OPEN_PATH, json={"code": code}, headers=ORIGIN).cookies[DEVICE_COOKIE_NAME]
    assert device != lises and app_tx(lambda session: devices.owner(session, device)) == mette.id
