"""Courses ("hold"): a trainer's cohort, joined by code. Joining shares nothing by itself;
each member decides per course whether the trainer may see their individual results."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import ColumnElement, Integer, delete, func, select, type_coerce
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from core.clock import as_utc, utcnow
from core.vocabulary import MIN_GROUP_CEILING, MIN_GROUP_DEFAULT, MIN_GROUP_FLOOR
from db import codes
from db.accounts import roles_of
from db.checks import check_text
from db.errors import CourseJoinError, InvalidInputError, NotAllowedError, NotFoundError
from db.models import Course, CourseMember, User, called

NAME_MAX_CHARS = 120
DESCRIPTION_MAX_CHARS = 1000
_JOIN_CODE_GROUPS = 2  # 8 characters, 40 random bits: typed by a room full of people


@dataclass(frozen=True)
class CourseView:
    id: int
    name: str
    description: str
    starts_on: date
    ends_on: date
    join_code: str
    min_group: int
    member_count: int
    session_context: str | None = None


@dataclass(frozen=True)
class MembershipView:
    course_id: int
    course_name: str
    trainer_name: str
    starts_on: date
    ends_on: date
    consent: bool
    joined_at: datetime
    session_context: str | None = None  # the context the trainer presets for today's session


@dataclass(frozen=True)
class ParticipantView:
    user_id: int
    name: str
    consent: bool
    joined_at: datetime


def _grouped(code: str) -> str:
    return "-".join(code[i : i + codes.GROUP_LENGTH] for i in range(0, len(code), codes.GROUP_LENGTH))


def require_trainer(session: Session, user_id: int) -> None:
    """Raise NotAllowedError unless the user holds the trainer role right now."""
    if not roles_of(session=session, user_id=user_id).is_trainer:
        raise NotAllowedError(f"user {user_id} is not a trainer")


def _check_course_fields(name: str, description: str, starts_on: date, ends_on: date) -> tuple[str, str]:
    name = check_text((name or "").strip(), NAME_MAX_CHARS)
    if not name:
        raise InvalidInputError("name")
    description = check_text((description or "").strip(), DESCRIPTION_MAX_CHARS)
    if not isinstance(starts_on, date) or not isinstance(ends_on, date) or ends_on < starts_on:
        raise InvalidInputError("dates")
    return name, description


def _views(session: Session, *conditions: ColumnElement[bool]) -> list[CourseView]:
    members = select(CourseMember.course_id, func.count().label("n")).group_by(CourseMember.course_id).subquery()
    rows = session.execute(
        select(Course, type_coerce(func.coalesce(members.c.n, 0), Integer))
        .outerjoin(members, members.c.course_id == Course.id)
        .where(*conditions)
        .order_by(Course.starts_on.desc(), Course.id.desc())
    )
    return [
        CourseView(
            c.id,
            c.name,
            c.description,
            c.starts_on,
            c.ends_on,
            _grouped(c.join_code),
            c.min_group,
            n,
            c.session_context,
        )
        for c, n in rows
    ]


def create_course(
    *, session: Session, trainer_id: int, name: str, starts_on: date, ends_on: date, description: str = ""
) -> CourseView:
    """Create a course with a fresh join code; only a trainer can."""
    require_trainer(session, trainer_id)
    name, description = _check_course_fields(name, description, starts_on, ends_on)
    for _ in range(5):  # a clash of 40-bit codes is rare; try again rather than fail
        course = Course(
            trainer_id=trainer_id,
            name=name,
            description=description,
            starts_on=starts_on,
            ends_on=ends_on,
            join_code=codes.normalise_code(codes.new_code(_JOIN_CODE_GROUPS)),  # stored bare, shown grouped
            min_group=MIN_GROUP_DEFAULT,
        )
        try:
            with session.begin_nested():
                session.add(course)
            break
        except IntegrityError:
            continue
    return _views(session, Course.id == course.id)[0]


def trainer_courses(*, session: Session, trainer_id: int) -> list[CourseView]:
    """The trainer's own courses, newest first. Another trainer's courses never appear."""
    require_trainer(session, trainer_id)
    return _views(session, Course.trainer_id == trainer_id)


def trainer_course(*, session: Session, trainer_id: int, course_id: int) -> CourseView:
    """One of the trainer's own courses; NotFoundError for any other id."""
    require_trainer(session, trainer_id)
    found = _views(session, Course.id == course_id, Course.trainer_id == trainer_id)
    if not found:
        raise NotFoundError(f"course {course_id}")
    return found[0]


def set_min_group(*, session: Session, trainer_id: int, course_id: int, min_group: int) -> None:
    """Set how many must have answered before aggregates show; never below the floor of 3."""
    trainer_course(session=session, trainer_id=trainer_id, course_id=course_id)
    if not isinstance(min_group, int) or not MIN_GROUP_FLOOR <= min_group <= MIN_GROUP_CEILING:
        raise InvalidInputError("min_group")
    session.get_one(Course, course_id).min_group = min_group


def set_session_context(
    *, session: Session, trainer_id: int, course_id: int, context: str | None, contexts: Collection[str]
) -> None:
    """Preset the round context for the course's session (one of `contexts`, or None for none)."""
    trainer_course(session=session, trainer_id=trainer_id, course_id=course_id)
    if context is not None and context not in contexts:
        raise InvalidInputError("context")
    session.get_one(Course, course_id).session_context = context


def join_course(*, session: Session, user_id: int, code: str) -> MembershipView:
    """Join the course with this code (again joining is harmless); consent starts off."""
    wanted = codes.normalise_code(code)
    course = (
        next(
            (
                c
                for c in session.scalars(select(Course).where(Course.join_code.is_not(None)))
                if codes.normalise_code(c.join_code) == wanted
            ),
            None,
        )
        if wanted
        else None
    )
    if course is None:
        raise CourseJoinError("unknown")
    if course.trainer_id == user_id:
        raise CourseJoinError("own")
    exists = session.scalar(
        select(CourseMember.id).where(CourseMember.course_id == course.id, CourseMember.user_id == user_id)
    )
    if exists is None:
        try:
            with session.begin_nested():
                session.add(CourseMember(course_id=course.id, user_id=user_id, consent=False))
        except IntegrityError:
            pass  # joined in another tab meanwhile
    return next(m for m in my_courses(session=session, user_id=user_id) if m.course_id == course.id)


def _membership(session: Session, user_id: int, course_id: int) -> CourseMember:
    member = session.scalar(
        select(CourseMember).where(CourseMember.course_id == course_id, CourseMember.user_id == user_id)
    )
    if member is None:
        raise NotFoundError(f"course {course_id}")
    return member


def set_consent(*, session: Session, user_id: int, course_id: int, consent: bool) -> None:
    """Let the trainer see (or stop seeing) this member's individual results, at once."""
    member = _membership(session, user_id, course_id)
    member.consent, member.consent_changed_at = bool(consent), utcnow()


def leave_course(*, session: Session, user_id: int, course_id: int) -> None:
    """Leave a course; the member disappears from its participants and aggregates at once."""
    _membership(session, user_id, course_id)
    session.execute(delete(CourseMember).where(CourseMember.course_id == course_id, CourseMember.user_id == user_id))


def my_courses(*, session: Session, user_id: int) -> list[MembershipView]:
    """The courses this user has joined, newest first."""
    rows = session.execute(
        select(CourseMember, Course, called(User))
        .join(Course, Course.id == CourseMember.course_id)
        .join(User, User.id == Course.trainer_id)
        .where(CourseMember.user_id == user_id)
        .order_by(Course.starts_on.desc(), Course.id.desc())
    )
    return [
        MembershipView(c.id, c.name, trainer, c.starts_on, c.ends_on, m.consent, as_utc(m.joined_at), c.session_context)
        for m, c, trainer in rows
    ]


def participants(*, session: Session, trainer_id: int, course_id: int) -> list[ParticipantView]:
    """Who has joined one of the trainer's courses, by name."""
    trainer_course(session=session, trainer_id=trainer_id, course_id=course_id)
    rows = session.execute(
        select(CourseMember, called(User).label("name"))
        .join(User, User.id == CourseMember.user_id)
        .where(CourseMember.course_id == course_id)
        .order_by(func.lower(called(User)), User.id)
    )
    return [ParticipantView(m.user_id, name, m.consent, as_utc(m.joined_at)) for m, name in rows]
