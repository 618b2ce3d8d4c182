"""What happens when a co-driver writes: each change is stored at once, access re-checked every time.

These are Streamlit callbacks. They read widget values from session state and call the storage
API, which refuses anything the leader no longer shares; nothing is kept back in the session.
"""

from __future__ import annotations

import streamlit as st

from core import texts
from core.clock import utcnow
from core.formatting import danish_time
from db import feedback
from db.errors import AccessRevokedError, InvalidInputError, TextTooLongError
from ui import identity
from ui.flash import Kind, set_flash
from ui.resources import tx
from ui.status import Status, set_status
from ui.text_field import forget_saved, load, mark_saved

STATUS_KEY = "cd-status"
LEADER_KEY = "cd-leader"  # the leader picked (a user id)
_SHOWN_LEADER_KEY = "cd-shown-leader"  # the leader the round pickers belong to
ROUNDS_KEY = "cd-rounds"  # the rounds on the radar
ROUND_KEY = "cd-round"  # the round the co-driver's view is about
CODRIVER_SLOT = "codriver"
LOADED_KEY = "cd-loaded"  # (leader id, round id) whose view the inputs hold
INPUTS_KEY = "cd-inputs"  # the competency ids whose rating and comment inputs this tab holds
OVERALL_KEY = "cd-overall"
STEP_KEY = "cd-step"  # (leader id, round id, step): the competency the co-driver is at (10 = overall)
STEP_PARAMETER = "trin"  # ?trin=<step>: a reload comes back to the same competency


@identity.live
def sync_query(usernames: dict[int, str]) -> None:
    """Keep the address on the leader picked (?leader=<username>), so a reload or a link opens them."""
    st.query_params["leader"] = usernames[st.session_state[LEADER_KEY]]


def show_leader(leader_id: int) -> None:
    """The page shows this leader now: another leader's rounds are other rounds, so the pickers start afresh."""
    if st.session_state.get(_SHOWN_LEADER_KEY) != leader_id:
        st.session_state.pop(ROUNDS_KEY, None)
        st.session_state.pop(ROUND_KEY, None)
        st.session_state[_SHOWN_LEADER_KEY] = leader_id


def rating_key(competency_id: str) -> str:
    return f"cd-rating-{competency_id}"


def comment_key(competency_id: str) -> str:
    return f"cd-comment-{competency_id}"


def load_widgets(competency_ids: list[str], leader_id: int, round_id: int, own: feedback.FeedbackView | None) -> None:
    """Fill the inputs from the database where they hold nothing in this session yet.

    Opening another leader or round starts every input afresh. Streamlit itself drops the
    values of inputs not drawn in a run (another page was open), so those are filled again too.
    """
    if st.session_state.get(LOADED_KEY) != (leader_id, round_id):
        forget_widgets()
        st.session_state[LOADED_KEY] = (leader_id, round_id)
    st.session_state[INPUTS_KEY] = [*dict.fromkeys([*st.session_state.get(INPUTS_KEY, []), *competency_ids])]
    items = own.items if own else {}
    for cid in competency_ids:
        item = items.get(cid)
        if rating_key(cid) not in st.session_state:
            # Set even when nothing is stored: a browser keeps a choice until the server sets
            # another, and the round shown before must not stay chosen in this one.
            st.session_state[rating_key(cid)] = item.rating if item else None
        load(comment_key(cid), item.comment if item else "")
    load(OVERALL_KEY, own.overall if own else "")


def forget_widgets() -> None:
    """Drop every input so nothing of a leader stays in the session once access ends."""
    inputs = [key for cid in st.session_state.get(INPUTS_KEY, []) for key in (rating_key(cid), comment_key(cid))]
    for key in (*inputs, OVERALL_KEY, LOADED_KEY, STATUS_KEY, INPUTS_KEY):
        st.session_state.pop(key, None)
    forget_saved([*inputs, OVERALL_KEY])


def _store(user_id: int, round_id: int, leader: str, **parts) -> bool:
    """Store part of the co-driver's view; return whether it was stored. A text over its limit is
    marked at its own field (ui/text_field.py). Nothing is stored into a round the inputs were
    not filled for (a value the browser still held from another round)."""
    loaded = st.session_state.get(LOADED_KEY)
    if loaded is None or loaded[1] != round_id:
        return False
    try:
        tx(feedback.save_feedback, author_id=user_id, round_id=round_id, **parts)
    except AccessRevokedError:
        forget_widgets()
        set_flash(CODRIVER_SLOT, Kind.ERROR, texts.CD_NO_LONGER_SHARED.format(leader=leader))
        return False
    except TextTooLongError:
        return False
    except InvalidInputError:
        set_status(STATUS_KEY, Status.ERROR, texts.RATING_INVALID)
        return False
    set_status(STATUS_KEY, Status.SAVED, texts.CD_SAVED.format(time=danish_time(utcnow())))
    return True


@identity.live_autosave
def on_rating(user_id: int, round_id: int, leader: str, competency_id: str) -> None:
    rating = st.session_state.get(rating_key(competency_id))
    _store(user_id, round_id, leader, ratings={competency_id: rating})


@identity.live_autosave
def on_comment(user_id: int, round_id: int, leader: str, competency_id: str) -> None:
    comment = st.session_state.get(comment_key(competency_id))
    if _store(user_id, round_id, leader, comments={competency_id: comment}):
        mark_saved(comment_key(competency_id), comment or "")


@identity.live_autosave
def on_overall(user_id: int, round_id: int, leader: str) -> None:
    overall = st.session_state.get(OVERALL_KEY)
    if _store(user_id, round_id, leader, overall=overall):
        mark_saved(OVERALL_KEY, overall or "")


def current_step(leader_id: int, round_id: int, steps: int) -> int:
    """The step shown for this leader's round (the first, for another round than before)."""
    kept = st.session_state.get(STEP_KEY)
    if kept is None:  # a new page load: the address says where it was
        asked = st.query_params.get(STEP_PARAMETER, "")
        kept = (leader_id, round_id, int(asked) if asked.isdigit() and len(asked) < 4 else 0)
    if kept[:2] != (leader_id, round_id):
        kept = (leader_id, round_id, 0)
    step = min(max(kept[2], 0), steps)
    st.session_state[STEP_KEY] = (leader_id, round_id, step)
    return step


def go_to(step: int) -> None:
    """Move to another competency (or the overall comment); what was typed is already stored."""
    kept = st.session_state.get(STEP_KEY)
    if kept is not None:
        st.session_state[STEP_KEY] = (kept[0], kept[1], step)
        st.query_params[STEP_PARAMETER] = str(step)
