"""The leader's own overview ("Overblik"): the network and its meetings with the rounds after
each, where the three talks stand, the rounds of the competency mirror, and the goals."""

from __future__ import annotations

import streamlit as st

from core import texts
from core.formatting import danish_date, escape_markdown
from core.history import context_label
from db import agreements, goals, networks, rounds, tool_answers
from questions import QuestionBank
from questions.tools import Tools
from ui import my_overview_actions as actions
from ui.agreement_view import talk_status
from ui.flash import show_flash
from ui.resources import tx
from ui.talks import tool_progress


def meeting_context(number: int) -> str:
    """The round context that follows meeting `number` (core/vocabulary.py)."""
    return f"efter-moede-{number}"


def _render_network_form(user_id: int, network: networks.NetworkView | None) -> None:
    with st.form("network-form", border=False):
        st.text_input(texts.NETWORK_NAME, value=network.name if network else "", key=actions.NAME_KEY, max_chars=120)
        st.text_area(texts.NETWORK_THEME, value=network.theme if network else "", key=actions.THEME_KEY, height=90)
        st.caption(texts.NETWORK_MEETINGS_HELP)
        columns = st.columns(3)
        held = network.meetings if network else ()
        for number in range(1, actions.MEETING_FIELDS + 1):
            columns[(number - 1) % 3].date_input(
                texts.NETWORK_MEETING.format(number=number),
                value=held[number - 1] if number <= len(held) else None,
                format="DD.MM.YYYY",
                key=actions.meeting_key(number),
            )
        st.form_submit_button(
            texts.NETWORK_SAVE, key=actions.SAVE_KEY, type="primary", on_click=actions.save_network, args=(user_id,)
        )


def _render_network(user_id: int, history: list[rounds.RoundView]) -> None:
    st.header(texts.NETWORK_TITLE, anchor=False)
    show_flash(actions.NETWORK_SLOT)
    network = tx(networks.get_network, user_id=user_id)
    if network is None:
        st.write(texts.NETWORK_NONE)
        _render_network_form(user_id, None)
        return
    with st.container(border=True, key="overview-network"):
        st.subheader(network.name, anchor=False)
        if network.theme:
            st.text(network.theme)
        after = {r.context: r for r in history}
        for number, held in enumerate(network.meetings, start=1):
            round_ = after.get(meeting_context(number))
            tied = (
                texts.NETWORK_ROUND_AFTER.format(
                    context=context_label(round_.context), date=danish_date(round_.completed_at)
                )
                if round_
                else texts.NETWORK_NO_ROUND
            )
            st.text(f"{texts.NETWORK_MEETING_ROUND.format(number=number, date=danish_date(held))} · {tied}")
        if network.test_phase_from:
            st.caption(texts.NETWORK_TEST_PHASE.format(date=danish_date(network.test_phase_from)))
    with st.expander(texts.NETWORK_EDIT):
        _render_network_form(user_id, network)


def _render_talks(tools: Tools, user_id: int) -> None:
    st.header(texts.OVERVIEW_TALKS, anchor=False)
    own = tx(agreements.list_agreements, leader_id=user_id)
    answered = tx(tool_answers.answered_tools, user_id=user_id)
    for tool in tools.tools:
        with st.container(border=True, key=f"overview-talk-{tool.talk}"):
            st.markdown(f"**{texts.TALK_NAMES[tool.talk]}**")
            st.caption(tool_progress(tool, answered.get(tool.id, 0)))
            st.caption(escape_markdown(talk_status(own.get(tool.talk), tool)))
    st.page_link("pages/samtaler.py", label=texts.PAGE_TALKS, icon=":material/forum:")


def _render_rounds(bank: QuestionBank, user_id: int, history: list[rounds.RoundView]) -> None:
    st.header(texts.OVERVIEW_ROUNDS, anchor=False)
    open_round = tx(rounds.get_open_round, user_id=user_id)
    if open_round is not None:
        st.info(texts.OVERVIEW_OPEN_ROUND.format(context=context_label(open_round.context)))
    if not history:
        st.caption(texts.OVERVIEW_NO_ROUNDS)
    for round_ in history:
        context = context_label(round_.context)
        st.text(texts.OVERVIEW_ROUND_ITEM.format(context=context, date=danish_date(round_.completed_at)))
    st.header(texts.OVERVIEW_GOALS, anchor=False)
    latest = history[-1] if history else None
    chosen = tx(goals.goals_of_round, user_id=user_id, round_id=latest.id) if latest else []
    if not chosen:
        st.caption(texts.OVERVIEW_NO_GOALS)
    for goal in chosen:
        name = bank.competency(goal.competency_id).name
        st.text(texts.OVERVIEW_GOAL_ITEM.format(competency=name, step=goal.step))


def render_overview(bank: QuestionBank, tools: Tools, user_id: int) -> None:
    """The whole overview page for the signed-in leader."""
    st.title(texts.MY_OVERVIEW_TITLE, anchor=False)
    st.write(texts.MY_OVERVIEW_INTRO)
    history = tx(rounds.list_history, user_id=user_id)
    _render_network(user_id, history)
    _render_talks(tools, user_id)
    _render_rounds(bank, user_id, history)
