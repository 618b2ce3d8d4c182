"""The save status under a form that stores as it goes: "Gemt kl. 10.42", a notice, or what went wrong.

Each feature keeps its status under its own key (its `_actions` module's STATUS_KEY); this module
says what a status is and how it is drawn, the same way everywhere.
"""

from __future__ import annotations

from enum import StrEnum

import streamlit as st


class Status(StrEnum):
    IDLE = "idle"  # nothing stored yet in this tab
    SAVED = "saved"
    NOTICE = "notice"  # something the person should know, not an error (the round was replaced)
    ERROR = "error"


def set_status(key: str, kind: Status, message: str) -> None:
    """Leave the status shown under the form (until the next one replaces it)."""
    st.session_state[key] = (Status(kind), message)


def forget_status(key: str) -> None:
    st.session_state.pop(key, None)


def show_status(key: str, idle: str | None = None) -> None:
    """Draw the status under the form; before any, `idle` as a caption (None: nothing)."""
    kind, message = st.session_state.get(key, (Status.IDLE, idle))
    if message is None:
        return
    if kind == Status.ERROR:
        st.error(message, icon=":material/error:")
    elif kind == Status.NOTICE:
        st.info(message, icon=":material/info:")
    else:
        st.caption(message)
