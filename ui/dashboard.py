"""The course dashboard for its trainer: participation, the cohort's picture, consenting individuals, exports.

Everything drawn here comes from db.cohort.dashboard, which has already applied the privacy
rules: an aggregate that may not be shown is None here and only its reason is told.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from core import texts, vocabulary
from core.chart_tables import change_table, cohort_table, competency_frame, distribution_table
from core.charts import PLOTLY_CONFIG, change_figure, cohort_radar_figure, distribution_figure
from core.export import group_table, people_table, to_csv, to_xlsx
from core.formatting import danish_date, danish_score, danish_time, distinct_names
from core.history import context_label
from core.privacy import COMBINATION, DIFFERENCE, EARLIER, FEW_WITHOUT_CONSENT, TOO_FEW, Verdict
from core.vocabulary import NOT_STARTED
from db.cohort import Dashboard, band_from
from questions import QuestionBank
from ui import identity
from ui.courses_actions import DASHBOARD_ROUND_KEY
from ui.tables import chart_numbers, show_table


def choice_label(choice: str) -> str:
    return texts.DASHBOARD_CHOICES.get(choice) or context_label(choice)


def _hidden(verdict: Verdict, min_group: int, too_few: str = texts.HIDDEN_TOO_FEW) -> str:
    if verdict.reason == TOO_FEW:
        return too_few.format(missing=verdict.missing, min=min_group)
    if verdict.reason == DIFFERENCE and verdict.against != EARLIER:
        return texts.HIDDEN_DIFFERENCE.format(against=choice_label(verdict.against or ""), min=min_group)
    if verdict.reason in (DIFFERENCE, COMBINATION) and verdict.against == EARLIER:
        return texts.HIDDEN_EARLIER.format(min=min_group)
    if verdict.reason == FEW_WITHOUT_CONSENT:
        return texts.HIDDEN_CONSENT.format(min=min_group)
    return texts.HIDDEN_COMBINATION.format(min=min_group)


def _participants_table(board: Dashboard) -> pd.DataFrame:
    contexts = [c for c in vocabulary.CONTEXTS if any(c in p.by_context for p in board.participants)]
    rows = []
    for person in board.participants:
        row = {
            texts.PARTICIPANT_COL_NAME: person.name,
            texts.PARTICIPANT_COL_CONSENT: texts.YES if person.consent else texts.NO,
            texts.PARTICIPANT_COL_DONE: str(person.completed),
        }
        for context in contexts:
            row[context_label(context)] = texts.STATUS_LABELS[person.by_context.get(context, NOT_STARTED)]
        rows.append(row)
    return pd.DataFrame(rows).set_index(texts.PARTICIPANT_COL_NAME)


def _render_group(bank: QuestionBank, board: Dashboard) -> None:
    st.header(texts.DASHBOARD_RADAR_TITLE, anchor=False)
    stats = board.stats
    if stats is None:
        st.info(_hidden(board.verdict, board.course.min_group))
    else:
        if stats.shown_since is not None:
            when = f"{danish_date(stats.shown_since)} kl. {danish_time(stats.shown_since)}"
            st.info(texts.PICTURE_EARLIER.format(when=when, people=stats.people))
        st.caption(texts.DASHBOARD_RADAR_CAPTION.format(people=stats.people))
        if stats.band is not None:
            st.caption(texts.DASHBOARD_BAND_CAPTION)
        else:
            st.caption(texts.DASHBOARD_NO_BAND.format(band=band_from(board.course.min_group)))
        labels = {"mean": texts.MEAN_TRACE, "low": texts.BAND_LOW, "high": texts.BAND_HIGH}
        figure = cohort_radar_figure(bank, stats.mean, stats.band, labels)
        st.plotly_chart(figure, key="dashboard-radar", config=PLOTLY_CONFIG)
        chart_numbers(cohort_table(bank, stats.mean, stats.band))
    st.header(texts.CHANGE_TITLE, anchor=False)
    if board.change is None:
        st.info(_hidden(board.change_verdict, board.course.min_group, texts.CHANGE_HIDDEN_TOO_FEW))
    else:
        st.caption(texts.CHANGE_CAPTION.format(people=board.change_people))
        labels = (texts.CHANGE_FIRST, texts.CHANGE_LATEST)
        st.plotly_chart(change_figure(bank, *board.change, labels=labels), key="dashboard-change", config=PLOTLY_CONFIG)
        chart_numbers(change_table(bank, *board.change, labels=labels))
    if stats is not None:
        st.header(texts.DISTRIBUTION_TITLE, anchor=False)
        st.caption(texts.DISTRIBUTION_CAPTION)
        st.plotly_chart(
            distribution_figure(bank, stats.distribution), key="dashboard-distribution", config=PLOTLY_CONFIG
        )
        chart_numbers(distribution_table(bank, stats.distribution))


def _render_individuals(bank: QuestionBank, board: Dashboard) -> None:
    st.header(texts.INDIVIDUALS_TITLE, anchor=False)
    if board.withheld:
        st.info(texts.INDIVIDUALS_WITHHELD.format(count=board.withheld))
    if not board.individuals:
        if not board.withheld:
            st.caption(texts.INDIVIDUALS_EMPTY)
        return
    names = distinct_names([i.name for i in board.individuals])
    columns = {
        name: [danish_score(i.scores.get(c.id)) for c in bank.competencies]
        for name, i in zip(names, board.individuals, strict=True)
    }
    show_table(competency_frame(bank, columns))


def _render_exports(bank: QuestionBank, board: Dashboard) -> None:
    stats = board.stats
    if stats is None and not board.individuals:
        st.caption(texts.EXPORT_NOTHING)
        return
    group = None
    if stats is not None:
        group = group_table(bank, stats.people, stats.mean, stats.band, stats.distribution, board.change)
    names = distinct_names([i.name for i in board.individuals])
    people = people_table(bank, list(zip(names, [i.scores for i in board.individuals], strict=True)))
    name = f"hold-{board.course.id}-{board.chosen}"
    left, right = st.columns(2)
    left.download_button(
        texts.EXPORT_CSV,
        identity.live_data(lambda: to_csv(group, people)),
        file_name=f"{name}.csv",
        mime="text/csv",
        key="export-csv",
        on_click="ignore",  # a rerun on click would drop the file being built
    )
    right.download_button(
        texts.EXPORT_XLSX,
        identity.live_data(lambda: to_xlsx(group, people)),
        file_name=f"{name}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="export-xlsx",
        on_click="ignore",
    )


def render_dashboard(bank: QuestionBank, board: Dashboard) -> None:
    """Draw one course's dashboard."""
    st.selectbox(texts.DASHBOARD_ROUND, board.choices, format_func=choice_label, key=DASHBOARD_ROUND_KEY)
    _render_group(bank, board)
    _render_individuals(bank, board)
    # Names and statuses last: the first screen (or a shared projector) shows the group.
    st.header(texts.PARTICIPANTS_TITLE.format(count=len(board.participants)), anchor=False)
    if board.participants:
        show_table(_participants_table(board))
    else:
        st.caption(texts.PARTICIPANTS_EMPTY)
    _render_exports(bank, board)
