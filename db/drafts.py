"""Text kept while it is typed, before the thing it belongs to exists: a new round's note."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from core.limits import NOTE_MAX_CHARS
from db.checks import check_text
from db.models import User


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
