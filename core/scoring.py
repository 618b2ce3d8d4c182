"""Turn ratings into competency scores and tables."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from core import texts
from questions import Question, QuestionBank

RATING_MIN = 1
RATING_MAX = 5
RATINGS = tuple(range(RATING_MIN, RATING_MAX + 1))  # every rating a person can give


@dataclass(frozen=True)
class ScoredRound:
    """One round's label and its score per competency id (None if unrated)."""

    label: str
    scores: Mapping[str, float | None]


def competency_scores(bank: QuestionBank, ratings: Mapping[str, int | None]) -> dict[str, float | None]:
    """Score each competency as the mean of its rated questions (None if none rated)."""
    scores: dict[str, float | None] = {}
    for comp in bank.competencies:
        given = [rating for q in comp.questions if (rating := ratings.get(q.id)) is not None]
        scores[comp.id] = sum(given) / len(given) if given else None
    return scores


def missing_ratings(bank: QuestionBank, ratings: Mapping[str, int | None]) -> list[Question]:
    """List the questions that still have no rating, in bank order."""
    return [q for c in bank.competencies for q in c.questions if ratings.get(q.id) is None]


def is_valid_rating(value: object) -> bool:
    """Tell whether a value is a whole rating on the 1–5 scale."""
    return isinstance(value, int) and not isinstance(value, bool) and RATING_MIN <= value <= RATING_MAX


def scores_table(bank: QuestionBank, rounds: Sequence[ScoredRound]) -> pd.DataFrame:
    """Build the table behind the radar: one row per competency, one column per round."""
    data = {r.label: [r.scores.get(c.id) for c in bank.competencies] for r in rounds}
    frame = pd.DataFrame(data, index=[c.name for c in bank.competencies], dtype="float64")
    frame.index.name = texts.OVERVIEW_COL_COMPETENCY
    return frame.round(1)


def rating_quartiles(counts: Mapping[int, int]) -> tuple[int, int] | None:
    """The middle half of the ratings given: the lower and upper quartile, read off how often each
    rating (1–5) was given. A function of those counts alone, so it shows nothing they do not."""
    total = sum(counts.values())
    if not total:
        return None

    def at(share: float) -> int:
        seen = 0
        for value in RATINGS:
            seen += counts.get(value, 0)
            if seen >= share * total:
                return value
        return RATINGS[-1]

    return at(0.25), at(0.75)
