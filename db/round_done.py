"""What the moment after "Afslut runden" shows: the round just completed, its goals, and what next."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from core.vocabulary import ROUND_COMPLETED
from db import goals, networks
from db.goals import GoalView
from db.models import Round, Share


@dataclass(frozen=True)
class RoundDone:
    round_id: int
    context: str
    completed_at: datetime
    goals: tuple[GoalView, ...]
    shared: bool  # a co-driver already follows the leader
    next_meeting: date | None  # the network's next meeting from today, if it has one


def round_done(*, session: Session, user_id: int, round_id: int, today: date) -> RoundDone | None:
    """The leader's completed round `round_id` as the moment after completing shows it; None if it
    is not theirs or not completed (an edited address, say)."""
    row = session.execute(
        select(Round.context, Round.completed_at).where(
            Round.id == round_id, Round.user_id == user_id, Round.status == ROUND_COMPLETED
        )
    ).first()
    if row is None or row.completed_at is None:
        return None
    network = networks.get_network(session=session, user_id=user_id)
    coming = [d for d in network.meetings if d >= today] if network else []
    return RoundDone(
        round_id=round_id,
        context=row.context,
        completed_at=row.completed_at,
        goals=tuple(goals.goals_of_round(session=session, user_id=user_id, round_id=round_id)),
        shared=bool(session.scalar(select(exists().where(Share.leader_id == user_id)))),
        next_meeting=coming[0] if coming else None,
    )
