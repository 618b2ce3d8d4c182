"""One-shot messages left by a callback and shown once where the page draws that slot.

A slot is named by a constant in the module that owns the feature (e.g. ui/talks_actions.py's
LEADER_SLOT); its message lives in session state under "flash-" + the slot until it is shown.
"""

from __future__ import annotations

from enum import StrEnum

import streamlit as st

from core.formatting import escape_markdown

_PREFIX = "flash-"


class Kind(StrEnum):
    """How a message is shown: a success, a neutral notice or an error."""

    SUCCESS = "success"
    INFO = "info"
    ERROR = "error"


def _key(slot: str) -> str:
    return _PREFIX + slot


def set_flash(slot: str, kind: Kind, message: str) -> None:
    """Leave a message for the slot on the next drawing of the page."""
    st.session_state[_key(slot)] = (Kind(kind), message)


def show_flash(slot: str) -> Kind | None:
    """Show and forget the slot's message, if any; return its kind (None: there was none).

    Messages can hold names people typed, so they are escaped: shown as text, never as Markdown.
    """
    flash = st.session_state.pop(_key(slot), None)
    if flash is None:
        return None
    kind, message = flash
    show = {Kind.SUCCESS: st.success, Kind.INFO: st.info}.get(kind, st.error)
    show(escape_markdown(message))
    return kind
