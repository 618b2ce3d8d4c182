"""What happens when a leader invites, changes a co-driver's scope, revokes, or redeems a code, and
every key of the sharing page's state. Every callback checks ownership in storage."""

from __future__ import annotations

import streamlit as st

from core import texts
from db import agreements, sharing
from db.errors import InvitationError, NotFoundError
from db.sharing import SCOPE_SCORES, SCOPE_TEXTS
from ui import identity
from ui.flash import Kind, set_flash
from ui.resources import tx

SCOPES = [SCOPE_SCORES, SCOPE_TEXTS]  # scores only first: the more private choice is the default
NEW_CODE_KEY = "invite-new-code"  # (invitation id, code, expires at, scope) of the code just made
SCOPE_KEY = "invite-scope"
REDEEM_CODE_KEY = "invite-redeem-code"
INVITE_SLOT = "invite"
SHARES_SLOT = "shares"
REDEEM_SLOT = "redeem"


def scope_label(scope: str) -> str:
    return texts.SCOPE_LABELS[scope]


def scope_key(share_id: int) -> str:
    return f"share-scope-{share_id}"


@identity.live
def create_invitation(leader_id: int) -> None:
    scope = st.session_state.get(SCOPE_KEY, SCOPE_SCORES)
    invitation, code = tx(sharing.create_invitation, leader_id=leader_id, scope=scope)
    st.session_state[NEW_CODE_KEY] = (invitation.id, code, invitation.expires_at, scope)


@identity.live
def withdraw(leader_id: int, invitation_id: int) -> None:
    try:
        tx(sharing.withdraw_invitation, leader_id=leader_id, invitation_id=invitation_id)
    except NotFoundError:
        set_flash(INVITE_SLOT, Kind.ERROR, texts.SHARE_GONE)
        return
    st.session_state.pop(NEW_CODE_KEY, None)
    set_flash(INVITE_SLOT, Kind.SUCCESS, texts.INVITE_WITHDRAWN)


@identity.live
def change_scope(leader_id: int, share_id: int, name: str) -> None:
    scope = st.session_state.get(scope_key(share_id))
    try:
        tx(sharing.set_scope, leader_id=leader_id, share_id=share_id, scope=scope)
    except NotFoundError:
        set_flash(SHARES_SLOT, Kind.ERROR, texts.SHARE_GONE)
        return
    set_flash(SHARES_SLOT, Kind.SUCCESS, texts.SHARE_SCOPE_CHANGED.format(name=name, scope=scope_label(scope)))


@identity.live
def revoke(leader_id: int, share_id: int, name: str) -> None:
    try:
        tx(sharing.revoke_share, leader_id=leader_id, share_id=share_id)
    except NotFoundError:
        set_flash(SHARES_SLOT, Kind.ERROR, texts.SHARE_GONE)
        return
    st.session_state.pop(scope_key(share_id), None)
    set_flash(SHARES_SLOT, Kind.SUCCESS, texts.SHARE_REVOKED.format(name=name))


@identity.live
def redeem(user_id: int) -> None:
    code = st.session_state.get(REDEEM_CODE_KEY) or ""
    try:
        share = tx(sharing.redeem_invitation, user_id=user_id, code=code)
    except InvitationError as refused:
        if refused.reason == InvitationError.UNKNOWN and redeem_agreement(user_id, code):
            return
        set_flash(REDEEM_SLOT, Kind.ERROR, texts.REDEEM_REFUSED[refused.reason])
        return
    st.session_state[REDEEM_CODE_KEY] = ""
    set_flash(REDEEM_SLOT, Kind.SUCCESS, texts.REDEEM_OK.format(leader=share.leader_name))


def redeem_agreement(user_id: int, code: str) -> bool:
    """A collaboration agreement's code typed here works too (it says where the agreement is)."""
    try:
        invited = tx(agreements.redeem_invitation, user_id=user_id, code=code)
    except InvitationError as refused:
        if refused.reason == InvitationError.UNKNOWN:
            return False
        set_flash(REDEEM_SLOT, Kind.ERROR, texts.INVITED_REFUSED[refused.reason])
        return True
    st.session_state[REDEEM_CODE_KEY] = ""
    set_flash(REDEEM_SLOT, Kind.SUCCESS, texts.REDEEM_AGREEMENT_OK.format(leader=invited.leader_name))
    return True
