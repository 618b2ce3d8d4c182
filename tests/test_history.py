"""Labelling and scoring a leader's history of rounds."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from core.history import context_label, default_selection, round_labels, score_history


@dataclass
class FakeRound:
    completed_at: datetime
    context: str
    started_at: datetime = datetime(2026, 1, 1, tzinfo=UTC)
    values: dict = field(default_factory=dict)

    def ratings(self):
        return self.values


def test_labels_show_danish_date_and_context():
    labels = round_labels([FakeRound(datetime(2026, 11, 23, 10, tzinfo=UTC), "efter-moede-2")])
    assert labels == ["23. nov. 2026 · Efter netværksmøde 2"]


def test_same_day_and_context_get_numbered_labels():
    day = datetime(2026, 3, 2, 9, tzinfo=UTC)
    labels = round_labels([FakeRound(day, "andet"), FakeRound(day, "andet"), FakeRound(day, "andet")])
    assert labels == ["2. mar. 2026 · Andet", "2. mar. 2026 · Andet (2)", "2. mar. 2026 · Andet (3)"]


def test_unknown_context_is_shown_as_is():
    assert context_label("noget-nyt") == "noget-nyt"


def test_default_selection_is_first_and_latest():
    assert default_selection(["a", "b", "c"]) == ["a", "c"]
    assert default_selection(["a"]) == ["a"]
    assert default_selection([]) == []


def test_score_history_scores_each_round(bank):
    comp = bank.competencies[0]
    values = {comp.questions[0].id: 1, comp.questions[1].id: 2}
    scored = score_history(bank, [FakeRound(datetime(2026, 5, 1, tzinfo=UTC), "andet", values=values)])
    assert scored[0].scores[comp.id] == 1.5
