"""add users.username_skeleton (look-alike names), and fold existing keys with NFKC where that is safe

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02
"""

from __future__ import annotations

from typing import cast

import sqlalchemy as sa
from alembic import op

from core.usernames import skeleton
from db.accounts import username_key

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("username_skeleton", sa.String(200), nullable=False, server_default=""))
        batch.create_index("ix_users_username_skeleton", ["username_skeleton"])
    users = sa.table(
        "users",
        sa.column("id", sa.Integer),
        sa.column("username", sa.String),
        sa.column("username_key", sa.String),
        sa.column("username_skeleton", sa.String),
    )
    connection = op.get_bind()
    # A table sketched for this migration carries no Python types: say what its rows hold.
    rows = cast(
        "list[tuple[int, str, str]]",
        connection.execute(sa.select(users.c.id, users.c.username, users.c.username_key)).all(),
    )
    taken = {key for _, _, key in rows}
    for user_id, username, key in rows:
        values = {"username_skeleton": skeleton(username)}
        folded = username_key(username)
        if folded != key and folded not in taken:  # else the older look-alike keeps its key
            values["username_key"] = folded
            taken.add(folded)
        connection.execute(sa.update(users).where(users.c.id == user_id).values(**values))


def downgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.drop_index("ix_users_username_skeleton")
        batch.drop_column("username_skeleton")
