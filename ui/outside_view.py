"""The co-driver's view on the leader's results page: two radars in one, the gaps, and the comments."""

from __future__ import annotations

import streamlit as st

from core import texts
from core.chart_tables import radar_table
from core.charts import PLOTLY_CONFIG, radar_figure
from core.formatting import danish_date, danish_time, escape_markdown
from core.gaps import gaps_table, rating_gaps
from core.history import round_labels
from core.scoring import ScoredRound, competency_scores
from db.feedback import FeedbackView
from db.rounds import RoundView
from questions import QuestionBank
from ui.tables import chart_numbers, show_table


def _byline(name: str, moment) -> str:
    return texts.OUTSIDE_BYLINE.format(name=name, date=danish_date(moment), time=danish_time(moment))


def _render_gaps(bank: QuestionBank, own: dict, view: FeedbackView) -> None:
    st.markdown(f"**{escape_markdown(texts.GAPS_TITLE.format(name=view.author_name))}**")
    gaps = rating_gaps(bank, own, view.ratings())
    if not gaps:
        st.info(escape_markdown(texts.GAPS_NONE.format(name=view.author_name)))
        return
    st.caption(texts.GAPS_CAPTION)
    show_table(gaps_table(gaps))


def _render_comments(bank: QuestionBank, view: FeedbackView) -> None:
    with st.expander(texts.OUTSIDE_COMMENTS_TITLE.format(name=escape_markdown(view.author_name))):
        if view.overall:
            st.markdown(f"**{texts.OUTSIDE_OVERALL}**")
            st.caption(escape_markdown(_byline(view.author_name, view.updated_at)))
            st.text(view.overall)
        for comp in bank.competencies:
            item = view.items.get(comp.id)
            if item is None or not item.comment:
                continue
            st.markdown(f"**{escape_markdown(comp.name)}**")
            st.caption(escape_markdown(_byline(view.author_name, item.updated_at)))
            st.text(item.comment)


def render_outside_view(bank: QuestionBank, history: list[RoundView], by_round: dict[int, list[FeedbackView]]) -> None:
    """Show, per round with feedback, the leader's own radar beside each co-driver's, the gaps and comments."""
    labels = dict(zip((r.id for r in history), round_labels(history), strict=True))
    rounds = {r.id: r for r in history if by_round.get(r.id)}
    if not rounds:
        return
    st.header(texts.OUTSIDE_TITLE, anchor=False)
    st.caption(texts.OUTSIDE_INTRO)
    round_id = st.selectbox(
        texts.OUTSIDE_PICK_ROUND, list(rounds), index=len(rounds) - 1, format_func=labels.get, key="results-cd-round"
    )
    own = competency_scores(bank.of_version(rounds[round_id].bank_version), rounds[round_id].ratings())
    views = by_round[round_id]
    series = [ScoredRound(texts.OUTSIDE_OWN_TRACE, own)]
    series += [ScoredRound(texts.OUTSIDE_CD_TRACE.format(name=v.author_name), v.ratings()) for v in views]
    st.plotly_chart(radar_figure(bank, series), key="results-cd-radar", config=PLOTLY_CONFIG)
    chart_numbers(radar_table(bank, series))
    for view in views:
        if round_id != history[-1].id:  # the latest round's gaps open the page, under "Siden sidst"
            _render_gaps(bank, own, view)
        _render_comments(bank, view)
