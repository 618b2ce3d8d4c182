"""add goals and follow-ups; imported feedback

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "goals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("competency_id", sa.String(length=60), nullable=False),
        sa.Column("step", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("position BETWEEN 1 AND 3", name="goal_position_in_range"),
        sa.ForeignKeyConstraint(["round_id"], ["rounds.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("round_id", "competency_id", name="uq_goals_round_competency"),
        sa.UniqueConstraint("round_id", "position", name="uq_goals_round_position"),
    )
    op.create_table(
        "goal_followups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("goal_id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("outcome IS NULL OR outcome IN ('achieved', 'partly', 'not_yet')", name="outcome_known"),
        sa.ForeignKeyConstraint(["goal_id"], ["goals.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["round_id"], ["rounds.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("goal_id"),
    )
    with op.batch_alter_table("goal_followups", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_goal_followups_round_id"), ["round_id"], unique=False)

    with op.batch_alter_table("feedback", schema=None) as batch_op:
        batch_op.add_column(sa.Column("imported_author", sa.String(length=40), nullable=True))
        batch_op.alter_column("author_id", existing_type=sa.INTEGER(), nullable=True)


def downgrade() -> None:
    with op.batch_alter_table("feedback", schema=None) as batch_op:
        batch_op.alter_column("author_id", existing_type=sa.INTEGER(), nullable=False)
        batch_op.drop_column("imported_author")

    with op.batch_alter_table("goal_followups", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_goal_followups_round_id"))

    op.drop_table("goal_followups")
    op.drop_table("goals")
