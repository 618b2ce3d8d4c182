"""Administration: grant or remove the trainer role, reset a password. Only administrators see anything here."""

from __future__ import annotations

import streamlit as st

from core import texts
from core.auth import RESET_CODE_TTL
from core.formatting import escape_markdown
from db import accounts
from db.errors import NotAllowedError, NotFoundError
from ui import identity
from ui.flash import set_flash, show_flash
from ui.resources import tx


def trainer_key(user_id: int) -> str:
    return f"admin-trainer-{user_id}"


def reset_key(user_id: int) -> str:
    return f"admin-reset-{user_id}"


@identity.live
def _reset_password(admin_id: int, user_id: int, name: str) -> None:
    try:
        code = tx(accounts.issue_reset_code, admin_id=admin_id, user_id=user_id)
    except (NotAllowedError, NotFoundError):
        return
    hours = int(RESET_CODE_TTL.total_seconds() // 3600)
    set_flash("admin", "success", texts.ADMIN_RESET_DONE.format(name=name, code=code, hours=hours))


@identity.live
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
        called = person.name if person.name == person.username else f"{person.name} ({person.username})"
        st.session_state[trainer_key(person.id)] = person.is_trainer
        st.toggle(
            texts.ADMIN_TRAINER.format(name=escape_markdown(called)),
            key=trainer_key(person.id),
            on_change=_set_trainer,
            args=(user_id, person.id, person.username),
        )
        if person.id != user_id:  # one's own password is changed under "Min konto"
            st.button(
                texts.ADMIN_RESET.format(name=escape_markdown(called)),
                key=reset_key(person.id),
                help=texts.ADMIN_RESET_HELP,
                on_click=_reset_password,
                args=(user_id, person.id, person.username),
            )
