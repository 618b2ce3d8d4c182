"""Compare the leader's own scores with a co-driver's outside view, competency by competency."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from core import texts
from core.formatting import danish_score, signed_danish_score
from questions import QuestionBank

GAP_THRESHOLD = 1.0


@dataclass(frozen=True)
class Gap:
    competency_id: str
    name: str
    own: float
    other: float
    difference: float  # the co-driver's view minus the leader's own score


def rating_gaps(
    bank: QuestionBank,
    own: Mapping[str, float | None],
    other: Mapping[str, float | int | None],
    threshold: float = GAP_THRESHOLD,
) -> list[Gap]:
    """List the competencies where the two views differ by `threshold` or more, largest gap first.

    Equal gaps keep the handbook's order. A competency missing on either side is left out.
    """
    gaps = [
        Gap(c.id, c.name, mine, theirs, theirs - mine)
        for c in bank.competencies
        if (mine := own.get(c.id)) is not None and (theirs := other.get(c.id)) is not None
    ]
    wide = [g for g in gaps if abs(g.difference) >= threshold]
    return sorted(wide, key=lambda g: -abs(g.difference))


def gaps_table(gaps: Sequence[Gap]) -> pd.DataFrame:
    """Build the table the leader reads before the next talk, numbers formatted the Danish way."""
    frame = pd.DataFrame(
        {
            texts.GAP_COL_OWN: [danish_score(g.own) for g in gaps],
            texts.GAP_COL_OTHER: [danish_score(g.other) for g in gaps],
            texts.GAP_COL_DIFFERENCE: [signed_danish_score(g.difference) for g in gaps],
        },
        index=pd.Index([g.name for g in gaps], name=texts.GAP_COL_COMPETENCY),
    )
    return frame
