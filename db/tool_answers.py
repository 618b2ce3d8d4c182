"""Answers in the reflection tools that prepare the leader's talks: only ever the leader's own."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.clock import as_utc, utcnow
from core.limits import TEXT_MAX_CHARS, normalise_text
from db.checks import check_id, check_text
from db.errors import EditConflictError, InvalidInputError
from db.models import ToolAnswer
from db.upsert import upsert


@dataclass(frozen=True)
class ToolAnswerView:
    question_id: str
    rating: int | None
    text: str
    updated_at: datetime


def answers_of(*, session: Session, user_id: int, tool_id: str) -> dict[str, ToolAnswerView]:
    """The leader's answers in one tool, by question id."""
    rows = session.scalars(select(ToolAnswer).where(ToolAnswer.user_id == user_id, ToolAnswer.tool_id == tool_id))
    return {a.question_id: ToolAnswerView(a.question_id, a.rating, a.text, as_utc(a.updated_at)) for a in rows}


def answered_tools(*, session: Session, user_id: int) -> dict[str, int]:
    """How many questions the leader has answered (a rating or a text) in each tool they opened."""
    counts: dict[str, int] = {}
    for answer in session.scalars(select(ToolAnswer).where(ToolAnswer.user_id == user_id)):
        if answer.rating is not None or answer.text:
            counts[answer.tool_id] = counts.get(answer.tool_id, 0) + 1
    return counts


def _write(session: Session, user_id: int, tool_id: str, question_id: str, **values: object) -> None:
    check_id(tool_id, "tool_id")
    check_id(question_id, "question_id")
    keys = {ToolAnswer.user_id: user_id, ToolAnswer.tool_id: tool_id, ToolAnswer.question_id: question_id}
    created = {"rating": None, "text": ""}
    upsert(session, ToolAnswer, keys=keys, values={**values, "updated_at": utcnow()}, created=created)


def save_rating(*, session: Session, user_id: int, tool_id: str, question_id: str, rating: int | None) -> None:
    """Store a 1–5 rating in a tool (None clears it)."""
    if rating is not None and (isinstance(rating, bool) or not isinstance(rating, int) or not 1 <= rating <= 5):
        raise InvalidInputError("rating")
    _write(session, user_id, tool_id, question_id, rating=rating)


def save_text(
    *, session: Session, user_id: int, tool_id: str, question_id: str, text: str | None, based_on: str | None = None
) -> str:
    """Store a text in a tool; `based_on` as for a round's reflection (EditConflictError if it was
    changed in another tab since). Return what was stored."""
    cleaned = check_text(text, TEXT_MAX_CHARS)
    if based_on is not None:
        current = (
            session.scalar(
                select(ToolAnswer.text).where(
                    ToolAnswer.user_id == user_id, ToolAnswer.tool_id == tool_id, ToolAnswer.question_id == question_id
                )
            )
            or ""
        )
        if current not in (normalise_text(based_on), cleaned):
            raise EditConflictError(current)
    _write(session, user_id, tool_id, question_id, text=cleaned)
    return cleaned
