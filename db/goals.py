"""Development goals: on completing a round the leader picks 1–3 competencies and a next step for
each; the next round asks how each went. Every call checks that the rounds are the user's own.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from core.clock import as_utc, utcnow
from core.limits import FOLLOWUP_MAX_CHARS, GOAL_STEP_MAX_CHARS
from core.vocabulary import MAX_GOALS, OUTCOMES, ROUND_COMPLETED, ROUND_OPEN
from db.checks import check_id, check_text
from db.errors import DuplicateGoalError, InvalidInputError, NotFoundError, RoundClosedError
from db.models import Goal, GoalFollowup, Round
from db.upsert import upsert

_UNSET = object()


@dataclass(frozen=True)
class FollowupView:
    round_id: int
    outcome: str | None
    text: str
    updated_at: datetime


@dataclass(frozen=True)
class GoalView:
    id: int
    round_id: int
    position: int
    competency_id: str
    step: str
    created_at: datetime
    followup: FollowupView | None = None


def _round(session: Session, user_id: int, round_id: int, *, status: str | None = None) -> Round:
    round_ = session.scalar(select(Round).where(Round.id == round_id, Round.user_id == user_id))
    if round_ is None:
        raise NotFoundError(f"round {round_id}")
    if status == ROUND_OPEN and round_.status != ROUND_OPEN:
        raise RoundClosedError(f"round {round_id}")
    return round_


def _views(session: Session, goals: Collection[Goal]) -> list[GoalView]:
    followups = {}
    if goals:
        rows = session.scalars(select(GoalFollowup).where(GoalFollowup.goal_id.in_([g.id for g in goals])))
        followups = {f.goal_id: FollowupView(f.round_id, f.outcome, f.text, as_utc(f.updated_at)) for f in rows}
    return [
        GoalView(g.id, g.round_id, g.position, g.competency_id, g.step, as_utc(g.created_at), followups.get(g.id))
        for g in goals
    ]


def save_goal(
    *, session: Session, user_id: int, round_id: int, position: int, competency_id: str | None, step: str | None
) -> str:
    """Set the goal in place `position` (1–3) of the user's open round; no competency removes it.

    Return the step as stored. DuplicateGoalError if another place already has the competency.
    """
    if not 1 <= position <= MAX_GOALS:
        raise InvalidInputError("position")
    _round(session, user_id, round_id, status=ROUND_OPEN)
    if competency_id is None:
        session.execute(delete(Goal).where(Goal.round_id == round_id, Goal.position == position))
        return ""
    check_id(competency_id, "competency_id")
    cleaned = check_text(step, GOAL_STEP_MAX_CHARS)
    taken = session.scalar(
        select(Goal.position).where(
            Goal.round_id == round_id, Goal.competency_id == competency_id, Goal.position != position
        )
    )
    if taken is not None:
        raise DuplicateGoalError(competency_id)
    now = utcnow()
    try:
        with session.begin_nested():
            upsert(
                session,
                Goal,
                keys={Goal.round_id: round_id, Goal.position: position},
                values={"competency_id": competency_id, "step": cleaned, "updated_at": now},
                created={"created_at": now},
            )
    except IntegrityError:
        # Another tab gave this competency to another place a moment ago.
        raise DuplicateGoalError(competency_id) from None
    return cleaned


def goals_of_round(*, session: Session, user_id: int, round_id: int) -> list[GoalView]:
    """The goals set in one of the user's rounds, by place."""
    _round(session, user_id, round_id)
    goals = session.scalars(select(Goal).where(Goal.round_id == round_id).order_by(Goal.position)).all()
    return _views(session, goals)


def _previous_completed(session: Session, user_id: int, round_: Round) -> int | None:
    """The user's completed round made just before this one (whose goals this round follows up).

    Rounds are compared by when they were made (their id), not by clock times, which an import
    or the demo may set to any date.
    """
    return session.scalar(
        select(Round.id)
        .where(Round.user_id == user_id, Round.status == ROUND_COMPLETED, Round.id < round_.id)
        .order_by(Round.id.desc())
        .limit(1)
    )


def goals_to_follow_up(*, session: Session, user_id: int, round_id: int) -> list[GoalView]:
    """The goals from the round before this one, with what this round has said about them so far."""
    round_ = _round(session, user_id, round_id)
    previous = _previous_completed(session, user_id, round_)
    if previous is None:
        return []
    return goals_of_round(session=session, user_id=user_id, round_id=previous)


def save_followup(
    *,
    session: Session,
    user_id: int,
    round_id: int,
    goal_id: int,
    outcome: str | None | object = _UNSET,
    text: str | None | object = _UNSET,
) -> None:
    """Store how a goal from the previous round went, in the user's open round; only given parts change."""
    if outcome is not _UNSET and outcome is not None and outcome not in OUTCOMES:
        raise InvalidInputError("outcome")
    cleaned = None if text is _UNSET else check_text(text, FOLLOWUP_MAX_CHARS)  # type: ignore[arg-type]
    round_ = _round(session, user_id, round_id, status=ROUND_OPEN)
    previous = _previous_completed(session, user_id, round_)
    if previous is None or session.scalar(select(Goal.id).where(Goal.id == goal_id, Goal.round_id == previous)) is None:
        raise NotFoundError(f"goal {goal_id}")
    values: dict[str, object] = {"round_id": round_id, "updated_at": utcnow()}
    if outcome is not _UNSET:
        values["outcome"] = outcome
    if cleaned is not None:
        values["text"] = cleaned
    upsert(session, GoalFollowup, keys={GoalFollowup.goal_id: goal_id}, values=values, created={"text": ""})


def list_goals(*, session: Session, user_id: int) -> list[GoalView]:
    """Every goal in the user's completed rounds with its follow-up, oldest round first."""
    goals = session.scalars(
        select(Goal)
        .join(Round, Round.id == Goal.round_id)
        .where(Round.user_id == user_id, Round.status == ROUND_COMPLETED)
        .order_by(Round.completed_at, Round.id, Goal.position)
    ).all()
    return _views(session, goals)
