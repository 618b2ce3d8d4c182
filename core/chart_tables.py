"""The numbers behind each chart, as tables drawn right beside it (a text alternative, WCAG 1.1.1).

Every function returns a frame of display strings: one row per competency (named by the
handbook), Danish decimal commas, and a dash for a missing value.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from core import texts
from core.formatting import danish_score, signed_danish_score
from core.scoring import RATINGS, ScoredRound, scores_table
from questions import Competency, QuestionBank


def competency_frame(bank: QuestionBank, columns: dict[str, list[str]]) -> pd.DataFrame:
    """A table with one row per competency, named by the handbook, and these columns."""
    frame = pd.DataFrame(columns, index=[c.name for c in bank.competencies])
    frame.index.name = texts.OVERVIEW_COL_COMPETENCY
    return frame


def radar_table(bank: QuestionBank, rounds: Sequence[ScoredRound]) -> pd.DataFrame:
    """A leader's radar: one column per round shown."""
    return scores_table(bank, rounds).map(danish_score)


def cohort_table(
    bank: QuestionBank, mean: Mapping[str, float], band: Mapping[str, tuple[float, float]] | None
) -> pd.DataFrame:
    """The group's radar: the mean and, when there is one, the band from the lower to the upper quartile."""
    comps = bank.competencies
    columns = {texts.MEAN_TRACE: [danish_score(mean.get(c.id)) for c in comps]}
    if band is not None:
        columns[texts.BAND_LOW] = [danish_score(band[c.id][0]) if c.id in band else "–" for c in comps]
        columns[texts.BAND_HIGH] = [danish_score(band[c.id][1]) if c.id in band else "–" for c in comps]
    return competency_frame(bank, columns)


def change_table(
    bank: QuestionBank, first: Mapping[str, float], latest: Mapping[str, float], labels: tuple[str, str]
) -> pd.DataFrame:
    """The paired bars: first and latest mean, and the change between them."""
    comps = bank.competencies

    def change(c: Competency) -> str:
        before, after = first.get(c.id), latest.get(c.id)
        return "–" if before is None or after is None else signed_danish_score(after - before)

    return competency_frame(
        bank,
        {
            labels[0]: [danish_score(first.get(c.id)) for c in comps],
            labels[1]: [danish_score(latest.get(c.id)) for c in comps],
            texts.CHANGE_COLUMN: [change(c) for c in comps],
        },
    )


def distribution_table(bank: QuestionBank, distribution: Mapping[str, Mapping[int, int]]) -> pd.DataFrame:
    """The stacked bars: how many times each rating was given, per competency."""
    return competency_frame(
        bank,
        {str(value): [str(distribution.get(c.id, {}).get(value, 0)) for c in bank.competencies] for value in RATINGS},
    )
