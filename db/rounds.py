"""Storage API for reflection rounds and their answers. Returns frozen dataclasses."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from core.limits import NOTE_MAX_CHARS, TEXT_MAX_CHARS
from core.scoring import is_valid_rating
from db.checks import check_id, check_text
from db.errors import (
    GoalsIncompleteError,
    IncompleteRoundError,
    InvalidInputError,
    NotFoundError,
    OpenRoundExistsError,
    RoundClosedError,
)
from db.models import ROUND_COMPLETED, ROUND_OPEN, Answer, Goal, Round, utcnow
from db.upsert import upsert

CONTEXT_MAX_CHARS = 40
MAX_STEP = 10


@dataclass(frozen=True)
class AnswerView:
    question_id: str
    rating: int | None
    text: str


@dataclass(frozen=True)
class RoundView:
    id: int
    context: str
    note: str
    bank_version: str
    status: str
    current_step: int
    started_at: datetime
    completed_at: datetime | None
    answers: Mapping[str, AnswerView] = field(default_factory=dict)

    @property
    def is_completed(self) -> bool:
        return self.status == ROUND_COMPLETED

    def ratings(self) -> dict[str, int | None]:
        """Map question id to rating, for scoring."""
        return {qid: a.rating for qid, a in self.answers.items()}


def _view(round_: Round, answers: list[Answer] | None = None) -> RoundView:
    by_question = {a.question_id: AnswerView(a.question_id, a.rating, a.text) for a in answers or []}
    return RoundView(
        id=round_.id,
        context=round_.context,
        note=round_.note,
        bank_version=round_.bank_version,
        status=round_.status,
        current_step=round_.current_step,
        started_at=round_.started_at,
        completed_at=round_.completed_at,
        answers=by_question,
    )


def _owned_round(session: Session, user_id: int, round_id: int, *, for_writing: bool) -> Round:
    """Load a round only if it belongs to the user; writing needs it to be open."""
    round_ = session.scalar(select(Round).where(Round.id == round_id, Round.user_id == user_id))
    if round_ is None:
        raise NotFoundError(f"round {round_id}")
    if for_writing and round_.status != ROUND_OPEN:
        raise RoundClosedError(f"round {round_id}")
    return round_


def _answers_for(session: Session, round_ids: Collection[int]) -> dict[int, list[Answer]]:
    grouped: dict[int, list[Answer]] = {rid: [] for rid in round_ids}
    if round_ids:
        for answer in session.scalars(select(Answer).where(Answer.round_id.in_(round_ids))):
            grouped[answer.round_id].append(answer)
    return grouped


def start_round(*, session: Session, user_id: int, context: str, note: str, bank_version: str) -> RoundView:
    """Start a new round; raise OpenRoundExistsError if one is unfinished."""
    if not context or len(context) > CONTEXT_MAX_CHARS:
        raise InvalidInputError("context")
    note = check_text(note, NOTE_MAX_CHARS)
    if get_open_round(session=session, user_id=user_id) is not None:
        raise OpenRoundExistsError(str(user_id))
    round_ = Round(user_id=user_id, context=context, note=note, bank_version=bank_version)
    session.add(round_)
    try:
        session.flush()
    except IntegrityError:
        # The partial unique index caught a round started in another tab meanwhile.
        raise OpenRoundExistsError(str(user_id)) from None
    return _view(round_)


def get_open_round(*, session: Session, user_id: int) -> RoundView | None:
    """Return the user's unfinished round with its answers, if any."""
    round_ = session.scalar(select(Round).where(Round.user_id == user_id, Round.status == ROUND_OPEN))
    if round_ is None:
        return None
    return _view(round_, _answers_for(session, [round_.id])[round_.id])


def get_round(*, session: Session, user_id: int, round_id: int) -> RoundView:
    """Return one of the user's rounds with its answers; NotFoundError for anyone else's."""
    round_ = _owned_round(session, user_id, round_id, for_writing=False)
    return _view(round_, _answers_for(session, [round_.id])[round_.id])


def _upsert_answer(session: Session, round_id: int, question_id: str, values: dict) -> None:
    """Insert or update one answer in a single statement (safe against double tabs)."""
    now = utcnow()
    upsert(
        session,
        Answer,
        keys={Answer.round_id: round_id, Answer.question_id: question_id},
        values={**values, "updated_at": now},
    )
    session.execute(update(Round).where(Round.id == round_id).values(updated_at=now))


def save_rating(*, session: Session, user_id: int, round_id: int, question_id: str, rating: int | None) -> None:
    """Store a rating (1–5, or None to clear) for a question in the user's open round."""
    check_id(question_id, "question_id")
    if rating is not None and not is_valid_rating(rating):
        raise InvalidInputError("rating")
    _owned_round(session, user_id, round_id, for_writing=True)
    _upsert_answer(session, round_id, question_id, {"rating": rating})


def save_text(*, session: Session, user_id: int, round_id: int, question_id: str, text: str | None) -> str:
    """Store a reflection text; whitespace-only becomes empty. Return what was stored."""
    check_id(question_id, "question_id")
    cleaned = check_text(text, TEXT_MAX_CHARS)
    _owned_round(session, user_id, round_id, for_writing=True)
    _upsert_answer(session, round_id, question_id, {"text": cleaned})
    return cleaned


def set_step(*, session: Session, user_id: int, round_id: int, step: int) -> None:
    """Remember where the user is in the walk-through, so they resume there."""
    if not 0 <= step <= MAX_STEP:
        raise InvalidInputError("step")
    round_ = _owned_round(session, user_id, round_id, for_writing=True)
    round_.current_step = step
    round_.updated_at = utcnow()


def complete_round(
    *, session: Session, user_id: int, round_id: int, required_question_ids: Collection[str], min_goals: int = 0
) -> RoundView:
    """Lock the round as completed; every required question must have a rating, and the round at
    least `min_goals` development goals, each with a next step."""
    round_ = _owned_round(session, user_id, round_id, for_writing=True)
    answers = _answers_for(session, [round_id])[round_id]
    rated = {a.question_id for a in answers if a.rating is not None}
    missing = [qid for qid in required_question_ids if qid not in rated]
    if missing:
        raise IncompleteRoundError(missing)
    goals = session.execute(select(Goal.competency_id, Goal.step).where(Goal.round_id == round_id)).all()
    without_step = [cid for cid, step in goals if not step]
    if len(goals) < min_goals or without_step:
        raise GoalsIncompleteError(too_few=len(goals) < min_goals, without_step=without_step)
    round_.status = ROUND_COMPLETED
    round_.completed_at = round_.updated_at = utcnow()
    return _view(round_, answers)


def list_history(*, session: Session, user_id: int) -> list[RoundView]:
    """Return the user's completed rounds with answers, oldest first (two queries in all)."""
    rounds = list(
        session.scalars(
            select(Round)
            .where(Round.user_id == user_id, Round.status == ROUND_COMPLETED)
            .order_by(Round.completed_at, Round.id)
        )
    )
    answers = _answers_for(session, [r.id for r in rounds])
    return [_view(r, answers[r.id]) for r in rounds]


def list_rounds(*, session: Session, user_id: int) -> list[RoundView]:
    """Return all the user's rounds, unfinished included, with answers, oldest first."""
    rounds = list(session.scalars(select(Round).where(Round.user_id == user_id).order_by(Round.started_at, Round.id)))
    answers = _answers_for(session, [r.id for r in rounds])
    return [_view(r, answers[r.id]) for r in rounds]


def latest_completed(*, session: Session, user_id: int) -> RoundView | None:
    """Return the user's most recently completed round, or None."""
    round_ = session.scalar(
        select(Round)
        .where(Round.user_id == user_id, Round.status == ROUND_COMPLETED)
        .order_by(Round.completed_at.desc(), Round.id.desc())
        .limit(1)
    )
    if round_ is None:
        return None
    return _view(round_, _answers_for(session, [round_.id])[round_.id])


def count_completed(*, session: Session, user_id: int) -> int:
    """Count the user's completed rounds."""
    return (
        session.scalar(
            select(func.count()).select_from(Round).where(Round.user_id == user_id, Round.status == ROUND_COMPLETED)
        )
        or 0
    )


def delete_round(*, session: Session, user_id: int, round_id: int) -> None:
    """Delete one of the user's rounds, open or completed, with its answers, goals, follow-ups
    given in it and the feedback on it (the database's ON DELETE CASCADE). NotFoundError otherwise."""
    deleted = session.execute(delete(Round).where(Round.id == round_id, Round.user_id == user_id))
    if deleted.rowcount != 1:
        raise NotFoundError(f"round {round_id}")
