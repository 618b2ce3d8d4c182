"""Development goals in the walk-through: chosen on the overview, followed up at the next round's start.

Every field is stored the moment it changes (choices) or is left (texts), like the answers.
"""

from __future__ import annotations

import streamlit as st

from core import texts
from core.formatting import danish_date, escape_markdown
from core.limits import FOLLOWUP_MAX_CHARS, GOAL_STEP_MAX_CHARS
from core.vocabulary import MAX_GOALS, MIN_GOALS, OUTCOMES
from db.goals import GoalView
from db.rounds import RoundView
from questions import QuestionBank
from ui import goals_actions
from ui import round_actions as actions
from ui.text_field import text_field


def render_followups(round_: RoundView, user_id: int, pending: list[GoalView], bank: QuestionBank, since) -> None:
    """At the start of a round: how did last round's goals go?"""
    if not pending:
        return
    with st.container(border=True):
        st.header(texts.FOLLOWUP_TITLE, anchor=False)
        st.write(texts.FOLLOWUP_INTRO.format(date=danish_date(since)))
        for goal in pending:
            name = bank.competency(goal.competency_id).name
            o_key, t_key = actions.followup_key(goal.id), actions.followup_text_key(goal.id)
            actions.remember_followup(goal.id)
            actions.load_choice(o_key, goal.followup.outcome if goal.followup else None, round_.id)
            actions.load_text(t_key, goal.followup.text if goal.followup else "", round_.id)
            st.markdown(f"**{escape_markdown(name)}**")
            st.text(texts.FOLLOWUP_STEP.format(step=goal.step))
            st.radio(
                texts.FOLLOWUP_OUTCOME.format(name=name),
                OUTCOMES,
                index=None,
                format_func=texts.OUTCOME_LABELS.__getitem__,
                horizontal=True,
                key=o_key,
                on_change=goals_actions.on_followup,
                args=(user_id, round_.id, goal.id, "outcome"),
            )
            text_field(
                texts.FOLLOWUP_TEXT,
                t_key,
                max_chars=FOLLOWUP_MAX_CHARS,
                too_long=texts.TEXT_TOO_LONG,
                height=80,
                on_change=goals_actions.on_followup,
                args=(user_id, round_.id, goal.id, "text"),
                draft=f"round-{round_.id}",
            )


def render_goal_slots(bank: QuestionBank, round_: RoundView, user_id: int, chosen: list[GoalView]) -> str | None:
    """On the overview: 1–3 goals, each a competency and a next step. Return what still blocks completion."""
    st.header(texts.GOALS_TITLE, anchor=False)
    st.write(texts.GOALS_INTRO)
    by_place = {g.position: g for g in chosen}
    options = [None, *(c.id for c in bank.competencies)]
    names = {c.id: c.name for c in bank.competencies}
    for n in range(1, MAX_GOALS + 1):
        goal = by_place.get(n)
        c_key, s_key = actions.competency_key(n), actions.step_key(n)
        actions.load_choice(c_key, goal.competency_id if goal else None, round_.id)
        actions.load_text(s_key, goal.step if goal else "", round_.id)
        with st.container(border=True):
            st.markdown(f"**{(texts.GOAL_SLOT if n == 1 else texts.GOAL_SLOT_OPTIONAL).format(n=n)}**")
            st.selectbox(
                texts.GOAL_COMPETENCY.format(n=n),
                options,
                format_func=lambda cid: texts.GOAL_NONE if cid is None else names[cid],
                placeholder=texts.GOAL_NONE,
                key=c_key,
                on_change=goals_actions.on_goal,
                args=(bank, user_id, round_.id, n),
            )
            text_field(
                texts.GOAL_STEP.format(n=n),
                s_key,
                max_chars=GOAL_STEP_MAX_CHARS,
                too_long=texts.GOAL_STEP_TOO_LONG,
                height=80,
                disabled=st.session_state[c_key] is None,
                on_change=goals_actions.on_goal,
                args=(bank, user_id, round_.id, n),
                draft=f"round-{round_.id}",
            )
    without_step = [g.competency_id for g in chosen if not g.step]
    if len(chosen) < MIN_GOALS or without_step:
        return actions.goals_problem(bank, too_few=len(chosen) < MIN_GOALS, without_step=without_step)
    return None
