"""What the leader does on the talks page: every key it uses, and the callbacks that store at once.

The tool answers and agreement fields are stored as they are typed or chosen (text fields
through ui/text_field.py, which also catches a text changed in another tab). The invited
person's side is ui/invited_actions.py. Access is checked by the storage API on every call.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from core import texts
from core.agreements import draft
from core.clock import utcnow
from core.formatting import danish_time
from core.limits import TEXT_MAX_CHARS
from core.vocabulary import AGREEMENT_KINDS
from db import agreements, tool_answers
from db.errors import (
    InvalidInputError,
    NotFoundError,
    TextTooLongError,
)
from questions.tools import AgreementField, Tool
from ui import identity, status
from ui.flash import Kind, set_flash
from ui.resources import tx
from ui.status import Status
from ui.text_field import forget_saved, load, store_typed, unsaved

# What the leader has open lives in the address (?redskab=<kind> or ?aftale=<kind>), so a reload
# or a bookmark comes back to it.
TOOL_PARAM, AGREEMENT_PARAM = "redskab", "aftale"
STATUS_KEY = "talks-status"  # (kind, message) under the open tool or agreement
NEW_CODE_KEY = "agreement-new-code"  # (kind, invitation id, code, expires at), shown once
BACK_KEY = "talks-back"
_FIELDS_KEY = "talks-fields"  # every input key drawn for the open tool or agreement
_SAVERS_KEY = "talks-savers"  # text field key -> (its on_change, its args), to store before leaving
LEADER_SLOT = "talks"


def tool_key(tool_id: str) -> str:
    return f"tool-{tool_id}"


def agreement_key(kind: str) -> str:
    return f"agreement-{kind}"


def invite_key(kind: str) -> str:
    return f"agreement-invite-{kind}"


def pdf_key(kind: str) -> str:
    return f"agreement-pdf-{kind}"


def tool_rating_key(tool_id: str, question_id: str) -> str:
    return f"tool-rating-{tool_id}-{question_id}"


def tool_text_key(tool_id: str, question_id: str) -> str:
    return f"tool-text-{tool_id}-{question_id}"


def field_key(kind: str, field_id: str) -> str:
    return f"agreement-field-{kind}-{field_id}"


def hours_key(kind: str, field_id: str, phase_id: str) -> str:
    return f"agreement-hours-{kind}-{field_id}-{phase_id}"


def withdraw_key(invitation_id: int) -> str:
    return f"agreement-withdraw-{invitation_id}"


def reader_remove_key(reader_id: int) -> str:
    return f"agreement-reader-remove-{reader_id}"


def _tool_keys(tool: Tool) -> list[str]:
    keys = [tool_rating_key(tool.id, q.id) for q in tool.questions if q.rated]
    return keys + [tool_text_key(tool.id, q.id) for q in tool.questions if q.written]


def _agreement_keys(kind: str, fields: tuple[AgreementField, ...]) -> list[str]:
    keys = []
    for field in fields:
        if field.type == "hours":
            keys += [hours_key(kind, field.id, p.id) for p in field.phases]
        else:
            keys.append(field_key(kind, field.id))
    return keys


def _forget_open() -> None:
    """Drop the inputs of what was open, so opening it again loads what is stored. A text the
    field holds but storage lacks (its callback skipped while the server was busy) is stored first."""
    for key, (save, args) in st.session_state.pop(_SAVERS_KEY, {}).items():
        if unsaved(key, TEXT_MAX_CHARS):
            save(*args)
    keys = st.session_state.pop(_FIELDS_KEY, [])
    for key in keys:
        st.session_state.pop(key, None)
    forget_saved(keys)
    status.forget_status(STATUS_KEY)


def _remember(keys: list[str], savers: dict[str, tuple[Callable[..., None], tuple]]) -> None:
    st.session_state[_FIELDS_KEY] = keys
    st.session_state[_SAVERS_KEY] = savers


def remember_tool(user_id: int, tool: Tool) -> None:
    """Remember the open tool's inputs, and how each of its text fields is stored."""
    savers = {
        tool_text_key(tool.id, q.id): (on_tool_text, (user_id, tool.id, q.id)) for q in tool.questions if q.written
    }
    _remember(_tool_keys(tool), savers)


def remember_agreement(user_id: int, kind: str, fields: tuple[AgreementField, ...]) -> None:
    """Remember the open agreement's inputs, and how each of its text fields is stored."""
    savers = {field_key(kind, f.id): (on_field_text, (user_id, kind, f)) for f in fields if f.type == "text"}
    _remember(_agreement_keys(kind, fields), savers)


def set_status(kind: Status, message: str) -> None:
    status.set_status(STATUS_KEY, kind, message)


def _saved() -> None:
    set_status(Status.SAVED, texts.AGREEMENT_SAVED.format(time=danish_time(utcnow())))


# --- The leader ------------------------------------------------------------------------------


def opened() -> tuple[str, str] | None:
    """("tool", kind) or ("agreement", kind) as the address says, or None for the list."""
    for param, what in ((TOOL_PARAM, "tool"), (AGREEMENT_PARAM, "agreement")):
        kind = st.query_params.get(param)
        if kind in AGREEMENT_KINDS:  # every kind has its tool (questions.tools.load_tools checks)
            return what, kind
    return None


def _show(param: str | None, kind: str = "") -> None:
    for one in (TOOL_PARAM, AGREEMENT_PARAM):
        st.query_params.pop(one, None)
    if param:
        st.query_params[param] = kind


def open_tool(kind: str) -> None:
    _forget_open()
    _show(TOOL_PARAM, kind)


@identity.live
def open_agreement(user_id: int, tool: Tool) -> None:
    """Open the leader's agreement, started from their answers in the tool the first time."""
    _forget_open()
    answers = tx(tool_answers.answers_of, user_id=user_id, tool_id=tool.id)
    tx(
        agreements.start_agreement,
        leader_id=user_id,
        kind=tool.talk,
        draft=draft(tool, {qid: a.text for qid, a in answers.items()}),
        fields=tool.agreement.fields,
    )
    _show(AGREEMENT_PARAM, tool.talk)


def back() -> None:
    _forget_open()
    _show(None)
    st.session_state.pop(NEW_CODE_KEY, None)


def load_tool(tool: Tool, answers: dict[str, tool_answers.ToolAnswerView]) -> None:
    """Fill the tool's inputs from storage where this session holds nothing for them yet."""
    for question in tool.questions:
        answer = answers.get(question.id)
        key = tool_rating_key(tool.id, question.id)
        if question.rated and key not in st.session_state and answer is not None and answer.rating is not None:
            st.session_state[key] = answer.rating
        if question.written:
            load(tool_text_key(tool.id, question.id), answer.text if answer else "")


@identity.live_autosave
def on_tool_rating(user_id: int, tool_id: str, question_id: str) -> None:
    rating = st.session_state.get(tool_rating_key(tool_id, question_id))
    tx(tool_answers.save_rating, user_id=user_id, tool_id=tool_id, question_id=question_id, rating=rating)
    _saved()


@identity.live_autosave
def on_tool_text(user_id: int, tool_id: str, question_id: str) -> None:
    def save(text: str, based_on: str | None) -> bool:
        where = dict(user_id=user_id, tool_id=tool_id, question_id=question_id)
        try:
            tx(tool_answers.save_text, **where, text=text, based_on=based_on)
        except TextTooLongError:
            return False  # the field itself says so; what was stored stays
        return True

    if store_typed(tool_text_key(tool_id, question_id), save):
        _saved()


def load_agreement(view: agreements.AgreementView, fields: tuple[AgreementField, ...]) -> None:
    """Fill the agreement's inputs from storage where this session holds nothing for them yet."""
    for field in fields:
        value = view.values.get(field.id)
        if field.type == "text":
            load(field_key(view.kind, field.id), value if isinstance(value, str) else "")
        elif field.type == "hours":
            hours = value if isinstance(value, dict) else {}
            for phase in field.phases:
                st.session_state.setdefault(hours_key(view.kind, field.id, phase.id), hours.get(phase.id))
        elif field.type == "choice":
            st.session_state.setdefault(field_key(view.kind, field.id), value)
        else:
            st.session_state.setdefault(field_key(view.kind, field.id), list(value or []))


def _value_of(kind: str, field: AgreementField) -> object:
    if field.type == "hours":
        return {p.id: st.session_state.get(hours_key(kind, field.id, p.id)) for p in field.phases}
    return st.session_state.get(field_key(kind, field.id))


def _store_field(user_id: int, kind: str, field: AgreementField, value: object, **extra) -> bool:
    try:
        tx(agreements.save_value, leader_id=user_id, kind=kind, field=field, value=value, **extra)
    except TextTooLongError:
        return False
    except InvalidInputError:
        set_status(Status.ERROR, texts.AGREEMENT_VALUE_INVALID)
        return False
    except NotFoundError:
        set_flash(LEADER_SLOT, Kind.ERROR, texts.AGREEMENT_GONE)
        back()
        return False
    _saved()
    return True


@identity.live_autosave
def on_field(user_id: int, kind: str, field: AgreementField) -> None:
    """Store a choice or the hours of one field of the leader's agreement."""
    _store_field(user_id, kind, field, _value_of(kind, field))


@identity.live_autosave
def on_field_text(user_id: int, kind: str, field: AgreementField) -> None:
    def save(text: str, based_on: str | None) -> bool:
        return _store_field(user_id, kind, field, text, based_on=based_on)

    store_typed(field_key(kind, field.id), save)


@identity.live
def invite(user_id: int, kind: str) -> None:
    try:
        invitation, code = tx(agreements.create_invitation, leader_id=user_id, kind=kind)
    except NotFoundError:
        set_flash(LEADER_SLOT, Kind.ERROR, texts.AGREEMENT_GONE)
        return
    st.session_state[NEW_CODE_KEY] = (kind, invitation.id, code, invitation.expires_at)


@identity.live
def withdraw(user_id: int, invitation_id: int) -> None:
    try:
        tx(agreements.withdraw_invitation, leader_id=user_id, invitation_id=invitation_id)
    except NotFoundError:
        set_flash(LEADER_SLOT, Kind.ERROR, texts.AGREEMENT_GONE)
        return
    st.session_state.pop(NEW_CODE_KEY, None)
    set_flash(LEADER_SLOT, Kind.SUCCESS, texts.AGREEMENT_WITHDRAWN)


@identity.live
def remove_reader(user_id: int, reader_id: int, name: str) -> None:
    try:
        tx(agreements.remove_reader, leader_id=user_id, reader_id=reader_id)
    except NotFoundError:
        set_flash(LEADER_SLOT, Kind.ERROR, texts.AGREEMENT_GONE)
        return
    set_flash(LEADER_SLOT, Kind.SUCCESS, texts.AGREEMENT_READER_REMOVED.format(name=name))
