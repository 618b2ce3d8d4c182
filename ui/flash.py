"""One-shot messages left by a callback and shown once where the page draws that slot."""

from __future__ import annotations

import streamlit as st

from core.formatting import escape_markdown

_PREFIX = "flash-"


def set_flash(slot: str, kind: str, message: str) -> None:
    """Leave a message ("success", "info" or "error") for the slot on the next drawing of the page."""
    st.session_state[_PREFIX + slot] = (kind, message)


def show_flash(slot: str) -> None:
    """Show and forget the slot's message, if any.

    Messages can hold names people typed, so they are escaped: shown as text, never as Markdown.
    """
    flash = st.session_state.pop(_PREFIX + slot, None)
    if flash is None:
        return
    kind, message = flash
    show = {"success": st.success, "info": st.info}.get(kind, st.error)
    show(escape_markdown(message))
