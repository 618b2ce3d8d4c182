"""Downloads (web/downloads.py) over HTTP, in front of Streamlit's own /media/ route and storage."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.testclient import TestClient
from streamlit.runtime.media_file_storage import MediaFileKind
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.web.server.starlette.starlette_routes import create_media_routes

from db import accounts, auth_sessions
from db.engine import prepare_database
from tests.conftest import PASSWORD
from web import downloads
from web.downloads import DownloadGate
from web.session_cookie import COOKIE_NAME, OPEN_PATH, ROUTES

ORIGIN = {"origin": "http://127.0.0.1:8501", "host": "127.0.0.1:8501"}
EXPORT = b"navn;score\nMette;4\n" * 800  # stands for a person's export


@pytest.fixture
def media() -> MemoryMediaFileStorage:
    return MemoryMediaFileStorage("/media")


def _find(media: MemoryMediaFileStorage):
    def find(file_id: str) -> bytes | None:
        try:
            file = media.get_file(file_id)
        except Exception:
            return None
        return file.content if file.kind == MediaFileKind.DOWNLOADABLE else None

    return find


@pytest.fixture
def client(app_db, media) -> Iterator[TestClient]:
    prepare_database(app_db).dispose()
    app = Starlette(
        routes=[*ROUTES, *create_media_routes(media, None)],
        middleware=[Middleware(DownloadGate, find=_find(media))],
    )
    with TestClient(app, base_url="http://127.0.0.1:8501") as test_client:
        yield test_client


@pytest.fixture
def export_id(media) -> str:
    return media.load_and_get_id(EXPORT, "text/csv", MediaFileKind.DOWNLOADABLE, "eksport.csv")


def _signed_in(client: TestClient, app_tx, username: str) -> tuple[int, str]:
    """Sign a person in as the browser does; return their session id and cookie token."""
    person = app_tx(accounts.create_user, username=username, password=PASSWORD)
    session_id, code = app_tx(auth_sessions.open_session, user_id=person.id, method="password")
    response = client.post(OPEN_PATH, json={"code": code}, headers=ORIGIN)
    assert response.status_code == 204
    token = response.cookies[COOKIE_NAME]
    client.cookies.clear()
    return session_id, token


@pytest.mark.parametrize("tail", [".csv", ".", ".c-sv", ".c_v", ".csv;x", ".csv%20", ".csv%00", "", ".x.csv", ".CSV"])
def test_no_spelling_of_a_download_address_gives_it_to_a_request_without_a_session(client, export_id, tail):
    response = client.get(f"/media/{export_id}{tail}")
    assert response.status_code == 404
    assert EXPORT[:40] not in response.content
    assert response.headers["cache-control"] == "no-store"


@pytest.mark.parametrize("tail", [".", ".c-sv", ".csv;x", ".csv%20"])
def test_an_odd_spelling_is_refused_even_to_the_session_that_built_the_download(client, app_tx, export_id, tail):
    session_id, token = _signed_in(client, app_tx, "Mette")
    downloads.claim(EXPORT, session_id)
    client.cookies.set(COOKIE_NAME, token)
    response = client.get(f"/media/{export_id}{tail}")
    assert response.status_code == 404


def test_the_session_that_built_a_download_gets_it_and_no_cache_keeps_it(client, app_tx, export_id):
    session_id, token = _signed_in(client, app_tx, "Mette")
    downloads.claim(EXPORT, session_id)
    client.cookies.set(COOKIE_NAME, token)
    response = client.get(f"/media/{export_id}.csv")
    assert response.status_code == 200 and response.content == EXPORT
    assert response.headers["cache-control"] == "no-store"
    _, stranger = _signed_in(client, app_tx, "Frede")
    client.cookies.set(COOKIE_NAME, stranger)
    assert client.get(f"/media/{export_id}.csv").status_code == 404


def test_a_picture_in_the_page_still_shows_and_is_not_kept_in_a_cache(client, media):
    png = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
    picture = media.load_and_get_id(png, "image/png", MediaFileKind.MEDIA)
    response = client.get(f"/media/{picture}.png")
    assert response.status_code == 200 and response.content == png
    assert response.headers["cache-control"] == "no-store"


def test_under_a_base_path_the_same_rule_holds(app_db, export_id, media):
    """With server.baseUrlPath set, /<base>/media/ is the route, and the gate stands in front of it."""
    prepare_database(app_db).dispose()
    app = Starlette(
        routes=create_media_routes(media, "spejl"),
        middleware=[Middleware(DownloadGate, find=_find(media), base_path="/spejl/")],
    )
    with TestClient(app, base_url="http://127.0.0.1:8501") as client:
        for tail in (".csv", ".", ".csv;x"):
            assert client.get(f"/spejl/media/{export_id}{tail}").status_code == 404
