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


class EditConflictError(StorageError):
    """The text was changed elsewhere (another tab) since the text this save was based on; nothing
    was stored. `current` is what is stored now."""

    def __init__(self, current: str):
        super().__init__("changed elsewhere")
        self.current = current


class AgreementChangedError(StorageError):
    """The leader changed the agreement after the other person read it; it was not marked agreed."""


class UsernameTakenError(StorageError):
    """Another account already has this username (compared without case)."""


class LookalikeUsernameError(UsernameTakenError):
    """Another account's username looks the same on screen (core.usernames.skeleton)."""


class InvalidUsernameError(InvalidInputError):
    """The username does not follow the rules."""


class WeakPasswordError(InvalidInputError):
    """The password does not follow the rules; `reason` is "short", "long", "common" or "username"."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class WrongPasswordError(StorageError):
    """The current password given to confirm a change is not the account's password."""


class SsoLinkError(StorageError):
    """This provider identity already belongs to another local account."""


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


class DuplicateGoalError(InvalidInputError):
    """The round already has a goal for this competency (in another of its 1–3 places)."""

    def __init__(self, competency_id: str):
        super().__init__(competency_id)
        self.competency_id = competency_id


class GoalsIncompleteError(StorageError):
    """The round cannot be completed: too few goals, or goals without a next step."""

    def __init__(self, *, too_few: bool, without_step: list[str]):
        super().__init__(f"too_few={too_few} without_step={without_step}")
        self.too_few = too_few
        self.without_step = without_step


class ConfirmationError(InvalidInputError):
    """A destructive action was not confirmed the way it asks (e.g. by typing one's username)."""


class ImportConflictError(StorageError):
    """An import needs an account without rounds; this one has some."""
