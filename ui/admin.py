"""Administration: grant or remove the trainer role. Only administrators see anything here."""

from __future__ import annotations

import streamlit as st

from core import texts
from core.formatting import escape_markdown
from db import accounts
from db.errors import NotAllowedError, NotFoundError
from ui.flash import set_flash, show_flash
from ui.resources import tx


def trainer_key(user_id: int) -> str:
    return f"admin-trainer-{user_id}"


def _set_trainer(admin_id: int, user_id: int, name: str) -> None:
    is_trainer = bool(st.session_state.get(trainer_key(user_id)))
    try:
        tx(accounts.set_trainer, admin_id=admin_id, user_id=user_id, is_trainer=is_trainer)
    except (NotAllowedError, NotFoundError):
        return
    set_flash("admin", "success", (texts.ADMIN_TRAINER_ON if is_trainer else texts.ADMIN_TRAINER_OFF).format(name=name))


def render_admin(user_id: int) -> None:
    """Draw the administration page."""
    st.title(texts.ADMIN_TITLE, anchor=False)
    try:
        people = tx(accounts.list_accounts, admin_id=user_id)
    except NotAllowedError:
        st.info(texts.ADMIN_ONLY)
        return
    st.write(texts.ADMIN_INTRO)
    show_flash("admin")
    for person in people:
        st.session_state[trainer_key(person.id)] = person.is_trainer
        st.toggle(
            texts.ADMIN_TRAINER.format(name=escape_markdown(person.username)),
            key=trainer_key(person.id),
            on_change=_set_trainer,
            args=(user_id, person.id, person.username),
        )
