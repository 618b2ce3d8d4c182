"""Floor for the results page: the same radar, table, trend, goals, reflections and report button as
"Mine resultater" for a leader with 10 rounds, drawn from constants (no database, no scoring)."""

import pandas as pd
import streamlit as st

from bench.floors.menu import run_in_menu
from core import texts
from core.charts import PLOTLY_CONFIG, radar_figure, trend_figure
from core.scoring import ScoredRound
from questions import load_bank
from ui.resources import APP_ICON

ROUNDS = 10
TEXT = "Jeg lyttede mere og spurgte borgerne først. " * 2


@st.cache_resource
def _bank():
    return load_bank()


bank = _bank()


st.set_page_config(page_title=texts.APP_TITLE, page_icon=APP_ICON, layout="centered")


def page() -> None:
    labels = [f"{n + 1}. mar. 2026 · Efter netværksmøde {n % 6 + 1}" for n in range(ROUNDS)]
    scored = [ScoredRound(label, {c.id: 1 + (n + i) % 5 for i, c in enumerate(bank.competencies)}) for n, label in
              enumerate(labels)]  # fmt: skip
    with st.sidebar:
        st.text(texts.SIGNED_IN_AS.format(name="Lise Hansen"))
        st.button(texts.LOGOUT, key="logout")
    st.title(texts.RESULTS_TITLE)
    names = [c.name for c in bank.competencies]
    with st.container(key="results-summary", border=True):  # "Siden sidst", drawn from fixed figures
        st.subheader(texts.SUMMARY_TITLE)
        st.caption(texts.SUMMARY_COMPARED.format(latest=labels[-1], previous=labels[-2]))
        st.download_button(texts.SUMMARY_PDF, data=lambda: b"", file_name="s.pdf", key="report-summary-download",
                           on_click="ignore")  # fmt: skip
        for heading in (texts.SUMMARY_ROSE, texts.SUMMARY_FELL, texts.SUMMARY_STRONGEST, texts.SUMMARY_WEAKEST):
            st.markdown(f"**{heading}**")
            st.text("\n".join(f"• {name}: 2,0 → 3,0 (+1,0)" for name in names[:3]))
        st.markdown(f"**{texts.SUMMARY_GOALS}**")
        st.text(f"• {names[0]}: Lykkedes")
    chosen = st.multiselect(texts.RESULTS_PICK_ROUNDS, labels, default=[labels[0], labels[-1]], key="results-rounds")
    shown = [s for s in scored if s.label in chosen]
    st.subheader(texts.RADAR_TITLE)
    st.caption(texts.RADAR_CAPTION)
    st.plotly_chart(radar_figure(bank, shown), key="results-radar", config=PLOTLY_CONFIG)
    st.subheader(texts.TABLE_TITLE)
    st.table(pd.DataFrame({s.label: [f"{v:.1f}" for v in s.scores.values()] for s in shown}, index=[c.name for c in
             bank.competencies]))  # fmt: skip
    st.subheader(texts.TREND_TITLE)
    st.caption(texts.TREND_CAPTION)
    st.plotly_chart(trend_figure(bank, scored), key="results-trend", config=PLOTLY_CONFIG)
    st.subheader(texts.GOALS_TITLE)
    with st.expander(texts.RESULTS_GOALS_ALL.format(goals=f"{ROUNDS} mål")):
        st.caption(texts.RESULTS_GOALS_CAPTION)
    for label in reversed(labels):
        with st.container(border=True):
            st.markdown(f"**{bank.competencies[0].name}**")
            st.caption(f"Fra refleksionen {label} · score over tid: 2,0 → 3,0")
            st.text("Næste skridt: Invitere en borger med")
            st.caption(texts.RESULTS_GOAL_NOT_TOLD)
    st.subheader(texts.REFLECTIONS_TITLE)
    for comp in bank.competencies:
        with st.expander(comp.name):
            for question in comp.questions:
                st.markdown(f"**{question.reflection}**")
                for label in labels:
                    st.caption(label)
                    st.text(TEXT)
    st.subheader(texts.FULL_REPORT_TITLE)
    st.caption(texts.REPORT_SECTION_CAPTION)
    st.selectbox(
        texts.REPORT_PICK_ROUND, range(ROUNDS), index=ROUNDS - 1, format_func=labels.__getitem__, key="report-round"
    )
    st.download_button(
        texts.REPORT_DOWNLOAD, data=lambda: b"", file_name="r.pdf", key="report-download", on_click="ignore"
    )


run_in_menu(page, texts.PAGE_RESULTS)
