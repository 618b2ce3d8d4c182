"""The 1–5 rating choices as radio options, with the scale's words at both ends."""

from __future__ import annotations

from collections.abc import Callable

from core import texts
from core.scoring import RATING_MAX, RATING_MIN, RATINGS
from questions import Scale

__all__ = ["RATINGS", "rating_label"]


def rating_label(scale: Scale) -> Callable[[int], str]:
    """Label the options `1 – I ringe grad`, 2, 3, 4, `5 – I meget høj grad`."""
    ends = {RATING_MIN: scale.low, RATING_MAX: scale.high}

    def label(value: int) -> str:
        return texts.RATING_END.format(value=value, label=ends[value]) if value in ends else str(value)

    return label
