"""The network a leader leads: name, theme and meeting dates (4–6 meetings over about six months)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.clock import utcnow
from core.limits import TEXT_MAX_CHARS
from db.checks import check_text
from db.errors import InvalidInputError
from db.models import Network

NAME_MAX_CHARS = 120
MAX_MEETINGS = 8  # the handbook's 4–6, with room for an extra one
TEST_PHASE_AFTER = timedelta(days=183)  # the handbook expects the test phase after about half a year


@dataclass(frozen=True)
class NetworkView:
    id: int
    name: str
    theme: str
    meetings: tuple[date, ...]

    @property
    def test_phase_from(self) -> date | None:
        """When the test phase is expected: about six months after the first meeting."""
        return self.meetings[0] + TEST_PHASE_AFTER if self.meetings else None


def _view(network: Network) -> NetworkView:
    meetings = tuple(date.fromisoformat(d) for d in json.loads(network.meetings or "[]"))
    return NetworkView(network.id, network.name, network.theme, meetings)


def _newest(session: Session, user_id: int) -> Network | None:
    return session.scalar(
        select(Network).where(Network.user_id == user_id).order_by(Network.created_at.desc(), Network.id.desc())
    )


def get_network(*, session: Session, user_id: int) -> NetworkView | None:
    """The network the leader leads now (their newest), or None."""
    network = _newest(session, user_id)
    return _view(network) if network else None


def save_network(*, session: Session, user_id: int, name: str, theme: str, meetings: list[date]) -> NetworkView:
    """Create or change the leader's network; meetings are kept in date order, each date once."""
    name = (name or "").strip()
    if not name:
        raise InvalidInputError("name")
    check_text(name, NAME_MAX_CHARS)
    theme = check_text(theme, TEXT_MAX_CHARS)
    if not all(isinstance(d, date) for d in meetings) or len(set(meetings)) > MAX_MEETINGS:
        raise InvalidInputError("meetings")
    network = _newest(session, user_id)
    if network is None:
        network = Network(user_id=user_id, created_at=utcnow())
        session.add(network)
    network.name, network.theme = name, theme
    network.meetings = json.dumps([d.isoformat() for d in sorted(set(meetings))])
    network.updated_at = utcnow()
    session.flush()
    return _view(network)
