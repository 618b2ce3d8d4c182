"""Shared fixtures: the bank, fresh databases on SQLite and PostgreSQL, factories, AppTest."""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session, sessionmaker
from streamlit.testing.v1 import AppTest

from core.settings import reload_settings
from db import accounts, rounds
from db.engine import create_db_engine, make_sessionmaker, prepare_database
from questions import QuestionBank, load_bank
from questions.tools import Tools, load_tools
from tests.support.postgres import start_postgres
from tests.support.storage import completed_round, runner

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "en-god-adgangskode"
_template_counter = itertools.count()
pytest_plugins = ["tests.support.course_fixtures", "tests.support.world"]


# The suite signs up and in some 1,700 times; at the app's cost (db/accounts.py) that is ~0.1 s of
# both cores each. In this process passwords are hashed with argon2id at its lowest cost instead;
# the app's servers that the browser tests start keep the real cost, and
# tests/test_accounts.py checks what that cost is in a process of its own.
CHEAP_HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


@pytest.fixture(scope="session", autouse=True)
def _passwords_hashed_cheaply() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(accounts, "_hasher", CHEAP_HASHER)
        patch.setattr(accounts, "_DUMMY_HASH", CHEAP_HASHER.hash(accounts._DUMMY_PASSWORD))
        yield


@pytest.fixture(autouse=True)
def _settings_read_afresh() -> Iterator[None]:
    """A test may set DATABASE_URL and the like; the app reads its settings once per process."""
    reload_settings()
    yield
    reload_settings()


@pytest.fixture(scope="session")
def bank() -> QuestionBank:
    return load_bank()


@pytest.fixture(scope="session")
def tools() -> Tools:
    return load_tools()


@pytest.fixture(scope="session")
def postgres_template() -> Iterator[tuple[str, Callable[[str], str]]]:
    """One PostgreSQL server per test run, with a migrated template database to copy."""
    external = os.environ.get("TEST_DATABASE_URL")
    server = None
    if external:
        admin_url, url_for = external, lambda name: external.rsplit("/", 1)[0] + "/" + name
    else:
        server = start_postgres()
        admin_url, url_for = server.admin_url, server.url_for
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text("DROP DATABASE IF EXISTS nvs_template"))
        conn.execute(text("CREATE DATABASE nvs_template"))
    prepare_database(url_for("nvs_template")).dispose()
    yield admin_url, url_for
    admin.dispose()
    if server is not None:
        server.stop()


def _fresh_postgres_url(postgres_template) -> str:
    admin_url, url_for = postgres_template
    name = f"nvs_test_{os.getpid()}_{next(_template_counter)}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name} TEMPLATE nvs_template"))
    admin.dispose()
    return url_for(name)


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path) -> str:
    """A URL to a fresh, migrated database: once on SQLite, once on PostgreSQL."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'test.sqlite3'}"
        prepare_database(url).dispose()
        return url
    return _fresh_postgres_url(request.getfixturevalue("postgres_template"))


@pytest.fixture
def sm(database_url) -> Iterator[sessionmaker[Session]]:
    engine = create_db_engine(database_url)
    yield make_sessionmaker(engine)
    engine.dispose()


@pytest.fixture
def tx(sm) -> Callable:
    """Run one storage call in its own committed transaction, as a page does."""
    return runner(sm)


@pytest.fixture
def make_user(tx) -> Callable[..., accounts.AccountView]:
    names = itertools.count(1)

    def make(username: str | None = None) -> accounts.AccountView:
        return tx(accounts.create_user, username=username or f"leder{next(names)}", password=PASSWORD)

    return make


@pytest.fixture
def make_completed_round(tx, bank) -> Callable[..., rounds.RoundView]:
    """Create and complete a round where every rating is `rating` (or rating(question_id))."""

    def make(user_id: int, rating=3, context: str = "foer-netvaerket", text_for=None, goals=None) -> rounds.RoundView:
        return completed_round(tx, bank, user_id, rating=rating, context=context, text_for=text_for, goals=goals)

    return make


@pytest.fixture
def app_db(tmp_path, monkeypatch) -> str:
    """Point the app at a fresh SQLite file for this test."""
    url = f"sqlite:///{tmp_path / 'app.sqlite3'}"
    monkeypatch.setenv("DATABASE_URL", url)
    return url


@pytest.fixture
def new_session(app_db) -> Callable[[], AppTest]:
    """Open the app in a new browser session (fresh session state), already run once."""

    def open_app() -> AppTest:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
        return at.run()

    return open_app


@pytest.fixture
def app_tx(app_db) -> Iterator[Callable]:
    """Run one storage call against the app's database, as another device would meanwhile."""
    engine = create_db_engine(app_db)
    yield runner(make_sessionmaker(engine))
    engine.dispose()


@pytest.fixture
def account_of(app_tx) -> Callable[[str], accounts.AccountView]:
    """Look up an account made through the app by its username."""
    return lambda username: app_tx(accounts.authenticate, username=username, password=PASSWORD)


@pytest.fixture
def downloads(monkeypatch) -> Callable[[AppTest, str], bytes]:
    """Read the bytes behind a download button in AppTest, as a click in the browser would fetch them.

    AppTest throws its media storage away after a run, so stored files are kept here; a button
    with deferred data (a function run on click) gets its function called, as the server would.
    """
    from streamlit.runtime.media_file_manager import MediaFileManager
    from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

    stored: dict[str, bytes] = {}
    deferred: dict[str, Callable[[], bytes]] = {}
    original = MemoryMediaFileStorage.load_and_get_id
    original_deferred = MediaFileManager.add_deferred

    def keep(self, path_or_data, mimetype, kind, filename=None):
        file_id = original(self, path_or_data, mimetype, kind, filename)
        stored[file_id] = path_or_data if isinstance(path_or_data, bytes) else Path(path_or_data).read_bytes()
        return file_id

    def keep_deferred(self, data_callable, *args, **kwargs):
        file_id = original_deferred(self, data_callable, *args, **kwargs)
        deferred[file_id] = data_callable
        return file_id

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", keep)
    monkeypatch.setattr(MediaFileManager, "add_deferred", keep_deferred)

    def data_of(at: AppTest, key: str) -> bytes:
        button = next(b for b in at.get("download_button") if b.proto.id.endswith(f"-{key}"))
        if button.proto.deferred_file_id:
            return deferred[button.proto.deferred_file_id]()
        return stored[button.proto.url.rsplit("/", 1)[1].split(".")[0]]

    return data_of


@pytest.fixture
def other_instance(database_url, tmp_path, request) -> str:
    """A second, fresh installation of the same kind of database (for moving data between them)."""
    if database_url.startswith("sqlite"):
        url = f"sqlite:///{tmp_path / 'other.sqlite3'}"
        prepare_database(url).dispose()
        return url
    return _fresh_postgres_url(request.getfixturevalue("postgres_template"))


# Tests that measure what people doing things at once see (eight browsers and a projector, a rolling
# restart, fast typing, the projector's own refresh, the benchmark's smoke run): they run one after
# another on one worker, so none of them times itself against another's load (docs/development.md).
TIMED_TESTS = (
    "tests/e2e/test_browser_load.py",
    "tests/e2e/test_browser_cluster.py",
    "tests/e2e/test_browser_nothing_lost.py",
    "tests/e2e/test_browser_presentation.py",
    "tests/test_bench.py",
)
# The other browser tests start a server and a Chromium of their own: a file's tests share a worker.
BROWSER_TESTS = "tests/e2e/"


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """With pytest-xdist (scripts/test.sh runs `-n auto`), the timed tests go to one worker, one
    after another; every other browser test file and every other test is a unit of its own that
    goes to whichever worker is free. (xdist's own `loadgroup` marks a test by renaming its node
    id, which pytest 9 no longer reads.)"""
    from xdist.scheduler import LoadScopeScheduling

    class BrowserTestsTogether(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            if nodeid.startswith(TIMED_TESTS):
                return "timed"
            if nodeid.startswith(BROWSER_TESTS):
                return nodeid.split("::", 1)[0]
            return nodeid

    return BrowserTestsTogether(config, log)
