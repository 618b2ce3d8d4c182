"""add cohort_views and cohort_revealed: what a course's trainer has been shown, for the privacy rules

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "cohort_views",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("course_id", sa.Integer(), sa.ForeignKey("courses.id", ondelete="CASCADE"), nullable=False),
        sa.Column("kind", sa.String(60), nullable=False),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("members", sa.Text(), nullable=False),
        sa.Column("people", sa.Integer(), nullable=False),
        sa.Column("shown_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("course_id", "kind", "fingerprint", name="uq_cohort_views_course_kind_rounds"),
    )
    op.create_index("ix_cohort_views_course_id", "cohort_views", ["course_id"])
    op.create_table(
        "cohort_revealed",
        sa.Column("course_id", sa.Integer(), sa.ForeignKey("courses.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("round_id", sa.Integer(), primary_key=True),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("completed_at", sa.String(40), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("cohort_revealed")
    op.drop_index("ix_cohort_views_course_id", table_name="cohort_views")
    op.drop_table("cohort_views")
