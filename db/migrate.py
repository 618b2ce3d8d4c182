"""Apply Alembic migrations programmatically (at start-up and in tests)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config(engine: Engine | None = None) -> Config:
    """Build an Alembic config pointing at db/migrations, bound to an engine if given."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if engine is not None:
        cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%"))
        cfg.attributes["engine"] = engine
    return cfg


def upgrade_to_head(engine: Engine) -> None:
    """Bring the database schema to the newest revision."""
    command.upgrade(alembic_config(engine), "head")


def _main(argv: list[str]) -> int:
    """`python -m db.migrate upgrade` migrates DATABASE_URL; `revision MESSAGE` drafts a migration."""
    import tempfile

    from db.engine import prepare_database

    if argv[:1] == ["upgrade"]:
        prepare_database().dispose()
        return 0
    if len(argv) == 2 and argv[0] == "revision":
        with tempfile.TemporaryDirectory() as tmp:
            engine = prepare_database(f"sqlite:///{tmp}/draft.sqlite3")
            command.revision(alembic_config(engine), message=argv[1], autogenerate=True)
            engine.dispose()
        return 0
    print("usage: python -m db.migrate upgrade | revision MESSAGE")
    return 2


if __name__ == "__main__":
    import sys

    sys.exit(_main(sys.argv[1:]))
