"""What happens when a leader acts in the walk-through: each change is stored at once.

These are Streamlit callbacks: they run before the page is drawn again, read the widget's
value from session state, call the storage API in one transaction and leave a status.
"""

from __future__ import annotations

import streamlit as st

from core import texts
from core.formatting import danish_number, danish_time
from db import rounds
from db.errors import (
    IncompleteRoundError,
    InvalidInputError,
    NotFoundError,
    OpenRoundExistsError,
    RoundClosedError,
    TextTooLongError,
)
from db.models import utcnow
from questions import QuestionBank
from ui.resources import tx

STATUS_KEY = "save-status"
FLASH_KEY = "walkthrough-flash"


def rating_key(question_id: str) -> str:
    """Return the stable widget key of a question's rating."""
    return f"rating-{question_id}"


def text_key(question_id: str) -> str:
    """Return the stable widget key of a question's reflection text."""
    return f"text-{question_id}"


def _forget_answer_widgets(bank: QuestionBank) -> None:
    """Drop widget values so a new round never shows the previous round's answers."""
    for qid in bank.question_ids:
        st.session_state.pop(rating_key(qid), None)
        st.session_state.pop(text_key(qid), None)
    st.session_state.pop(STATUS_KEY, None)


def _set_status(kind: str, message: str) -> None:
    st.session_state[STATUS_KEY] = (kind, message)


def _saved() -> None:
    _set_status("saved", texts.SAVED.format(time=danish_time(utcnow())))


def on_rating(user_id: int, round_id: int, question_id: str) -> None:
    """Store the rating just chosen."""
    value = st.session_state.get(rating_key(question_id))
    try:
        tx(rounds.save_rating, user_id=user_id, round_id=round_id, question_id=question_id, rating=value)
    except InvalidInputError:
        _set_status("error", texts.RATING_INVALID)
        return
    except (RoundClosedError, NotFoundError):
        _set_status("error", texts.ROUND_CLOSED)
        return
    _saved()


def on_text(user_id: int, round_id: int, question_id: str) -> None:
    """Store the reflection just written (refused, with a message, if too long)."""
    key = text_key(question_id)
    value = st.session_state.get(key) or ""
    try:
        stored = tx(rounds.save_text, user_id=user_id, round_id=round_id, question_id=question_id, text=value)
    except TextTooLongError as exc:
        # Keep what they typed on screen so they can shorten it; the stored value stays as it was.
        _set_status("error", texts.TEXT_TOO_LONG.format(length=danish_number(exc.length), max=danish_number(exc.limit)))
        return
    except (RoundClosedError, NotFoundError):
        _set_status("error", texts.ROUND_CLOSED)
        return
    if stored != value:
        st.session_state[key] = stored
    _saved()


def go_to(user_id: int, round_id: int, step: int) -> None:
    """Move to a step and remember it, so the leader resumes there."""
    try:
        tx(rounds.set_step, user_id=user_id, round_id=round_id, step=step)
    except (RoundClosedError, NotFoundError):
        _set_status("error", texts.ROUND_CLOSED)


def start(bank: QuestionBank, user_id: int) -> None:
    """Start a round with the chosen context and note."""
    context = st.session_state.get("round-context")
    note = st.session_state.get("round-note") or ""
    _forget_answer_widgets(bank)
    try:
        tx(rounds.start_round, user_id=user_id, context=context, note=note, bank_version=bank.version)
    except OpenRoundExistsError:
        pass  # Started in another tab: the page simply resumes that round.
    except TextTooLongError as exc:
        st.session_state[FLASH_KEY] = ("error", texts.NOTE_TOO_LONG.format(max=danish_number(exc.limit)))
    except InvalidInputError:
        st.session_state[FLASH_KEY] = ("error", texts.CONTEXT_MISSING)


def complete(bank: QuestionBank, user_id: int, round_id: int) -> None:
    """Complete the round if every question is rated."""
    try:
        tx(rounds.complete_round, user_id=user_id, round_id=round_id, required_question_ids=bank.question_ids)
    except IncompleteRoundError as exc:
        _set_status("error", texts.OVERVIEW_MISSING.format(count=len(exc.missing)))
        return
    except (RoundClosedError, NotFoundError):
        pass
    _forget_answer_widgets(bank)
    st.session_state[FLASH_KEY] = ("success", texts.ROUND_COMPLETED)
