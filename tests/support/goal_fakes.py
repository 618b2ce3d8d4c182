"""A goal and its follow-up as the summary reads them, without a database."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Followup:
    outcome: str | None


@dataclass(frozen=True)
class Goal:
    round_id: int
    competency_id: str
    step: str
    followup: Followup | None = None
