"""clean the names people are called by: no name without a visible letter, no direction controls

Names were stored with only U+200B or U+202E in them (their person was invisible wherever named)
and with direction overrides inside. Each stored name now gets the rule new names get
(core/person_names.py); one that cannot be anyone's name falls back to the username, as for an
account without a name.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from core.limits import PERSON_NAME_MAX_CHARS
from core.person_names import clean_person_name

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    connection = op.get_bind()
    users = sa.table(
        "users", sa.column("id", sa.Integer), sa.column("username", sa.String), sa.column("name", sa.String)
    )
    for user_id, username, name in connection.execute(sa.select(users.c.id, users.c.username, users.c.name)).all():
        cleaned = clean_person_name(str(name or ""), PERSON_NAME_MAX_CHARS) or str(username)
        if cleaned != name:
            connection.execute(sa.update(users).where(users.c.id == user_id).values(name=cleaned))


def downgrade() -> None:
    pass  # the names as they were are not kept: nothing to go back to
