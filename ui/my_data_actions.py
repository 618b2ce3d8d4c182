"""What happens when a leader brings in data, deletes a round or deletes their account, and every
key of the Mine data page's state."""

from __future__ import annotations

import streamlit as st

from core import texts, transfer
from db import accounts, rounds
from db import transfer as storage
from db.errors import ConfirmationError, ImportConflictError, NotFoundError
from questions import QuestionBank
from ui import identity, round_actions
from ui.flash import Kind, set_flash
from ui.resources import GATE_SLOT, get_tools, tx

PENDING_DELETE_KEY = "round-delete-pending"  # the round whose deletion waits for "Ja, slet"
IMPORT_FILE_KEY = "import-file"
DELETE_CONFIRM_KEY = "account-delete-confirm"
IMPORT_SLOT = "import"
ROUNDS_SLOT = "rounds"
ACCOUNT_SLOT = "account"


@identity.live
def import_file(bank: QuestionBank, user_id: int) -> None:
    upload = st.session_state.get(IMPORT_FILE_KEY)
    if upload is None:
        set_flash(IMPORT_SLOT, Kind.ERROR, texts.IMPORT_NO_FILE)
        return
    try:
        data = transfer.read(upload.getvalue(), bank, tools=get_tools())
        summary = tx(storage.import_data, user_id=user_id, data=data)
    except transfer.ImportRefused as refused:
        set_flash(IMPORT_SLOT, Kind.ERROR, str(refused))
        return
    except ImportConflictError:
        set_flash(IMPORT_SLOT, Kind.ERROR, texts.IMPORT_NOT_EMPTY)
        return
    set_flash(
        IMPORT_SLOT,
        Kind.SUCCESS,
        texts.import_done(summary.rounds, summary.goals, summary.feedback, summary.agreements),
    )


@identity.live
def ask_delete(round_id: int) -> None:
    st.session_state[PENDING_DELETE_KEY] = round_id


@identity.live
def cancel_delete() -> None:
    st.session_state.pop(PENDING_DELETE_KEY, None)


@identity.live
def delete_round(bank: QuestionBank, user_id: int, round_id: int, label: str) -> None:
    st.session_state.pop(PENDING_DELETE_KEY, None)
    try:
        tx(rounds.delete_round, user_id=user_id, round_id=round_id)
    except NotFoundError:
        set_flash(ROUNDS_SLOT, Kind.ERROR, texts.ROUND_GONE)
        return
    # A deleted unfinished round must not leave its answers in the walk-through's widgets.
    round_actions.forget_answer_widgets(bank)
    set_flash(ROUNDS_SLOT, Kind.SUCCESS, texts.ROUND_DELETED.format(round=label))


@identity.live
def delete_account(user_id: int) -> None:
    typed = st.session_state.get(DELETE_CONFIRM_KEY) or ""
    try:
        tx(accounts.delete_account, user_id=user_id, confirm_username=typed)
    except ConfirmationError:
        set_flash(ACCOUNT_SLOT, Kind.ERROR, texts.ACCOUNT_DELETE_MISMATCH)
        return
    except NotFoundError:
        pass  # Already deleted in another tab: the outcome is the same.
    identity.sign_out()
    set_flash(GATE_SLOT, Kind.SUCCESS, texts.ACCOUNT_DELETED)
