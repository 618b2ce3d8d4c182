""" "Siden sidst": what a leader with several rounds wants to know first.

From the completed rounds (oldest first), their goals and the co-drivers' views of the latest
round: the competencies that rose and fell most since the previous round (compared like with
like, as the radar does), the strongest and the weakest now, how the goals set last time went,
and where a co-driver sees the latest round differently. Pure: the results page and the
one-page PDF draw the same figures.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from core import texts
from core.formatting import danish_score, signed_danish_score
from core.gaps import Gap, rating_gaps
from core.history import CompletedRound, comparable_scores
from core.records import Feedback, Goal
from questions import QuestionBank

MOST = 3  # how many competencies each list names


@dataclass(frozen=True)
class Movement:
    competency_id: str
    name: str
    before: float
    now: float

    @property
    def change(self) -> float:
        return self.now - self.before


@dataclass(frozen=True)
class Standing:
    competency_id: str
    name: str
    score: float


@dataclass(frozen=True)
class GoalResult:
    competency_id: str
    name: str
    step: str
    outcome: str | None  # "achieved", "partly", "not_yet", or None when not told


@dataclass(frozen=True)
class CoDriverView:
    name: str
    gaps: Sequence[Gap]


@dataclass(frozen=True)
class Summary:
    rose: Sequence[Movement] = ()
    fell: Sequence[Movement] = ()
    strongest: Sequence[Standing] = ()
    weakest: Sequence[Standing] = ()
    goals_followed: Sequence[GoalResult] = ()  # the goals set last time, and how they went
    goals_now: Sequence[GoalResult] = ()  # the goals set in the latest round
    codrivers: Sequence[CoDriverView] = ()
    has_previous: bool = False


def summarise(
    bank: QuestionBank,
    history: Sequence[CompletedRound],
    goals: Sequence[Goal],
    feedback: Mapping[int, Sequence[Feedback]],
) -> Summary:
    """The summary of the latest of `history` (completed rounds, oldest first; empty gives an empty
    summary). `goals`: every goal with its follow-up; `feedback`: co-drivers' views by round id."""
    if not history:
        return Summary()
    latest = history[-1]
    name = {c.id: c.name for c in bank.competencies}
    own = comparable_scores(bank, [latest])[0]
    ranked = sorted(
        (Standing(cid, name[cid], score) for cid, score in own.items() if score is not None),
        key=lambda s: -s.score,
    )
    strongest = ranked[:MOST]
    weakest = [s for s in reversed(ranked[-MOST:]) if s not in strongest]
    rose: list[Movement] = []
    fell: list[Movement] = []
    if len(history) > 1:
        before, now = comparable_scores(bank, [history[-2], latest])
        moves = [
            Movement(c.id, c.name, score_before, score_now)
            for c in bank.competencies
            if (score_before := before.get(c.id)) is not None and (score_now := now.get(c.id)) is not None
        ]
        rose = sorted((m for m in moves if m.change > 0), key=lambda m: -m.change)[:MOST]
        fell = sorted((m for m in moves if m.change < 0), key=lambda m: m.change)[:MOST]

    def result(goal: Goal) -> GoalResult:
        outcome = goal.followup.outcome if goal.followup is not None else None
        return GoalResult(goal.competency_id, name.get(goal.competency_id, goal.competency_id), goal.step, outcome)

    previous_id = history[-2].id if len(history) > 1 else None
    followed = [result(g) for g in goals if previous_id is not None and g.round_id == previous_id]
    current = [result(g) for g in goals if g.round_id == latest.id]
    codrivers = [
        CoDriverView(view.author_name, rating_gaps(bank, own, view.ratings())) for view in feedback.get(latest.id, [])
    ]
    return Summary(rose, fell, strongest, weakest, followed, current, codrivers, has_previous=len(history) > 1)


# The summary's lines in words: the results page and the one-page PDF say the same.


def move_line(move: Movement) -> str:
    """ "Engagere og motivere: 3,0 → 5,0 (+2,0)"."""
    return texts.SUMMARY_MOVE.format(
        name=move.name,
        before=danish_score(move.before),
        now=danish_score(move.now),
        change=signed_danish_score(move.change),
    )


def standing_line(standing: Standing) -> str:
    """ "Engagere og motivere: 5,0"."""
    return texts.SUMMARY_STANDING.format(name=standing.name, score=danish_score(standing.score))


def goal_line(goal: GoalResult) -> str:
    """ "Nysgerrighed og undren: Lykkedes" (or "ikke besvaret")."""
    return texts.SUMMARY_GOAL.format(
        name=goal.name, outcome=texts.OUTCOME_LABELS.get(goal.outcome or "", texts.REPORT_NO_OUTCOME)
    )


def goals_count(summary: Summary) -> str:
    """ "2 lykkedes, 1 delvist, 0 ikke endnu" for the goals set last time."""
    outcomes = [g.outcome for g in summary.goals_followed]
    return texts.SUMMARY_GOALS_COUNT.format(
        achieved=outcomes.count("achieved"), partly=outcomes.count("partly"), not_yet=outcomes.count("not_yet")
    )
