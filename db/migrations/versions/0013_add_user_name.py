"""add users.name: the name a person is called by, apart from the username they sign in with

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("name", sa.String(80), nullable=False, server_default=""))
    op.execute("UPDATE users SET name = username")  # existing accounts are called by their username


def downgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.drop_column("name")
