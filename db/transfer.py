"""The leader's own data out (export, for the right of access and to move) and in (import).

Export gathers everything the user owns into a `core.transfer.DataFile`. Import restores the
rounds, the network, the tools' answers and the agreements of such a file into an account that
has none of them yet, all in the caller's one transaction.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, TypeVar

from sqlalchemy import Row, select
from sqlalchemy.orm import InstrumentedAttribute, Session, aliased

from core.clock import as_utc, utcnow
from core.round_fields import ROUND_FIELDS
from core.transfer import (
    FORMAT,
    FORMAT_VERSION,
    AccountData,
    AgreementData,
    AnswerData,
    CommentData,
    CourseData,
    DataFile,
    FeedbackData,
    FeedbackItemData,
    FollowupData,
    GoalData,
    InvitedToData,
    NetworkData,
    RoundData,
    ShareGivenData,
    ShareReceivedData,
    ToolAnswerData,
)
from db.errors import ImportConflictError, NotFoundError
from db.models import (
    Agreement,
    AgreementReader,
    AgreementValue,
    Answer,
    Course,
    CourseMember,
    Feedback,
    FeedbackItem,
    Goal,
    GoalFollowup,
    Network,
    Round,
    Share,
    ToolAnswer,
    User,
)


@dataclass(frozen=True)
class ImportSummary:
    rounds: int
    goals: int
    feedback: int
    agreements: int = 0


K = TypeVar("K")
V = TypeVar("V")


def _grouped(rows: Iterable[V], key: Callable[[V], K]) -> dict[K, list[V]]:
    grouped: dict[K, list[V]] = {}
    for row in rows:
        grouped.setdefault(key(row), []).append(row)
    return grouped


def _shares(
    session: Session, *, mine: InstrumentedAttribute[int], theirs: InstrumentedAttribute[int], user_id: int
) -> Sequence[Row[str, str, datetime]]:
    """(the other person's name, scope, since) for the user's shares on one side (leader or co-driver)."""
    other = aliased(User)
    return session.execute(
        select(other.username, Share.scope, Share.created_at)
        .join(other, other.id == theirs)
        .where(mine == user_id)
        .order_by(Share.created_at, Share.id)
    ).all()


def _moment(value: object) -> object:
    """A stored value as the file writes it: times in UTC (SQLite gives them back without a zone)."""
    return as_utc(value) if isinstance(value, datetime) else value


def _round_fields(round_: Round) -> dict[str, Any]:
    """The round's own fields (core.round_fields), as the file writes them."""
    return {name: _moment(getattr(round_, name)) for name in ROUND_FIELDS}


class _RoundsOut:
    """Everything hanging off the user's rounds, read in one query per table, to write them out."""

    def __init__(self, session: Session, rounds: Sequence[Round]) -> None:
        ids = [r.id for r in rounds]
        self.refs = {round_id: n for n, round_id in enumerate(ids, start=1)}
        self.answers = _grouped(
            session.scalars(select(Answer).where(Answer.round_id.in_(ids)).order_by(Answer.question_id)),
            lambda a: a.round_id,
        )
        self.goals = _grouped(
            session.scalars(select(Goal).where(Goal.round_id.in_(ids)).order_by(Goal.position)),
            lambda g: g.round_id,
        )
        self.followups = {
            f.goal_id: f for f in session.scalars(select(GoalFollowup).join(Goal).where(Goal.round_id.in_(ids)))
        }
        author = aliased(User)
        feedback = session.execute(
            select(Feedback, author.username)
            .outerjoin(author, author.id == Feedback.author_id)
            .where(Feedback.round_id.in_(ids))
            .order_by(Feedback.created_at, Feedback.id)
        ).all()
        self.feedback = _grouped(feedback, lambda row: row[0].round_id)
        self.items = _grouped(
            session.scalars(
                select(FeedbackItem)
                .where(FeedbackItem.feedback_id.in_([fb.id for fb, _ in feedback]))
                .order_by(FeedbackItem.competency_id)
            ),
            lambda item: item.feedback_id,
        )

    def round(self, round_: Round) -> RoundData:
        return RoundData(
            ref=self.refs[round_.id],
            **_round_fields(round_),
            answers=[
                AnswerData(question_id=a.question_id, rating=a.rating, text=a.text)
                for a in self.answers.get(round_.id, [])
            ],
            goals=[self.goal(g) for g in self.goals.get(round_.id, [])],
            feedback_received=[self.feedback_given(fb, name) for fb, name in self.feedback.get(round_.id, [])],
        )

    def goal(self, goal: Goal) -> GoalData:
        followup = self.followups.get(goal.id)
        return GoalData(
            position=goal.position,
            competency_id=goal.competency_id,
            step=goal.step,
            created_at=as_utc(goal.created_at),
            followup=None
            if followup is None
            else FollowupData(
                round_ref=self.refs[followup.round_id],
                outcome=followup.outcome,
                text=followup.text,
                updated_at=as_utc(followup.updated_at),
            ),
        )

    def feedback_given(self, feedback: Feedback, author: str | None) -> FeedbackData:
        return FeedbackData(
            author=author or feedback.imported_author or "?",
            overall=feedback.overall,
            created_at=as_utc(feedback.created_at),
            updated_at=as_utc(feedback.updated_at),
            items=[
                FeedbackItemData(competency_id=item.competency_id, rating=item.rating, comment=item.comment)
                for item in self.items.get(feedback.id, [])
            ],
        )


def _courses_out(session: Session, user_id: int) -> list[CourseData]:
    trainer = aliased(User)
    memberships = session.execute(
        select(Course.name, trainer.username, CourseMember.joined_at, CourseMember.consent)
        .join(Course, Course.id == CourseMember.course_id)
        .join(trainer, trainer.id == Course.trainer_id)
        .where(CourseMember.user_id == user_id)
        .order_by(CourseMember.joined_at, CourseMember.id)
    ).all()
    return [
        CourseData(name=course, trainer=trainer_name, joined_at=as_utc(joined_at), consent=bool(consent))
        for course, trainer_name, joined_at, consent in memberships
    ]


def export_data(*, session: Session, user_id: int, now: datetime | None = None) -> DataFile:
    """Everything the user owns, in the documented format (version 2)."""
    user = session.get(User, user_id)
    if user is None:
        raise NotFoundError(f"user {user_id}")
    rounds = session.scalars(select(Round).where(Round.user_id == user_id).order_by(Round.started_at, Round.id)).all()
    out = _RoundsOut(session, rounds)
    given = _shares(session, mine=Share.leader_id, theirs=Share.codriver_id, user_id=user_id)
    received = _shares(session, mine=Share.codriver_id, theirs=Share.leader_id, user_id=user_id)
    return DataFile(
        format=FORMAT,
        format_version=FORMAT_VERSION,
        exported_at=now or utcnow(),
        account=AccountData(username=user.username, created_at=as_utc(user.created_at)),
        rounds=[out.round(r) for r in rounds],
        shares_given=[ShareGivenData(codriver=name, scope=scope, since=as_utc(since)) for name, scope, since in given],
        shares_received=[
            ShareReceivedData(leader=name, scope=scope, since=as_utc(since)) for name, scope, since in received
        ],
        courses=_courses_out(session, user_id),
        **_talks_out(session, user_id),
    )


def _talks_out(session: Session, user_id: int) -> dict[str, Any]:
    """The network, the tools' answers, the agreements and the agreements the user may read."""
    network = session.scalar(
        select(Network).where(Network.user_id == user_id).order_by(Network.created_at.desc(), Network.id.desc())
    )
    answers = session.scalars(
        select(ToolAnswer).where(ToolAnswer.user_id == user_id).order_by(ToolAnswer.tool_id, ToolAnswer.question_id)
    )
    agreements = session.scalars(select(Agreement).where(Agreement.user_id == user_id).order_by(Agreement.id)).all()
    values = _grouped(
        session.scalars(select(AgreementValue).where(AgreementValue.agreement_id.in_([a.id for a in agreements]))),
        lambda v: v.agreement_id,
    )
    reader = aliased(User)
    comments = _grouped(
        session.execute(
            select(AgreementReader, reader.username)
            .join(reader, reader.id == AgreementReader.user_id)
            .where(AgreementReader.agreement_id.in_([a.id for a in agreements]))
            .order_by(AgreementReader.created_at, AgreementReader.id)
        ).all(),
        lambda row: row[0].agreement_id,
    )
    leader = aliased(User)
    invited = session.execute(
        select(leader.username, Agreement.kind)
        .join(Agreement, Agreement.user_id == leader.id)
        .join(AgreementReader, AgreementReader.agreement_id == Agreement.id)
        .where(AgreementReader.user_id == user_id)
        .order_by(AgreementReader.created_at, AgreementReader.id)
    ).all()
    return dict(
        network=_network_out(network) if network else None,
        tool_answers=[
            ToolAnswerData(tool_id=a.tool_id, question_id=a.question_id, rating=a.rating, text=a.text) for a in answers
        ],
        agreements=[_agreement_out(a, values.get(a.id, []), comments.get(a.id, [])) for a in agreements],
        agreements_invited_to=[InvitedToData(leader=name, kind=kind) for name, kind in invited],
    )


def _network_out(network: Network) -> NetworkData:
    meetings = [date.fromisoformat(d) for d in json.loads(network.meetings or "[]")]
    return NetworkData(name=network.name, theme=network.theme, meetings=meetings)


def _agreement_out(
    agreement: Agreement, values: list[AgreementValue], readers: Sequence[tuple[AgreementReader, str]]
) -> AgreementData:
    return AgreementData(
        kind=agreement.kind,
        created_at=as_utc(agreement.created_at),
        updated_at=as_utc(agreement.updated_at),
        values={v.field_id: json.loads(v.value) for v in sorted(values, key=lambda v: v.field_id)},
        agreed_at=as_utc(agreement.agreed_at) if agreement.agreed_at else None,
        agreed_by=agreement.agreed_by_name,
        agreed_values=json.loads(agreement.agreed_content) if agreement.agreed_content else None,
        comments=[
            CommentData(name=name, text=r.comment, at=as_utc(r.comment_updated_at) if r.comment_updated_at else None)
            for r, name in readers
            if r.comment
        ],
    )


def _has_own_data(session: Session, user_id: int) -> bool:
    owned = (Round.user_id, Network.user_id, ToolAnswer.user_id, Agreement.user_id)
    return any(session.scalar(select(column).where(column == user_id).limit(1)) is not None for column in owned)


def _talks_in(session: Session, user_id: int, data: DataFile) -> int:
    """Restore the network, the tools' answers and the agreements (as they stand); return how many agreements."""
    now = utcnow()
    network_id = None
    if data.network is not None:
        meetings = json.dumps([d.isoformat() for d in sorted(set(data.network.meetings))])
        network = Network(
            user_id=user_id, name=data.network.name, theme=data.network.theme, meetings=meetings, created_at=now
        )
        session.add(network)
        session.flush()
        network_id = network.id
    session.add_all(
        ToolAnswer(
            user_id=user_id, tool_id=a.tool_id, question_id=a.question_id, rating=a.rating, text=a.text, updated_at=now
        )
        for a in data.tool_answers
    )
    for a in data.agreements:
        row = Agreement(
            user_id=user_id,
            kind=a.kind,
            network_id=network_id,
            created_at=a.created_at,
            updated_at=a.updated_at,
            agreed_at=a.agreed_at,
            agreed_by_name=a.agreed_by,
            agreed_content=json.dumps(a.agreed_values) if a.agreed_values is not None else None,
        )
        session.add(row)
        session.flush()
        session.add_all(
            AgreementValue(agreement_id=row.id, field_id=field_id, value=json.dumps(value), updated_at=a.updated_at)
            for field_id, value in a.values.items()
        )
    return len(data.agreements)


def import_data(*, session: Session, user_id: int, data: DataFile) -> ImportSummary:
    """Restore the file's rounds, answers, goals, follow-ups and received feedback, its network,
    tool answers and agreements into the user's account, which must hold none of these yet. The
    file must have passed core.transfer.read()."""
    if _has_own_data(session, user_id):
        raise ImportConflictError(str(user_id))
    ids: dict[int, int] = {}
    goal_rows: list[tuple[Goal, FollowupData]] = []
    goals = feedback = 0
    for r in data.rounds:
        round_ = Round(
            user_id=user_id, updated_at=r.completed_at or r.started_at, **r.model_dump(include=set(ROUND_FIELDS))
        )
        session.add(round_)
        session.flush()
        ids[r.ref] = round_.id
        session.add_all(
            Answer(round_id=round_.id, question_id=a.question_id, rating=a.rating, text=a.text, updated_at=r.started_at)
            for a in r.answers
        )
        for g in r.goals:
            goal = Goal(
                round_id=round_.id,
                position=g.position,
                competency_id=g.competency_id,
                step=g.step,
                created_at=g.created_at,
                updated_at=g.created_at,
            )
            session.add(goal)
            goals += 1
            if g.followup is not None:
                goal_rows.append((goal, g.followup))
        for fb in r.feedback_received:
            row = Feedback(
                round_id=round_.id,
                author_id=None,
                imported_author=fb.author,
                overall=fb.overall,
                created_at=fb.created_at,
                updated_at=fb.updated_at,
            )
            session.add(row)
            session.flush()
            session.add_all(
                FeedbackItem(
                    feedback_id=row.id,
                    competency_id=i.competency_id,
                    rating=i.rating,
                    comment=i.comment,
                    updated_at=fb.updated_at,
                )
                for i in fb.items
            )
            feedback += 1
    session.flush()
    session.add_all(
        GoalFollowup(
            goal_id=goal.id, round_id=ids[f.round_ref], outcome=f.outcome, text=f.text, updated_at=f.updated_at
        )
        for goal, f in goal_rows
    )
    agreements = _talks_in(session, user_id, data)
    session.flush()
    return ImportSummary(rounds=len(ids), goals=goals, feedback=feedback, agreements=agreements)
