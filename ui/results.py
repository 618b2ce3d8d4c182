"""The results page ("Mine resultater"): radar over time, trend, table and reflections."""

from __future__ import annotations

import streamlit as st

from core import texts
from core.charts import PLOTLY_CONFIG, radar_figure, trend_figure
from core.formatting import danish_score, escape_markdown
from core.history import default_selection, round_labels, score_history
from core.scoring import scores_table
from db.feedback import FeedbackView
from db.rounds import RoundView
from questions import QuestionBank
from ui.outside_view import render_outside_view


def _render_radar(bank: QuestionBank, history: list[RoundView]) -> None:
    scored = score_history(bank, history)
    labels = [s.label for s in scored]
    chosen = st.multiselect(texts.RESULTS_PICK_ROUNDS, labels, default=default_selection(labels), key="results-rounds")
    shown = [s for s in scored if s.label in chosen]
    st.subheader(texts.RADAR_TITLE)
    st.caption(texts.RADAR_CAPTION)
    st.plotly_chart(radar_figure(bank, shown), key="results-radar", config=PLOTLY_CONFIG)
    st.subheader(texts.TABLE_TITLE)
    # st.table renders Markdown, so labels are escaped; numbers get a Danish comma.
    table = scores_table(bank, shown).map(danish_score)
    table.columns = [escape_markdown(c) for c in table.columns]
    table.index = [escape_markdown(i) for i in table.index]
    st.table(table)
    if len(scored) > 1:
        st.subheader(texts.TREND_TITLE)
        st.caption(texts.TREND_CAPTION)
        st.plotly_chart(trend_figure(bank, scored), key="results-trend", config=PLOTLY_CONFIG)


def _render_reflections(bank: QuestionBank, history: list[RoundView]) -> None:
    st.subheader(texts.REFLECTIONS_TITLE)
    labels = round_labels(history)
    for comp in bank.competencies:
        with st.expander(comp.name):
            for question in comp.questions:
                st.markdown(f"**{question.reflection}**")
                for label, round_ in zip(labels, history, strict=True):
                    answer = round_.answers.get(question.id)
                    st.caption(escape_markdown(label))
                    # User text is shown with st.text: never parsed as Markdown or HTML.
                    st.text(answer.text if answer and answer.text else texts.NO_REFLECTION)


def render_results(
    bank: QuestionBank, history: list[RoundView], feedback: dict[int, list[FeedbackView]] | None = None
) -> None:
    """Draw the whole results page for a leader's completed rounds (oldest first) and their co-drivers' views."""
    st.title(texts.RESULTS_TITLE)
    if not history:
        st.info(texts.RESULTS_EMPTY)
        return
    _render_radar(bank, history)
    render_outside_view(bank, history, feedback or {})
    _render_reflections(bank, history)
