"""The trainer's picture of a course: participation, and cohort aggregates computed in the database.

Every function checks, on every call, that the asker is a trainer and owns the course. Which
aggregates may be shown is decided here with core.privacy, before any number leaves db/, so no
page can show an aggregate that should be hidden. Aggregates are GROUP BY queries over the chosen
rounds (a handful of queries per dashboard, whatever the cohort's size).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from core.privacy import Verdict, judge
from db.courses import CourseView, trainer_course
from db.models import ROUND_COMPLETED, ROUND_OPEN, Answer, CourseMember, Round, User

LATEST, FIRST = "latest", "first"
CHANGE_FIRST, CHANGE_LATEST = "change-first", "change-latest"
NOT_STARTED, IN_PROGRESS, COMPLETED = "not-started", "in-progress", "completed"


@dataclass(frozen=True)
class ParticipantStatus:
    username: str
    consent: bool
    completed: int
    by_context: Mapping[str, str]  # context -> NOT_STARTED / IN_PROGRESS / COMPLETED


@dataclass(frozen=True)
class CohortStats:
    """Per competency: mean, lowest and highest person-score, and how often each rating (1–5) was given."""

    people: int
    mean: Mapping[str, float]
    low: Mapping[str, float]
    high: Mapping[str, float]
    distribution: Mapping[str, Mapping[int, int]]


@dataclass(frozen=True)
class Individual:
    username: str
    scores: Mapping[str, float]


@dataclass(frozen=True)
class Dashboard:
    course: CourseView
    participants: list[ParticipantStatus]
    choices: list[str]  # LATEST, FIRST and the contexts someone has completed
    chosen: str
    verdict: Verdict
    stats: CohortStats | None
    change_verdict: Verdict
    change: tuple[Mapping[str, float], Mapping[str, float]] | None  # (first means, latest means)
    change_people: int
    individuals: list[Individual] = field(default_factory=list)


def _competency_of(question_to_competency: Mapping[str, str]):
    """A SQL expression mapping an answer's question id to its competency id."""
    return case(dict(question_to_competency), value=Answer.question_id, else_=None)


def _selections(session: Session, course_id: int) -> dict[str, dict[int, int]]:
    """Each member's first and latest completed round and latest per context, by window functions."""
    order_up = (Round.completed_at, Round.id)
    order_down = (Round.completed_at.desc(), Round.id.desc())
    rows = session.execute(
        select(
            Round.id,
            Round.user_id,
            Round.context,
            func.row_number().over(partition_by=Round.user_id, order_by=order_up),
            func.row_number().over(partition_by=Round.user_id, order_by=order_down),
            func.row_number().over(partition_by=(Round.user_id, Round.context), order_by=order_down),
        )
        .join(CourseMember, CourseMember.user_id == Round.user_id)
        .where(CourseMember.course_id == course_id, Round.status == ROUND_COMPLETED)
    )
    chosen: dict[str, dict[int, int]] = {LATEST: {}, FIRST: {}}
    for round_id, user_id, context, first_n, last_n, context_n in rows:
        if first_n == 1:
            chosen[FIRST][user_id] = round_id
        if last_n == 1:
            chosen[LATEST][user_id] = round_id
        if context_n == 1:
            chosen.setdefault(context, {})[user_id] = round_id
    return chosen


def _ordered(selections: dict[str, dict[int, int]], contexts: Sequence[str]) -> dict[str, dict[int, int]]:
    """Fix the order of importance (never the trainer's choice, so choosing cannot undo a rule)."""
    twice = [u for u, r in selections[LATEST].items() if selections[FIRST][u] != r]
    ordered = {LATEST: selections[LATEST], FIRST: selections[FIRST]}
    ordered[CHANGE_FIRST] = {u: selections[FIRST][u] for u in twice}
    ordered[CHANGE_LATEST] = {u: selections[LATEST][u] for u in twice}
    known = [c for c in contexts if c in selections] + sorted(c for c in selections if c not in contexts)
    for context in known:
        if context not in ordered:
            ordered[context] = selections[context]
    return ordered


_PersonScores = dict[int, dict[str, tuple[float, int]]]  # round id → competency → (mean rating, ratings)


def _person_scores(session: Session, round_ids: set[int], competency) -> _PersonScores:
    """Each round's score per competency and how many ratings it rests on: one pass over the answers
    serves the cohort's spread, the change and the consenting individuals alike."""
    scores: _PersonScores = {rid: {} for rid in round_ids}
    if round_ids:
        for round_id, cid, score, count in session.execute(
            select(Answer.round_id, competency, func.avg(Answer.rating), func.count(Answer.rating))
            .where(Answer.round_id.in_(round_ids), competency.is_not(None))
            .group_by(Answer.round_id, competency)
        ):
            if count:
                scores[round_id][cid] = (float(score), int(count))
    return scores


def _means(scores: _PersonScores, round_ids: Sequence[int]) -> dict[str, float]:
    """The mean of every rating given per competency in these rounds."""
    totals: dict[str, list[float]] = {}
    for rid in round_ids:
        for cid, (score, count) in scores[rid].items():
            total = totals.setdefault(cid, [0.0, 0])
            total[0] += score * count
            total[1] += count
    return {cid: total / count for cid, (total, count) in totals.items()}


def _stats(session: Session, scores: _PersonScores, round_ids: Sequence[int], question_to_competency) -> CohortStats:
    mean, low, high = _means(scores, round_ids), {}, {}
    for rid in round_ids:
        for cid, (score, _) in scores[rid].items():
            low[cid] = min(low.get(cid, score), score)
            high[cid] = max(high.get(cid, score), score)
    distribution: dict[str, dict[int, int]] = {}
    for question_id, rating, count in session.execute(
        select(Answer.question_id, Answer.rating, func.count())
        .where(Answer.round_id.in_(round_ids), Answer.rating.is_not(None))
        .group_by(Answer.question_id, Answer.rating)
    ):
        cid = question_to_competency.get(question_id)
        if cid is not None:
            counts = distribution.setdefault(cid, {})
            counts[int(rating)] = counts.get(int(rating), 0) + int(count)
    return CohortStats(people=len(round_ids), mean=mean, low=low, high=high, distribution=distribution)


def _participants(session: Session, course_id: int) -> list[ParticipantStatus]:
    members = session.execute(
        select(CourseMember.user_id, User.username, CourseMember.consent)
        .join(User, User.id == CourseMember.user_id)
        .where(CourseMember.course_id == course_id)
        .order_by(User.username_key)
    ).all()
    statuses: dict[int, dict[str, str]] = {user_id: {} for user_id, _, _ in members}
    completed: dict[int, int] = dict.fromkeys(statuses, 0)
    for user_id, context, status, count in session.execute(
        select(Round.user_id, Round.context, Round.status, func.count())
        .join(CourseMember, CourseMember.user_id == Round.user_id)
        .where(CourseMember.course_id == course_id)
        .group_by(Round.user_id, Round.context, Round.status)
    ):
        if status == ROUND_COMPLETED:
            statuses[user_id][context] = COMPLETED
            completed[user_id] += count
        elif status == ROUND_OPEN and statuses[user_id].get(context) != COMPLETED:
            statuses[user_id][context] = IN_PROGRESS
    return [ParticipantStatus(name, consent, completed[uid], statuses[uid]) for uid, name, consent in members]


def dashboard(
    *,
    session: Session,
    trainer_id: int,
    course_id: int,
    question_to_competency: Mapping[str, str],
    contexts: Sequence[str],
    choice: str = LATEST,
) -> Dashboard:
    """Build the course dashboard for its trainer; aggregates only where the privacy rules allow."""
    course = trainer_course(session=session, trainer_id=trainer_id, course_id=course_id)
    competency = _competency_of(question_to_competency)
    ordered = _ordered(_selections(session, course_id), contexts)
    consented = set(
        session.scalars(
            select(CourseMember.user_id).where(CourseMember.course_id == course_id, CourseMember.consent.is_(True))
        )
    )
    verdicts = judge(ordered, consented, course.min_group)
    choices = [LATEST, FIRST] + [name for name in ordered if name not in (LATEST, FIRST, CHANGE_FIRST, CHANGE_LATEST)]
    chosen = choice if choice in choices else LATEST
    verdict = verdicts[chosen]
    change_verdict = next((verdicts[n] for n in (CHANGE_FIRST, CHANGE_LATEST) if not verdicts[n].shown), Verdict(True))
    consenting = {u: r for u, r in ordered[chosen].items() if u in consented}
    # Only the rounds of what may be shown are read.
    needed = set(consenting.values())
    if verdict.shown:
        needed |= set(ordered[chosen].values())
    if change_verdict.shown:
        needed |= set(ordered[CHANGE_FIRST].values()) | set(ordered[CHANGE_LATEST].values())
    scores = _person_scores(session, needed, competency)

    chosen_rounds = list(ordered[chosen].values())
    stats = _stats(session, scores, chosen_rounds, question_to_competency) if verdict.shown else None
    change = None
    if change_verdict.shown:
        change = (
            _means(scores, list(ordered[CHANGE_FIRST].values())),
            _means(scores, list(ordered[CHANGE_LATEST].values())),
        )
    individuals = _individuals(session, consenting, scores)
    return Dashboard(
        course=course,
        participants=_participants(session, course_id),
        choices=choices,
        chosen=chosen,
        verdict=verdict,
        stats=stats,
        change_verdict=change_verdict,
        change=change,
        change_people=len(ordered[CHANGE_FIRST]),
        individuals=individuals,
    )


def _individuals(session: Session, selection: Mapping[int, int], scores: _PersonScores) -> list[Individual]:
    """Scores of the consenting participants' chosen rounds."""
    if not selection:
        return []
    names = dict(session.execute(select(User.id, User.username).where(User.id.in_(selection.keys()))).all())
    people = (Individual(names[u], {cid: score for cid, (score, _) in scores[r].items()}) for u, r in selection.items())
    return sorted(people, key=lambda i: i.username.casefold())
