"""What the invited person does on the talks page: redeem a code, comment, mark an agreement
agreed. Every key it uses is here; storage checks their access to that one agreement each time."""

from __future__ import annotations

from datetime import datetime

import streamlit as st

from core import texts
from core.formatting import danish_date
from core.links import AGREEMENT_PARAMETER
from db import agreements
from db.errors import AccessRevokedError, AgreementChangedError, InvitationError, TextTooLongError
from ui import identity
from ui.flash import Kind, set_flash
from ui.resources import tx
from ui.text_field import forget_saved, load, mark_saved

REDEEM_CODE_KEY = "agreement-redeem-code"
REDEEM_SUBMIT_KEY = "agreement-redeem-submit"
PICK_KEY = "agreement-pick"
COMMENT_KEY = "agreement-comment"
ACCEPT_KEY = "agreement-accept"
INVITED_PDF_KEY = "agreement-invited-pdf"
_COMMENT_FOR_KEY = "agreement-comment-for"  # the agreement whose comment the field holds
INVITED_SLOT = "talks-invited"


def redeem_from_link(user_id: int) -> None:
    """Opened by the link the leader sent (`/samtaler?aftalekode=...`): use the code at once. It
    leaves the address first, so a reload does not try it again."""
    code = st.query_params.get(AGREEMENT_PARAMETER)
    if not code:
        return
    del st.query_params[AGREEMENT_PARAMETER]
    st.session_state[REDEEM_CODE_KEY] = code[:40]
    _redeem(user_id)


@identity.live
def redeem(user_id: int) -> None:
    _redeem(user_id)


def _redeem(user_id: int) -> None:
    code = st.session_state.get(REDEEM_CODE_KEY) or ""
    try:
        invited = tx(agreements.redeem_invitation, user_id=user_id, code=code)
    except InvitationError as refused:
        set_flash(INVITED_SLOT, Kind.ERROR, texts.INVITED_REFUSED[refused.reason])
        return
    st.session_state[REDEEM_CODE_KEY] = ""
    st.session_state[PICK_KEY] = invited.agreement_id
    person = texts.TALK_PERSON[invited.kind]
    set_flash(INVITED_SLOT, Kind.SUCCESS, texts.INVITED_OK.format(leader=invited.leader_name, person=person))


def pick(agreement_id: int) -> None:
    """Open this agreement on the talks page (the front door's choice for someone invited)."""
    st.session_state[PICK_KEY] = agreement_id


def load_comment(view: agreements.AgreementView, reader_comment: str) -> None:
    """Fill the comment field for the agreement shown (afresh when another agreement is picked)."""
    if st.session_state.get(_COMMENT_FOR_KEY) != view.id:
        st.session_state.pop(COMMENT_KEY, None)
        forget_saved([COMMENT_KEY])
        st.session_state[_COMMENT_FOR_KEY] = view.id
    load(COMMENT_KEY, reader_comment)


def forget_invited() -> None:
    for key in (COMMENT_KEY, _COMMENT_FOR_KEY, PICK_KEY):
        st.session_state.pop(key, None)
    forget_saved([COMMENT_KEY])


@identity.live_autosave
def on_comment(user_id: int, agreement_id: int) -> None:
    value = st.session_state.get(COMMENT_KEY) or ""
    try:
        tx(agreements.save_comment, user_id=user_id, agreement_id=agreement_id, text=value)
    except TextTooLongError:
        return
    except AccessRevokedError:
        forget_invited()
        set_flash(INVITED_SLOT, Kind.ERROR, texts.INVITED_GONE)
        return
    mark_saved(COMMENT_KEY, value)


@identity.live
def accept(user_id: int, agreement_id: int, as_read: datetime) -> None:
    try:
        agreed = tx(agreements.mark_agreed, user_id=user_id, agreement_id=agreement_id, as_read=as_read)
    except AgreementChangedError:
        set_flash(INVITED_SLOT, Kind.ERROR, texts.INVITED_CHANGED_SINCE)
        return
    except AccessRevokedError:
        forget_invited()
        set_flash(INVITED_SLOT, Kind.ERROR, texts.INVITED_GONE)
        return
    set_flash(INVITED_SLOT, Kind.SUCCESS, texts.INVITED_ACCEPTED.format(date=danish_date(agreed.agreed_at)))
