"""Call the storage API from a test the way a page does: one committed transaction per call."""

from __future__ import annotations

import functools
from collections.abc import Callable

from sqlalchemy.orm import Session, sessionmaker

from db import goals as goals_api
from db import rounds
from db.engine import in_transaction


def runner(sm: sessionmaker[Session]) -> Callable:
    """Return run(action, **kwargs), which calls action(session=..., **kwargs) in its own transaction."""
    return functools.partial(in_transaction, sm)


def completed_round(
    run: Callable,
    bank,
    user_id: int,
    rating=3,
    context: str = "foer-netvaerket",
    text_for=None,
    goals=None,
    followups=None,
):
    """Start and complete a round where every rating is `rating` (or rating(question_id)), with
    `goals` ({competency_id: next step}) as its development goals, and `followups`
    ({competency_id: (outcome, text)}) told about the previous round's goals."""
    round_ = run(rounds.start_round, user_id=user_id, context=context, note="", bank_version=bank.version)
    told = followups or {}
    for goal in run(goals_api.goals_to_follow_up, user_id=user_id, round_id=round_.id):
        if goal.competency_id in told:
            outcome, text = told[goal.competency_id]
            run(
                goals_api.save_followup,
                user_id=user_id,
                round_id=round_.id,
                goal_id=goal.id,
                outcome=outcome,
                text=text,
            )
    for qid in bank.question_ids:
        value = rating(qid) if callable(rating) else rating
        run(rounds.save_rating, user_id=user_id, round_id=round_.id, question_id=qid, rating=value)
        if text_for:
            run(rounds.save_text, user_id=user_id, round_id=round_.id, question_id=qid, text=text_for(qid))
    for position, (cid, step) in enumerate((goals or {}).items(), start=1):
        run(goals_api.save_goal, user_id=user_id, round_id=round_.id, position=position, competency_id=cid, step=step)
    return run(rounds.complete_round, user_id=user_id, round_id=round_.id, required_question_ids=bank.question_ids)
