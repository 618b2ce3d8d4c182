"""Build the one engine from DATABASE_URL (embedded SQLite by default) and migrate it."""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from core.settings import SettingsError, settings
from db.errors import DatabaseConfigError

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SQLITE_PATH = PROJECT_ROOT / "data" / "netvaerksspejlet.sqlite3"
SQLITE_BUSY_TIMEOUT_MS = 15_000
T = TypeVar("T")


def database_url() -> str:
    """Return DATABASE_URL (core/settings.py), or the embedded SQLite file under data/."""
    try:
        configured = settings().DATABASE_URL
    except SettingsError as exc:  # another variable is wrong: the app stops with its message
        raise DatabaseConfigError(str(exc)) from None
    return configured or f"sqlite:///{DEFAULT_SQLITE_PATH}"


def _parse(raw: str) -> URL:
    """Parse a URL, choosing psycopg 3 for plain postgres:// and postgresql:// URLs."""
    try:
        url = make_url(raw)
    except ArgumentError:
        raise DatabaseConfigError("DATABASE_URL er ikke en gyldig database-adresse.") from None
    if url.drivername in ("postgres", "postgresql"):
        url = url.set(drivername="postgresql+psycopg")
    if url.get_backend_name() not in ("sqlite", "postgresql"):
        raise DatabaseConfigError(
            f"DATABASE_URL peger på '{url.get_backend_name()}'. Kun SQLite og PostgreSQL understøttes."
        )
    return url


def _enable_sqlite_pragmas(dbapi_connection: Any, _record: object) -> None:
    """Turn on WAL, foreign keys and a busy timeout on every new SQLite connection."""
    # Let SQLAlchemy, not pysqlite, decide when transactions begin (see _begin_immediate).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _begin_immediate(conn: Connection) -> None:
    """Take the write lock at BEGIN, so a read-then-write never fails half-way as 'locked'."""
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def create_db_engine(raw_url: str | None = None) -> Engine:
    """Create an engine for the URL and check that it answers; raise DatabaseConfigError if not."""
    url = _parse(raw_url or database_url())
    # hide_parameters: an error never carries the statement's values into a message or the server
    # log, where they would be someone's reflection.
    try:
        if url.get_backend_name() == "sqlite":
            if url.database and url.database != ":memory:":
                Path(url.database).parent.mkdir(parents=True, exist_ok=True)
            engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}, hide_parameters=True)
            event.listen(engine, "connect", _enable_sqlite_pragmas)
            event.listen(engine, "begin", _begin_immediate)
        else:
            engine = create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20, hide_parameters=True)
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except NoSuchModuleError:
        raise DatabaseConfigError(f"Databasedriveren i DATABASE_URL ({url.drivername}) er ikke installeret.") from None
    except (OperationalError, SQLAlchemyError, OSError) as exc:
        where = url.render_as_string(hide_password=True)
        reason = str(getattr(exc, "orig", exc)).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise DatabaseConfigError(f"Kan ikke forbinde til databasen {where}: {reason}") from None
    return engine


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    """Make the one sessionmaker for an engine; objects stay readable after commit."""
    return sessionmaker(engine, expire_on_commit=False)


def prepare_database(raw_url: str | None = None) -> Engine:
    """Create the engine and bring the schema to the newest migration."""
    from db.migrate import upgrade_to_head

    engine = create_db_engine(raw_url)
    upgrade_to_head(engine)
    return engine


_FIRST_USE = threading.Lock()


def shared_sessionmaker(url: str) -> sessionmaker[Session]:
    """The server process's one sessionmaker per database URL, migrated on first use.

    The pages (ui/resources.py) and the cookie routes (web/session_cookie.py) run in the same
    process and share it: one connection pool and one migration check, not one each. The first
    use is made by one thread at a time: people arriving together at a fresh server each asked for
    it, and Alembic's migration context is one global per process (they got an error page).
    """
    with _FIRST_USE:
        return _sessionmaker_for(url)


@cache
def _sessionmaker_for(url: str) -> sessionmaker[Session]:
    return make_sessionmaker(prepare_database(url))


def in_transaction(sessions: sessionmaker[Session], action: Callable[..., T], **kwargs: Any) -> T:
    """Run one storage call, action(session=..., **kwargs), in its own transaction: committed on
    success, rolled back on error. The pages, the cookie routes and the tests all call storage so."""
    with sessions.begin() as session:
        return action(session=session, **kwargs)
