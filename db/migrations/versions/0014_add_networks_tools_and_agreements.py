"""add networks, reflection-tool answers and collaboration agreements with their invitations and readers

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-02
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

_KINDS = "kind IN ('personaleleder', 'referenceleder', 'co-driver')"


def _moment(name: str, nullable: bool = False) -> sa.Column[datetime]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def _user(name: str = "user_id", ondelete: str = "CASCADE", nullable: bool = False) -> sa.Column[int]:
    return sa.Column(name, sa.Integer, sa.ForeignKey("users.id", ondelete=ondelete), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "networks",
        sa.Column("id", sa.Integer, primary_key=True),
        _user(),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("theme", sa.Text, nullable=False),
        sa.Column("meetings", sa.Text, nullable=False),
        _moment("created_at"),
        _moment("updated_at"),
    )
    op.create_index("ix_networks_user_id", "networks", ["user_id"])
    op.create_table(
        "tool_answers",
        sa.Column("id", sa.Integer, primary_key=True),
        _user(),
        sa.Column("tool_id", sa.String(60), nullable=False),
        sa.Column("question_id", sa.String(60), nullable=False),
        sa.Column("rating", sa.Integer),
        sa.Column("text", sa.Text, nullable=False),
        _moment("updated_at"),
        sa.UniqueConstraint("user_id", "tool_id", "question_id", name="uq_tool_answers_user_tool_question"),
        sa.CheckConstraint("rating IS NULL OR rating BETWEEN 1 AND 5", name="tool_rating_in_range"),
    )
    op.create_table(
        "agreements",
        sa.Column("id", sa.Integer, primary_key=True),
        _user(),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("network_id", sa.Integer, sa.ForeignKey("networks.id", ondelete="SET NULL")),
        _moment("created_at"),
        _moment("updated_at"),
        _moment("agreed_at", nullable=True),
        _user("agreed_by", ondelete="SET NULL", nullable=True),
        sa.Column("agreed_by_name", sa.String(80), nullable=False, server_default=""),
        sa.Column("agreed_content", sa.Text),
        sa.UniqueConstraint("user_id", "kind", name="uq_agreements_user_kind"),
        sa.CheckConstraint(_KINDS, name="agreement_kind_known"),
    )
    op.create_table(
        "agreement_values",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("agreement_id", sa.Integer, sa.ForeignKey("agreements.id", ondelete="CASCADE"), nullable=False),
        sa.Column("field_id", sa.String(60), nullable=False),
        sa.Column("value", sa.Text, nullable=False),
        _moment("updated_at"),
        sa.UniqueConstraint("agreement_id", "field_id", name="uq_agreement_values_agreement_field"),
    )
    op.create_table(
        "agreement_invitations",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("agreement_id", sa.Integer, sa.ForeignKey("agreements.id", ondelete="CASCADE"), nullable=False),
        sa.Column("code_hash", sa.String(64), nullable=False, unique=True),
        _moment("created_at"),
        _moment("expires_at"),
        _moment("used_at", nullable=True),
        _user("used_by", ondelete="SET NULL", nullable=True),
        _moment("withdrawn_at", nullable=True),
    )
    op.create_index("ix_agreement_invitations_agreement_id", "agreement_invitations", ["agreement_id"])
    op.create_table(
        "agreement_readers",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("agreement_id", sa.Integer, sa.ForeignKey("agreements.id", ondelete="CASCADE"), nullable=False),
        _user(),
        _moment("created_at"),
        sa.Column("comment", sa.Text, nullable=False),
        _moment("comment_updated_at", nullable=True),
        sa.UniqueConstraint("agreement_id", "user_id", name="uq_agreement_readers_agreement_user"),
    )
    op.create_index("ix_agreement_readers_user_id", "agreement_readers", ["user_id"])


def downgrade() -> None:
    for table in ("agreement_readers", "agreement_invitations", "agreement_values", "agreements"):
        op.drop_table(table)
    op.drop_table("tool_answers")
    op.drop_index("ix_networks_user_id", "networks")
    op.drop_table("networks")
