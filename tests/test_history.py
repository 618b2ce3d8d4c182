"""Labelling and scoring a leader's history of rounds."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from core import texts
from core.history import comparable_scores, context_label, default_selection, next_context, round_labels, score_history


@dataclass
class FakeRound:
    completed_at: datetime
    context: str
    started_at: datetime = datetime(2026, 1, 1, tzinfo=UTC)
    values: dict = field(default_factory=dict)
    bank_version: str = "2026.2"
    id: int = 0

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


def _round(bank_version: str, values: dict, day: int = 1) -> FakeRound:
    return FakeRound(datetime(2026, 5, day, tzinfo=UTC), "andet", values=values, bank_version=bank_version)


def test_rounds_of_two_versions_are_compared_only_on_the_questions_that_mean_the_same(bank):
    old = bank.of_version("2026.1")
    # "Engagere og motivere": -1 (about the participants) was replaced by -3; -2 was kept.
    before = _round("2026.1", {"engagere-motivere-1": 5, "engagere-motivere-2": 2})
    after = _round("2026.2", {"engagere-motivere-3": 1, "engagere-motivere-2": 4}, day=2)
    then, now = comparable_scores(bank, [before, after])
    assert (then["engagere-motivere"], now["engagere-motivere"]) == (2.0, 4.0)  # -2 against -2
    # Alone, each round is scored on all of its own questions.
    assert comparable_scores(bank, [before])[0]["engagere-motivere"] == 3.5
    assert comparable_scores(bank, [after])[0]["engagere-motivere"] == 2.5
    # "Skabe et trygt rum" shares no question across the versions: only the newer round is scored.
    before = _round("2026.1", {q.id: 5 for q in old.competency("trygt-rum").questions})
    after = _round("2026.2", {q.id: 2 for q in bank.competency("trygt-rum").questions}, day=2)
    then, now = comparable_scores(bank, [before, after])
    assert (then["trygt-rum"], now["trygt-rum"]) == (None, 2.0)


def test_rounds_of_one_version_are_scored_on_every_question(bank):
    values = {q.id: 4 for c in bank.competencies for q in c.questions}
    scores = comparable_scores(bank, [_round("2026.2", values), _round("2026.2", values, day=2)])
    assert all(score == 4.0 for one in scores for score in one.values())


def test_the_next_round_is_suggested_after_the_last_one():
    order = list(texts.CONTEXTS)
    assert next_context(None, order) == "foer-netvaerket"
    assert next_context("foer-netvaerket", order) == "efter-moede-1"
    assert next_context("efter-moede-2", order) == "efter-moede-3"
    assert next_context("efter-moede-6", order) == "efter-testfasen"
    assert next_context("efter-testfasen", order) == "efter-testfasen"
    assert next_context("andet", order) == "andet"
    assert next_context("ukendt", order) == "foer-netvaerket"
