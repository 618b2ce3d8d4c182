"""Engine and migrations: the embedded default, SQLite settings, clear errors for a wrong URL."""

from __future__ import annotations

import threading

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from db import engine as engine_module
from db.engine import create_db_engine, database_url, prepare_database
from db.errors import DatabaseConfigError
from db.migrate import alembic_config


def test_without_database_url_the_app_uses_sqlite_under_data(monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    assert database_url() == f"sqlite:///{engine_module.PROJECT_ROOT / 'data' / 'netvaerksspejlet.sqlite3'}"


def test_sqlite_file_and_folder_are_created_on_first_start(tmp_path):
    target = tmp_path / "ny" / "mappe" / "db.sqlite3"
    prepare_database(f"sqlite:///{target}").dispose()
    assert target.exists()


def test_sqlite_runs_with_wal_foreign_keys_and_busy_timeout(tmp_path):
    eng = create_db_engine(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    with eng.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() == 15000
    eng.dispose()


def test_migrations_bring_both_databases_to_head(database_url):
    eng = create_db_engine(database_url)
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    with eng.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == head
    assert {"users", "rounds", "answers"} <= set(inspect(eng).get_table_names())
    eng.dispose()


def test_migrating_twice_changes_nothing(database_url):
    prepare_database(database_url).dispose()
    prepare_database(database_url).dispose()


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("ikke en adresse", "ikke en gyldig database-adresse"),
        ("mysql://u:p@localhost/db", "Kun SQLite og PostgreSQL"),
        ("postgresql://bruger:hemmelig@127.0.0.1:1/db", "Kan ikke forbinde til databasen"),
    ],
)
def test_wrong_database_url_gives_one_clear_message(url, expected):
    with pytest.raises(DatabaseConfigError, match=expected) as err:
        create_db_engine(url)
    assert "hemmelig" not in str(err.value)


def test_plain_postgresql_urls_use_psycopg_3():
    with pytest.raises(DatabaseConfigError) as err:
        create_db_engine("postgres://u@127.0.0.1:1/db")
    assert "postgresql+psycopg://" in str(err.value)


def test_models_and_migrations_agree(database_url):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from db.models import Base

    eng = create_db_engine(database_url)
    with eng.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    eng.dispose()
    assert diff == []


def test_people_arriving_together_at_a_fresh_server_all_get_the_one_migrated_database(tmp_path):
    """Each first page run asks for the sessionmaker at once; Alembic's context is one global."""
    url = f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
    start_line = threading.Barrier(8)
    got, errors = [], []

    def arrive() -> None:
        start_line.wait()
        try:
            got.append(engine_module.shared_sessionmaker(url))
        except Exception as exc:  # every error is counted
            errors.append(repr(exc))

    people = [threading.Thread(target=arrive) for _ in range(8)]
    for person in people:
        person.start()
    for person in people:
        person.join()
    assert errors == []
    assert len(got) == 8 and len({id(s) for s in got}) == 1
    with got[0]() as session:
        assert session.execute(text("SELECT count(*) FROM users")).scalar() == 0


def test_a_failing_statement_never_carries_what_was_typed_into_its_error(sm, tx):
    """Errors reach the server log; their values would be someone's reflection (hide_parameters)."""
    from sqlalchemy.exc import IntegrityError

    from db.models import User

    def add_twice(session) -> None:
        for _ in range(2):
            session.add(User(username="Mette", username_key="mette", password_hash="min hemmelige refleksion"))
            session.flush()

    with pytest.raises(IntegrityError) as failed:
        tx(add_twice)
    assert "min hemmelige refleksion" not in str(failed.value)


def test_existing_accounts_get_their_look_and_a_folded_key_when_migrated(tmp_path):
    """Migration 0011 on a database from before: skeletons filled in; ｍｏｎａ signs in as mona,
    unless another account already has that key (then both stay, reported as look-alikes)."""
    from alembic import command

    from db import accounts
    from db.engine import make_sessionmaker
    from tests.conftest import PASSWORD

    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    engine = create_db_engine(url)
    command.upgrade(alembic_config(engine), "0010")
    hashed = accounts._hasher.hash(PASSWORD)
    with engine.begin() as conn:
        for name in ("ｍｏｎａ", "mette", "ｍｅｔｔｅ"):
            conn.execute(
                text(
                    "INSERT INTO users (username, username_key, password_hash, created_at, is_admin, is_trainer, "
                    "note_draft) VALUES (:n, :k, :h, CURRENT_TIMESTAMP, false, false, '')"
                ),
                {"n": name, "k": name.casefold(), "h": hashed},
            )
    command.upgrade(alembic_config(engine), "head")
    with make_sessionmaker(engine).begin() as session:
        assert accounts.authenticate(session=session, username="mona", password=PASSWORD) is not None
        assert accounts.look_alikes(session) == [["mette", "ｍｅｔｔｅ"]]
    engine.dispose()


def test_app_processes_starting_together_on_one_fresh_postgresql_migrate_it_once(postgres_template):
    """Several servers behind one proxy (deploy/) start at once: one migrates, the others wait."""
    import os
    import subprocess
    import sys

    from sqlalchemy import create_engine

    from tests.conftest import ROOT

    admin_url, url_for = postgres_template
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text("DROP DATABASE IF EXISTS nvs_fresh_cluster"))
        conn.execute(text("CREATE DATABASE nvs_fresh_cluster"))
    admin.dispose()
    env = {**os.environ, "DATABASE_URL": url_for("nvs_fresh_cluster")}
    processes = [
        subprocess.Popen([sys.executable, "-m", "db.migrate", "upgrade"], cwd=ROOT, env=env, stderr=subprocess.PIPE)
        for _ in range(3)
    ]
    outcomes = [(p.communicate(timeout=120)[1].decode(), p.returncode) for p in processes]
    assert [error for error, code in outcomes if code != 0] == []
    engine = create_db_engine(url_for("nvs_fresh_cluster"))
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM alembic_version")).scalar() == 1
    engine.dispose()


def test_existing_accounts_are_called_by_their_username_after_the_name_migration(database_url):
    """Migration 0013 on a database from before: everyone gets their username as their name."""
    from alembic import command

    from db import accounts
    from db.engine import make_sessionmaker

    engine = create_db_engine(database_url)
    command.downgrade(alembic_config(engine), "0012")  # the database as it was before names
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO users (username, username_key, username_skeleton, password_hash, created_at, "
                "is_admin, is_trainer, note_draft) VALUES ('Mette', 'mette', 'mette', NULL, CURRENT_TIMESTAMP, "
                "false, false, '')"
            )
        )
    command.upgrade(alembic_config(engine), "head")
    with make_sessionmaker(engine).begin() as session:
        user = accounts.user_named(session, "mette")
        assert (user.username, user.name, accounts.account_view(user).name) == ("Mette", "Mette", "Mette")
    engine.dispose()


def test_stored_names_nobody_can_see_are_cleaned_when_migrated(database_url):
    """Migration 0015: a name of only U+200B falls back to the username; direction controls go."""
    from alembic import command

    from db import accounts
    from db.engine import make_sessionmaker

    engine = create_db_engine(database_url)
    command.downgrade(alembic_config(engine), "0014")
    with engine.begin() as conn:
        for username, name in (("mette", "\u200b\u200b"), ("ole", "Ole \u202eThomsen"), ("ida", "Ida Holm")):
            conn.execute(
                text(
                    "INSERT INTO users (username, username_key, username_skeleton, password_hash, created_at, "
                    "is_admin, is_trainer, note_draft, name) VALUES (:u, :u, :u, NULL, CURRENT_TIMESTAMP, "
                    "false, false, '', :n)"
                ),
                {"u": username, "n": name},
            )
    command.upgrade(alembic_config(engine), "head")
    with make_sessionmaker(engine).begin() as session:
        names = [accounts.user_named(session, u).name for u in ("mette", "ole", "ida")]
    assert names == ["mette", "Ole Thomsen", "Ida Holm"]
    engine.dispose()
