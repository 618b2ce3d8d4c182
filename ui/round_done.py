"""The moment after "Afslut runden": the round just completed at the top, with what was stored and
the next steps (see the results, share with a co-driver, the next meeting), until the leader moves on."""

from __future__ import annotations

import streamlit as st

from core import texts
from core.formatting import danish_date, escape_markdown
from core.history import context_label
from db.round_done import RoundDone
from questions import QuestionBank
from ui import round_actions as actions


def render_done(bank: QuestionBank, done: RoundDone) -> None:
    """Draw the completed round and what comes next; a new round starts from here."""
    with st.container(border=True, key="round-done"):
        st.title(texts.ROUND_COMPLETED, anchor=False)
        when = texts.ROUND_DONE_WHEN.format(context=context_label(done.context), date=danish_date(done.completed_at))
        st.caption(escape_markdown(when))
        if done.goals:
            st.subheader(texts.ROUND_DONE_GOALS, anchor=False)
            lines = [
                texts.ROUND_DONE_GOAL.format(name=bank.competency(g.competency_id).name, step=g.step)
                for g in done.goals
            ]
            st.text("\n".join(f"• {line}" for line in lines))
        st.subheader(texts.ROUND_DONE_NEXT, anchor=False)
        if done.next_meeting is not None:
            st.text(texts.ROUND_DONE_NEXT_MEETING.format(date=danish_date(done.next_meeting)))
        with st.container(horizontal=True):
            st.button(
                texts.SEE_RESULTS,
                key="round-done-results",
                type="primary",
                icon=":material/radar:",
                on_click=actions.go,
                args=("pages/resultater.py",),
            )
            if not done.shared:
                st.button(
                    texts.ROUND_DONE_SHARE,
                    key="round-done-share",
                    icon=":material/group:",
                    help=texts.ROUND_DONE_SHARE_HELP,
                    on_click=actions.go,
                    args=("pages/deling.py",),
                )
            st.button(texts.ROUND_DONE_NEW, key="round-done-new", on_click=actions.leave_done)
