"""The co-driver's voice: per completed round, a rating and comment per competency and an overall comment.

Only a co-driver the leader currently shares with can write, and only their own feedback;
the leader reads every co-driver's feedback on their own rounds but can change none of it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.clock import as_utc, utcnow
from core.limits import TEXT_MAX_CHARS
from core.scoring import is_valid_rating
from db.checks import check_id, check_text
from db.errors import InvalidInputError
from db.models import Feedback, FeedbackItem, Round, User, called
from db.sharing import shared_round_leader

_UNSET = object()


@dataclass(frozen=True)
class FeedbackItemView:
    competency_id: str
    rating: int | None
    comment: str
    updated_at: datetime


@dataclass(frozen=True)
class FeedbackView:
    id: int
    round_id: int
    author_id: int | None  # None: brought along in an import; the author has no account here
    author_name: str
    overall: str
    created_at: datetime
    updated_at: datetime
    items: Mapping[str, FeedbackItemView] = field(default_factory=dict)

    def ratings(self) -> dict[str, int | None]:
        """Map competency id to the co-driver's rating."""
        return {cid: item.rating for cid, item in self.items.items()}


def _views(session: Session, rows: list[Feedback]) -> list[FeedbackView]:
    if not rows:
        return []
    ids = [f.id for f in rows]
    items: dict[int, dict[str, FeedbackItemView]] = {i: {} for i in ids}
    for item in session.scalars(select(FeedbackItem).where(FeedbackItem.feedback_id.in_(ids))):
        items[item.feedback_id][item.competency_id] = FeedbackItemView(
            item.competency_id, item.rating, item.comment, as_utc(item.updated_at)
        )
    authors = {f.author_id for f in rows if f.author_id is not None}
    names = {uid: name for uid, name in session.execute(select(User.id, called(User)).where(User.id.in_(authors)))}
    return [
        FeedbackView(
            id=f.id,
            round_id=f.round_id,
            author_id=f.author_id,
            author_name=names[f.author_id] if f.author_id is not None else f.imported_author or "",
            overall=f.overall,
            created_at=as_utc(f.created_at),
            updated_at=as_utc(f.updated_at),
            items=items[f.id],
        )
        for f in rows
    ]


def save_feedback(
    *,
    session: Session,
    author_id: int,
    round_id: int,
    overall: str | None | object = _UNSET,
    ratings: Mapping[str, int | None] | None = None,
    comments: Mapping[str, str | None] | None = None,
) -> FeedbackView:
    """Store the co-driver's own feedback on a round shared with them; only the given parts change.

    Everything is validated before anything is written, so bad input changes nothing.
    """
    shared_round_leader(session=session, codriver_id=author_id, round_id=round_id)
    ratings = dict(ratings or {})
    comment_texts = {cid: check_text(text, TEXT_MAX_CHARS) for cid, text in (comments or {}).items()}
    for cid in {*ratings, *comment_texts}:
        check_id(cid, "competency_id")
    if any(r is not None and not is_valid_rating(r) for r in ratings.values()):
        raise InvalidInputError("rating")
    overall_text = None if overall is _UNSET else check_text(overall, TEXT_MAX_CHARS)  # type: ignore[arg-type]

    now = utcnow()
    feedback = session.scalar(select(Feedback).where(Feedback.round_id == round_id, Feedback.author_id == author_id))
    if feedback is None:
        feedback = Feedback(round_id=round_id, author_id=author_id, overall="", created_at=now)
        session.add(feedback)
        session.flush()
    if overall_text is not None:
        feedback.overall = overall_text
    feedback.updated_at = now
    existing = {
        i.competency_id: i for i in session.scalars(select(FeedbackItem).where(FeedbackItem.feedback_id == feedback.id))
    }
    for cid in {*ratings, *comment_texts}:
        item = existing.get(cid)
        if item is None:
            item = FeedbackItem(feedback_id=feedback.id, competency_id=cid, rating=None, comment="")
            session.add(item)
        if cid in ratings:
            item.rating = ratings[cid]
        if cid in comment_texts:
            item.comment = comment_texts[cid]
        item.updated_at = now
    session.flush()
    return _views(session, [feedback])[0]


def own_feedback(*, session: Session, author_id: int, round_id: int) -> FeedbackView | None:
    """Return the co-driver's own feedback on a round they may still see, or None if not written yet."""
    shared_round_leader(session=session, codriver_id=author_id, round_id=round_id)
    row = session.scalar(select(Feedback).where(Feedback.round_id == round_id, Feedback.author_id == author_id))
    return _views(session, [row])[0] if row else None


def feedback_for_leader(*, session: Session, leader_id: int) -> dict[int, list[FeedbackView]]:
    """Return every co-driver's feedback on the leader's own rounds, by round id, oldest first."""
    rows = list(
        session.scalars(
            select(Feedback)
            .join(Round, Round.id == Feedback.round_id)
            .where(Round.user_id == leader_id)
            .order_by(Feedback.created_at, Feedback.id)
        )
    )
    grouped: dict[int, list[FeedbackView]] = {}
    for view in _views(session, rows):
        grouped.setdefault(view.round_id, []).append(view)
    return grouped
