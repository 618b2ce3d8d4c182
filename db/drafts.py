"""Text kept while it is typed where it cannot be the answer yet: a new round's note, before the
round exists; and any text typed past its field's limit (kept, shown again, never the answer)."""

from __future__ import annotations

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from core.clock import utcnow
from core.limits import DRAFT_MAX_CHARS, NOTE_MAX_CHARS
from db.checks import check_text
from db.errors import InvalidInputError
from db.models import TextDraft, User
from db.upsert import upsert

FIELD_MAX_CHARS = 200


def save_note_draft(*, session: Session, user_id: int, note: str | None) -> str:
    """Keep the note of the round the user is about to start (TextTooLongError over the limit)."""
    cleaned = check_text(note, NOTE_MAX_CHARS)
    session.execute(update(User).where(User.id == user_id).values(note_draft=cleaned))
    return cleaned


def note_draft(*, session: Session, user_id: int) -> str:
    """Return the note the user was writing for a round not yet started ("" if none)."""
    return session.scalar(select(User.note_draft).where(User.id == user_id)) or ""


def clear_note_draft(*, session: Session, user_id: int) -> None:
    """Forget the draft once the round it was written for has started."""
    session.execute(update(User).where(User.id == user_id).values(note_draft=""))


def save_text_draft(*, session: Session, user_id: int, field: str, text: str) -> None:
    """Keep a text typed past its field's limit, so nothing typed is lost (TextTooLongError past
    DRAFT_MAX_CHARS, ten times the longest field)."""
    if not field or len(field) > FIELD_MAX_CHARS:
        raise InvalidInputError("field")
    kept = check_text(text, DRAFT_MAX_CHARS)
    upsert(
        session,
        TextDraft,
        keys={TextDraft.user_id: user_id, TextDraft.field: field},
        values={"text": kept, "updated_at": utcnow()},
    )


def text_draft(*, session: Session, user_id: int, field: str) -> str | None:
    """The text kept for this field past its limit, or None."""
    return session.scalar(select(TextDraft.text).where(TextDraft.user_id == user_id, TextDraft.field == field))


def drop_text_draft(*, session: Session, user_id: int, field: str) -> None:
    """Forget the text kept past the limit: a text within it was stored as the answer."""
    session.execute(delete(TextDraft).where(TextDraft.user_id == user_id, TextDraft.field == field))
