"""Named locks held until the transaction ends, so two transactions deciding the same thing take turns.

PostgreSQL: one transaction-scoped advisory lock per name (the thing decided may have no row yet).
SQLite: nothing to do, as every transaction already begins IMMEDIATE and holds the one write lock.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session


def hold(session: Session, names: list[str]) -> None:
    """Wait for, and then hold, each named lock until this transaction commits or rolls back."""
    if session.get_bind().dialect.name != "postgresql":
        return
    for name in sorted(names):  # one order for everyone: no two transactions wait for each other
        session.execute(select(func.pg_advisory_xact_lock(func.hashtextextended(name, 0))))
