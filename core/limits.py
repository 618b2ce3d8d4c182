"""Limits on what users type, and how typed text is cleaned before storing."""

from __future__ import annotations

TEXT_MAX_CHARS = 5000
NOTE_MAX_CHARS = 500
USERNAME_MIN_CHARS = 3
USERNAME_MAX_CHARS = 40
PERSON_NAME_MAX_CHARS = 80  # the name a person is called by
PASSWORD_MIN_CHARS = 10
PASSWORD_MAX_CHARS = 128
# A text typed past its field's limit is kept as a draft up to this length (db/drafts.py).
DRAFT_MAX_CHARS = 10 * TEXT_MAX_CHARS


# Control characters nobody can see or type on purpose (a NUL pasted from another program, say);
# tab, line feed and carriage return are kept. PostgreSQL cannot store a NUL at all: a reflection
# holding one was lost with an error page, so they are dropped on both databases alike.
_INVISIBLE = dict.fromkeys([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])


def without_control_characters(value: str) -> str:
    """The text without invisible control characters (tab and line breaks stay)."""
    return value.translate(_INVISIBLE)


def normalise_text(value: str | None) -> str:
    """Store whitespace-only text as empty; keep everything else as typed, minus invisible control characters."""
    if value is None:
        return ""
    cleaned = without_control_characters(value)
    return cleaned if cleaned.strip() else ""


GOAL_STEP_MAX_CHARS = 1000
FOLLOWUP_MAX_CHARS = 2000
