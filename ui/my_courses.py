"""Mine hold: join a course with its code, decide per course what the trainer may see, or leave."""

from __future__ import annotations

import streamlit as st

from core import texts
from core.formatting import danish_date, escape_markdown
from core.vocabulary import MIN_GROUP_FLOOR
from db import courses
from ui import my_courses_actions as actions
from ui.flash import show_flash
from ui.resources import tx


def render_my_courses(user_id: int) -> None:
    """Draw the leader's courses page."""
    actions.join_from_link(user_id)
    st.title(texts.MY_COURSES_TITLE, anchor=False)
    st.write(texts.MY_COURSES_INTRO.format(min=MIN_GROUP_FLOOR))
    show_flash(actions.COURSES_SLOT)
    memberships = tx(courses.my_courses, user_id=user_id)
    if not memberships:
        st.caption(texts.MY_COURSES_EMPTY)
    for member in memberships:
        # The database is the truth: consent changed in another tab shows here on the next run.
        st.session_state[actions.consent_key(member.course_id)] = member.consent
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
                key=actions.consent_key(member.course_id),
                help=texts.CONSENT_HELP,
                on_change=actions.consent,
                args=args,
            )
            st.button(
                texts.COURSE_LEAVE,
                key=f"course-leave-{member.course_id}",
                on_click=actions.leave,
                args=(user_id, member.course_id, member.course_name),
            )
    st.header(texts.JOIN_TITLE, anchor=False)
    with st.form("course-join-form"):
        st.text_input(texts.JOIN_CODE, key=actions.JOIN_CODE_KEY, help=texts.JOIN_CODE_HELP, max_chars=20)
        st.form_submit_button(texts.JOIN_SUBMIT, key="course-join-submit", on_click=actions.join, args=(user_id,))
    show_flash(actions.JOIN_SLOT)
