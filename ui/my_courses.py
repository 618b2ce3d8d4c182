"""Mine hold: join a course with its code, decide per course what the trainer may see, or leave."""

from __future__ import annotations

import streamlit as st

from core import texts
from core.formatting import danish_date, escape_markdown
from core.history import context_label
from core.links import JOIN_PARAMETER
from core.vocabulary import MIN_GROUP_FLOOR
from db import courses
from db.errors import CourseJoinError, NotFoundError
from ui import identity
from ui.flash import set_flash, show_flash
from ui.resources import tx


def consent_key(course_id: int) -> str:
    return f"course-consent-{course_id}"


@identity.live
def _join(user_id: int) -> None:
    try:
        joined = tx(courses.join_course, user_id=user_id, code=st.session_state.get("course-join-code") or "")
    except CourseJoinError as refused:
        set_flash("join", "error", texts.JOIN_REFUSED[refused.reason])
        return
    st.session_state["course-join-code"] = ""
    set_flash("join", "success", texts.JOIN_OK.format(course=joined.course_name))


@identity.live
def _consent(user_id: int, course_id: int, course: str, trainer: str) -> None:
    consent = bool(st.session_state.get(consent_key(course_id)))
    try:
        tx(courses.set_consent, user_id=user_id, course_id=course_id, consent=consent)
    except NotFoundError:
        return
    message = texts.CONSENT_ON if consent else texts.CONSENT_OFF
    set_flash("courses", "success", message.format(trainer=trainer, course=course))


@identity.live
def _leave(user_id: int, course_id: int, course: str) -> None:
    try:
        tx(courses.leave_course, user_id=user_id, course_id=course_id)
    except NotFoundError:
        return
    st.session_state.pop(consent_key(course_id), None)
    set_flash("courses", "success", texts.COURSE_LEFT.format(course=course))


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
        st.session_state["course-join-code"] = code[:20]
        set_flash("join", "error", texts.JOIN_REFUSED[refused.reason])
        return
    message = texts.JOIN_OK.format(course=joined.course_name)
    if joined.session_context:
        st.session_state["round-context"] = joined.session_context
        message += " " + texts.JOIN_CONTEXT_PRESET.format(context=context_label(joined.session_context))
    set_flash(JOINED_SLOT, "success", message)
    st.switch_page("pages/refleksion.py")


def render_my_courses(user_id: int) -> None:
    """Draw the leader's courses page."""
    join_from_link(user_id)
    st.title(texts.MY_COURSES_TITLE, anchor=False)
    st.write(texts.MY_COURSES_INTRO.format(min=MIN_GROUP_FLOOR))
    show_flash("courses")
    memberships = tx(courses.my_courses, user_id=user_id)
    if not memberships:
        st.caption(texts.MY_COURSES_EMPTY)
    for member in memberships:
        # The database is the truth: consent changed in another tab shows here on the next run.
        st.session_state[consent_key(member.course_id)] = member.consent
        with st.container(border=True):
            st.markdown(f"**{escape_markdown(member.course_name)}**")
            st.caption(
                escape_markdown(
                    texts.MEMBERSHIP_CAPTION.format(
                        trainer=member.trainer_name,
                        starts=danish_date(member.starts_on),
                        ends=danish_date(member.ends_on),
                    )
                )
            )
            args = (user_id, member.course_id, member.course_name, member.trainer_name)
            st.toggle(
                texts.CONSENT_LABEL.format(trainer=escape_markdown(member.trainer_name)),
                key=consent_key(member.course_id),
                help=texts.CONSENT_HELP,
                on_change=_consent,
                args=args,
            )
            st.button(
                texts.COURSE_LEAVE,
                key=f"course-leave-{member.course_id}",
                on_click=_leave,
                args=(user_id, member.course_id, member.course_name),
            )
    st.header(texts.JOIN_TITLE, anchor=False)
    with st.form("course-join-form"):
        st.text_input(texts.JOIN_CODE, key="course-join-code", help=texts.JOIN_CODE_HELP, max_chars=20)
        st.form_submit_button(texts.JOIN_SUBMIT, key="course-join-submit", on_click=_join, args=(user_id,))
    show_flash("join")
