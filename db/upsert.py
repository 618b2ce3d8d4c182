"""Insert-or-update in one statement, so two tabs saving at once never collide; how many rows a
statement changed."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, cast

from sqlalchemy import CursorResult, Result
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import InstrumentedAttribute, Session


def dialect_insert(dialect: str) -> Callable[..., Any]:
    """The INSERT that knows ON CONFLICT for this database ("postgresql" or "sqlite")."""
    return pg_insert if dialect == "postgresql" else sqlite_insert


def upsert(
    session: Session,
    model: type,
    *,
    keys: Mapping[InstrumentedAttribute[Any], Any],
    values: Mapping[str, Any],
    created: Mapping[str, Any] | None = None,
) -> None:
    """Insert a row with `keys`, `values` and `created`, or update `values` where the keys' row exists.

    The keys must be covered by a unique constraint. `created` is only written on insert.
    """
    insert = dialect_insert(session.get_bind().dialect.name)
    key_values = {column.key: value for column, value in keys.items()}
    stmt = insert(model).values({**(created or {}), **values, **key_values})
    index: Sequence[InstrumentedAttribute[Any]] = list(keys)
    session.execute(stmt.on_conflict_do_update(index_elements=index, set_=dict(values)))


def rowcount(result: Result[Any]) -> int:
    """How many rows an UPDATE or DELETE changed (execute() is typed as returning a Result; for
    these statements it is a CursorResult, which counts them)."""
    return cast(CursorResult[Any], result).rowcount
