"""The co-driver's page: the leaders who share with them, their radar over time, and the co-driver's voice."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from core import texts
from core.chart_tables import radar_table
from core.charts import PLOTLY_CONFIG, radar_figure
from core.formatting import danish_date, danish_genitive, danish_score, escape_markdown
from core.history import context_label, default_selection, score_history
from core.limits import TEXT_MAX_CHARS
from core.scoring import competency_scores
from db import feedback, sharing
from db.errors import AccessRevokedError
from db.rounds import RoundView
from db.sharing import SharedHistory, ShareView
from questions import Competency, QuestionBank
from ui import codriver_actions as actions
from ui.browser import open_step_at_top
from ui.flash import show_flash
from ui.ratings import RATINGS, rating_label
from ui.resources import tx
from ui.status import show_status
from ui.tables import chart_numbers, show_table
from ui.text_field import text_field


def _from_link(user_id: int) -> SharedHistory | None:
    """Open the leader named in the link (?leader=<username>), if storage says this co-driver may see them."""
    wanted = st.query_params.get("leader")
    if not wanted:
        return None
    try:
        shared = tx(sharing.shared_history_named, codriver_id=user_id, leader_name=wanted)
    except AccessRevokedError:
        st.warning(texts.CODRIVER_NO_ACCESS)
        del st.query_params["leader"]
        return None
    st.session_state[actions.LEADER_KEY] = shared.share.leader_id
    return shared


def _pick_leader(user_id: int, shares: list[ShareView]) -> SharedHistory:
    """Show the leader picker (the leaders who share with this co-driver) and load the chosen one."""
    from_link = _from_link(user_id)
    names = {s.leader_id: s.leader_name for s in shares}
    chosen = st.selectbox(
        texts.CODRIVER_PICK_LEADER,
        list(names),
        format_func=names.get,
        key=actions.LEADER_KEY,
        on_change=actions.sync_query,
        args=({s.leader_id: s.leader_username for s in shares},),
    )
    actions.show_leader(chosen)
    if from_link is not None and from_link.share.leader_id == chosen:
        return from_link
    return tx(sharing.shared_history, codriver_id=user_id, leader_id=chosen)


def _rounds_table(history: list[RoundView], with_notes: bool) -> pd.DataFrame:
    data = {
        texts.ROUNDS_COL_DATE: [danish_date(r.completed_at or r.started_at) for r in history],
        texts.ROUNDS_COL_CONTEXT: [context_label(r.context) for r in history],
    }
    if with_notes:
        data[texts.ROUNDS_COL_NOTE] = [r.note for r in history]
    return pd.DataFrame(data, index=pd.Index(range(1, len(history) + 1), name=texts.ROUNDS_COL_NUMBER))


def _render_overview(bank: QuestionBank, shared: SharedHistory) -> list[str]:
    """The radar over time and the list of rounds, folded (the co-driver's work is below); return
    the rounds' labels, oldest first."""
    leader = shared.share.leader_name
    scored = score_history(bank, shared.rounds)
    labels = [s.label for s in scored]
    with st.expander(escape_markdown(texts.CODRIVER_RADAR_TITLE.format(leader_gen=danish_genitive(leader)))):
        chosen = st.multiselect(
            texts.RESULTS_PICK_ROUNDS, labels, default=default_selection(labels), key=actions.ROUNDS_KEY
        )
        shown = [s for s in scored if s.label in chosen]
        st.plotly_chart(radar_figure(bank, shown), key="cd-radar", config=PLOTLY_CONFIG)
        chart_numbers(radar_table(bank, shown))
        st.subheader(texts.CODRIVER_ROUNDS_TITLE, anchor=False)
        show_table(_rounds_table(shared.rounds, shared.share.includes_texts))
    return labels


def _render_leaders_answers(bank: QuestionBank, comp: Competency, round_: RoundView, shared: SharedHistory) -> None:
    """What the leader gave for this competency: their score and, where shared, their reflections."""
    leader_gen = danish_genitive(shared.share.leader_name)
    score = competency_scores(bank.of_version(round_.bank_version), round_.ratings())[comp.id]
    with st.container(border=True):
        st.caption(
            escape_markdown(texts.CODRIVER_LEADER_SCORE.format(leader_gen=leader_gen, score=danish_score(score)))
        )
        if shared.share.includes_texts:
            asked = bank.of_version(round_.bank_version)  # the wording the leader answered
            for question in asked.competency(comp.id).questions:
                answer = round_.answers.get(question.id)
                prompt = asked.wording(question, round_.context).reflection
                st.caption(escape_markdown(texts.CODRIVER_LEADER_TEXT.format(leader_gen=leader_gen, prompt=prompt)))
                st.text(answer.text if answer and answer.text else texts.NO_REFLECTION)


def _render_competency(bank: QuestionBank, comp: Competency, round_: RoundView, shared: SharedHistory, user_id: int):
    """One step: the competency, the leader's answers above, the co-driver's rating and comment below."""
    leader = shared.share.leader_name
    args = (user_id, round_.id, leader, comp.id)
    st.header(comp.name, anchor=False)
    _render_leaders_answers(bank, comp, round_, shared)
    st.radio(
        texts.CD_RATING.format(leader=escape_markdown(leader)),
        RATINGS,
        index=None,
        horizontal=True,
        format_func=rating_label(bank.scale),
        key=actions.rating_key(comp.id),
        on_change=actions.on_rating,
        args=args,
    )
    text_field(
        texts.CD_COMMENT,
        actions.comment_key(comp.id),
        max_chars=TEXT_MAX_CHARS,
        too_long=texts.CD_TEXT_TOO_LONG,
        height=90,
        on_change=actions.on_comment,
        args=args,
        draft=f"cd-{round_.id}",
    )


def _render_overall(round_id: int, leader: str, user_id: int) -> None:
    """The last step: the co-driver's overall comment on the round."""
    st.header(texts.CD_OVERALL_TITLE, anchor=False)
    text_field(
        texts.CD_OVERALL.format(leader=escape_markdown(leader)),
        actions.OVERALL_KEY,
        max_chars=TEXT_MAX_CHARS,
        too_long=texts.CD_TEXT_TOO_LONG,
        on_change=actions.on_overall,
        args=(user_id, round_id, leader),
        draft=f"cd-{round_id}",
    )


def _render_voice(bank: QuestionBank, shared: SharedHistory, round_labels: list[str], user_id: int) -> None:
    """The co-driver's outside view of one round, one competency at a time, saved as they type."""
    leader = shared.share.leader_name
    by_id = {r.id: r for r in shared.rounds}
    labels = dict(zip(by_id, round_labels, strict=True))
    st.header(texts.CODRIVER_VOICE_TITLE, anchor=False)
    st.write(escape_markdown(texts.CODRIVER_VOICE_INTRO.format(leader=leader, leader_gen=danish_genitive(leader))))
    round_id = st.selectbox(
        texts.CODRIVER_PICK_ROUND, list(by_id), index=len(by_id) - 1, format_func=labels.get, key=actions.ROUND_KEY
    )
    round_ = by_id[round_id]
    own = tx(feedback.own_feedback, author_id=user_id, round_id=round_id)
    comps = bank.competencies
    step = actions.current_step(shared.share.leader_id, round_id, len(comps))
    ids = [comps[step].id] if step < len(comps) else []
    actions.load_widgets(ids, shared.share.leader_id, round_id, own)
    given = sum(1 for item in (own.items.values() if own else []) if item.rating is not None or item.comment)
    progress = (
        texts.STEP_PROGRESS.format(step=step + 1, total=len(comps)) if step < len(comps) else texts.CD_OVERALL_TITLE
    )
    st.progress((step + 1) / (len(comps) + 1), text=progress)
    st.caption(texts.CD_GIVEN.format(given=given, total=len(comps)))
    if step < len(comps):
        _render_competency(bank, comps[step], round_, shared, user_id)
    else:
        _render_overall(round_id, leader, user_id)
    show_status(actions.STATUS_KEY, texts.CD_SAVED_IDLE)
    with st.container(horizontal=True, horizontal_alignment="distribute", key="cd-step-buttons"):
        st.button(texts.STEP_BACK, key="cd-step-back", disabled=step == 0, on_click=actions.go_to, args=(step - 1,))
        st.button(
            texts.STEP_NEXT,
            key="cd-step-next",
            type="primary",
            disabled=step >= len(comps),
            on_click=actions.go_to,
            args=(step + 1,),
        )
    heading = comps[step].name if step < len(comps) else texts.CD_OVERALL_TITLE
    open_step_at_top(f"cd-{round_id}-{step}", heading)


def render_codriver(bank: QuestionBank, user_id: int) -> None:
    """Draw the co-driver page. Every run asks storage afresh what the co-driver may see."""
    st.title(texts.CODRIVER_TITLE, anchor=False)
    st.write(texts.CODRIVER_INTRO)
    show_flash(actions.CODRIVER_SLOT)
    shares = tx(sharing.shares_received, codriver_id=user_id)
    if not shares:
        actions.forget_widgets()
        st.info(texts.CODRIVER_EMPTY)
        return
    try:
        shared = _pick_leader(user_id, shares)
    except AccessRevokedError:  # revoked between the two reads
        actions.forget_widgets()
        st.info(texts.CODRIVER_NO_ACCESS)
        return
    st.caption(escape_markdown(texts.CODRIVER_SCOPE[shared.share.scope].format(leader=shared.share.leader_name)))
    if not shared.rounds:
        st.info(escape_markdown(texts.CODRIVER_NO_ROUNDS.format(leader=shared.share.leader_name)))
        return
    labels = _render_overview(bank, shared)
    _render_voice(bank, shared, labels, user_id)
