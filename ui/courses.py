"""Hold (for trainers): create courses, pick one, set its minimum, and see its dashboard."""

from __future__ import annotations

from datetime import date, timedelta

import streamlit as st

from core import texts, vocabulary
from core.formatting import escape_markdown
from core.history import context_label
from core.links import join_link, qr_png
from core.vocabulary import MIN_GROUP_CEILING, MIN_GROUP_FLOOR
from db import cohort, courses
from db.courses import NAME_MAX_CHARS
from db.errors import NotAllowedError
from questions import QuestionBank
from ui import courses_actions as actions
from ui import dashboard
from ui.flash import show_flash
from ui.resources import base_url, tx


def course_join_link(course) -> str:
    return join_link(base_url(), course.join_code)


def _render_join(trainer_id: int, course) -> None:
    """The join link as text, its QR code, today's context and the way to the projector."""
    st.subheader(texts.COURSE_JOIN_TITLE, anchor=False)
    st.caption(texts.COURSE_JOIN_INTRO)
    link = course_join_link(course)
    left, right = st.columns([2, 1])
    with left:
        with st.container(key="course-join-link"):
            st.code(link, language=None, wrap_lines=True)
        st.caption(escape_markdown(texts.COURSE_CODE.format(code=course.join_code)))
        st.session_state[actions.SESSION_CONTEXT_KEY] = course.session_context or ""
        st.selectbox(
            texts.COURSE_SESSION_CONTEXT,
            ["", *vocabulary.CONTEXTS],
            format_func=lambda c: context_label(c) if c else texts.COURSE_SESSION_NONE,
            key=actions.SESSION_CONTEXT_KEY,
            help=texts.COURSE_SESSION_CONTEXT_HELP,
            on_change=actions.set_session_context,
            args=(trainer_id, course.id),
        )
        st.link_button(
            texts.PRESENT_OPEN,
            f"{base_url()}/hold?visning=praesentation&hold={course.id}",
            key="dashboard-present",
            help=texts.PRESENT_OPEN_HELP,
            icon=":material/co_present:",
        )
    with right, st.container(key="course-qr"):
        st.image(qr_png(link, scale=6), alt=texts.COURSE_QR_ALT.format(course=course.name))


def _render_create(trainer_id: int, open_form: bool) -> None:
    with st.expander(texts.COURSE_CREATE_TITLE, expanded=open_form), st.form("course-create-form"):
        st.text_input(texts.COURSE_NAME, key=actions.NAME_KEY, max_chars=NAME_MAX_CHARS)
        st.text_area(texts.COURSE_DESCRIPTION, key=actions.DESCRIPTION_KEY, height=80)
        left, right = st.columns(2)
        left.date_input(texts.COURSE_STARTS, value=date.today(), key=actions.STARTS_KEY, format="DD.MM.YYYY")
        right.date_input(
            texts.COURSE_ENDS, value=date.today() + timedelta(days=182), key=actions.ENDS_KEY, format="DD.MM.YYYY"
        )
        st.form_submit_button(
            texts.COURSE_CREATE, key="course-create", type="primary", on_click=actions.create, args=(trainer_id,)
        )
    show_flash(actions.CREATE_SLOT)


def render_courses(bank: QuestionBank, user_id: int) -> None:
    """Draw the trainer's page; anyone else is told it is for trainers, and sees nothing more."""
    st.title(texts.COURSES_TITLE, anchor=False)
    try:
        own = tx(courses.trainer_courses, trainer_id=user_id)  # storage checks the trainer role
    except NotAllowedError:
        st.info(texts.COURSES_ONLY_TRAINERS)
        return
    _render_create(user_id, open_form=not own)
    if not own:
        st.caption(texts.COURSES_EMPTY)
        return
    by_id = {c.id: c for c in own}
    course_id = st.selectbox(texts.COURSE_PICK, list(by_id), format_func=lambda i: by_id[i].name, key=actions.PICK_KEY)
    actions.show_course(course_id)
    course = by_id[course_id]
    if course.description:
        st.text(course.description)
    _render_join(user_id, course)
    st.session_state[actions.MIN_GROUP_KEY] = course.min_group
    st.number_input(
        texts.COURSE_MIN_GROUP,
        min_value=MIN_GROUP_FLOOR,
        max_value=MIN_GROUP_CEILING,
        step=1,
        key=actions.MIN_GROUP_KEY,
        help=texts.COURSE_MIN_GROUP_HELP,
        on_change=actions.set_min_group,
        args=(user_id, course_id),
    )
    board = tx(
        cohort.dashboard,
        trainer_id=user_id,
        course_id=course_id,
        question_to_competency=bank.competency_of,
        contexts=list(vocabulary.CONTEXTS),
        choice=st.session_state.get(actions.DASHBOARD_ROUND_KEY, cohort.LATEST),
    )
    dashboard.render_dashboard(bank, board)
