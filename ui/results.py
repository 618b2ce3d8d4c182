"""The results page ("Mine resultater"): "Siden sidst" first, then the radar over time, the trend
(one table for both figures), goals, the co-drivers' views, the written reflections and the report."""

from __future__ import annotations

import streamlit as st

from core import texts
from core.chart_tables import radar_table
from core.charts import PLOTLY_CONFIG, radar_figure, trend_figure
from core.clock import utcnow
from core.formatting import danish_score, escape_markdown, to_local
from core.gaps import gaps_table
from core.history import default_selection, round_labels, score_history, window_label, windows
from core.report import assemble, build_report, build_summary
from core.scoring import ScoredRound
from core.summary import Summary, goal_line, goals_count, move_line, standing_line, summarise
from db.feedback import FeedbackView
from db.goals import GoalView
from db.rounds import RoundView
from questions import QuestionBank
from ui import identity
from ui.outside_view import render_outside_view
from ui.tables import chart_numbers, show_table


def _render_radar(bank: QuestionBank, labels: list[str], scored: list[ScoredRound]) -> None:
    chosen = st.multiselect(texts.RESULTS_PICK_ROUNDS, labels, default=default_selection(labels), key="results-rounds")
    shown = [s for s in scored if s.label in chosen]  # scored like with like over the whole history
    st.header(texts.RADAR_TITLE, anchor=False)
    st.caption(texts.RADAR_CAPTION)
    st.plotly_chart(radar_figure(bank, shown), key="results-radar", config=PLOTLY_CONFIG)
    if len(scored) == 1:
        st.header(texts.TABLE_TITLE, anchor=False)
        show_table(radar_table(bank, shown))
        return
    st.caption(texts.RADAR_NUMBERS_BELOW)
    st.header(texts.TREND_TITLE, anchor=False)
    st.caption(texts.TREND_CAPTION)
    st.plotly_chart(trend_figure(bank, scored), key="results-trend", config=PLOTLY_CONFIG)
    chart_numbers(radar_table(bank, scored))


def _lines(items: list[str], empty: str) -> None:
    st.text("\n".join(f"• {item}" for item in items) if items else empty)


def _render_summary(summary: Summary, labels: list[str], download) -> None:
    """ "Siden sidst": what changed since the previous round and how the goals went (above the fold),
    the one-page PDF of it, the standing now, and where a co-driver sees the latest round differently."""
    with st.container(key="results-summary", border=True):
        st.header(texts.SUMMARY_TITLE, anchor=False)
        if summary.has_previous:
            st.caption(escape_markdown(texts.SUMMARY_COMPARED.format(latest=labels[-1], previous=labels[-2])))
        else:
            st.caption(escape_markdown(texts.SUMMARY_FIRST.format(latest=labels[-1])))
        download()
        if summary.has_previous:
            rose, fell = st.columns(2)
            with rose:
                st.markdown(f"**{texts.SUMMARY_ROSE}**")
                _lines([move_line(m) for m in summary.rose], texts.SUMMARY_NONE_ROSE)
            with fell:
                st.markdown(f"**{texts.SUMMARY_FELL}**")
                _lines([move_line(m) for m in summary.fell], texts.SUMMARY_NONE_FELL)
            st.markdown(f"**{texts.SUMMARY_GOALS}**")
            if summary.goals_followed:
                st.caption(goals_count(summary))
                _lines([goal_line(g) for g in summary.goals_followed], "")
            else:
                st.text(texts.SUMMARY_NO_GOALS)
        strongest, weakest = st.columns(2)
        with strongest:
            st.markdown(f"**{texts.SUMMARY_STRONGEST}**")
            _lines([standing_line(s) for s in summary.strongest], "")
        with weakest:
            st.markdown(f"**{texts.SUMMARY_WEAKEST}**")
            _lines([standing_line(s) for s in summary.weakest], "")
        for view in summary.codrivers:
            if view.gaps:
                st.markdown(f"**{escape_markdown(texts.SUMMARY_CODRIVER.format(name=view.name))}**")
                show_table(gaps_table(view.gaps))


def _render_summary_download(bank: QuestionBank, name: str, history: list[RoundView], summary: Summary, goals) -> None:
    latest = history[-1]
    data = assemble(name, history, len(history) - 1, {}, goals or [])
    st.download_button(
        texts.SUMMARY_PDF,
        data=identity.live_data(lambda: build_summary(bank, summary, data, utcnow())),
        file_name=texts.SUMMARY_FILE_NAME.format(date=to_local(latest.completed_at or latest.started_at).date()),
        mime="application/pdf",
        key="report-summary-download",
        icon=":material/picture_as_pdf:",
        help=texts.SUMMARY_PDF_HELP,
        type="primary",
        on_click="ignore",
    )


def _render_reflections(bank: QuestionBank, history: list[RoundView], labels: list[str]) -> None:
    st.header(texts.REFLECTIONS_TITLE, anchor=False)
    for comp in bank.competencies:
        with st.expander(comp.name):
            for label, round_ in zip(labels, history, strict=True):
                st.markdown(f"**{escape_markdown(label)}**")
                asked = bank.of_version(round_.bank_version)  # the wording this round was answered with
                for question in asked.competency(comp.id).questions:
                    answer = round_.answers.get(question.id)
                    st.caption(escape_markdown(asked.wording(question, round_.context).reflection))
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
    # Folded: how the latest goals went opens the page; the whole list is here for who wants it.
    with st.expander(texts.RESULTS_GOALS_ALL.format(goals=texts.counted(len(goals), "mål", "mål"))):
        _render_goal_list(bank, history, scored, goals)


def _render_goal_list(
    bank: QuestionBank, history: list[RoundView], scored: list[ScoredRound], goals: list[GoalView]
) -> None:
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
    st.header(texts.FULL_REPORT_TITLE, anchor=False)
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
    labels = round_labels(history)
    scored = score_history(bank, history, labels)  # scored and labelled once for every section
    summary = summarise(bank, history, goals or [], feedback or {})
    _render_summary(summary, labels, lambda: _render_summary_download(bank, username, history, summary, goals))
    # The charts, goals and reflections draw one network's worth of rounds at a time, whatever the
    # history's length, so no one's page (nor anyone's beside it) slows with the years.
    start, end = _choose_window(len(history))
    shown_ids = {r.id for r in history[start:end]}
    _render_radar(bank, labels[start:end], scored[start:end])
    _render_goals(bank, history[start:end], scored[start:end], [g for g in goals or [] if g.round_id in shown_ids])
    render_outside_view(bank, history, feedback or {})
    _render_reflections(bank, history[start:end], labels[start:end])
    _render_report(bank, username, history, labels, feedback or {}, goals or [])


def _choose_window(count: int) -> tuple[int, int]:
    """The stretch of rounds the page draws: all of them, or the one chosen (the latest first)."""
    stretches = windows(count)
    if len(stretches) == 1:
        return stretches[0]
    return st.selectbox(
        texts.RESULTS_WINDOW,
        stretches,
        format_func=lambda stretch: window_label(stretch, count),
        key="results-window",
        help=texts.RESULTS_WINDOW_HELP,
    )
