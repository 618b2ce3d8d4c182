"""The trainer's picture of a course: participation, and cohort aggregates computed in the database.

Every function checks, on every call, that the asker is a trainer and owns the course. Which
aggregates may be shown is decided here with core.privacy, before any number leaves db/, so no
page can show an aggregate that should be hidden. Every picture shown is recorded (cohort_views,
cohort_revealed) and every later one is judged against all of them: a picture that would let the
trainer compute something about fewer people than the minimum stays the earlier one until enough
has changed. Aggregates are GROUP BY queries over the chosen rounds (a handful of queries per
dashboard, whatever the cohort's size).
"""

from __future__ import annotations

import hashlib
import json
import threading
import typing
from collections import ChainMap, OrderedDict
from collections.abc import Collection, Hashable, Iterator, Mapping, MutableMapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import (
    Case,
    ColumnElement,
    Engine,
    Float,
    Integer,
    String,
    any_,
    bindparam,
    case,
    cast,
    exists,
    func,
    literal,
    select,
    update,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import InstrumentedAttribute, Session

from core.clock import utcnow
from core.privacy import TOO_FEW, Seen, Verdict, judge, known_rounds
from core.scoring import RATINGS, rating_quartiles
from core.vocabulary import COMPLETED, FIRST, IN_PROGRESS, LATEST, ROUND_COMPLETED, ROUND_OPEN
from db.courses import CourseView, trainer_course
from db.models import Answer, CohortRevealed, CohortView, Course, CourseMember, Round, RoundScore, User, called
from db.upsert import dialect_insert

CHANGE_FIRST, CHANGE_LATEST = "change-first", "change-latest"


@dataclass(frozen=True)
class ParticipantStatus:
    name: str
    consent: bool
    completed: int
    by_context: Mapping[str, str]  # context -> NOT_STARTED / IN_PROGRESS / COMPLETED


# The band (the middle half of the ratings) needs this many people, and twice the minimum: on
# fewer, quartiles jump with every single answer. It is read off the distribution, so it never
# shows more than the distribution does.
BAND_FROM = 10


def band_from(min_group: int) -> int:
    """How many people the band needs in a course with this minimum."""
    return max(BAND_FROM, 2 * min_group)


def band_shown(people: int, min_group: int) -> bool:
    return people >= band_from(min_group)


@dataclass(frozen=True)
class CohortStats:
    """Per competency: the mean, how often each rating (1–5) was given and, for a large enough
    group, the band from the lower to the upper quartile of the ratings."""

    people: int
    mean: Mapping[str, float]
    distribution: Mapping[str, Mapping[int, int]]
    band: Mapping[str, tuple[int, int]] | None
    rounds: frozenset[int]  # the rounds it covers (never shown; for audits)
    shown_since: datetime | None = None  # set when this is an earlier picture, kept while a newer may not show


@dataclass(frozen=True)
class Individual:
    name: str
    scores: Mapping[str, float]
    round_id: int


@dataclass(frozen=True)
class Dashboard:
    course: CourseView
    participants: list[ParticipantStatus]
    choices: list[str]  # LATEST, FIRST and the contexts someone has completed
    chosen: str
    verdict: Verdict  # for the chosen selection as it is now
    stats: CohortStats | None  # the picture shown: the current one, an earlier one, or none
    change_verdict: Verdict
    change: tuple[Mapping[str, float], Mapping[str, float]] | None  # (first means, latest means)
    change_people: int
    individuals: list[Individual] = field(default_factory=list)
    change_rounds: tuple[frozenset[int], frozenset[int]] | None = None  # never shown; for audits
    # Consenting participants whose round is not shown on its own: it was in an earlier picture
    # with so few others that showing it would expose them.
    withheld: int = 0


def _competency_of(question_to_competency: Mapping[str, str]) -> Case[str | None]:
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


def _among(
    session: Session, column: ColumnElement[int] | InstrumentedAttribute[int], ids: Collection[int]
) -> ColumnElement[bool]:
    """`column IN ids`: on PostgreSQL as one array parameter (`= ANY`), which it plans in a fraction
    of the time two thousand separate parameters take."""
    if session.get_bind().dialect.name == "postgresql":
        return column == any_(cast(bindparam(None, list(ids), type_=ARRAY(Integer)), ARRAY(Integer)))
    return column.in_(ids)


def _counts_of(session: Session, round_ids: Collection[int], scheme: str) -> tuple[ColumnElement[bool], ...]:
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


class _Stamps(Mapping[int, str]):
    """When each completed round was completed, as text, formatted only for the rounds asked about
    (a course of 2,000 has 10,000 rounds; a refresh asks about the few thousand it shows)."""

    def __init__(self, times: dict[int, datetime]):
        self._times: dict[int, datetime] = times
        self._text: dict[int, str] = {}

    def __getitem__(self, round_id: int) -> str:
        text = self._text.get(round_id)
        if text is None:
            text = self._text[round_id] = self._times[round_id].isoformat()
        return text

    def __iter__(self) -> Iterator[int]:
        return iter(self._times)

    def __len__(self) -> int:
        return len(self._times)


@dataclass
class _Rounds:
    """What the members' rounds say: which round each selection takes per member, and where each
    member is per context."""

    selections: dict[str, dict[int, int]]  # LATEST, FIRST and each context → user id → round id
    statuses: dict[int, dict[str, str]]  # user id → context → NOT_STARTED / IN_PROGRESS / COMPLETED
    completed: dict[int, int]  # user id → completed rounds
    done: dict[int, int]  # completed round id → user id
    stamp: Mapping[int, str]  # completed round id → when it was completed (tells a reused id apart)


def _rounds(session: Session, course_id: int) -> _Rounds:
    """Each member's first and latest completed round, latest per context, and progress: one pass
    over one plain query of the members' rounds (no sorting in the database)."""
    first: dict[int, tuple[datetime, int]] = {}
    latest: dict[int, tuple[datetime, int]] = {}
    by_context: dict[tuple[int, str], tuple[datetime, int]] = {}
    statuses: dict[int, dict[str, str]] = {}
    completed: dict[int, int] = {}
    done: dict[int, int] = {}
    stamp: dict[int, datetime] = {}
    # Core rows (session.connection()), not ORM ones: a course of 2,000 holds 6,000 rounds or more.
    for round_id, user_id, context, status, completed_at in session.connection().execute(
        select(Round.id, Round.user_id, Round.context, Round.status, Round.completed_at)
        .join(CourseMember, CourseMember.user_id == Round.user_id)
        .where(CourseMember.course_id == course_id)
    ):
        states = statuses.setdefault(user_id, {})
        if status == ROUND_COMPLETED and completed_at is not None:  # completing a round stamps it
            states[context] = COMPLETED
            done[round_id] = user_id
            stamp[round_id] = completed_at
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
    return _Rounds(selections, statuses, completed, done, _Stamps(stamp))


def _ordered(selections: dict[str, dict[int, int]], contexts: Sequence[str]) -> dict[str, dict[int, int]]:
    """The selections in the dashboard's order: latest, first, the change's two sides, then the
    contexts in the order of `contexts` (any others after, sorted)."""
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


def _stats(session: Session, round_ids: Collection[int], scheme: str, min_group: int) -> CohortStats:
    """The mean per competency and the spread of ratings: one GROUP BY over the rounds' counts,
    whatever the cohort's size."""
    mean: dict[str, float] = {}
    distribution: dict[str, dict[int, int]] = {}
    if round_ids:
        for cid, total, count, *counts in session.execute(
            select(RoundScore.competency_id, func.sum(_TOTAL), func.sum(_RATINGS), *(func.sum(c) for c in _COUNTS))
            .where(*_counts_of(session, round_ids, scheme))
            .group_by(RoundScore.competency_id)
        ):
            mean[cid] = float(total) / float(count)
            distribution[cid] = {value: int(n) for value, n in zip(RATINGS, counts, strict=True) if n}
    people = len(round_ids)
    band = None
    if band_shown(people, min_group):
        band = {cid: quartiles for cid, counts in distribution.items() if (quartiles := rating_quartiles(counts))}
    return CohortStats(people, mean, distribution, band, frozenset(round_ids))


class _Memo:
    """A small memo, shared by the server's sessions, of results that cannot change under their key:
    the numbers of one set of completed rounds (completed rounds never change; a deleted or new
    one makes another set), and the parsed record of what a course's trainer was shown up to its
    newest row. So the projector, asking every few seconds, recounts nothing that has not changed."""

    def __init__(self, size: int):
        self._size, self._lock = size, threading.Lock()
        self._items: OrderedDict[Hashable, Any] = OrderedDict()

    def get(self, key: Hashable) -> Any:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        return None

    def put(self, key: Hashable, value: Any) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self._size:
                self._items.popitem(last=False)


_STATS = _Memo(64)
_RECORDS = _Memo(64)


def _where(session: Session) -> str:
    bind = session.get_bind()
    engine = bind if isinstance(bind, Engine) else bind.engine
    return engine.url.render_as_string(hide_password=True)


def _fingerprint(selection: Mapping[int, int], stamp: Mapping[int, str]) -> str:
    keys = sorted(f"{r}@{stamp[r]}" for r in selection.values())
    return hashlib.sha256(",".join(keys).encode()).hexdigest()


@dataclass(frozen=True)
class _Earlier:
    kind: str
    selection: dict[int, int]
    shown_at: datetime


def _seen(session: Session, course_id: int, found: _Rounds) -> tuple[Seen, list[_Earlier], set[tuple[str, str]]]:
    """Everything the course's trainer has been shown: the groups (oldest first), the rounds seen
    one by one, and which (kind, fingerprint) pairs are recorded.

    A round recorded then that is gone now (deleted with its account), or whose id now belongs to
    another round (SQLite can hand out a deleted row's id again), becomes a round of its own that
    no current selection holds, with a negative id: what was shown stays what was shown.
    """
    ghosts: dict[tuple[int, str], int] = {}

    def current(round_id: int, user_id: int, when: str) -> int:
        if found.stamp.get(round_id) == when and found.done.get(round_id) == user_id:
            return round_id
        return ghosts.setdefault((round_id, when), -1 - len(ghosts))

    earlier = []
    ghost_stamps: dict[int, str] = {}
    # ChainMap only reads its later maps; found.stamp formats lazily, so it is passed as it is
    # (a copy would format every completed round of the course on every view).
    stamps: Mapping[int, str] = ChainMap(ghost_stamps, typing.cast("MutableMapping[int, str]", found.stamp))
    for kind, members, shown_at in _records(session, course_id):
        selection = {}
        for user_id, round_id, when in members:
            selection[user_id] = key = current(round_id, user_id, when)
            if key < 0:
                ghost_stamps[key] = when
        earlier.append(_Earlier(kind, selection, shown_at))
    revealed = frozenset(
        current(round_id, user_id, when)
        for round_id, user_id, when in session.execute(
            select(CohortRevealed.round_id, CohortRevealed.user_id, CohortRevealed.completed_at).where(
                CohortRevealed.course_id == course_id
            )
        )
    )
    recorded = {(e.kind, _fingerprint(e.selection, stamps)) for e in earlier}
    return Seen([e.selection for e in earlier], revealed), earlier, recorded


def _records(session: Session, course_id: int) -> list[tuple[str, list[tuple[int, int, str]], datetime]]:
    """The course's recorded views, parsed; read again only when a view has been added."""
    newest, count, last_shown = session.execute(
        select(func.max(CohortView.id), func.count(), func.max(CohortView.shown_at)).where(
            CohortView.course_id == course_id
        )
    ).one()
    if not count:
        return []
    key = (_where(session), course_id, newest, count, str(last_shown))
    records: list[tuple[str, list[tuple[int, int, str]], datetime]] | None = _RECORDS.get(key)
    if records is None:
        records = [
            (kind, json.loads(members), shown_at)
            for kind, members, shown_at in session.execute(
                select(CohortView.kind, CohortView.members, CohortView.shown_at)
                .where(CohortView.course_id == course_id)
                .order_by(CohortView.id)
            )
        ]
        _RECORDS.put(key, records)
    return records


_EARLIER_PREFIX = "earlier:"


@dataclass
class _Decision:
    verdicts: dict[str, Verdict]
    picture: dict[int, int] | None  # the chosen picture's selection (current or earlier)
    picture_since: datetime | None
    change: bool
    known: frozenset[int]

    def shown(self, chosen: str, ordered: Mapping[str, Mapping[int, int]]) -> dict[str, Mapping[int, int]]:
        views: dict[str, Mapping[int, int]] = {}
        if self.picture is not None:
            views[chosen] = self.picture
        if self.change:
            views[CHANGE_FIRST], views[CHANGE_LATEST] = ordered[CHANGE_FIRST], ordered[CHANGE_LATEST]
        return views


def _decide(
    ordered: dict[str, dict[int, int]],
    chosen: str,
    found: _Rounds,
    consented: Collection[int],
    min_group: int,
    seen: Seen,
    earlier: Sequence[_Earlier],
    with_change: bool = True,
) -> _Decision:
    """Judge what would be shown (the chosen selection, then the change) against what was shown
    before; when the chosen one may not be shown, fall back to the newest earlier picture of the
    same kind that still holds (its people are members still, its rounds exist): showing it again
    tells nothing new. Other selections are judged when they are chosen, against this one then."""
    known = known_rounds(ordered, consented, min_group, seen)
    shown = (chosen, CHANGE_FIRST, CHANGE_LATEST) if with_change else (chosen,)
    candidates = {name: ordered[name] for name in shown}
    fallback = next(
        (
            e
            for e in reversed(earlier)
            if e.kind == chosen and all(found.done.get(r) == u for u, r in e.selection.items())
        ),
        None,
    )
    if fallback is not None:
        candidates[_EARLIER_PREFIX + chosen] = fallback.selection
    verdicts = judge(candidates, consented, min_group, seen, known)
    picture, since = None, None
    if verdicts[chosen].shown:
        picture = ordered[chosen]
    elif fallback is not None and verdicts[_EARLIER_PREFIX + chosen].shown and verdicts[chosen].reason != TOO_FEW:
        picture, since = fallback.selection, fallback.shown_at
    change = with_change and verdicts[CHANGE_FIRST].shown and verdicts[CHANGE_LATEST].shown
    return _Decision(verdicts, picture, since, change, known)


def _record(
    session: Session,
    course_id: int,
    views: Mapping[str, Mapping[int, int]],
    recorded: set[tuple[str, str]],
    known: Collection[int],
    seen: Seen,
    found: _Rounds,
) -> None:
    now = utcnow()
    for kind, selection in views.items():
        fingerprint = _fingerprint(selection, found.stamp)
        if (kind, fingerprint) not in recorded:
            members = sorted([user, r, found.stamp[r]] for user, r in selection.items())
            session.add(
                CohortView(
                    course_id=course_id,
                    kind=kind,
                    fingerprint=fingerprint,
                    members=json.dumps(members),
                    people=len(selection),
                    shown_at=now,
                )
            )
    for r in sorted(r for r in set(known) - set(seen.revealed) if r > 0):
        session.add(CohortRevealed(course_id=course_id, round_id=r, user_id=found.done[r], completed_at=found.stamp[r]))
    session.flush()


def _publish(
    session: Session,
    course: CourseView,
    ordered: dict[str, dict[int, int]],
    chosen: str,
    found: _Rounds,
    consented: Collection[int],
    with_change: bool = True,
) -> _Decision:
    """Decide what the trainer sees now, and record it before any number is read.

    Deciding reads what was shown before; recording writes. Two screens of the same course (the
    dashboard and the projector) deciding at once could each allow a picture that together with
    the other's lets a smaller group be computed, so whoever has something new to record first
    locks the course's row (a write) and decides again on what is recorded by then.
    """
    seen, earlier, recorded = _seen(session, course.id, found)
    decision = _decide(ordered, chosen, found, consented, course.min_group, seen, earlier, with_change)
    views = decision.shown(chosen, ordered)
    new = any((kind, _fingerprint(sel, found.stamp)) not in recorded for kind, sel in views.items())
    if not new and decision.known.issubset(seen.revealed):
        return decision
    session.execute(update(Course).where(Course.id == course.id).values(min_group=Course.min_group))
    seen, earlier, recorded = _seen(session, course.id, found)
    decision = _decide(ordered, chosen, found, consented, course.min_group, seen, earlier, with_change)
    _record(session, course.id, decision.shown(chosen, ordered), recorded, decision.known, seen, found)
    return decision


def dashboard(
    *,
    session: Session,
    trainer_id: int,
    course_id: int,
    question_to_competency: Mapping[str, str],
    contexts: Sequence[str],
    choice: str = LATEST,
    exactly: bool = False,
    projector: bool = False,
) -> Dashboard:
    """Build the course dashboard for its trainer; aggregates only where the privacy rules allow,
    judged against everything the trainer was shown before (and recorded as shown). With
    `exactly`, a choice nobody has completed yet is an empty selection, never another one. For the
    `projector`: the chosen picture alone (no change, no individuals, nothing read for them)."""
    course = trainer_course(session=session, trainer_id=trainer_id, course_id=course_id)
    scheme = _scheme(question_to_competency)
    _count_missing(session, course_id, question_to_competency, scheme)
    members = session.execute(
        select(CourseMember.user_id, called(User), CourseMember.consent)
        .join(User, User.id == CourseMember.user_id)
        .where(CourseMember.course_id == course_id)
        .order_by(func.lower(called(User)), User.id)
    ).all()
    consented = {user_id for user_id, _, consent in members if consent}
    found = _rounds(session, course_id)
    ordered = _ordered(found.selections, contexts)
    choices = [LATEST, FIRST] + [name for name in ordered if name not in (LATEST, FIRST, CHANGE_FIRST, CHANGE_LATEST)]
    if exactly and choice not in ordered:
        ordered[choice] = {}
        choices.append(choice)
    chosen = choice if choice in choices else LATEST
    decision = _publish(session, course, ordered, chosen, found, consented, with_change=not projector)
    verdicts = decision.verdicts
    change_verdict = next(
        (verdicts[n] for n in (CHANGE_FIRST, CHANGE_LATEST) if n in verdicts and not verdicts[n].shown), Verdict(True)
    )
    # Only what may be shown is read.
    stats = None
    if decision.picture is not None:
        key = (_where(session), scheme, course.min_group, _fingerprint(decision.picture, found.stamp))
        stats = _STATS.get(key)
        if stats is None:
            stats = _stats(session, list(decision.picture.values()), scheme, course.min_group)
            _STATS.put(key, stats)
        if decision.picture_since is not None:
            stats = CohortStats(
                stats.people, stats.mean, stats.distribution, stats.band, stats.rounds, decision.picture_since
            )
    change = None
    if decision.change:
        # Once everyone has two rounds, the change's latest rounds are the chosen ones: same means.
        known = {stats.rounds: stats.mean} if stats else {}

        def means_of(rounds: Collection[int]) -> Mapping[str, float]:
            return known.get(frozenset(rounds)) or _means(session, list(rounds), scheme)

        change = (means_of(ordered[CHANGE_FIRST].values()), means_of(ordered[CHANGE_LATEST].values()))
    consenting = {u: r for u, r in ordered[chosen].items() if u in consented and not projector}
    shown_alone = {u: r for u, r in consenting.items() if r in decision.known}
    names = {user_id: name for user_id, name, _ in members}
    individuals = _individuals(session, shown_alone, names, scheme)
    return Dashboard(
        course=course,
        participants=[
            ParticipantStatus(name, consent, found.completed.get(uid, 0), found.statuses.get(uid, {}))
            for uid, name, consent in members
        ],
        choices=choices,
        chosen=chosen,
        verdict=verdicts[chosen],
        stats=stats,
        change_verdict=change_verdict,
        change=change,
        change_people=len(ordered[CHANGE_FIRST]),
        individuals=individuals,
        withheld=len(consenting) - len(shown_alone),
        change_rounds=(
            (frozenset(ordered[CHANGE_FIRST].values()), frozenset(ordered[CHANGE_LATEST].values()))
            if change is not None
            else None
        ),
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
    people = (Individual(names[u], scores[r], r) for u, r in selection.items())
    return sorted(people, key=lambda i: i.name.casefold())


@dataclass(frozen=True)
class Presentation:
    """What the projector shows: how many have finished today's round, and the group's picture.
    No names, no statuses per person, no individual results, whatever the consents."""

    course: CourseView
    context: str  # the session's context, or LATEST when the trainer has preset none
    members: int
    done: int
    verdict: Verdict
    stats: CohortStats | None


def presentation(
    *,
    session: Session,
    trainer_id: int,
    course_id: int,
    question_to_competency: Mapping[str, str],
    contexts: Sequence[str],
) -> Presentation:
    """The live view of the course for its trainer's projector, under the same rules (and the same
    record of what was shown) as the dashboard: the picture grows in batches, never by one."""
    course = trainer_course(session=session, trainer_id=trainer_id, course_id=course_id)
    context = course.session_context or LATEST
    board = dashboard(
        session=session,
        trainer_id=trainer_id,
        course_id=course_id,
        question_to_competency=question_to_competency,
        contexts=contexts,
        choice=context,
        exactly=True,
        projector=True,
    )
    if context == LATEST:
        done = sum(1 for p in board.participants if p.completed)
    else:
        done = sum(1 for p in board.participants if p.by_context.get(context) == COMPLETED)
    return Presentation(board.course, context, len(board.participants), done, board.verdict, board.stats)
