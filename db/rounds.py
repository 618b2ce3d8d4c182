"""Storage API for reflection rounds and their answers. Returns frozen dataclasses."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import Executable, Row, bindparam, delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from core.clock import utcnow
from core.limits import NOTE_MAX_CHARS, TEXT_MAX_CHARS, normalise_text
from core.round_fields import MAX_STEP, ROUND_FIELDS, RoundFields
from core.scoring import is_valid_rating
from core.vocabulary import CONTEXT_MAX_CHARS, ROUND_COMPLETED, ROUND_OPEN
from db.checks import check_id, check_text
from db.drafts import clear_note_draft
from db.errors import (
    EditConflictError,
    GoalsIncompleteError,
    IncompleteRoundError,
    InvalidInputError,
    NotFoundError,
    OpenRoundExistsError,
    RoundClosedError,
)
from db.models import Answer, Goal, Round
from db.upsert import dialect_insert, rowcount


@dataclass(frozen=True)
class AnswerView:
    question_id: str
    rating: int | None
    text: str


class RoundView(RoundFields):
    """A round as the pages read it: its own fields (core.round_fields), its id and its answers."""

    id: int
    answers: Mapping[str, AnswerView] = {}

    @property
    def is_completed(self) -> bool:
        return self.status == ROUND_COMPLETED

    def ratings(self) -> dict[str, int | None]:
        """Map question id to rating, for scoring."""
        return {qid: a.rating for qid, a in self.answers.items()}


def _view(round_: Round | Row[Any], answers: list[AnswerView] | None = None) -> RoundView:
    """The view of a stored round (a model or a row of _ROUND_COLUMNS), built without checking it again."""
    return RoundView.model_construct(
        id=round_.id,
        answers={a.question_id: a for a in answers or []},
        **{name: getattr(round_, name) for name in ROUND_FIELDS},
    )


def _owned_round(session: Session, user_id: int, round_id: int, *, for_writing: bool) -> Round:
    """Load a round only if it belongs to the user; writing needs it to be open."""
    round_ = session.scalar(select(Round).where(Round.id == round_id, Round.user_id == user_id))
    if round_ is None:
        raise NotFoundError(f"round {round_id}")
    if for_writing and round_.status != ROUND_OPEN:
        raise RoundClosedError(f"round {round_id}")
    return round_


_ANSWERS_OF = select(Answer.round_id, Answer.question_id, Answer.rating, Answer.text).where(
    Answer.round_id.in_(bindparam("b_rounds", expanding=True))
)


def _answers_for(session: Session, round_ids: Collection[int]) -> dict[int, list[AnswerView]]:
    """The answers of these rounds, read as plain rows (no ORM objects: a page reads hundreds)."""
    grouped: dict[int, list[AnswerView]] = {rid: [] for rid in round_ids}
    if round_ids:
        rows = session.connection().execute(_ANSWERS_OF, {"b_rounds": list(round_ids)})
        for round_id, question_id, rating, text in rows:
            grouped[round_id].append(AnswerView(question_id, rating, text))
    return grouped


def start_round(*, session: Session, user_id: int, context: str, note: str, bank_version: str) -> RoundView:
    """Start a new round; raise OpenRoundExistsError if one is unfinished."""
    if not context or len(context) > CONTEXT_MAX_CHARS:
        raise InvalidInputError("context")
    note = check_text(note, NOTE_MAX_CHARS)
    if session.scalar(select(Round.id).where(Round.user_id == user_id, Round.status == ROUND_OPEN)) is not None:
        raise OpenRoundExistsError(str(user_id))
    round_ = Round(user_id=user_id, context=context, note=note, bank_version=bank_version)
    session.add(round_)
    try:
        session.flush()
    except IntegrityError:
        # The partial unique index caught a round started in another tab meanwhile.
        raise OpenRoundExistsError(str(user_id)) from None
    clear_note_draft(session=session, user_id=user_id)
    return _view(round_)


def get_open_round(*, session: Session, user_id: int) -> RoundView | None:
    """Return the user's unfinished round with its answers, if any."""
    round_ = session.scalar(select(Round).where(Round.user_id == user_id, Round.status == ROUND_OPEN))
    if round_ is None:
        return None
    return _view(round_, _answers_for(session, [round_.id])[round_.id])


_ROUND_COLUMNS = (Round.id, *(getattr(Round, name) for name in ROUND_FIELDS))
# what a RoundView shows, read as a plain row where a page asks on every rerun
_LATEST_TWO = (
    select(*_ROUND_COLUMNS)
    .where(Round.user_id == bindparam("b_user"))
    .order_by((Round.status == ROUND_OPEN).desc(), Round.completed_at.desc(), Round.id.desc())
    .limit(2)
    .subquery()
)
_OPEN_AND_LATEST = select(_LATEST_TWO, Answer.question_id, Answer.rating, Answer.text).outerjoin(
    Answer, Answer.round_id == _LATEST_TWO.c.id
)  # the unfinished round first, then the newest completed, each with its answers: one round trip


def open_round_with_previous(*, session: Session, user_id: int) -> tuple[RoundView | None, RoundView | None]:
    """The user's unfinished round and their latest completed one, with answers, in one query (what
    every step of the walk-through shows: this round, and "last time")."""
    found: dict[int, Row[Any]] = {}
    answers: dict[int, list[AnswerView]] = {}
    for row in session.connection().execute(_OPEN_AND_LATEST, {"b_user": user_id}):
        found.setdefault(row.id, row)
        kept = answers.setdefault(row.id, [])
        if row.question_id is not None:
            kept.append(AnswerView(row.question_id, row.rating, row.text))
    open_round = next((r for r in found.values() if r.status == ROUND_OPEN), None)
    previous = max(
        (r for r in found.values() if r.status == ROUND_COMPLETED), key=lambda r: (r.completed_at, r.id), default=None
    )
    return (
        _view(open_round, answers[open_round.id]) if open_round else None,
        _view(previous, answers[previous.id]) if previous else None,
    )


def get_round(*, session: Session, user_id: int, round_id: int) -> RoundView:
    """Return one of the user's rounds with its answers; NotFoundError for anyone else's."""
    round_ = _owned_round(session, user_id, round_id, for_writing=False)
    return _view(round_, _answers_for(session, [round_.id])[round_.id])


# Built once: saving an answer runs on every click, and building a statement costs more than running it.
_TOUCH_OPEN_ROUND = (
    update(Round)
    .where(Round.id == bindparam("b_round"), Round.user_id == bindparam("b_user"), Round.status == ROUND_OPEN)
    .values(updated_at=bindparam("b_now"))
)
_ANSWER_UPSERTS: dict[tuple[str, str], Executable] = {}


def _answer_upsert(dialect: str, column: str) -> Executable:
    """INSERT … ON CONFLICT (round, question) DO UPDATE of one column, per dialect, built once."""
    key = (dialect, column)
    if key not in _ANSWER_UPSERTS:
        insert = dialect_insert(dialect)
        stmt = insert(Answer).values(
            round_id=bindparam("b_round"),
            question_id=bindparam("b_question"),
            updated_at=bindparam("b_now"),
            **{column: bindparam("b_value")},
        )
        _ANSWER_UPSERTS[key] = stmt.on_conflict_do_update(
            index_elements=[Answer.round_id, Answer.question_id],
            set_={column: stmt.excluded[column], "updated_at": stmt.excluded.updated_at},
        )
    return _ANSWER_UPSERTS[key]


def _upsert_answer(session: Session, user_id: int, round_id: int, question_id: str, column: str, value: object) -> None:
    """Store one answer in the user's open round: two statements, no objects loaded (this runs on
    every click). The round is touched first, which checks that it is the user's and still open."""
    # Core statements on the session's connection: the ORM's per-statement work buys nothing here.
    params = _touch_open_round(session, user_id, round_id)
    _write_answer(session, params, question_id, column, value)


def _write_answer(session: Session, params: dict[str, object], question_id: str, column: str, value: object) -> None:
    connection = session.connection()
    upsert = _answer_upsert(connection.dialect.name, column)
    connection.execute(upsert, {**params, "b_question": question_id, "b_value": value})


def _touch_open_round(session: Session, user_id: int, round_id: int) -> dict[str, object]:
    """Mark the user's open round as changed now (which also locks its row until the transaction
    ends, so saves in one round never interleave); return the statement parameters."""
    params = {"b_round": round_id, "b_user": user_id, "b_now": utcnow()}
    if rowcount(session.connection().execute(_TOUCH_OPEN_ROUND, params)) != 1:
        _owned_round(session, user_id, round_id, for_writing=True)  # raises the right error
    return params


def save_rating(*, session: Session, user_id: int, round_id: int, question_id: str, rating: int | None) -> None:
    """Store a rating (1–5, or None to clear) for a question in the user's open round."""
    check_id(question_id, "question_id")
    if rating is not None and not is_valid_rating(rating):
        raise InvalidInputError("rating")
    _upsert_answer(session, user_id, round_id, question_id, "rating", rating)


def save_text(
    *, session: Session, user_id: int, round_id: int, question_id: str, text: str | None, based_on: str | None = None
) -> str:
    """Store a reflection text; whitespace-only becomes empty. Return what was stored.

    `based_on` is the text the writer's tab had loaded or last stored: if the stored text has
    changed since (another tab), EditConflictError says so and nothing is stored.
    """
    check_id(question_id, "question_id")
    cleaned = check_text(text, TEXT_MAX_CHARS)
    params = _touch_open_round(session, user_id, round_id)
    if based_on is not None:
        where = (Answer.round_id == round_id, Answer.question_id == question_id)
        current = session.scalar(select(Answer.text).where(*where)) or ""
        if current not in (normalise_text(based_on), cleaned):
            raise EditConflictError(current)
    _write_answer(session, params, question_id, "text", cleaned)
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


def start_form_facts(*, session: Session, user_id: int) -> tuple[int, str | None]:
    """What the start form says: how many rounds the user completed, and the context of the latest."""
    rows = session.execute(
        select(Round.context)
        .where(Round.user_id == user_id, Round.status == ROUND_COMPLETED)
        .order_by(Round.completed_at.desc(), Round.id.desc())
    ).all()
    return len(rows), (rows[0].context if rows else None)


def recent_durations(*, session: Session, bank_version: str, limit: int = 200) -> list[timedelta]:
    """How long the latest completed rounds of this bank version took, start to completion (anyone's:
    the start page shows only the middle half of them, in five minutes)."""
    rows = session.execute(
        select(Round.started_at, Round.completed_at)
        .where(Round.status == ROUND_COMPLETED, Round.bank_version == bank_version)
        .order_by(Round.completed_at.desc())
        .limit(limit)
    ).all()
    return [row.completed_at - row.started_at for row in rows]


def delete_round(*, session: Session, user_id: int, round_id: int) -> None:
    """Delete one of the user's rounds, open or completed, with its answers, goals, follow-ups
    given in it and the feedback on it (the database's ON DELETE CASCADE). NotFoundError otherwise."""
    deleted = session.execute(delete(Round).where(Round.id == round_id, Round.user_id == user_id))
    if rowcount(deleted) != 1:
        raise NotFoundError(f"round {round_id}")
