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
    @property
    def id(self) -> int: ...
    @property
    def completed_at(self) -> datetime | None: ...
    @property
    def started_at(self) -> datetime: ...
    @property
    def context(self) -> str: ...
    @property
    def bank_version(self) -> str: ...

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


def comparable_scores(bank: QuestionBank, rounds: Sequence[CompletedRound]) -> list[dict[str, float | None]]:
    """Score rounds so they can be set side by side: like with like.

    Rounds answered with the same version of the bank are scored on all their questions. Where
    versions differ, a competency is scored on the questions every one of those versions asks (a
    kept id means a kept meaning). Where they share none, only the rounds of the last round's
    version get a score for it: the others asked something else, and are left out (None).
    """
    if not rounds:
        return []
    versions = [bank.of_version(r.bank_version) for r in rounds]
    if len({v.version for v in versions}) == 1:
        return [competency_scores(versions[0], r.ratings()) for r in rounds]
    ratings = [r.ratings() for r in rounds]
    scores: list[dict[str, float | None]] = [{} for _ in rounds]
    for comp in bank.competencies:
        asked = [{q.id for q in v.competency(comp.id).questions} for v in versions]
        common = set.intersection(*asked)
        for i, ids in enumerate(asked):
            used = common or (ids if versions[i].version == versions[-1].version else set())
            given = [rating for q in sorted(used) if (rating := ratings[i].get(q)) is not None]
            scores[i][comp.id] = sum(given) / len(given) if given else None
    return scores


def score_history(
    bank: QuestionBank, rounds: Sequence[CompletedRound], labels: Sequence[str] | None = None
) -> list[ScoredRound]:
    """Score rounds (oldest first) like with like, each with its unique label (or the given ones)."""
    labels = round_labels(rounds) if labels is None else labels
    return [
        ScoredRound(label=label, scores=scores)
        for label, scores in zip(labels, comparable_scores(bank, rounds), strict=True)
    ]


def next_context(last: str | None, contexts: Sequence[str]) -> str:
    """The context a new round most likely has, after a round in `last`: the next step of the
    network (after meeting 2 comes meeting 3); the first context with none before; "andet" stays."""
    order = list(contexts)
    if last not in order:
        return order[0]
    index = order.index(last)
    if last == order[-1] or index + 1 == len(order) - 1:
        return last  # "Andet" stays "Andet"; after the test phase comes nothing but the test phase or "Andet"
    return order[index + 1]


def default_selection(labels: Sequence[str]) -> list[str]:
    """Show the first and the latest round by default (one if there is only one)."""
    if not labels:
        return []
    return list(dict.fromkeys([labels[0], labels[-1]]))


# The rounds the results page draws at once: a whole network's (one before it, one after each of up
# to six meetings, one before the test). A page that drew every round grew with each one: a leader
# with 1,000 imported rounds waited 13.5 s a click, and everyone else waited behind them.
RESULTS_WINDOW = 8


def windows(count: int, size: int = RESULTS_WINDOW) -> list[tuple[int, int]]:
    """The stretches of `count` rounds (oldest first) the results page can show, as (start, end)
    slices of at most `size`, newest first: the latest `size` rounds, then the ones before them."""
    stretches = []
    end = count
    while end > 0:
        stretches.append((max(0, end - size), end))
        end -= size
    return stretches


def window_label(stretch: tuple[int, int], count: int) -> str:
    """How a stretch of rounds is offered: "Runde 9–16 af 16" (numbered from the first round)."""
    start, end = stretch
    return texts.RESULTS_WINDOW_LABEL.format(first=start + 1, last=end, count=count)
