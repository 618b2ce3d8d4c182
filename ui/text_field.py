"""One text field for everything a person writes: a text area that is stored while they type.

The field is Streamlit's own text area (its key is the caller's stable key); ui/browser.py sends
its value after a pause in typing, and the caller's on_change stores it. Under the field one
line says what happens to the text: its limit, and "Gemt kl. hh.mm" once this field was stored,
or the limit it is over. That line is always drawn, so a save never moves the fields below it
(a field that moves while someone types in it would lose what it holds).
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from core import texts
from core.formatting import danish_number, danish_time
from db.models import utcnow

_SAVED_AT_KEY = "text-field-saved-at"  # widget key -> when this tab last stored that field


def text_field(
    label: str,
    key: str,
    *,
    max_chars: int,
    on_change: Callable[..., None],
    args: tuple = (),
    too_long: str = texts.TEXT_TOO_LONG,
    height: int = 120,
    help: str | None = None,
    disabled: bool = False,
) -> None:
    """Draw the field and, under it, its limit and when it was last stored, or `too_long` (with
    {length} and {max}) while its text is over the limit: then it is not stored, and stays."""
    st.text_area(label, key=key, on_change=on_change, args=args, height=height, help=help, disabled=disabled)
    value = st.session_state.get(key) or ""
    if len(value) > max_chars:
        st.error(
            too_long.format(length=danish_number(len(value)), max=danish_number(max_chars)),
            icon=":material/error:",
        )
        return
    saved_at = st.session_state.get(_SAVED_AT_KEY, {}).get(key)
    limit = texts.FIELD_LIMIT.format(max=danish_number(max_chars))
    line = texts.FIELD_SAVED.format(limit=limit, time=saved_at) if saved_at else texts.FIELD_UNSAVED.format(limit=limit)
    st.caption(line)


def mark_saved(key: str) -> None:
    """Remember that the field `key` was just stored (shown under it as "Gemt kl. hh.mm")."""
    saved = dict(st.session_state.get(_SAVED_AT_KEY, {}))
    saved[key] = danish_time(utcnow())
    st.session_state[_SAVED_AT_KEY] = saved


def forget_saved(keys: list[str]) -> None:
    """Forget when these fields were stored (their round or goal is gone from this tab)."""
    saved = {k: v for k, v in st.session_state.get(_SAVED_AT_KEY, {}).items() if k not in keys}
    st.session_state[_SAVED_AT_KEY] = saved


def over_limit(keys: list[str], max_chars: int) -> list[str]:
    """The fields among `keys` whose text in this tab is longer than `max_chars`."""
    return [k for k in keys if len(st.session_state.get(k) or "") > max_chars]
