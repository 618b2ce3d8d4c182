"""What happens when an administrator grants or removes the trainer role or issues a reset code,
and every key of the administration page's state."""

from __future__ import annotations

import streamlit as st

from core import texts
from core.auth import RESET_CODE_TTL
from db import accounts
from db.errors import NotAllowedError, NotFoundError
from ui import identity
from ui.flash import Kind, set_flash
from ui.resources import tx

ADMIN_SLOT = "admin"


def trainer_key(user_id: int) -> str:
    return f"admin-trainer-{user_id}"


def reset_key(user_id: int) -> str:
    return f"admin-reset-{user_id}"


@identity.live
def reset_password(admin_id: int, user_id: int, name: str) -> None:
    try:
        code = tx(accounts.issue_reset_code, admin_id=admin_id, user_id=user_id)
    except (NotAllowedError, NotFoundError):
        return
    hours = int(RESET_CODE_TTL.total_seconds() // 3600)
    set_flash(ADMIN_SLOT, Kind.SUCCESS, texts.ADMIN_RESET_DONE.format(name=name, code=code, hours=hours))


@identity.live
def set_trainer(admin_id: int, user_id: int, name: str) -> None:
    is_trainer = bool(st.session_state.get(trainer_key(user_id)))
    try:
        tx(accounts.set_trainer, admin_id=admin_id, user_id=user_id, is_trainer=is_trainer)
    except (NotAllowedError, NotFoundError):
        return
    set_flash(
        ADMIN_SLOT, Kind.SUCCESS, (texts.ADMIN_TRAINER_ON if is_trainer else texts.ADMIN_TRAINER_OFF).format(name=name)
    )
