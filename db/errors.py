"""Named errors raised by the storage API; pages turn them into messages."""

from __future__ import annotations


class StorageError(Exception):
    """Base class for errors the user can be told about."""


class DatabaseConfigError(StorageError):
    """DATABASE_URL is malformed or the database cannot be reached."""


class NotFoundError(StorageError):
    """The thing does not exist, or does not belong to the asking user."""


class RoundClosedError(StorageError):
    """The round is completed and therefore read-only."""


class OpenRoundExistsError(StorageError):
    """The user already has an unfinished round."""


class IncompleteRoundError(StorageError):
    """The round cannot be completed while ratings are missing."""

    def __init__(self, missing: list[str]):
        super().__init__(f"{len(missing)} ratings missing")
        self.missing = missing


class InvalidInputError(StorageError):
    """A value is outside what may be stored (too long, out of range, malformed)."""


class TextTooLongError(InvalidInputError):
    """A text is over its limit; nothing was stored."""

    def __init__(self, length: int, limit: int):
        super().__init__(f"text is {length} characters, limit {limit}")
        self.length = length
        self.limit = limit


class UsernameTakenError(StorageError):
    """Another account already has this username (compared without case)."""


class InvalidUsernameError(InvalidInputError):
    """The username does not follow the rules."""


class WeakPasswordError(InvalidInputError):
    """The password does not follow the rules."""


class InvitationError(StorageError):
    """An invitation code cannot be redeemed; `reason` says why, for the message."""

    UNKNOWN = "unknown"
    USED = "used"
    EXPIRED = "expired"
    WITHDRAWN = "withdrawn"
    OWN = "own"

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class AccessRevokedError(NotFoundError):
    """The leader no longer shares with this co-driver (or never did)."""


class NotAllowedError(StorageError):
    """The user lacks the role this needs (e.g. only trainers create courses)."""


class CourseJoinError(StorageError):
    """A course code cannot be used; `reason` is "unknown" or "own"."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason
