"""Input checks shared by the storage API: ids and typed texts. They raise before anything is written."""

from __future__ import annotations

import re

from core.limits import normalise_text
from db.errors import InvalidInputError, TextTooLongError

# The question bank's slug pattern: question and competency ids look like `trygt-rum-2`.
_ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def check_id(value: str | None, field: str) -> str:
    """Return a well-formed id, or raise InvalidInputError naming the field."""
    if value is None or not _ID_RE.fullmatch(value):
        raise InvalidInputError(field)
    return value


def check_text(value: str | None, limit: int) -> str:
    """Return the text as it will be stored (whitespace-only is empty), or raise TextTooLongError."""
    cleaned = normalise_text(value)
    if len(cleaned) > limit:
        raise TextTooLongError(len(cleaned), limit)
    return cleaned
