"""Sharing by consent: invitation codes, the shares they create, and what a co-driver may read.

Every function takes the asking user's id and checks it against the database on each call,
so a revoked share or a narrowed scope takes effect on the co-driver's very next request.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TypeVar

from sqlalchemy import ColumnElement, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased

from core.clock import as_utc, utcnow
from core.vocabulary import ROUND_COMPLETED, SCOPE_TEXTS, SCOPES
from core.vocabulary import SCOPE_SCORES as SCOPE_SCORES  # re-exported for the UI
from db import codes
from db.accounts import user_named
from db.codes import normalise_code
from db.errors import AccessRevokedError, InvalidInputError, InvitationError, NotFoundError
from db.models import AgreementInvitation, Invitation, Round, Share, User, called
from db.rounds import AnswerView, RoundView, list_history
from db.upsert import rowcount

INVITATION_VALID_FOR = timedelta(days=7)
_Code = TypeVar("_Code", Invitation, AgreementInvitation)
_CODE_GROUPS = 3  # 12 characters, 60 random bits


@dataclass(frozen=True)
class InvitationView:
    id: int
    scope: str
    created_at: datetime
    expires_at: datetime


@dataclass(frozen=True)
class ShareView:
    id: int
    leader_id: int
    leader_name: str  # what the leader is called
    codriver_id: int
    codriver_name: str
    scope: str
    since: datetime
    leader_username: str = ""  # what the co-driver's link names them by (?leader=<username>)

    @property
    def includes_texts(self) -> bool:
        return self.scope == SCOPE_TEXTS


@dataclass(frozen=True)
class SharedHistory:
    """What a co-driver may see of one leader: completed rounds, texts only if the scope allows."""

    share: ShareView
    rounds: list[RoundView]


def new_code() -> str:
    """Return a fresh, unguessable invitation code like `7KQ2-M9XD-4HBT`."""
    return codes.new_code(_CODE_GROUPS)


def code_hash(code: str) -> str:
    """What is stored of a one-time code: its hash, however the code was typed."""
    return hashlib.sha256(normalise_code(code).encode("ascii", "ignore")).hexdigest()


def claim_code(
    session: Session, model: type[_Code], code: str, user_id: int, now: datetime, owner_of: Callable[[_Code], int]
) -> _Code:
    """Find the one-time invitation for `code` and mark it used by `user_id`, or raise InvitationError
    saying why not (unknown, withdrawn, used, expired, or the person's own)."""
    invitation = session.scalar(select(model).where(model.code_hash == code_hash(code)))
    if invitation is None or len(normalise_code(code)) != _CODE_GROUPS * codes.GROUP_LENGTH:
        raise InvitationError(InvitationError.UNKNOWN)
    if invitation.withdrawn_at is not None:
        raise InvitationError(InvitationError.WITHDRAWN)
    if invitation.used_at is not None:
        raise InvitationError(InvitationError.USED)
    if as_utc(invitation.expires_at) <= now:
        raise InvitationError(InvitationError.EXPIRED)
    if owner_of(invitation) == user_id:
        raise InvitationError(InvitationError.OWN)
    # Mark the code used in the same statement that checks it, so two tabs cannot both redeem it.
    claimed = session.execute(
        update(model)
        .where(model.id == invitation.id, model.used_at.is_(None), model.withdrawn_at.is_(None))
        .values(used_at=now, used_by=user_id)
    )
    if rowcount(claimed) != 1:
        raise InvitationError(InvitationError.USED)
    return invitation


def _check_scope(scope: str) -> str:
    if scope not in SCOPES:
        raise InvalidInputError("scope")
    return scope


def create_invitation(
    *, session: Session, leader_id: int, scope: str, now: datetime | None = None
) -> tuple[InvitationView, str]:
    """Create a one-time invitation; return it and the code, which is shown once and stored only as a hash."""
    _check_scope(scope)
    now = now or utcnow()
    code = new_code()
    invitation = Invitation(
        leader_id=leader_id,
        code_hash=code_hash(code),
        scope=scope,
        created_at=now,
        expires_at=now + INVITATION_VALID_FOR,
    )
    session.add(invitation)
    session.flush()
    return InvitationView(invitation.id, scope, now, invitation.expires_at), code


def list_invitations(*, session: Session, leader_id: int, now: datetime | None = None) -> list[InvitationView]:
    """Return the leader's invitations that can still be redeemed, newest first."""
    now = now or utcnow()
    rows = session.scalars(
        select(Invitation)
        .where(
            Invitation.leader_id == leader_id,
            Invitation.used_at.is_(None),
            Invitation.withdrawn_at.is_(None),
            Invitation.expires_at > now,
        )
        .order_by(Invitation.created_at.desc(), Invitation.id.desc())
    )
    return [InvitationView(i.id, i.scope, as_utc(i.created_at), as_utc(i.expires_at)) for i in rows]


def withdraw_invitation(*, session: Session, leader_id: int, invitation_id: int) -> None:
    """Withdraw one of the leader's unused invitations, so its code is refused."""
    result = session.execute(
        update(Invitation)
        .where(
            Invitation.id == invitation_id,
            Invitation.leader_id == leader_id,
            Invitation.used_at.is_(None),
            Invitation.withdrawn_at.is_(None),
        )
        .values(withdrawn_at=utcnow())
    )
    if rowcount(result) != 1:
        raise NotFoundError(f"invitation {invitation_id}")


def redeem_invitation(*, session: Session, user_id: int, code: str, now: datetime | None = None) -> ShareView:
    """Turn a valid code into a share with the code's scope; raise InvitationError saying why not."""
    now = now or utcnow()
    invitation = claim_code(session, Invitation, code, user_id, now, owner_of=lambda i: i.leader_id)
    share = session.scalar(select(Share).where(Share.leader_id == invitation.leader_id, Share.codriver_id == user_id))
    if share is None:
        share = Share(leader_id=invitation.leader_id, codriver_id=user_id, scope=invitation.scope, created_at=now)
        session.add(share)
    share.scope, share.updated_at = invitation.scope, now
    try:
        session.flush()
    except IntegrityError:  # the same share was created in another tab meanwhile
        raise InvitationError(InvitationError.USED) from None
    return _shares(session, Share.id == share.id)[0]


_Leader, _Codriver = aliased(User), aliased(User)


def _shares(session: Session, *conditions: ColumnElement[bool]) -> list[ShareView]:
    """Load shares with both people's names in one query."""
    rows = session.execute(
        select(Share, called(_Leader), called(_Codriver), _Leader.username)
        .join(_Leader, _Leader.id == Share.leader_id)
        .join(_Codriver, _Codriver.id == Share.codriver_id)
        .where(*conditions)
        .order_by(Share.created_at, Share.id)
    )
    return [
        ShareView(
            id=share.id,
            leader_id=share.leader_id,
            leader_name=leader_name,
            codriver_id=share.codriver_id,
            codriver_name=codriver_name,
            scope=share.scope,
            since=as_utc(share.created_at),
            leader_username=leader_username,
        )
        for share, leader_name, codriver_name, leader_username in rows
    ]


def shares_given(*, session: Session, leader_id: int) -> list[ShareView]:
    """Who can see this leader's rounds, oldest share first."""
    return _shares(session, Share.leader_id == leader_id)


def shares_received(*, session: Session, codriver_id: int) -> list[ShareView]:
    """The leaders who share with this co-driver, oldest share first."""
    return _shares(session, Share.codriver_id == codriver_id)


def is_codriver(*, session: Session, user_id: int) -> bool:
    """Tell whether anyone shares with this user (so the co-driver page applies)."""
    return session.scalar(select(Share.id).where(Share.codriver_id == user_id).limit(1)) is not None


def _given_share(session: Session, leader_id: int, share_id: int) -> Share:
    share = session.scalar(select(Share).where(Share.id == share_id, Share.leader_id == leader_id))
    if share is None:
        raise NotFoundError(f"share {share_id}")
    return share


def set_scope(*, session: Session, leader_id: int, share_id: int, scope: str) -> None:
    """Change what a co-driver may see; only the leader who gave the share can."""
    share = _given_share(session, leader_id, share_id)
    share.scope, share.updated_at = _check_scope(scope), utcnow()


def revoke_share(*, session: Session, leader_id: int, share_id: int) -> None:
    """End a co-driver's access at once. Their earlier comments stay with the leader."""
    session.delete(_given_share(session, leader_id, share_id))


def share_for(*, session: Session, codriver_id: int, leader_id: int) -> ShareView:
    """Return the share from leader to co-driver; AccessRevokedError if there is none (any more)."""
    found = _shares(session, Share.leader_id == leader_id, Share.codriver_id == codriver_id)
    if not found:
        raise AccessRevokedError(f"leader {leader_id}")
    return found[0]


def _without_texts(round_: RoundView) -> RoundView:
    answers = {qid: AnswerView(a.question_id, a.rating, "") for qid, a in round_.answers.items()}
    return round_.model_copy(update={"note": "", "answers": answers})


def shared_history(*, session: Session, codriver_id: int, leader_id: int) -> SharedHistory:
    """Return a leader's completed rounds as this co-driver may see them (texts removed for scores-only)."""
    share = share_for(session=session, codriver_id=codriver_id, leader_id=leader_id)
    history = list_history(session=session, user_id=leader_id)
    if not share.includes_texts:
        history = [_without_texts(r) for r in history]
    return SharedHistory(share=share, rounds=history)


def shared_history_named(*, session: Session, codriver_id: int, leader_name: str) -> SharedHistory:
    """As shared_history, for a leader named in a link. An unknown name and a leader who does not
    share both raise AccessRevokedError, so a link cannot be used to learn who has an account."""
    leader = user_named(session, leader_name)
    return shared_history(session=session, codriver_id=codriver_id, leader_id=-1 if leader is None else leader.id)


def shared_round_leader(*, session: Session, codriver_id: int, round_id: int) -> int:
    """Return the leader of a completed round this co-driver may see; AccessRevokedError otherwise."""
    leader_id = session.scalar(
        select(Round.user_id)
        .join(Share, Share.leader_id == Round.user_id)
        .where(Round.id == round_id, Round.status == ROUND_COMPLETED, Share.codriver_id == codriver_id)
    )
    if leader_id is None:
        raise AccessRevokedError(f"round {round_id}")
    return leader_id
