"""One text field for everything a person writes: a text area that is stored while they type.

The field is Streamlit's own text area (its key is the caller's stable key); ui/browser.py sends
its value after a pause in typing, and the caller's on_change stores it. Under the field one
line says what happens to the text: its limit and "Gemt kl. hh.mm" once this field was stored,
the limit it is over, or that it was changed in another tab. That line is always drawn, so a
save never moves the field (a field that moves while someone types in it would lose letters).

Each field remembers the text this tab loaded or last stored (its base), so a save can tell
whether the stored text was changed elsewhere meanwhile, and say so instead of overwriting it.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from core import texts
from core.clock import utcnow
from core.formatting import danish_number, danish_time, escape_markdown
from db import drafts
from db.errors import EditConflictError, TextTooLongError
from ui import identity
from ui.resources import tx

_SAVED_AT_KEY = "text-field-saved-at"  # widget key -> when this tab last stored that field
_BASE_KEY = "text-field-base"  # widget key -> the text this tab loaded or last stored
_CONFLICT_KEY = "text-field-conflict"  # widget key -> the text another tab stored meanwhile
_DRAFT_KEY = "text-field-draft"  # widget key -> (draft scope, the text kept past the limit, or None)


def keep_mine_key(key: str) -> str:
    """The key of the button that stores this tab's text over the one stored elsewhere."""
    return f"{key}-keep"


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
    draft: str | None = None,
) -> None:
    """Draw the field and, under it, how many characters it holds of its limit and when it was
    last stored, or `too_long` (with {length} and {max}) while its text is over the limit.

    `draft` names where the field belongs (a round, a tool, an agreement): a text over the limit
    is then kept as a draft of this field (db/drafts.py) and shown here again on return, though
    only a text within the limit is the answer. Nothing typed is lost, even past a limit.
    """
    if draft is not None:
        _load_draft(key, draft)
    st.text_area(label, key=key, on_change=on_change, args=args, height=height, help=help, disabled=disabled)
    value = st.session_state.get(key) or ""
    if unsaved(key, max_chars) and not disabled:
        # The field holds text storage lacks: Streamlit skipped its callback (a click that reached
        # the server while it was busy with the run that took the text). Store it now.
        on_change(*args)
    if draft is not None:
        _keep_draft(key, draft, value, max_chars)
    conflict = st.session_state.get(_CONFLICT_KEY, {}).get(key)
    if len(value) > max_chars:
        st.error(
            too_long.format(length=danish_number(len(value)), max=danish_number(max_chars)),
            icon=":material/error:",
        )
    elif conflict is not None:
        st.warning(texts.TEXT_CHANGED_ELSEWHERE.format(text=escape_markdown(conflict)), icon=":material/sync:")
        st.button(texts.TEXT_KEEP_MINE, key=keep_mine_key(key), on_click=_keep_mine, args=(key, on_change, args))
    else:
        saved_at = st.session_state.get(_SAVED_AT_KEY, {}).get(key)
        count = texts.FIELD_COUNT.format(count=danish_number(len(value)), max=danish_number(max_chars))
        line = (
            texts.FIELD_SAVED.format(count=count, time=saved_at)
            if saved_at
            else texts.FIELD_UNSAVED.format(count=count)
        )
        st.caption(line)


def _load_draft(key: str, scope: str) -> None:
    """Show the text kept past the limit for this field, once per field and scope in this tab."""
    known = st.session_state.get(_DRAFT_KEY, {}).get(key)
    if known is not None and known[0] == scope:
        return
    account = identity.current_user()
    kept = tx(drafts.text_draft, user_id=account.id, field=f"{scope}/{key}") if account else None
    _set(_DRAFT_KEY, key, (scope, kept))
    if kept is not None:
        st.session_state[key] = kept


def _keep_draft(key: str, scope: str, value: str, max_chars: int) -> None:
    """Keep a text over the limit as this field's draft; forget the draft once the field holds a
    text within the limit that is stored (its base)."""
    kept = st.session_state.get(_DRAFT_KEY, {}).get(key, (scope, None))[1]
    account = identity.current_user()
    if account is None:
        return
    field = f"{scope}/{key}"
    if len(value) > max_chars and value != kept:
        try:
            tx(drafts.save_text_draft, user_id=account.id, field=field, text=value)
        except TextTooLongError:
            return  # past even a draft's length: the field says it is too long, and keeps it
        _set(_DRAFT_KEY, key, (scope, value))
    elif kept is not None and len(value) <= max_chars and value == (base_of(key) or ""):
        tx(drafts.drop_text_draft, user_id=account.id, field=field)
        _set(_DRAFT_KEY, key, (scope, None))


def _keep_mine(key: str, on_change: Callable[..., None], args: tuple) -> None:
    """Store this tab's text after all, over the text that was stored elsewhere."""
    _set(_BASE_KEY, key, st.session_state.get(_CONFLICT_KEY, {}).get(key))
    _drop(_CONFLICT_KEY, [key])
    on_change(*args)


def _set(state_key: str, key: str, value) -> None:
    mapping = dict(st.session_state.get(state_key, {}))
    mapping[key] = value
    st.session_state[state_key] = mapping


def _drop(state_key: str, keys: list[str]) -> None:
    mapping = st.session_state.get(state_key, {})
    if any(k in mapping for k in keys):
        st.session_state[state_key] = {k: v for k, v in mapping.items() if k not in keys}


def load(key: str, text: str) -> None:
    """Fill the field with the stored text (only where this session holds nothing for it yet)."""
    if key not in st.session_state:
        fill(key, text)


def fill(key: str, text: str) -> None:
    """Fill the field with the stored text, over whatever it holds. Set through session state, the
    value is sent to the browser too, replacing what the browser's own field still held."""
    st.session_state[key] = text
    _set(_BASE_KEY, key, text)


def base_of(key: str) -> str | None:
    """The text this tab loaded or last stored for the field (None if it never loaded it)."""
    return st.session_state.get(_BASE_KEY, {}).get(key)


def mark_saved(key: str, text: str | None = None) -> None:
    """Remember that the field `key` was just stored (shown under it as "Gemt kl. hh.mm")."""
    _set(_SAVED_AT_KEY, key, danish_time(utcnow()))
    if text is not None:
        _set(_BASE_KEY, key, text)
    _drop(_CONFLICT_KEY, [key])


def store_typed(key: str, save: Callable[[str, str | None], bool]) -> bool:
    """Store what the field holds with `save(text, based_on)` (based_on: the text this tab loaded or
    last stored; `save` returns whether it stored). A text changed in another tab meanwhile
    (EditConflictError) is shown at the field instead; a stored one is marked "Gemt". Return
    whether it was stored.

    The field keeps what was typed even where storage cleaned it (whitespace only is stored as
    empty): writing it back could replace letters typed while this save was under way.
    """
    value = st.session_state.get(key) or ""
    try:
        stored = save(value, base_of(key))
    except EditConflictError as exc:
        mark_conflict(key, exc.current)
        return False
    if stored:
        mark_saved(key, value)
    return stored


def unsaved(key: str, max_chars: int) -> bool:
    """Whether the field holds text this tab has not stored, and could store (within its limit,
    no choice between two texts pending). A field this run holds nothing for (not drawn since
    its step was left) has nothing unsaved: storing it would store "" over its text."""
    if key not in st.session_state:
        return False
    value = st.session_state[key] or ""
    return value != (base_of(key) or "") and len(value) <= max_chars and not has_conflict(key)


def has_conflict(key: str) -> bool:
    """Whether the field is waiting for the person to choose between two texts."""
    return key in st.session_state.get(_CONFLICT_KEY, {})


def mark_conflict(key: str, stored: str) -> None:
    """Say under the field that another tab stored `stored` since this tab loaded it."""
    _set(_CONFLICT_KEY, key, stored)


def forget_saved(keys: list[str]) -> None:
    """Forget what this tab knew of these fields (their round or goal is gone from this tab)."""
    for state_key in (_SAVED_AT_KEY, _BASE_KEY, _CONFLICT_KEY, _DRAFT_KEY):
        _drop(state_key, keys)


def over_limit(keys: list[str], max_chars: int) -> list[str]:
    """The fields among `keys` whose text in this tab is longer than `max_chars`."""
    return [k for k in keys if len(st.session_state.get(k) or "") > max_chars]
