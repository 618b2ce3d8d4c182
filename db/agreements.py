"""Collaboration agreements: the leader's drafts, the one-time codes that invite the other person,
and what that person may do (read that one agreement, comment, mark it agreed).

Access is checked against the database on every call: a person invited to an agreement reaches
it through their reader row and through nothing else, so they never see the leader's rounds,
goals, other agreements or tool answers. A leader reaches only their own agreements.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from core.agreements import InvalidValueError, Value, clean_value
from core.clock import as_utc, utcnow
from core.limits import TEXT_MAX_CHARS, normalise_text
from core.vocabulary import AGREEMENT_KINDS
from db.checks import check_text
from db.errors import (
    AccessRevokedError,
    AgreementChangedError,
    EditConflictError,
    InvalidInputError,
    InvitationError,
    NotFoundError,
)
from db.models import Agreement, AgreementInvitation, AgreementReader, AgreementValue, Network, User, called
from db.sharing import INVITATION_VALID_FOR, claim_code, code_hash, new_code
from db.upsert import rowcount, upsert
from questions.tools import AgreementField


@dataclass(frozen=True)
class Comment:
    reader_id: int
    user_id: int
    name: str
    text: str
    at: datetime | None


@dataclass(frozen=True)
class AgreementView:
    id: int
    kind: str
    leader_id: int
    leader_name: str
    values: dict[str, Value]
    updated_at: datetime
    agreed_at: datetime | None
    agreed_by_name: str
    agreed_values: dict[str, Value] | None
    comments: tuple[Comment, ...]

    @property
    def is_agreed(self) -> bool:
        return self.agreed_at is not None


@dataclass(frozen=True)
class AgreementInvitationView:
    id: int
    created_at: datetime
    expires_at: datetime


@dataclass(frozen=True)
class InvitedTo:
    """An agreement someone else invited this person to read."""

    agreement_id: int
    kind: str
    leader_name: str


def _check_kind(kind: str) -> str:
    if kind not in AGREEMENT_KINDS:
        raise InvalidInputError("kind")
    return kind


def _own(session: Session, leader_id: int, kind: str, *, for_writing: bool = False) -> Agreement | None:
    query = select(Agreement).where(Agreement.user_id == leader_id, Agreement.kind == _check_kind(kind))
    return session.scalar(query.with_for_update() if for_writing else query)


def _own_existing(session: Session, leader_id: int, kind: str) -> Agreement:
    """The leader's agreement of this kind, known to exist (another tab just made it)."""
    found = _own(session, leader_id, kind)
    if found is None:
        raise NotFoundError(f"agreement {kind}")
    return found


def _view(session: Session, agreement: Agreement) -> AgreementView:
    values = {
        v.field_id: json.loads(v.value)
        for v in session.scalars(select(AgreementValue).where(AgreementValue.agreement_id == agreement.id))
    }
    readers = session.execute(
        select(AgreementReader, called(User))
        .join(User, User.id == AgreementReader.user_id)
        .where(AgreementReader.agreement_id == agreement.id)
        .order_by(AgreementReader.created_at, AgreementReader.id)
    )
    leader_name = session.scalar(select(called(User)).where(User.id == agreement.user_id)) or ""
    return AgreementView(
        id=agreement.id,
        kind=agreement.kind,
        leader_id=agreement.user_id,
        leader_name=leader_name,
        values=values,
        updated_at=as_utc(agreement.updated_at),
        agreed_at=as_utc(agreement.agreed_at) if agreement.agreed_at else None,
        agreed_by_name=agreement.agreed_by_name,
        agreed_values=json.loads(agreement.agreed_content) if agreement.agreed_content else None,
        comments=tuple(
            Comment(r.id, r.user_id, name, r.comment, as_utc(r.comment_updated_at) if r.comment_updated_at else None)
            for r, name in readers
        ),
    )


# --- The leader ---------------------------------------------------------------------------


def get_agreement(*, session: Session, leader_id: int, kind: str) -> AgreementView | None:
    """The leader's agreement of this kind, or None if they have not started one."""
    agreement = _own(session, leader_id, kind)
    return _view(session, agreement) if agreement else None


def list_agreements(*, session: Session, leader_id: int) -> dict[str, AgreementView]:
    """Every agreement the leader has started, by kind."""
    rows = session.scalars(select(Agreement).where(Agreement.user_id == leader_id))
    return {a.kind: _view(session, a) for a in rows}


def start_agreement(
    *, session: Session, leader_id: int, kind: str, draft: dict[str, Value], fields: tuple[AgreementField, ...]
) -> AgreementView:
    """Start the leader's agreement of this kind from a draft (core.agreements.draft); an agreement
    started already (another tab) is returned as it is."""
    existing = _own(session, leader_id, kind)
    if existing is not None:
        return _view(session, existing)
    cleaned = {f.id: _clean(f, draft.get(f.id)) for f in fields if f.id in draft}
    now = utcnow()
    network_id = session.scalar(
        select(Network.id).where(Network.user_id == leader_id).order_by(Network.created_at.desc(), Network.id.desc())
    )
    agreement = Agreement(user_id=leader_id, kind=kind, network_id=network_id, created_at=now, updated_at=now)
    try:
        with session.begin_nested():
            session.add(agreement)
    except IntegrityError:  # started in another tab meanwhile
        return _view(session, _own_existing(session, leader_id, kind))
    for field_id, value in cleaned.items():
        session.add(
            AgreementValue(agreement_id=agreement.id, field_id=field_id, value=json.dumps(value), updated_at=now)
        )
    session.flush()
    return _view(session, agreement)


def _clean(field: AgreementField, value: object) -> Value:
    if field.type == "text":
        check_text(value if isinstance(value, str) else None, TEXT_MAX_CHARS)  # TextTooLongError, as elsewhere
    try:
        return clean_value(field, value)
    except InvalidValueError:
        raise InvalidInputError(field.id) from None


def save_value(
    *,
    session: Session,
    leader_id: int,
    kind: str,
    field: AgreementField,
    value: object,
    based_on: str | None = None,
) -> Value:
    """Store one field of the leader's agreement; return what was stored. For a text field,
    `based_on` is the text this tab loaded: a text changed elsewhere since raises EditConflictError."""
    agreement = _own(session, leader_id, kind, for_writing=True)
    if agreement is None:
        raise NotFoundError(f"agreement {kind}")
    cleaned = _clean(field, value)
    if field.type == "text" and based_on is not None:
        stored = session.scalar(
            select(AgreementValue.value).where(
                AgreementValue.agreement_id == agreement.id, AgreementValue.field_id == field.id
            )
        )
        current = json.loads(stored) if stored else ""
        if current not in (normalise_text(based_on), cleaned):
            raise EditConflictError(current)
    now = utcnow()
    upsert(
        session,
        AgreementValue,
        keys={AgreementValue.agreement_id: agreement.id, AgreementValue.field_id: field.id},
        values={"value": json.dumps(cleaned), "updated_at": now},
    )
    agreement.updated_at = now
    return cleaned


def create_invitation(
    *, session: Session, leader_id: int, kind: str, now: datetime | None = None
) -> tuple[AgreementInvitationView, str]:
    """A one-time code that lets one person read this agreement; shown once, stored as a hash."""
    agreement = _own(session, leader_id, kind)
    if agreement is None:
        raise NotFoundError(f"agreement {kind}")
    now = now or utcnow()
    code = new_code()
    invitation = AgreementInvitation(
        agreement_id=agreement.id, code_hash=code_hash(code), created_at=now, expires_at=now + INVITATION_VALID_FOR
    )
    session.add(invitation)
    session.flush()
    return AgreementInvitationView(invitation.id, now, as_utc(invitation.expires_at)), code


def list_invitations(
    *, session: Session, leader_id: int, kind: str, now: datetime | None = None
) -> list[AgreementInvitationView]:
    """The agreement's codes that can still be used, newest first."""
    now = now or utcnow()
    rows = session.scalars(
        select(AgreementInvitation)
        .join(Agreement, Agreement.id == AgreementInvitation.agreement_id)
        .where(
            Agreement.user_id == leader_id,
            Agreement.kind == _check_kind(kind),
            AgreementInvitation.used_at.is_(None),
            AgreementInvitation.withdrawn_at.is_(None),
            AgreementInvitation.expires_at > now,
        )
        .order_by(AgreementInvitation.created_at.desc(), AgreementInvitation.id.desc())
    )
    return [AgreementInvitationView(i.id, as_utc(i.created_at), as_utc(i.expires_at)) for i in rows]


def withdraw_invitation(*, session: Session, leader_id: int, invitation_id: int) -> None:
    """Withdraw one of the leader's unused agreement codes, so it is refused."""
    mine = select(Agreement.id).where(Agreement.user_id == leader_id)
    result = session.execute(
        update(AgreementInvitation)
        .where(
            AgreementInvitation.id == invitation_id,
            AgreementInvitation.agreement_id.in_(mine),
            AgreementInvitation.used_at.is_(None),
            AgreementInvitation.withdrawn_at.is_(None),
        )
        .values(withdrawn_at=utcnow())
    )
    if rowcount(result) != 1:
        raise NotFoundError(f"agreement invitation {invitation_id}")


def remove_reader(*, session: Session, leader_id: int, reader_id: int) -> None:
    """End one invited person's access to the leader's agreement at once (their comment goes too)."""
    reader = session.scalar(
        select(AgreementReader)
        .join(Agreement, Agreement.id == AgreementReader.agreement_id)
        .where(AgreementReader.id == reader_id, Agreement.user_id == leader_id)
    )
    if reader is None:
        raise NotFoundError(f"agreement reader {reader_id}")
    session.delete(reader)


# --- The invited person -----------------------------------------------------------------


def redeem_invitation(*, session: Session, user_id: int, code: str, now: datetime | None = None) -> InvitedTo:
    """Turn a valid code into access to its one agreement; raise InvitationError saying why not."""
    now = now or utcnow()

    def leader_of(invitation: AgreementInvitation) -> int:
        return session.scalar(select(Agreement.user_id).where(Agreement.id == invitation.agreement_id)) or -1

    invitation = claim_code(session, AgreementInvitation, code, user_id, now, owner_of=leader_of)
    exists = select(AgreementReader.id).where(
        AgreementReader.agreement_id == invitation.agreement_id, AgreementReader.user_id == user_id
    )
    if session.scalar(exists) is None:
        session.add(AgreementReader(agreement_id=invitation.agreement_id, user_id=user_id, created_at=now))
        try:
            session.flush()
        except IntegrityError:  # the same person redeemed another code for it in another tab
            raise InvitationError(InvitationError.USED) from None
    return next(i for i in invited_to(session=session, user_id=user_id) if i.agreement_id == invitation.agreement_id)


def invited_to(*, session: Session, user_id: int) -> list[InvitedTo]:
    """The agreements this person was invited to read, oldest invitation first."""
    rows = session.execute(
        select(Agreement.id, Agreement.kind, called(User))
        .join(AgreementReader, AgreementReader.agreement_id == Agreement.id)
        .join(User, User.id == Agreement.user_id)
        .where(AgreementReader.user_id == user_id)
        .order_by(AgreementReader.created_at, AgreementReader.id)
    )
    return [InvitedTo(agreement_id, kind, name) for agreement_id, kind, name in rows]


def _reader(session: Session, user_id: int, agreement_id: int, *, for_writing: bool = False) -> AgreementReader:
    query = select(AgreementReader).where(
        AgreementReader.agreement_id == agreement_id, AgreementReader.user_id == user_id
    )
    reader = session.scalar(query.with_for_update() if for_writing else query)
    if reader is None:
        raise AccessRevokedError(f"agreement {agreement_id}")
    return reader


def read_invited(*, session: Session, user_id: int, agreement_id: int) -> AgreementView:
    """The agreement as the invited person reads it; AccessRevokedError without a reader row."""
    _reader(session, user_id, agreement_id)
    return _view(session, session.get_one(Agreement, agreement_id))


def own_comment(*, session: Session, user_id: int, agreement_id: int) -> str:
    """The invited person's own comment on the agreement ("" before they write one)."""
    return _reader(session, user_id, agreement_id).comment


def save_comment(*, session: Session, user_id: int, agreement_id: int, text: str | None) -> str:
    """Store the invited person's comment on the agreement (one per person, changed as they write)."""
    cleaned = check_text(text, TEXT_MAX_CHARS)
    reader = _reader(session, user_id, agreement_id, for_writing=True)
    reader.comment, reader.comment_updated_at = cleaned, utcnow()
    return cleaned


def mark_agreed(
    *, session: Session, user_id: int, agreement_id: int, as_read: datetime, now: datetime | None = None
) -> AgreementView:
    """The invited person agrees to the agreement as they read it (`as_read`: its updated_at then);
    what it said is kept with the date. Changed by the leader since: AgreementChangedError."""
    _reader(session, user_id, agreement_id)
    agreement = session.scalars(select(Agreement).where(Agreement.id == agreement_id).with_for_update()).one()
    if as_utc(agreement.updated_at) != as_utc(as_read):
        raise AgreementChangedError(agreement_id)
    current = _view(session, agreement)
    agreement.agreed_at = now or utcnow()
    agreement.agreed_by = user_id
    agreement.agreed_by_name = session.scalar(select(called(User)).where(User.id == user_id)) or ""
    agreement.agreed_content = json.dumps(current.values)
    session.flush()
    return _view(session, agreement)
