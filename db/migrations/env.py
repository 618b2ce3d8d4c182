"""Alembic environment: runs against the engine handed over by db.migrate."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine, text

from db.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations() -> None:
    """Run migrations online; SQLite needs batch mode for ALTER TABLE."""
    engine = config.attributes.get("engine") or create_engine(config.get_main_option("sqlalchemy.url") or "")
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            # Several app processes start on one database (deploy/): one migrates, the others wait
            # for it and then find nothing left to do. (SQLite's BEGIN IMMEDIATE already serialises.)
            connection.execute(text("SELECT pg_advisory_xact_lock(4242017)"))
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            compare_type=True,
        )
        context.run_migrations()


run_migrations()
