"""What happens when a leader acts in the walk-through: each change is stored at once.

These are Streamlit callbacks: they run before the page is drawn again, read the widget's
value from session state, call the storage API in one transaction and leave a status.
"""

from __future__ import annotations

import streamlit as st

from core import texts
from core.clock import utcnow
from core.formatting import danish_time
from core.limits import TEXT_MAX_CHARS
from core.vocabulary import MAX_GOALS, MIN_GOALS
from db import drafts, rounds
from db.errors import (
    GoalsIncompleteError,
    IncompleteRoundError,
    InvalidInputError,
    NotFoundError,
    OpenRoundExistsError,
    RoundClosedError,
    TextTooLongError,
)
from questions import QuestionBank
from ui import identity, status
from ui.flash import Kind, set_flash
from ui.resources import tx
from ui.status import Status
from ui.text_field import fill as fill_text_field
from ui.text_field import forget_saved, mark_saved, over_limit, store_typed, unsaved

STATUS_KEY = "save-status"
NOTE_KEY = "round-note"  # the start form's note, kept as a draft until the round starts
ROUND_SHOWN_KEY = "walkthrough-round"  # the round whose answers this tab's fields hold
LOADED_KEY = "walkthrough-loaded"  # widget key -> the round whose stored value filled that field
RATED_KEY = "walkthrough-rated"  # question id -> the rating storage holds, as this tab knows it
FOLLOWUPS_KEY = "walkthrough-followups"  # ids of the goals whose follow-up fields this tab holds
CONTEXT_KEY = "round-context"  # the start form's choice of where in the network this round is
ROUND_SLOT = "walkthrough"  # the flash above the start form: why a round did not start
DONE_PARAMETER = "afsluttet"  # ?afsluttet=<round id>: the moment after completing, kept through a reload
GO_KEY = "walkthrough-go"  # the page a button of that moment asked for, opened on the next run


def rating_key(question_id: str) -> str:
    """Return the stable widget key of a question's rating."""
    return f"rating-{question_id}"


def text_key(question_id: str) -> str:
    """Return the stable widget key of a question's reflection text."""
    return f"text-{question_id}"


def competency_key(n: int) -> str:
    """The key of goal n's competency (1 ≤ n ≤ MAX_GOALS) on the overview."""
    return f"goal-competency-{n}"


def step_key(n: int) -> str:
    """The key of goal n's next step."""
    return f"goal-step-{n}"


def followup_key(goal_id: int) -> str:
    """The key of how last round's goal went (its outcome), at the start of the next round."""
    return f"goal-followup-{goal_id}"


def followup_text_key(goal_id: int) -> str:
    """The key of what the leader tells about last round's goal."""
    return f"goal-followup-text-{goal_id}"


def remember_followup(goal_id: int) -> None:
    """Note that this tab holds the follow-up fields of this goal, so a new round clears them."""
    st.session_state[FOLLOWUPS_KEY] = {*st.session_state.get(FOLLOWUPS_KEY, ()), goal_id}


def _goal_widget_keys() -> list[str]:
    """Every key of a goal's field this tab may hold: the overview's slots and the follow-ups drawn."""
    slots = [key for n in range(1, MAX_GOALS + 1) for key in (competency_key(n), step_key(n))]
    followed = st.session_state.get(FOLLOWUPS_KEY, ())
    return [*slots, *(key for g in followed for key in (followup_key(g), followup_text_key(g)))]


def loaded_for(key: str, round_id: int) -> bool:
    """Whether this tab's field `key` holds a value that began as round `round_id`'s stored one.

    A field's key is the same in every round (the stable keys), and a browser keeps a widget's
    value until the server sets another: a tab that still shows last round must never store what
    its fields hold into the round that replaced it. So every save checks this first, and the
    page fills a field from storage wherever it is not true.
    """
    return key in st.session_state and st.session_state.get(LOADED_KEY, {}).get(key) == round_id


def load_choice(key: str, value: object, round_id: int) -> bool:
    """Set a choice field to round `round_id`'s stored value (None: nothing chosen), unless it
    already holds this round's; return whether it was set. Set through session state, the value
    reaches the browser too, over what its widget still held."""
    if loaded_for(key, round_id):
        return False
    st.session_state[key] = value
    _note_loaded(key, round_id)
    return True


def load_text(key: str, text: str, round_id: int) -> None:
    """Set a text field to round `round_id`'s stored text, as load_choice() does for a choice."""
    if not loaded_for(key, round_id):
        fill_text_field(key, text)
        _note_loaded(key, round_id)


def _note_loaded(key: str, round_id: int) -> None:
    st.session_state[LOADED_KEY] = {**st.session_state.get(LOADED_KEY, {}), key: round_id}


def forget_answer_widgets(bank: QuestionBank) -> None:
    """Drop widget values so a new round never shows the previous round's answers or goals."""
    every_id = list(bank.competency_of)  # this version's questions and every earlier one's
    for qid in every_id:
        st.session_state.pop(rating_key(qid), None)
        st.session_state.pop(text_key(qid), None)
    forget_saved([text_key(qid) for qid in every_id])
    st.session_state.pop(RATED_KEY, None)
    for key in [*_goal_widget_keys(), FOLLOWUPS_KEY, LOADED_KEY]:
        st.session_state.pop(key, None)
    status.forget_status(STATUS_KEY)


def preset_context(context: str) -> None:
    """Have the start form offer this context (a course's session today), over any chosen before."""
    st.session_state[CONTEXT_KEY] = context


def offer_context(context: str) -> None:
    """The start form's context before the leader chooses: this one, unless one is already set."""
    st.session_state.setdefault(CONTEXT_KEY, context)


def follow_round(bank: QuestionBank, round_id: int) -> None:
    """Start the answers afresh in a tab that was showing another round: it was completed (and a
    new one started) in another tab, and its answers must never fill the new round."""
    shown = st.session_state.get(ROUND_SHOWN_KEY)
    if shown is not None and shown != round_id:
        forget_answer_widgets(bank)
        set_status(Status.NOTICE, texts.ROUND_REPLACED)
    st.session_state[ROUND_SHOWN_KEY] = round_id


def set_status(kind: Status, message: str) -> None:
    """Leave the save status shown under the step."""
    status.set_status(STATUS_KEY, kind, message)


def saved() -> None:
    """Tell the leader that what they just did is stored."""
    set_status(Status.SAVED, texts.SAVED.format(time=danish_time(utcnow())))


@identity.live_autosave
def on_rating(user_id: int, round_id: int, question_id: str) -> None:
    """Store the rating just chosen."""
    _store_rating(user_id, round_id, question_id)


def _store_rating(user_id: int, round_id: int, question_id: str) -> None:
    if not loaded_for(rating_key(question_id), round_id):
        return  # the field holds another round's value; the page fills it from storage
    value = st.session_state.get(rating_key(question_id))
    try:
        tx(rounds.save_rating, user_id=user_id, round_id=round_id, question_id=question_id, rating=value)
    except InvalidInputError:
        set_status(Status.ERROR, texts.RATING_INVALID)
        return
    except (RoundClosedError, NotFoundError):
        set_status(Status.ERROR, texts.ROUND_CLOSED)
        return
    remember_rating(question_id, value)
    saved()


def remember_rating(question_id: str, rating: int | None) -> None:
    """Note the rating storage holds for a question (loaded or just stored) in this tab."""
    st.session_state[RATED_KEY] = {**st.session_state.get(RATED_KEY, {}), question_id: rating}


def store_unsaved(user_id: int, round_id: int, question_ids: list[str]) -> None:
    """Store what these questions' fields hold where storage may lack it.

    A click that arrives while the server is still busy with the run that took a text can make
    Streamlit skip that text's callback (the browser load test lost a text that way under load);
    the field still holds the text, so it is stored here, on the next run, before it is lost.
    """
    rated = st.session_state.get(RATED_KEY, {})
    for qid in question_ids:
        if unsaved(text_key(qid), TEXT_MAX_CHARS):
            _store_text(user_id, round_id, qid)
        rating = st.session_state.get(rating_key(qid))
        if rating is not None and rated.get(qid) != rating:
            _store_rating(user_id, round_id, qid)


FAILED = object()  # what store() returns when the save was refused


def store(action, **kwargs):
    """Run one save of the walk-through in its own transaction and return its result, or FAILED if
    it was refused (what was stored before stays). A text over its limit is marked at its own
    field (ui/text_field.py); a closed round is said under the step."""
    try:
        return tx(action, **kwargs)
    except TextTooLongError:
        pass
    except (RoundClosedError, NotFoundError):
        set_status(Status.ERROR, texts.ROUND_CLOSED)
    return FAILED


@identity.live_autosave
def on_text(user_id: int, round_id: int, question_id: str) -> None:
    """Store the reflection just written (refused, with a message, if too long).

    What they typed stays on screen so they can shorten it; the stored value stays as it was.
    """
    _store_text(user_id, round_id, question_id)


def _store_text(user_id: int, round_id: int, question_id: str) -> None:
    if not loaded_for(text_key(question_id), round_id):
        return  # the field holds another round's text; the page fills it from storage

    def save(text: str, based_on: str | None) -> bool:
        where = dict(user_id=user_id, round_id=round_id, question_id=question_id)
        return store(rounds.save_text, **where, text=text, based_on=based_on) is not FAILED

    if store_typed(text_key(question_id), save):
        saved()


@identity.live_autosave
def on_note(user_id: int) -> None:
    """Keep the note of the round about to start, so a reload or a lost connection keeps it too."""
    note = st.session_state.get(NOTE_KEY) or ""
    try:
        tx(drafts.save_note_draft, user_id=user_id, note=note)
    except TextTooLongError:
        return  # the field itself says it is too long; the draft stored before stays
    mark_saved(NOTE_KEY, note)


def goals_problem(bank: QuestionBank, *, too_few: bool, without_step: list[str]) -> str:
    """The message that says what the goals still need before the round can be completed."""
    if too_few:
        return texts.GOALS_TOO_FEW
    return texts.GOALS_WITHOUT_STEP.format(name=bank.competency(without_step[0]).name)


@identity.live
def go_to(user_id: int, round_id: int, step: int, leaving: list[str] | None = None) -> None:
    """Move to a step and remember it, so the leader resumes there (`leaving`: the question ids of
    the step being left, whose answers are made sure of first).

    A text of the step being left that is over its limit could not be stored; leaving would drop
    it from the field, so the leader stays until it is shortened.
    """
    leaving = leaving or []
    if over_limit([text_key(qid) for qid in leaving], TEXT_MAX_CHARS):
        set_status(Status.ERROR, texts.STEP_TEXT_TOO_LONG)
        return
    store_unsaved(user_id, round_id, leaving)
    try:
        tx(rounds.set_step, user_id=user_id, round_id=round_id, step=step)
    except (RoundClosedError, NotFoundError):
        set_status(Status.ERROR, texts.ROUND_CLOSED)


@identity.live
def start(bank: QuestionBank, user_id: int) -> None:
    """Start a round with the chosen context and note."""
    context = st.session_state.get(CONTEXT_KEY)
    note = st.session_state.get(NOTE_KEY) or ""
    forget_answer_widgets(bank)
    try:
        started = tx(rounds.start_round, user_id=user_id, context=context, note=note, bank_version=bank.version)
    except OpenRoundExistsError:
        pass  # Started in another tab: the page simply resumes that round.
    except TextTooLongError:
        pass  # the note's own field says so, and keeps the note for shortening
    except InvalidInputError:
        set_flash(ROUND_SLOT, Kind.ERROR, texts.CONTEXT_MISSING)
    else:
        st.session_state.pop(NOTE_KEY, None)  # the draft is cleared in storage with the start
        forget_saved([NOTE_KEY])
        st.session_state[ROUND_SHOWN_KEY] = started.id


@identity.live
def complete(bank: QuestionBank, user_id: int, round_id: int) -> None:
    """Complete the round if every question is rated and at least one goal has a next step."""
    try:
        tx(
            rounds.complete_round,
            user_id=user_id,
            round_id=round_id,
            required_question_ids=bank.question_ids,
            min_goals=MIN_GOALS,
        )
    except IncompleteRoundError as exc:
        set_status(Status.ERROR, texts.OVERVIEW_MISSING.format(count=len(exc.missing)))
        return
    except GoalsIncompleteError as exc:
        set_status(Status.ERROR, goals_problem(bank, too_few=exc.too_few, without_step=exc.without_step))
        return
    except (RoundClosedError, NotFoundError):
        pass
    forget_answer_widgets(bank)
    st.session_state.pop(ROUND_SHOWN_KEY, None)
    st.query_params[DONE_PARAMETER] = str(round_id)  # the page shows the round done until they move on


def done_round_id() -> int | None:
    """The round this page is showing as just completed (from its address), or None."""
    value = st.query_params.get(DONE_PARAMETER, "")
    return int(value) if value.isdigit() and len(value) < 19 else None


def go(page: str) -> None:
    """Open another page from the moment after completing (on the run that follows the click)."""
    st.session_state[GO_KEY] = page


def page_asked_for() -> str | None:
    """The page a button asked for, once."""
    return st.session_state.pop(GO_KEY, None)


def leave_done() -> None:
    """Move on from the completed round to the form that starts the next one."""
    st.query_params.pop(DONE_PARAMETER, None)
