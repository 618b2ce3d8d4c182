"""The walk-through ("Ny refleksion"): start a round, one competency per step, overview, complete."""

from __future__ import annotations

import streamlit as st

from core import texts, vocabulary
from core.estimate import round_minutes
from core.formatting import danish_date, danish_score, escape_markdown, local_today
from core.history import context_label, next_context
from core.limits import NOTE_MAX_CHARS, TEXT_MAX_CHARS
from core.scoring import competency_scores, missing_ratings
from db import drafts, goals, round_done, rounds
from db.goals import GoalView
from db.rounds import RoundView
from questions import Competency, Question, QuestionBank
from ui import goals as goal_ui
from ui import round_actions as actions
from ui.browser import open_step_at_top
from ui.flash import show_flash
from ui.ratings import RATINGS, rating_label
from ui.resources import tx
from ui.round_done import render_done
from ui.status import show_status
from ui.text_field import load, text_field


def render_start(bank: QuestionBank, user_id: int) -> None:
    """Show the round just completed (until the leader moves on), or the form that starts a new round."""
    asked = actions.page_asked_for()
    if asked is not None:
        st.switch_page(asked)
    done_id = actions.done_round_id()
    done = tx(round_done.round_done, user_id=user_id, round_id=done_id, today=local_today()) if done_id else None
    if done is not None:
        render_done(bank, done)
        return
    show_flash(actions.ROUND_SLOT)
    st.title(texts.START_TITLE, anchor=False)
    st.write(texts.START_INTRO)
    low, high = round_minutes(tx(rounds.recent_durations, bank_version=bank.version), bank)
    st.markdown(texts.START_DURATION.format(low=low, high=high))
    done, last_context = tx(rounds.start_form_facts, user_id=user_id)
    if done:
        st.caption(texts.rounds_done(done))
    contexts = list(vocabulary.CONTEXTS)
    # The next point of the network after the last round; a course's preset for today stands.
    actions.offer_context(next_context(last_context, contexts))
    st.selectbox(texts.ROUND_CONTEXT, contexts, format_func=context_label, key=actions.CONTEXT_KEY)
    if actions.NOTE_KEY not in st.session_state:
        load(actions.NOTE_KEY, tx(drafts.note_draft, user_id=user_id))
    text_field(
        texts.ROUND_NOTE,
        actions.NOTE_KEY,
        max_chars=NOTE_MAX_CHARS,
        too_long=texts.NOTE_TOO_LONG,
        on_change=actions.on_note,
        args=(user_id,),
        draft="round-note",
        height=80,
        help=texts.ROUND_NOTE_HELP,
    )
    st.button(texts.ROUND_START, key="round-start", type="primary", on_click=actions.start, args=(bank, user_id))


def _show_last_time(question: Question, previous: RoundView) -> None:
    """Last round's answer to this very question, open above the fields (nothing if it was not asked)."""
    answer = previous.answers.get(question.id)
    if answer is None:
        return
    when = texts.LAST_TIME.format(date=danish_date(previous.completed_at or previous.started_at))
    with st.expander(when, expanded=True):
        st.text(texts.LAST_TIME_RATING.format(rating=answer.rating) if answer.rating else texts.LAST_TIME_NO_RATING)
        st.text(answer.text if answer.text else texts.LAST_TIME_NO_TEXT)


def _render_question(bank: QuestionBank, question: Question, round_: RoundView, user_id: int, previous) -> None:
    answer = round_.answers.get(question.id)
    wording = bank.wording(question, round_.context)
    r_key, t_key = actions.rating_key(question.id), actions.text_key(question.id)
    # From storage wherever the field does not hold this round's value: new in this session, or
    # still holding another round's (a tab where that round was completed and this one started).
    stored = answer.rating if answer else None
    if actions.load_choice(r_key, stored, round_.id):
        actions.remember_rating(question.id, stored)
    actions.load_text(t_key, answer.text if answer else "", round_.id)
    with st.container(border=True):
        if previous is not None:
            _show_last_time(question, previous)
        st.radio(
            wording.text,
            RATINGS,
            index=None,
            format_func=rating_label(bank.scale_for(question)),
            horizontal=True,
            key=r_key,
            on_change=actions.on_rating,
            args=(user_id, round_.id, question.id),
        )
        text_field(
            wording.reflection,
            t_key,
            max_chars=TEXT_MAX_CHARS,
            on_change=actions.on_text,
            args=(user_id, round_.id, question.id),
            draft=f"round-{round_.id}",
        )


def _render_competency(bank: QuestionBank, comp: Competency, round_: RoundView, user_id: int, previous) -> None:
    st.header(comp.name, anchor=False)
    st.write(comp.description)
    for question in comp.questions:
        _render_question(bank, question, round_, user_id, previous)


def _render_overview(bank: QuestionBank, round_: RoundView, user_id: int) -> bool:
    """Draw the overview with the goals; return whether the round can be completed."""
    st.header(texts.ROUND_OVERVIEW_TITLE, anchor=False)
    st.write(texts.ROUND_OVERVIEW_INTRO)
    scores = competency_scores(bank, round_.ratings())
    for index, comp in enumerate(bank.competencies):
        _render_overview_competency(bank, comp, round_, scores[comp.id], user_id, index)
    missing = missing_ratings(bank, round_.ratings())
    if missing:
        st.warning(texts.OVERVIEW_MISSING.format(count=len(missing)))
        for index, comp in enumerate(bank.competencies):
            if any(q in missing for q in comp.questions):
                st.button(
                    texts.GO_TO_COMPETENCY.format(name=comp.name),
                    key=f"goto-{comp.id}",
                    on_click=actions.go_to,
                    args=(user_id, round_.id, index),
                )
    unanswered = [g for g in tx(goals.goals_to_follow_up, user_id=user_id, round_id=round_.id) if not _told(g)]
    if unanswered:
        st.info(texts.FOLLOWUP_MISSING.format(count=len(unanswered)))
        st.button(texts.FOLLOWUP_GO_TO, key="goto-followups", on_click=actions.go_to, args=(user_id, round_.id, 0))
    problem = goal_ui.render_goal_slots(
        bank, round_, user_id, tx(goals.goals_of_round, user_id=user_id, round_id=round_.id)
    )
    if problem:
        st.warning(problem)
    return not missing and problem is None


def _render_overview_competency(
    bank: QuestionBank, comp: Competency, round_: RoundView, score: float | None, user_id: int, index: int
) -> None:
    """One competency's answers as given, and "Ret", which opens its step."""
    with st.container(border=True):
        with st.container(horizontal=True, horizontal_alignment="distribute", vertical_alignment="center"):
            st.markdown(f"**{escape_markdown(comp.name)}**")
            st.button(
                texts.OVERVIEW_EDIT,
                key=f"overview-edit-{comp.id}",
                help=texts.OVERVIEW_EDIT_HELP.format(name=comp.name),
                on_click=actions.go_to,
                args=(user_id, round_.id, index),
            )
        st.caption(texts.OVERVIEW_SCORE.format(score=danish_score(score)))
        for question in comp.questions:
            answer = round_.answers.get(question.id)
            wording = bank.wording(question, round_.context)
            st.caption(escape_markdown(wording.text))
            rating = answer.rating if answer else None
            shown = texts.LAST_TIME_RATING.format(rating=rating_label(bank.scale_for(question))(rating))
            st.text(shown if rating else texts.LAST_TIME_NO_RATING)
            st.text(answer.text if answer and answer.text else texts.NO_REFLECTION)


def _told(goal: GoalView) -> bool:
    return goal.followup is not None and goal.followup.outcome is not None


def render_round(bank: QuestionBank, round_: RoundView, user_id: int, previous: RoundView | None) -> None:
    """Show the current step of the user's unfinished round (`previous`: their latest completed one),
    in the wording of the bank version it was started with."""
    bank = bank.of_version(round_.bank_version)
    actions.follow_round(bank, round_.id)
    total = len(bank.competencies)
    step = min(round_.current_step, total)
    st.title(texts.START_TITLE, anchor=False)
    caption = texts.ROUND_CAPTION.format(context=context_label(round_.context), date=danish_date(round_.started_at))
    st.caption(escape_markdown(caption))
    if round_.note:
        st.text(texts.ROUND_NOTE_LABEL.format(note=round_.note))
    progress_text = texts.STEP_PROGRESS.format(step=step + 1, total=total) if step < total else texts.OVERVIEW_PROGRESS
    st.progress((step + 1) / (total + 1), text=progress_text)
    can_complete = False
    leaving = [q.id for q in bank.competencies[step].questions] if step < total else []
    actions.store_unsaved(user_id, round_.id, leaving)  # a save Streamlit skipped lands now
    if step < total:
        if step == 0 and previous is not None:
            pending = tx(goals.goals_to_follow_up, user_id=user_id, round_id=round_.id)
            goal_ui.render_followups(round_, user_id, pending, bank, previous.completed_at)
        _render_competency(bank, bank.competencies[step], round_, user_id, previous)
    else:
        can_complete = _render_overview(bank, round_, user_id)
    show_status(actions.STATUS_KEY, texts.SAVED_IDLE)
    # One row that never stacks, also on a phone: back on the left, forward on the right.
    with st.container(horizontal=True, horizontal_alignment="distribute", key="step-buttons"):
        st.button(
            texts.STEP_BACK,
            key="step-back",
            disabled=step == 0,
            on_click=actions.go_to,
            args=(user_id, round_.id, step - 1, leaving),
        )
        if step < total:
            st.button(
                texts.STEP_NEXT,
                key="step-next",
                type="primary",
                on_click=actions.go_to,
                args=(user_id, round_.id, step + 1, leaving),
            )
        else:
            st.button(
                texts.ROUND_COMPLETE,
                key="round-complete",
                type="primary",
                disabled=not can_complete,
                on_click=actions.complete,
                args=(bank, user_id, round_.id),
            )
    heading = bank.competencies[step].name if step < total else texts.ROUND_OVERVIEW_TITLE
    open_step_at_top(f"{round_.id}-{step}", heading)
