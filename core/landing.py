"""Where a person lands on the front page (/): where their work is.

In this order: their own open round (at its step); an agreement they were invited to and have not
yet seen agreed; the leaders they follow, for a co-driver with no rounds of their own; the course
for a trainer; their overview, for a leader with completed rounds; else the start of a first round.
A deep link (any other address) is never redirected: this is only the front door.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Destination(StrEnum):
    ROUND = "round"
    AGREEMENT = "agreement"
    CODRIVER = "codriver"
    COURSES = "courses"
    OVERVIEW = "overview"
    FIRST_ROUND = "first-round"


@dataclass(frozen=True)
class Whereabouts:
    """What the front door needs to know about a signed-in person."""

    open_round: bool
    completed_rounds: bool
    pending_agreement: int | None  # an agreement they may read that is not yet agreed
    follows_leaders: bool
    is_trainer: bool


def destination(facts: Whereabouts) -> Destination:
    """Where this person's work is now (the module's order)."""
    if facts.open_round:
        return Destination.ROUND
    if facts.pending_agreement is not None:
        return Destination.AGREEMENT
    if facts.follows_leaders and not facts.completed_rounds:
        return Destination.CODRIVER
    if facts.is_trainer:
        return Destination.COURSES
    if facts.completed_rounds:
        return Destination.OVERVIEW
    return Destination.FIRST_ROUND
