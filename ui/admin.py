"""Administration: grant or remove the trainer role, reset a password. Only administrators see anything here."""

from __future__ import annotations

import streamlit as st

from core import texts
from core.formatting import escape_markdown
from db import accounts
from db.errors import NotAllowedError
from ui import admin_actions as actions
from ui.flash import show_flash
from ui.resources import tx


def render_admin(user_id: int) -> None:
    """Draw the administration page."""
    st.title(texts.ADMIN_TITLE, anchor=False)
    try:
        people = tx(accounts.list_accounts, admin_id=user_id)
    except NotAllowedError:
        st.info(texts.ADMIN_ONLY)
        return
    st.write(texts.ADMIN_INTRO)
    show_flash(actions.ADMIN_SLOT)
    for person in people:
        called = person.name if person.name == person.username else f"{person.name} ({person.username})"
        st.session_state[actions.trainer_key(person.id)] = person.is_trainer
        st.toggle(
            texts.ADMIN_TRAINER.format(name=escape_markdown(called)),
            key=actions.trainer_key(person.id),
            on_change=actions.set_trainer,
            args=(user_id, person.id, person.username),
        )
        if person.id != user_id:  # one's own password is changed under "Min konto"
            st.button(
                texts.ADMIN_RESET.format(name=escape_markdown(called)),
                key=actions.reset_key(person.id),
                help=texts.ADMIN_RESET_HELP,
                on_click=actions.reset_password,
                args=(user_id, person.id, person.username),
            )
