"""What happens when a leader chooses a goal or tells how last round's goal went: each field is
stored the moment it changes (choices) or is left (texts). The keys are the walk-through's
(ui/round_actions.py)."""

from __future__ import annotations

import streamlit as st

from core import texts
from db import goals
from db.errors import DuplicateGoalError
from questions import QuestionBank
from ui import identity
from ui import round_actions as actions
from ui.resources import tx
from ui.status import Status
from ui.text_field import mark_saved


@identity.live_autosave
def on_goal(bank: QuestionBank, user_id: int, round_id: int, n: int) -> None:
    """Store goal n as its two fields now read; a refused choice goes back to what is stored."""
    if not all(actions.loaded_for(k, round_id) for k in (actions.competency_key(n), actions.step_key(n))):
        return  # the fields hold another round's goal; the page fills them from storage
    competency_id = st.session_state.get(actions.competency_key(n))
    step = st.session_state.get(actions.step_key(n)) or ""
    try:
        stored = actions.store(
            goals.save_goal,
            user_id=user_id,
            round_id=round_id,
            position=n,
            competency_id=competency_id,
            step=step,
        )
    except DuplicateGoalError as exc:
        kept = {g.position: g for g in tx(goals.goals_of_round, user_id=user_id, round_id=round_id)}
        st.session_state[actions.competency_key(n)] = kept[n].competency_id if n in kept else None
        actions.set_status(Status.ERROR, texts.GOAL_DUPLICATE.format(name=bank.competency(exc.competency_id).name))
        return
    if stored is actions.FAILED:
        return
    # The typed step is never written back (it could replace letters typed meanwhile).
    mark_saved(actions.step_key(n), step)
    actions.saved()


@identity.live_autosave
def on_followup(user_id: int, round_id: int, goal_id: int, part: str) -> None:
    """Store how a goal went: its outcome or its short text."""
    field = actions.followup_key(goal_id) if part == "outcome" else actions.followup_text_key(goal_id)
    if not actions.loaded_for(field, round_id):
        return  # the field was filled for another round; the page fills it from storage
    if part == "outcome":
        told = {"outcome": st.session_state.get(actions.followup_key(goal_id))}
    else:
        told = {"text": st.session_state.get(actions.followup_text_key(goal_id)) or ""}
    save = dict(user_id=user_id, round_id=round_id, goal_id=goal_id, **told)
    if actions.store(goals.save_followup, **save) is not actions.FAILED:
        if part != "outcome":
            mark_saved(actions.followup_text_key(goal_id), told["text"])
        actions.saved()
