"""add round scores: per-round rating counts per competency for the course dashboard

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-24

No backfill here: the counts depend on the question bank, which migrations do not read.
db.cohort counts the rounds that lack them the first time a dashboard needs them.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "round_scores",
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("scheme", sa.String(length=16), nullable=False),
        sa.Column("competency_id", sa.String(length=60), nullable=False),
        sa.Column("n1", sa.Integer(), nullable=False),
        sa.Column("n2", sa.Integer(), nullable=False),
        sa.Column("n3", sa.Integer(), nullable=False),
        sa.Column("n4", sa.Integer(), nullable=False),
        sa.Column("n5", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["round_id"], ["rounds.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("round_id", "scheme", "competency_id"),
    )


def downgrade() -> None:
    op.drop_table("round_scores")
