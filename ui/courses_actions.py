"""What happens when a trainer creates a course or changes its minimum or today's context, and every
key of the courses page's state (its dashboard's round choice among them)."""

from __future__ import annotations

import streamlit as st

from core import texts, vocabulary
from db import courses
from db.courses import NAME_MAX_CHARS
from db.errors import InvalidInputError, NotAllowedError, NotFoundError, TextTooLongError
from ui import identity
from ui.flash import Kind, set_flash
from ui.resources import tx

NAME_KEY = "course-name"
DESCRIPTION_KEY = "course-description"
STARTS_KEY = "course-starts"
ENDS_KEY = "course-ends"
PICK_KEY = "course-pick"  # the course whose dashboard is shown
MIN_GROUP_KEY = "course-min-group"
SESSION_CONTEXT_KEY = "course-session-context"
SHOWN_COURSE_KEY = "dashboard-course"  # the course the dashboard's round choice belongs to
DASHBOARD_ROUND_KEY = "dashboard-round"  # which rounds the dashboard shows (cohort.LATEST, FIRST, a context)
CREATE_SLOT = "create"


@identity.live
def create(trainer_id: int) -> None:

    name = st.session_state.get(NAME_KEY) or ""
    try:
        created = tx(
            courses.create_course,
            trainer_id=trainer_id,
            name=name,
            description=st.session_state.get(DESCRIPTION_KEY) or "",
            starts_on=st.session_state.get(STARTS_KEY),
            ends_on=st.session_state.get(ENDS_KEY),
        )
    except TextTooLongError as exc:
        too_long = texts.COURSE_NAME_TOO_LONG if exc.limit == NAME_MAX_CHARS else texts.COURSE_DESCRIPTION_TOO_LONG
        set_flash(CREATE_SLOT, Kind.ERROR, too_long.format(max=exc.limit))
        return
    except InvalidInputError as exc:
        set_flash(
            CREATE_SLOT, Kind.ERROR, texts.COURSE_NAME_MISSING if str(exc) == "name" else texts.COURSE_DATES_INVALID
        )
        return
    except NotAllowedError:
        set_flash(CREATE_SLOT, Kind.ERROR, texts.COURSES_ONLY_TRAINERS)
        return
    st.session_state[NAME_KEY] = st.session_state[DESCRIPTION_KEY] = ""
    st.session_state[PICK_KEY] = created.id
    set_flash(CREATE_SLOT, Kind.SUCCESS, texts.COURSE_CREATED.format(course=created.name, code=created.join_code))


@identity.live
def set_min_group(trainer_id: int, course_id: int) -> None:
    try:
        tx(
            courses.set_min_group,
            trainer_id=trainer_id,
            course_id=course_id,
            min_group=st.session_state[MIN_GROUP_KEY],
        )
    except (InvalidInputError, NotFoundError, NotAllowedError):
        return


@identity.live
def set_session_context(trainer_id: int, course_id: int) -> None:
    try:
        tx(
            courses.set_session_context,
            trainer_id=trainer_id,
            course_id=course_id,
            context=st.session_state.get(SESSION_CONTEXT_KEY) or None,
            contexts=list(vocabulary.CONTEXTS),
        )
    except (InvalidInputError, NotFoundError, NotAllowedError):
        return


def show_course(course_id: int) -> None:
    """The dashboard shows this course now: another course's round choice does not carry over."""
    if st.session_state.get(SHOWN_COURSE_KEY) != course_id:
        st.session_state.pop(DASHBOARD_ROUND_KEY, None)
        st.session_state[SHOWN_COURSE_KEY] = course_id
