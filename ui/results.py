"""The results page ("Mine resultater"): radar over time, trend, table and reflections."""

from __future__ import annotations

import streamlit as st

from core import texts
from core.chart_tables import radar_table
from core.charts import PLOTLY_CONFIG, radar_figure, trend_figure
from core.formatting import danish_score, escape_markdown, to_local
from core.history import default_selection, score_history
from core.report import assemble, build_report
from core.scoring import ScoredRound
from db.feedback import FeedbackView
from db.goals import GoalView
from db.models import utcnow
from db.rounds import RoundView
from questions import QuestionBank
from ui import identity
from ui.outside_view import render_outside_view
from ui.tables import chart_numbers, show_table


def _render_radar(bank: QuestionBank, scored: list[ScoredRound]) -> None:
    labels = [s.label for s in scored]
    chosen = st.multiselect(texts.RESULTS_PICK_ROUNDS, labels, default=default_selection(labels), key="results-rounds")
    shown = [s for s in scored if s.label in chosen]
    st.header(texts.RADAR_TITLE, anchor=False)
    st.caption(texts.RADAR_CAPTION)
    st.plotly_chart(radar_figure(bank, shown), key="results-radar", config=PLOTLY_CONFIG)
    st.header(texts.TABLE_TITLE, anchor=False)
    show_table(radar_table(bank, shown))
    if len(scored) > 1:
        st.header(texts.TREND_TITLE, anchor=False)
        st.caption(texts.TREND_CAPTION)
        st.plotly_chart(trend_figure(bank, scored), key="results-trend", config=PLOTLY_CONFIG)
        chart_numbers(radar_table(bank, scored))


def _render_reflections(bank: QuestionBank, history: list[RoundView], labels: list[str]) -> None:
    st.header(texts.REFLECTIONS_TITLE, anchor=False)
    for comp in bank.competencies:
        with st.expander(comp.name):
            for question in comp.questions:
                st.markdown(f"**{question.reflection}**")
                for label, round_ in zip(labels, history, strict=True):
                    answer = round_.answers.get(question.id)
                    st.caption(escape_markdown(label))
                    # User text is shown with st.text: never parsed as Markdown or HTML.
                    st.text(answer.text if answer and answer.text else texts.NO_REFLECTION)


def _render_goals(
    bank: QuestionBank, history: list[RoundView], scored: list[ScoredRound], goals: list[GoalView]
) -> None:
    """Each goal, newest first, beside its competency's scores over time and how it went."""
    st.header(texts.GOALS_TITLE, anchor=False)
    if not goals:
        st.info(texts.RESULTS_NO_GOALS)
        return
    st.caption(texts.RESULTS_GOALS_CAPTION)
    set_in = {r.id: s.label for r, s in zip(history, scored, strict=True)}
    for goal in reversed(goals):
        trend = " → ".join(danish_score(s.scores.get(goal.competency_id)) for s in scored)
        with st.container(border=True):
            st.markdown(f"**{escape_markdown(bank.competency(goal.competency_id).name)}**")
            st.caption(escape_markdown(texts.RESULTS_GOAL_SET.format(round=set_in.get(goal.round_id, ""), trend=trend)))
            st.text(texts.REPORT_GOAL_STEP.format(step=goal.step))
            if goal.followup is not None and goal.followup.outcome:
                st.text(texts.REPORT_GOAL_OUTCOME.format(outcome=texts.OUTCOME_LABELS[goal.followup.outcome]))
            if goal.followup is not None and goal.followup.text:
                st.text(goal.followup.text)
            if goal.followup is None or not goal.followup.outcome:
                latest = goal.round_id == history[-1].id
                st.caption(texts.RESULTS_GOAL_NOT_FOLLOWED if latest else texts.RESULTS_GOAL_NOT_TOLD)


def _render_report(
    bank: QuestionBank,
    username: str,
    history: list[RoundView],
    labels: list[str],
    feedback: dict,
    goals: list[GoalView],
) -> None:
    """Pick a round and download its personal report; the PDF is only built when the button is pressed."""
    st.header(texts.REPORT_SECTION, anchor=False)
    st.caption(texts.REPORT_SECTION_CAPTION)
    index = st.selectbox(
        texts.REPORT_PICK_ROUND,
        range(len(history)),
        index=len(history) - 1,
        format_func=labels.__getitem__,
        key="report-round",
    )
    chosen = history[index]
    data = assemble(username, history, index, feedback, goals)
    st.download_button(
        texts.REPORT_DOWNLOAD,
        data=identity.live_data(lambda: build_report(bank, data, utcnow())),
        file_name=texts.REPORT_FILE_NAME.format(date=to_local(chosen.completed_at or chosen.started_at).date()),
        mime="application/pdf",
        key="report-download",
        icon=":material/picture_as_pdf:",
        on_click="ignore",
    )


def render_results(
    bank: QuestionBank,
    history: list[RoundView],
    feedback: dict[int, list[FeedbackView]] | None = None,
    goals: list[GoalView] | None = None,
    username: str = "",
) -> None:
    """Draw the whole results page for a leader's completed rounds (oldest first), their goals,
    their co-drivers' views and the personal report."""
    st.title(texts.RESULTS_TITLE, anchor=False)
    if not history:
        st.info(texts.RESULTS_EMPTY)
        return
    scored = score_history(bank, history)  # scored and labelled once for every section
    labels = [s.label for s in scored]
    _render_radar(bank, scored)
    _render_goals(bank, history, scored, goals or [])
    render_outside_view(bank, history, feedback or {})
    _render_reflections(bank, history, labels)
    _render_report(bank, username, history, labels, feedback or {}, goals or [])
