"""What core reads from db/'s views, as protocols (core never imports db/): a goal with its
follow-up, a co-driver's feedback, a round with its answers. db/goals.py, db/feedback.py and
db/rounds.py return frozen dataclasses that have these shapes."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from core.history import CompletedRound


class Followup(Protocol):
    @property
    def round_id(self) -> int: ...
    @property
    def outcome(self) -> str | None: ...
    @property
    def text(self) -> str: ...


class Goal(Protocol):
    @property
    def round_id(self) -> int: ...
    @property
    def competency_id(self) -> str: ...
    @property
    def step(self) -> str: ...
    @property
    def followup(self) -> Followup | None: ...


class FeedbackItem(Protocol):
    @property
    def comment(self) -> str: ...


class Feedback(Protocol):
    @property
    def author_name(self) -> str: ...
    @property
    def overall(self) -> str: ...
    @property
    def items(self) -> Mapping[str, FeedbackItem]: ...
    def ratings(self) -> Mapping[str, int | None]: ...


class Answer(Protocol):
    @property
    def rating(self) -> int | None: ...
    @property
    def text(self) -> str: ...


class Round(CompletedRound, Protocol):
    """A round with what the report and the export read besides its scores."""

    @property
    def note(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def answers(self) -> Mapping[str, Answer]: ...
    def ratings(self) -> dict[str, int | None]: ...
