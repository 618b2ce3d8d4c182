"""What the front door reads to send a signed-in person where their work is (core/landing.py)."""

from __future__ import annotations

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from core.landing import Whereabouts
from core.vocabulary import ROUND_COMPLETED, ROUND_OPEN
from db.models import Agreement, AgreementReader, Round, Share, User


def whereabouts(*, session: Session, user_id: int) -> Whereabouts:
    """Read what decides where this person lands (four small indexed look-ups)."""
    had = set(session.scalars(select(Round.status).where(Round.user_id == user_id).distinct()))
    pending = session.scalar(
        select(AgreementReader.agreement_id)
        .join(Agreement, Agreement.id == AgreementReader.agreement_id)
        .where(AgreementReader.user_id == user_id, Agreement.agreed_at.is_(None))
        .order_by(AgreementReader.created_at.desc(), AgreementReader.id.desc())
        .limit(1)
    )
    follows = session.scalar(select(exists().where(Share.codriver_id == user_id)))
    is_trainer = session.scalar(select(User.is_trainer).where(User.id == user_id))
    return Whereabouts(
        open_round=ROUND_OPEN in had,
        completed_rounds=ROUND_COMPLETED in had,
        pending_agreement=pending,
        follows_leaders=bool(follows),
        is_trainer=bool(is_trainer),
    )
