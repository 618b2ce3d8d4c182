"""Turn a leader's completed rounds into labelled, scored series for the results page."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Protocol

from core import texts
from core.formatting import danish_date
from core.scoring import ScoredRound, competency_scores
from questions import QuestionBank


class CompletedRound(Protocol):
    completed_at: datetime | None
    started_at: datetime
    context: str

    def ratings(self) -> Mapping[str, int | None]: ...


def context_label(context: str) -> str:
    """Return the Danish label of a round context (the raw value if unknown)."""
    return texts.CONTEXTS.get(context, context)


def round_labels(rounds: Sequence[CompletedRound]) -> list[str]:
    """Label rounds by date and context, numbering repeats so every label is unique."""
    labels: list[str] = []
    for round_ in rounds:
        base = texts.ROUND_LABEL.format(
            date=danish_date(round_.completed_at or round_.started_at), context=context_label(round_.context)
        )
        label, n = base, 1
        while label in labels:
            n += 1
            label = f"{base} ({n})"
        labels.append(label)
    return labels


def score_history(bank: QuestionBank, rounds: Sequence[CompletedRound]) -> list[ScoredRound]:
    """Score every round, oldest first, with its unique label."""
    return [
        ScoredRound(label=label, scores=competency_scores(bank, round_.ratings()))
        for label, round_ in zip(round_labels(rounds), rounds, strict=True)
    ]


def default_selection(labels: Sequence[str]) -> list[str]:
    """Show the first and the latest round by default (one if there is only one)."""
    if not labels:
        return []
    return list(dict.fromkeys([labels[0], labels[-1]]))
