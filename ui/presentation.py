"""Presentation mode (/hold?visning=praesentation): the course on the projector.

Full width, large type: the code and its QR code, "12 af 18 er færdige", and the group's radar
and distribution, which appear once the minimum have finished and then update by themselves
(st.fragment with run_every). Nothing here names anyone: no participants, no statuses, no
individual results. The numbers come from db.cohort.presentation, under the dashboard's rules
and its record of what was shown, so the picture grows in batches, never by one person.
"""

from __future__ import annotations

from datetime import timedelta

import streamlit as st

from core import texts, vocabulary
from core.charts import PLOTLY_CONFIG, cohort_radar_figure, distribution_figure
from core.formatting import danish_number, escape_markdown
from core.history import context_label
from core.links import qr_png
from db import cohort, courses
from db.errors import NotAllowedError
from questions import QuestionBank
from ui.courses import course_join_link
from ui.resources import tx

VIEW_PARAMETER, VIEW_PRESENT, COURSE_PARAMETER = "visning", "praesentation", "hold"
REFRESH = timedelta(seconds=3)  # how often the projector asks what has changed


def wanted() -> bool:
    return st.query_params.get(VIEW_PARAMETER) == VIEW_PRESENT


def render_presentation(bank: QuestionBank, user_id: int) -> None:
    st.set_page_config(layout="wide", initial_sidebar_state="collapsed")
    try:
        own = tx(courses.trainer_courses, trainer_id=user_id)
    except NotAllowedError:
        st.info(texts.COURSES_ONLY_TRAINERS)
        return
    by_id = {str(c.id): c for c in own}
    course = by_id.get(st.query_params.get(COURSE_PARAMETER, "")) or (own[0] if own else None)
    if course is None:
        st.info(texts.PRESENT_NO_COURSE)
        return
    with st.container(key="present-page"):
        st.title(course.name, anchor=False)
        # One screen at 1920 × 1080: how to join, the radar and the distribution side by side.
        join, live = st.columns([4, 10], gap="large")
        with join:
            st.caption(texts.PRESENT_JOIN)
            with st.container(key="present-code"):
                st.markdown(escape_markdown(course.join_code))
            link = course_join_link(course)
            with st.container(key="present-qr"):
                st.image(qr_png(link, scale=12), alt=texts.COURSE_QR_ALT.format(course=course.name))
            with st.container(key="present-link"):
                st.code(link, language=None, wrap_lines=True)
        with live:
            _live(bank, user_id, course.id)


@st.fragment(run_every=REFRESH)
def _live(bank: QuestionBank, user_id: int, course_id: int) -> None:
    shown = tx(
        cohort.presentation,
        trainer_id=user_id,
        course_id=course_id,
        question_to_competency=bank.competency_of,
        contexts=list(vocabulary.CONTEXTS),
    )
    stats = shown.stats
    picture, spread = st.columns(2, gap="large")  # a fragment draws into its own containers only
    with picture:
        st.caption(context_label(shown.context) if shown.context != cohort.LATEST else texts.PRESENT_ANY_ROUND)
        with st.container(key="present-count"):  # our words and two numbers, nothing anyone typed
            st.markdown(
                texts.PRESENT_COUNT.format(done=danish_number(shown.done), members=danish_number(shown.members))
            )
        if stats is None:
            missing = shown.verdict.missing or max(shown.course.min_group - shown.done, 1)
            st.info(texts.PRESENT_WAITING.format(missing=missing, min=shown.course.min_group))
            return
        st.subheader(texts.PRESENT_PICTURE.format(people=stats.people), anchor=False)
        labels = {"mean": texts.MEAN_TRACE, "low": texts.BAND_LOW, "high": texts.BAND_HIGH}
        radar = cohort_radar_figure(bank, stats.mean, stats.band, labels)
        radar.update_layout(font=dict(size=16), height=600, margin=dict(l=130, r=130, t=80, b=120))
        radar.update_polars(angularaxis_tickfont_size=15, radialaxis_tickfont_size=15)
        st.plotly_chart(radar, key="present-radar", config=PLOTLY_CONFIG)
    with spread:
        st.caption(texts.PRESENT_BATCH)
        st.subheader(texts.DISTRIBUTION_TITLE, anchor=False)
        figure = distribution_figure(bank, stats.distribution)
        figure.update_layout(font=dict(size=16), height=640)
        figure.update_yaxes(tickfont_size=15)
        figure.update_xaxes(tickfont_size=15)
        st.plotly_chart(figure, key="present-distribution", config=PLOTLY_CONFIG)
