"""What happens when a leader joins a course (by its code or its link), changes their consent or
leaves, and every key of the courses page's state."""

from __future__ import annotations

import streamlit as st

from core import texts
from core.history import context_label
from core.links import JOIN_PARAMETER
from db import courses
from db.errors import CourseJoinError, NotFoundError
from ui import identity, round_actions
from ui.flash import Kind, set_flash
from ui.resources import tx

JOIN_CODE_KEY = "course-join-code"
JOIN_SLOT = "join"
COURSES_SLOT = "courses"


def consent_key(course_id: int) -> str:
    return f"course-consent-{course_id}"


@identity.live
def join(user_id: int) -> None:
    try:
        joined = tx(courses.join_course, user_id=user_id, code=st.session_state.get(JOIN_CODE_KEY) or "")
    except CourseJoinError as refused:
        set_flash(JOIN_SLOT, Kind.ERROR, texts.JOIN_REFUSED[refused.reason])
        return
    st.session_state[JOIN_CODE_KEY] = ""
    set_flash(JOIN_SLOT, Kind.SUCCESS, texts.JOIN_OK.format(course=joined.course_name))


@identity.live
def consent(user_id: int, course_id: int, course: str, trainer: str) -> None:
    consent = bool(st.session_state.get(consent_key(course_id)))
    try:
        tx(courses.set_consent, user_id=user_id, course_id=course_id, consent=consent)
    except NotFoundError:
        return
    message = texts.CONSENT_ON if consent else texts.CONSENT_OFF
    set_flash(COURSES_SLOT, Kind.SUCCESS, message.format(trainer=trainer, course=course))


@identity.live
def leave(user_id: int, course_id: int, course: str) -> None:
    try:
        tx(courses.leave_course, user_id=user_id, course_id=course_id)
    except NotFoundError:
        return
    st.session_state.pop(consent_key(course_id), None)
    set_flash(COURSES_SLOT, Kind.SUCCESS, texts.COURSE_LEFT.format(course=course))


JOINED_SLOT = "joined"  # the walk-through shows it: "you are on the course now"


def join_from_link(user_id: int) -> None:
    """Opened by the course's link (`/mine-hold?kode=...`, its QR code): join at once and go to the
    walk-through, ready to start with the trainer's context for the session chosen. The code
    leaves the address first, so a refresh does not join again; a wrong code stays in the field
    beside its message."""
    code = st.query_params.get(JOIN_PARAMETER)
    if not code:
        return
    del st.query_params[JOIN_PARAMETER]
    try:
        joined = tx(courses.join_course, user_id=user_id, code=code)
    except CourseJoinError as refused:
        st.session_state[JOIN_CODE_KEY] = code[:20]
        set_flash(JOIN_SLOT, Kind.ERROR, texts.JOIN_REFUSED[refused.reason])
        return
    message = texts.JOIN_OK.format(course=joined.course_name)
    if joined.session_context:
        round_actions.preset_context(joined.session_context)
        message += " " + texts.JOIN_CONTEXT_PRESET.format(context=context_label(joined.session_context))
    set_flash(JOINED_SLOT, Kind.SUCCESS, message)
    st.switch_page("pages/refleksion.py")
