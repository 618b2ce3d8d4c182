""" "Siden sidst": the figures the results page and the one-page PDF open with, from a known history."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from core.summary import summarise
from tests.support.goal_fakes import Followup, Goal


@dataclass(frozen=True)
class _Round:
    id: int
    values: dict
    context: str = "andet"
    bank_version: str = "2026.2"
    started_at: datetime = datetime(2026, 5, 1, tzinfo=UTC)
    completed_at: datetime = datetime(2026, 5, 1, tzinfo=UTC)

    def ratings(self):
        return self.values


@dataclass(frozen=True)
class _View:
    author_name: str
    values: dict = field(default_factory=dict)

    def ratings(self):
        return self.values


def _scores(bank, by_competency: dict[str, int], default: int = 3) -> dict:
    return {q.id: by_competency.get(c.id, default) for c in bank.competencies for q in c.questions}


def test_three_rounds_give_what_rose_and_fell_since_the_previous_the_standing_now_and_the_goals(bank):
    ids = [c.id for c in bank.competencies]
    first = _Round(1, _scores(bank, {ids[0]: 1}))
    previous = _Round(2, _scores(bank, {ids[0]: 2, ids[1]: 4, ids[2]: 2, ids[3]: 5}))
    latest = _Round(3, _scores(bank, {ids[0]: 5, ids[1]: 2, ids[2]: 3, ids[3]: 4, ids[4]: 1}))
    goals = [
        Goal(1, ids[9], "gammelt mål", Followup("achieved")),  # two rounds back: not "since last time"
        Goal(2, ids[0], "spørge mere", Followup("achieved")),
        Goal(2, ids[4], "lytte", Followup("not_yet")),
        Goal(3, ids[1], "nyt skridt"),
    ]
    feedback = {3: [_View("Karsten Holm", {ids[0]: 2})], 2: [_View("Gammel", {ids[0]: 5})]}
    summary = summarise(bank, [first, previous, latest], goals, feedback)

    assert summary.has_previous
    assert [(m.competency_id, m.before, m.now) for m in summary.rose] == [(ids[0], 2.0, 5.0), (ids[2], 2.0, 3.0)]
    # Equal changes keep the handbook's order.
    assert [(m.competency_id, m.change) for m in summary.fell] == [(ids[1], -2.0), (ids[4], -2.0), (ids[3], -1.0)]
    assert [(s.competency_id, s.score) for s in summary.strongest] == [(ids[0], 5.0), (ids[3], 4.0), (ids[2], 3.0)]
    assert [(s.competency_id, s.score) for s in summary.weakest][:2] == [(ids[4], 1.0), (ids[1], 2.0)]
    assert [(g.competency_id, g.outcome) for g in summary.goals_followed] == [(ids[0], "achieved"), (ids[4], "not_yet")]
    assert [g.step for g in summary.goals_now] == ["nyt skridt"]
    [view] = summary.codrivers
    assert view.name == "Karsten Holm"
    assert [(g.competency_id, g.own, g.other) for g in view.gaps] == [(ids[0], 5.0, 2.0)]


def test_a_first_round_has_its_standing_but_nothing_to_compare(bank):
    summary = summarise(bank, [_Round(1, _scores(bank, {}, default=3))], [], {})
    assert not summary.has_previous and not summary.rose and not summary.fell and not summary.goals_followed
    assert len(summary.strongest) == 3
    assert not set(s.competency_id for s in summary.strongest) & set(s.competency_id for s in summary.weakest)


def test_rounds_of_different_bank_versions_are_compared_like_with_like(bank):
    previous = _Round(1, {"engagere-motivere-1": 1, "engagere-motivere-2": 3}, bank_version="2026.1")
    latest = _Round(2, {"engagere-motivere-3": 5, "engagere-motivere-2": 3})
    summary = summarise(bank, [previous, latest], [], {})
    # Own scores 2,0 → 4,0 would look like a rise; on the one shared question nothing changed.
    assert all(m.competency_id != "engagere-motivere" for m in summary.rose)
    assert [s.score for s in summary.strongest if s.competency_id == "engagere-motivere"] == [4.0]


def test_nothing_completed_gives_an_empty_summary(bank):
    assert summarise(bank, [], [], {}).strongest == ()
