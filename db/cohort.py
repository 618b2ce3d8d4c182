"""The trainer's picture of a course: participation, and cohort aggregates computed in the database.

Every function checks, on every call, that the asker is a trainer and owns the course. Which
aggregates may be shown is decided here with core.privacy, before any number leaves db/, so no
page can show an aggregate that should be hidden. Aggregates are GROUP BY queries over the chosen
rounds (a handful of queries per dashboard, whatever the cohort's size).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field

from sqlalchemy import Float, Integer, String, any_, bindparam, case, cast, exists, func, literal, select
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session

from core.privacy import Verdict, judge
from core.scoring import RATINGS
from db.courses import CourseView, trainer_course
from db.models import ROUND_COMPLETED, ROUND_OPEN, Answer, CourseMember, Round, RoundScore, User
from db.upsert import dialect_insert

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


def _scheme(question_to_competency: Mapping[str, str]) -> str:
    """A fingerprint of the question-to-competency mapping the counts in round_scores follow."""
    payload = json.dumps(sorted(question_to_competency.items()), ensure_ascii=False)
    return hashlib.sha256(payload.encode()).hexdigest()[:16]


_COUNTS = (RoundScore.n1, RoundScore.n2, RoundScore.n3, RoundScore.n4, RoundScore.n5)  # one per rating in RATINGS
_TOTAL = RoundScore.n1 + 2 * RoundScore.n2 + 3 * RoundScore.n3 + 4 * RoundScore.n4 + 5 * RoundScore.n5
_RATINGS = RoundScore.n1 + RoundScore.n2 + RoundScore.n3 + RoundScore.n4 + RoundScore.n5
_SCORE = cast(_TOTAL, Float) / _RATINGS  # one person's score in one competency: the mean of its ratings


def _among(session: Session, column, ids: Collection[int]):
    """`column IN ids`: on PostgreSQL as one array parameter (`= ANY`), which it plans in a fraction
    of the time two thousand separate parameters take."""
    if session.get_bind().dialect.name == "postgresql":
        return column == any_(cast(bindparam(None, list(ids), type_=ARRAY(Integer)), ARRAY(Integer)))
    return column.in_(ids)


def _counts_of(session: Session, round_ids: Collection[int], scheme: str) -> tuple:
    """WHERE conditions for the counts of these rounds under this scheme (rounds with a rating)."""
    return _among(session, RoundScore.round_id, round_ids), RoundScore.scheme == scheme, _RATINGS > 0


def _count_missing(session: Session, course_id: int, question_to_competency: Mapping[str, str], scheme: str) -> None:
    """Count the ratings of the course's completed rounds that have no counts under this scheme yet.

    Completed rounds never change, so each is counted once: after the first dashboard, this is
    one query that finds nothing to do.
    """
    counted = exists().where(RoundScore.round_id == Round.id, RoundScore.scheme == scheme)
    missing = list(
        session.scalars(
            select(Round.id)
            .join(CourseMember, CourseMember.user_id == Round.user_id)
            .where(CourseMember.course_id == course_id, Round.status == ROUND_COMPLETED, ~counted)
        )
    )
    if not missing:
        return
    competency = _competency_of(question_to_competency)
    rows = (
        select(
            Answer.round_id,
            literal(scheme, String),
            competency,
            *(func.sum(case((Answer.rating == value, 1), else_=0)) for value in RATINGS),
        )
        .where(_among(session, Answer.round_id, missing), Answer.rating.is_not(None), competency.is_not(None))
        .group_by(Answer.round_id, competency)
    )
    insert = dialect_insert(session.get_bind().dialect.name)
    columns = ["round_id", "scheme", "competency_id", "n1", "n2", "n3", "n4", "n5"]
    # Two trainers opening the dashboard at once may count the same round: the second does nothing.
    session.execute(insert(RoundScore).from_select(columns, rows).on_conflict_do_nothing())


@dataclass
class _Rounds:
    """What the members' rounds say: which round each selection takes per member, and where each
    member is per context."""

    selections: dict[str, dict[int, int]]  # LATEST, FIRST and each context → user id → round id
    statuses: dict[int, dict[str, str]]  # user id → context → NOT_STARTED / IN_PROGRESS / COMPLETED
    completed: dict[int, int]  # user id → completed rounds


def _rounds(session: Session, course_id: int) -> _Rounds:
    """Each member's first and latest completed round, latest per context, and progress: one pass
    over one plain query of the members' rounds (no sorting in the database)."""
    first: dict[int, tuple] = {}
    latest: dict[int, tuple] = {}
    by_context: dict[tuple[int, str], tuple] = {}
    statuses: dict[int, dict[str, str]] = {}
    completed: dict[int, int] = {}
    for round_id, user_id, context, status, completed_at in session.execute(
        select(Round.id, Round.user_id, Round.context, Round.status, Round.completed_at)
        .join(CourseMember, CourseMember.user_id == Round.user_id)
        .where(CourseMember.course_id == course_id)
    ):
        states = statuses.setdefault(user_id, {})
        if status == ROUND_COMPLETED:
            states[context] = COMPLETED
            completed[user_id] = completed.get(user_id, 0) + 1
            key = (completed_at, round_id)
            if user_id not in first or key < first[user_id]:
                first[user_id] = key
            if user_id not in latest or key > latest[user_id]:
                latest[user_id] = key
            if (user_id, context) not in by_context or key > by_context[(user_id, context)]:
                by_context[(user_id, context)] = key
        elif status == ROUND_OPEN and states.get(context) != COMPLETED:
            states[context] = IN_PROGRESS
    selections: dict[str, dict[int, int]] = {
        LATEST: {user_id: key[1] for user_id, key in latest.items()},
        FIRST: {user_id: key[1] for user_id, key in first.items()},
    }
    for (user_id, context), key in by_context.items():
        selections.setdefault(context, {})[user_id] = key[1]
    return _Rounds(selections, statuses, completed)


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


def _means(session: Session, round_ids: Collection[int], scheme: str) -> dict[str, float]:
    """The mean of every rating given per competency in these rounds."""
    if not round_ids:
        return {}
    rows = session.execute(
        select(RoundScore.competency_id, func.sum(_TOTAL), func.sum(_RATINGS))
        .where(*_counts_of(session, round_ids, scheme))
        .group_by(RoundScore.competency_id)
    )
    return {cid: float(total) / float(count) for cid, total, count in rows}


def _stats(session: Session, round_ids: Collection[int], scheme: str) -> CohortStats:
    """Mean, lowest and highest person-score per competency and the spread of ratings: one
    GROUP BY over the rounds' counts, whatever the cohort's size."""
    mean: dict[str, float] = {}
    low: dict[str, float] = {}
    high: dict[str, float] = {}
    distribution: dict[str, dict[int, int]] = {}
    if round_ids:
        for cid, total, count, lowest, highest, *counts in session.execute(
            select(
                RoundScore.competency_id,
                func.sum(_TOTAL),
                func.sum(_RATINGS),
                func.min(_SCORE),
                func.max(_SCORE),
                *(func.sum(column) for column in _COUNTS),
            )
            .where(*_counts_of(session, round_ids, scheme))
            .group_by(RoundScore.competency_id)
        ):
            mean[cid] = float(total) / float(count)
            low[cid], high[cid] = float(lowest), float(highest)
            distribution[cid] = {value: int(n) for value, n in zip(RATINGS, counts, strict=True) if n}
    return CohortStats(people=len(round_ids), mean=mean, low=low, high=high, distribution=distribution)


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
    scheme = _scheme(question_to_competency)
    _count_missing(session, course_id, question_to_competency, scheme)
    members = session.execute(
        select(CourseMember.user_id, User.username, CourseMember.consent)
        .join(User, User.id == CourseMember.user_id)
        .where(CourseMember.course_id == course_id)
        .order_by(User.username_key)
    ).all()
    consented = {user_id for user_id, _, consent in members if consent}
    found = _rounds(session, course_id)
    ordered = _ordered(found.selections, contexts)
    verdicts = judge(ordered, consented, course.min_group)
    choices = [LATEST, FIRST] + [name for name in ordered if name not in (LATEST, FIRST, CHANGE_FIRST, CHANGE_LATEST)]
    chosen = choice if choice in choices else LATEST
    verdict = verdicts[chosen]
    change_verdict = next((verdicts[n] for n in (CHANGE_FIRST, CHANGE_LATEST) if not verdicts[n].shown), Verdict(True))
    # Only what may be shown is read.
    stats = _stats(session, list(ordered[chosen].values()), scheme) if verdict.shown else None
    change = None
    if change_verdict.shown:
        # Once everyone has two rounds, the change's latest rounds are the chosen ones: same means.
        known = {frozenset(ordered[chosen].values()): stats.mean} if stats else {}

        def means_of(rounds: Collection[int]) -> Mapping[str, float]:
            return known.get(frozenset(rounds)) or _means(session, list(rounds), scheme)

        change = (means_of(ordered[CHANGE_FIRST].values()), means_of(ordered[CHANGE_LATEST].values()))
    consenting = {u: r for u, r in ordered[chosen].items() if u in consented}
    names = {user_id: username for user_id, username, _ in members}
    individuals = _individuals(session, consenting, names, scheme)
    return Dashboard(
        course=course,
        participants=[
            ParticipantStatus(name, consent, found.completed.get(uid, 0), found.statuses.get(uid, {}))
            for uid, name, consent in members
        ],
        choices=choices,
        chosen=chosen,
        verdict=verdict,
        stats=stats,
        change_verdict=change_verdict,
        change=change,
        change_people=len(ordered[CHANGE_FIRST]),
        individuals=individuals,
    )


def _individuals(
    session: Session, selection: Mapping[int, int], names: Mapping[int, str], scheme: str
) -> list[Individual]:
    """Scores of the consenting participants' chosen rounds."""
    if not selection:
        return []
    scores: dict[int, dict[str, float]] = {round_id: {} for round_id in selection.values()}
    for round_id, cid, score in session.execute(
        select(RoundScore.round_id, RoundScore.competency_id, _SCORE).where(
            *_counts_of(session, selection.values(), scheme)
        )
    ):
        scores[round_id][cid] = float(score)
    people = (Individual(names[u], scores[r]) for u, r in selection.items())
    return sorted(people, key=lambda i: i.username.casefold())
