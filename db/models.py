"""SQLAlchemy ORM models. Only db/ touches these; pages get plain data."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
    func,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.orm.util import AliasedClass
from sqlalchemy.sql.elements import ColumnElement

from core.clock import utcnow
from core.vocabulary import (
    AGREEMENT_KINDS,
    MAX_GOALS,
    MIN_GROUP_DEFAULT,
    MIN_GROUP_FLOOR,
    OUTCOMES,
    ROUND_COMPLETED,
    ROUND_OPEN,
    SCOPE_SCORES,
    SCOPE_TEXTS,
)

_SCOPE_CHECK = f"scope IN ('{SCOPE_SCORES}', '{SCOPE_TEXTS}')"


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(40))
    # Case-folded username: the unique key, so "Mette" and "mette" are one account.
    username_key: Mapped[str] = mapped_column(String(40), unique=True)
    # What the name looks like (core.usernames.skeleton): a new name that looks like one already here
    # (mеtte with a Cyrillic е beside mette) is refused. Not unique: older look-alikes may exist, and
    # `python -m db.admin look-alikes` lists them.
    username_skeleton: Mapped[str] = mapped_column(String(200), index=True, default="", server_default="")
    # The name the person is called by wherever they are named ("Lise Hansen"); the username above
    # is only what they sign in with.
    name: Mapped[str] = mapped_column(String(80), default="", server_default="")
    password_hash: Mapped[str | None] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # Roles beyond leading one's own rounds (which everyone does). Granted by `python -m db.admin`.
    is_admin: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    is_trainer: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # An administrator's password reset: the hash of a one-time code and when it stops working.
    reset_code_hash: Mapped[str | None] = mapped_column(String(64))
    reset_code_expires_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # The note of a round not yet started, kept while it is typed (the round does not exist yet).
    note_draft: Mapped[str] = mapped_column(Text, default="", server_default="")

    rounds: Mapped[list[Round]] = relationship(
        back_populates="user", cascade="all, delete-orphan", passive_deletes=True
    )

    def __repr__(self) -> str:
        return f"User(id={self.id!r}, username={self.username!r})"


class Round(Base):
    __tablename__ = "rounds"
    __table_args__ = (
        CheckConstraint(f"status IN ('{ROUND_OPEN}', '{ROUND_COMPLETED}')", name="status_known"),
        CheckConstraint("current_step >= 0", name="step_not_negative"),
        # One unfinished round per user, enforced by the database itself.
        Index(
            "uq_rounds_one_open_per_user",
            "user_id",
            unique=True,
            sqlite_where=text(f"status = '{ROUND_OPEN}'"),
            postgresql_where=text(f"status = '{ROUND_OPEN}'"),
        ),
        Index("ix_rounds_user_status", "user_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    context: Mapped[str] = mapped_column(String(40))
    note: Mapped[str] = mapped_column(Text, default="")
    bank_version: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(16), default=ROUND_OPEN)
    current_step: Mapped[int] = mapped_column(Integer, default=0)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    completed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    user: Mapped[User] = relationship(back_populates="rounds")
    answers: Mapped[list[Answer]] = relationship(
        back_populates="round", cascade="all, delete-orphan", passive_deletes=True
    )

    def __repr__(self) -> str:
        return f"Round(id={self.id!r}, user_id={self.user_id!r}, status={self.status!r})"


class Answer(Base):
    __tablename__ = "answers"
    __table_args__ = (
        UniqueConstraint("round_id", "question_id", name="uq_answers_round_question"),
        CheckConstraint("rating IS NULL OR (rating BETWEEN 1 AND 5)", name="rating_in_scale"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("rounds.id", ondelete="CASCADE"))
    question_id: Mapped[str] = mapped_column(String(60))
    rating: Mapped[int | None] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    round: Mapped[Round] = relationship(back_populates="answers")

    def __repr__(self) -> str:
        return f"Answer(round_id={self.round_id!r}, question_id={self.question_id!r}, rating={self.rating!r})"


class RoundScore(Base):
    """How often each rating (1–5) was given per competency in one completed round: the course
    dashboard's figures come from these small rows instead of from every answer.

    Completed rounds never change, so a row is written once (db.cohort fills in the rounds that
    lack one) and goes with its round. `scheme` fingerprints the question-to-competency mapping
    it was counted under, so a question bank that moves a question gets fresh counts.
    """

    __tablename__ = "round_scores"

    round_id: Mapped[int] = mapped_column(ForeignKey("rounds.id", ondelete="CASCADE"), primary_key=True)
    scheme: Mapped[str] = mapped_column(String(16), primary_key=True)
    competency_id: Mapped[str] = mapped_column(String(60), primary_key=True)
    n1: Mapped[int] = mapped_column(Integer)
    n2: Mapped[int] = mapped_column(Integer)
    n3: Mapped[int] = mapped_column(Integer)
    n4: Mapped[int] = mapped_column(Integer)
    n5: Mapped[int] = mapped_column(Integer)


class Invitation(Base):
    """A one-time code a leader gives a co-driver. Only the code's hash is stored."""

    __tablename__ = "invitations"
    __table_args__ = (CheckConstraint(_SCOPE_CHECK, name="invitation_scope_known"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    leader_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    scope: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    used_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    withdrawn_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class Share(Base):
    """A leader's standing consent that one co-driver may see their completed rounds."""

    __tablename__ = "shares"
    __table_args__ = (
        UniqueConstraint("leader_id", "codriver_id", name="uq_shares_leader_codriver"),
        CheckConstraint(_SCOPE_CHECK, name="share_scope_known"),
        CheckConstraint("leader_id <> codriver_id", name="share_not_with_self"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    leader_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    codriver_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    scope: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Feedback(Base):
    """A co-driver's outside view of one completed round: an overall comment and per-competency items."""

    __tablename__ = "feedback"
    __table_args__ = (UniqueConstraint("round_id", "author_id", name="uq_feedback_round_author"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("rounds.id", ondelete="CASCADE"))
    # None for feedback brought along in an import: its author has no account here.
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    imported_author: Mapped[str | None] = mapped_column(String(40))
    overall: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class FeedbackItem(Base):
    """The co-driver's rating (1–5) and comment on one competency."""

    __tablename__ = "feedback_items"
    __table_args__ = (
        UniqueConstraint("feedback_id", "competency_id", name="uq_feedback_items_competency"),
        CheckConstraint("rating IS NULL OR (rating BETWEEN 1 AND 5)", name="feedback_rating_in_scale"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    feedback_id: Mapped[int] = mapped_column(ForeignKey("feedback.id", ondelete="CASCADE"))
    competency_id: Mapped[str] = mapped_column(String(60))
    rating: Mapped[int | None] = mapped_column(Integer)
    comment: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Goal(Base):
    """A competency the leader chose to develop when completing a round, with a concrete next step."""

    __tablename__ = "goals"
    __table_args__ = (
        UniqueConstraint("round_id", "position", name="uq_goals_round_position"),
        UniqueConstraint("round_id", "competency_id", name="uq_goals_round_competency"),
        CheckConstraint(f"position BETWEEN 1 AND {MAX_GOALS}", name="goal_position_in_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("rounds.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    competency_id: Mapped[str] = mapped_column(String(60))
    step: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class GoalFollowup(Base):
    """How a goal went, told in the leader's next round; it goes if either round is deleted."""

    __tablename__ = "goal_followups"
    __table_args__ = (
        CheckConstraint(
            "outcome IS NULL OR outcome IN (" + ", ".join(f"'{o}'" for o in OUTCOMES) + ")", name="outcome_known"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("goals.id", ondelete="CASCADE"), unique=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("rounds.id", ondelete="CASCADE"), index=True)
    outcome: Mapped[str | None] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Course(Base):
    """A leadership course ("hold") run by a trainer; leaders join it with its code."""

    __tablename__ = "courses"
    __table_args__ = (
        CheckConstraint(f"min_group >= {MIN_GROUP_FLOOR}", name="course_min_group_floor"),
        CheckConstraint("ends_on >= starts_on", name="course_ends_after_start"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    trainer_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    description: Mapped[str] = mapped_column(Text, default="")
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    join_code: Mapped[str] = mapped_column(String(20), unique=True)
    min_group: Mapped[int] = mapped_column(Integer, default=MIN_GROUP_DEFAULT)
    # The round context the trainer presets for today's session ("før kurset", "efter modul 2"):
    # a leader who joins by the link starts their walk-through with it chosen.
    session_context: Mapped[str | None] = mapped_column(String(60))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class CourseMember(Base):
    """A leader's place in a course, and whether the trainer may see their individual results."""

    __tablename__ = "course_members"
    __table_args__ = (UniqueConstraint("course_id", "user_id", name="uq_course_members_course_user"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    course_id: Mapped[int] = mapped_column(ForeignKey("courses.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    consent: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    joined_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    consent_changed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class CohortView(Base):
    """A group picture a course's trainer has been shown: which round of which member it covered.

    The privacy rules judge every new picture against all of these (core.privacy), so waiting
    for one more person, switching views or a consent change cannot make a smaller group
    computable. A row holds ids only, never an answer; it goes with its course.
    """

    __tablename__ = "cohort_views"
    __table_args__ = (UniqueConstraint("course_id", "kind", "fingerprint", name="uq_cohort_views_course_kind_rounds"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    course_id: Mapped[int] = mapped_column(ForeignKey("courses.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(60))  # latest, first, change-first, change-latest or a context
    fingerprint: Mapped[str] = mapped_column(String(64))  # SHA-256 of its round ids
    members: Mapped[str] = mapped_column(Text)  # JSON [[user id, round id, completed at], ...]
    people: Mapped[int] = mapped_column(Integer)
    shown_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class CohortRevealed(Base):
    """A round the trainer could see one by one, because its owner shared their own results then."""

    __tablename__ = "cohort_revealed"

    course_id: Mapped[int] = mapped_column(ForeignKey("courses.id", ondelete="CASCADE"), primary_key=True)
    round_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(Integer)
    completed_at: Mapped[str] = mapped_column(String(40))  # tells the round apart from a later one given its id


class AuthSession(Base):
    """One browser's sign-in: the server-side record behind the session cookie.

    The browser holds only a random token; the row keeps its SHA-256. A row starts with a
    short-lived one-time hand-over code (the page posts it to /api/session, which sets the
    HttpOnly cookie) and gets its token hash when that code is redeemed. Deleting the row
    ends the session everywhere.
    """

    __tablename__ = "auth_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    handoff_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    handoff_expires_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # How the person signed in: "password" or "sso".
    method: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class TrustedDevice(Base):
    """A browser someone has signed in with: its device cookie's token hash (core.auth.SCOPE_DEVICE).

    Sign-ins from it are throttled on their own, so others' failures never lock its owner out.
    """

    __tablename__ = "trusted_devices"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_used_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class SignInFailures(Base):
    """Failed sign-ins counted per account name and per client address, for throttling."""

    __tablename__ = "sign_in_failures"

    # "account" (the case-folded username, known or not), "client" (the IP address) or "device"
    # (a trusted device's token hash).
    scope: Mapped[str] = mapped_column(String(16), primary_key=True)
    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    first_failed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class SsoIdentity(Base):
    """A person's identity at the municipality's OpenID Connect provider, linked to a local user."""

    __tablename__ = "sso_identities"
    __table_args__ = (UniqueConstraint("issuer", "subject", name="uq_sso_identities_issuer_subject"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    issuer: Mapped[str] = mapped_column(String(255))
    subject: Mapped[str] = mapped_column(String(255))
    email: Mapped[str | None] = mapped_column(String(255))
    # The issue time of the newest ID token that opened a session: each token opens one at most.
    last_issued_at: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


def called(user: type[User] | AliasedClass[User]) -> ColumnElement[str]:
    """The SQL for what a person is called wherever they are named: their name, or their username
    where no name is stored (a row made outside the sign-up, which always stores one)."""
    return func.coalesce(func.nullif(user.name, ""), user.username)


# --- The talks that make the leader's mandate (questions/tools.py) ---------------------------


class Network(Base):
    """The network a leader leads: its name, its theme and the dates of its meetings."""

    __tablename__ = "networks"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    theme: Mapped[str] = mapped_column(Text, default="")
    meetings: Mapped[str] = mapped_column(Text, default="[]")  # JSON ["2027-02-01", ...], in order
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    def __repr__(self) -> str:
        return f"Network(id={self.id!r}, user_id={self.user_id!r})"


class ToolAnswer(Base):
    """One answer in a reflection tool before a talk: a rating, a text or both."""

    __tablename__ = "tool_answers"
    __table_args__ = (
        UniqueConstraint("user_id", "tool_id", "question_id", name="uq_tool_answers_user_tool_question"),
        CheckConstraint("rating IS NULL OR rating BETWEEN 1 AND 5", name="tool_rating_in_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    tool_id: Mapped[str] = mapped_column(String(60))
    question_id: Mapped[str] = mapped_column(String(60))
    rating: Mapped[int | None] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Agreement(Base):
    """A collaboration agreement ("samarbejdsaftale") the leader drafts for one of the three talks.

    When the other person marks it agreed, what it said then is kept (agreed_content), so a later
    change by the leader can be shown as a change since it was agreed."""

    __tablename__ = "agreements"
    __table_args__ = (
        UniqueConstraint("user_id", "kind", name="uq_agreements_user_kind"),
        CheckConstraint("kind IN (" + ", ".join(f"'{k}'" for k in AGREEMENT_KINDS) + ")", name="agreement_kind_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    network_id: Mapped[int | None] = mapped_column(ForeignKey("networks.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    agreed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    agreed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    agreed_by_name: Mapped[str] = mapped_column(String(80), default="", server_default="")
    agreed_content: Mapped[str | None] = mapped_column(Text)  # JSON {field id: value} when agreed

    def __repr__(self) -> str:
        return f"Agreement(id={self.id!r}, user_id={self.user_id!r}, kind={self.kind!r})"


class AgreementValue(Base):
    """What one field of an agreement says now (JSON: a text, {phase: hours} or choice ids)."""

    __tablename__ = "agreement_values"
    __table_args__ = (UniqueConstraint("agreement_id", "field_id", name="uq_agreement_values_agreement_field"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreements.id", ondelete="CASCADE"))
    field_id: Mapped[str] = mapped_column(String(60))
    value: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class AgreementInvitation(Base):
    """A one-time code to read one agreement (as a co-driver's invitation, scoped to the agreement)."""

    __tablename__ = "agreement_invitations"

    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreements.id", ondelete="CASCADE"), index=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    used_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    withdrawn_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class AgreementReader(Base):
    """A person invited to one agreement: they may read it, comment and mark it agreed, nothing else."""

    __tablename__ = "agreement_readers"
    __table_args__ = (UniqueConstraint("agreement_id", "user_id", name="uq_agreement_readers_agreement_user"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreements.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    comment: Mapped[str] = mapped_column(Text, default="")
    comment_updated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class TextDraft(Base):
    """A text typed past its field's limit: kept and shown again where it was typed, never counted
    as the answer (core/limits.py). Gone once a text within the limit is stored in that field."""

    __tablename__ = "text_drafts"
    __table_args__ = (UniqueConstraint("user_id", "field", name="uq_text_drafts_user_field"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    field: Mapped[str] = mapped_column(String(200))  # where it was typed: "<scope>/<widget key>"
    text: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    def __repr__(self) -> str:
        return f"TextDraft(id={self.id!r}, user_id={self.user_id!r}, field={self.field!r})"
