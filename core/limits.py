"""Limits on what users type, and how typed text is cleaned before storing."""

from __future__ import annotations

TEXT_MAX_CHARS = 5000
NOTE_MAX_CHARS = 500
USERNAME_MIN_CHARS = 3
USERNAME_MAX_CHARS = 40
PASSWORD_MIN_CHARS = 10
PASSWORD_MAX_CHARS = 128


def normalise_text(value: str | None) -> str:
    """Store whitespace-only text as empty; keep everything else exactly as typed."""
    if value is None or not value.strip():
        return ""
    return value


GOAL_STEP_MAX_CHARS = 1000
FOLLOWUP_MAX_CHARS = 2000
