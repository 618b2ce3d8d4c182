"""Sharing by consent ("Del med co-driver"): invite, see who has access, change scope, revoke, redeem."""

from __future__ import annotations

import streamlit as st

from core import texts
from core.formatting import danish_date, escape_markdown
from db import agreements, sharing
from db.errors import InvitationError, NotFoundError
from db.sharing import SCOPE_SCORES, SCOPE_TEXTS
from ui import identity
from ui.flash import set_flash, show_flash
from ui.resources import tx

_SCOPES = [SCOPE_SCORES, SCOPE_TEXTS]  # scores only first: the more private choice is the default
_NEW_CODE_KEY = "invite-new-code"


def _scope_label(scope: str) -> str:
    return texts.SCOPE_LABELS[scope]


def scope_key(share_id: int) -> str:
    return f"share-scope-{share_id}"


# --- Callbacks: run before the page is drawn again; every one checks ownership in storage ---


@identity.live
def _create_invitation(leader_id: int) -> None:
    scope = st.session_state.get("invite-scope", SCOPE_SCORES)
    invitation, code = tx(sharing.create_invitation, leader_id=leader_id, scope=scope)
    st.session_state[_NEW_CODE_KEY] = (invitation.id, code, invitation.expires_at, scope)


@identity.live
def _withdraw(leader_id: int, invitation_id: int) -> None:
    try:
        tx(sharing.withdraw_invitation, leader_id=leader_id, invitation_id=invitation_id)
    except NotFoundError:
        set_flash("invite", "error", texts.SHARE_GONE)
        return
    st.session_state.pop(_NEW_CODE_KEY, None)
    set_flash("invite", "success", texts.INVITE_WITHDRAWN)


@identity.live
def _change_scope(leader_id: int, share_id: int, name: str) -> None:
    scope = st.session_state.get(scope_key(share_id))
    try:
        tx(sharing.set_scope, leader_id=leader_id, share_id=share_id, scope=scope)
    except NotFoundError:
        set_flash("shares", "error", texts.SHARE_GONE)
        return
    set_flash("shares", "success", texts.SHARE_SCOPE_CHANGED.format(name=name, scope=_scope_label(scope)))


@identity.live
def _revoke(leader_id: int, share_id: int, name: str) -> None:
    try:
        tx(sharing.revoke_share, leader_id=leader_id, share_id=share_id)
    except NotFoundError:
        set_flash("shares", "error", texts.SHARE_GONE)
        return
    st.session_state.pop(scope_key(share_id), None)
    set_flash("shares", "success", texts.SHARE_REVOKED.format(name=name))


@identity.live
def _redeem(user_id: int) -> None:
    code = st.session_state.get("invite-redeem-code") or ""
    try:
        share = tx(sharing.redeem_invitation, user_id=user_id, code=code)
    except InvitationError as refused:
        if refused.reason == InvitationError.UNKNOWN and _redeem_agreement(user_id, code):
            return
        set_flash("redeem", "error", texts.REDEEM_REFUSED[refused.reason])
        return
    st.session_state["invite-redeem-code"] = ""
    set_flash("redeem", "success", texts.REDEEM_OK.format(leader=share.leader_name))


def _redeem_agreement(user_id: int, code: str) -> bool:
    """A collaboration agreement's code typed here works too (it says where the agreement is)."""
    try:
        invited = tx(agreements.redeem_invitation, user_id=user_id, code=code)
    except InvitationError as refused:
        if refused.reason == InvitationError.UNKNOWN:
            return False
        set_flash("redeem", "error", texts.INVITED_REFUSED[refused.reason])
        return True
    st.session_state["invite-redeem-code"] = ""
    set_flash("redeem", "success", texts.REDEEM_AGREEMENT_OK.format(leader=invited.leader_name))
    return True


# --- Drawing -----------------------------------------------------------------------------


def _render_invite(leader_id: int, pending_ids: set[int]) -> None:
    st.header(texts.INVITE_TITLE, anchor=False)
    show_flash("invite")
    st.radio(texts.INVITE_SCOPE, _SCOPES, format_func=_scope_label, key="invite-scope")
    st.button(texts.INVITE_CREATE, key="invite-create", type="primary", on_click=_create_invitation, args=(leader_id,))
    new = st.session_state.get(_NEW_CODE_KEY)
    if new and new[0] not in pending_ids:  # used, withdrawn or expired meanwhile: stop showing it
        st.session_state.pop(_NEW_CODE_KEY, None)
        new = None
    if new:
        _, code, expires_at, scope = new
        with st.container(key="invite-code", border=True):
            st.write(escape_markdown(texts.INVITE_CODE_INTRO.format(date=danish_date(expires_at))))
            st.code(code, language=None)
            st.caption(escape_markdown(texts.INVITE_CREATED_SCOPE.format(scope=_scope_label(scope))))


def _render_pending(leader_id: int, pending: list[sharing.InvitationView]) -> None:
    if not pending:
        return
    st.header(texts.PENDING_TITLE, anchor=False)
    for invitation in pending:
        text_col, button_col = st.columns([4, 1], vertical_alignment="center")
        text_col.text(
            texts.PENDING_ITEM.format(
                created=danish_date(invitation.created_at),
                expires=danish_date(invitation.expires_at),
                scope=_scope_label(invitation.scope),
            )
        )
        button_col.button(
            texts.INVITE_WITHDRAW,
            key=f"invite-withdraw-{invitation.id}",
            on_click=_withdraw,
            args=(leader_id, invitation.id),
        )


def _render_shares(leader_id: int) -> None:
    st.header(texts.SHARES_TITLE, anchor=False)
    show_flash("shares")
    shares = tx(sharing.shares_given, leader_id=leader_id)
    if not shares:
        st.caption(texts.SHARES_EMPTY)
    for share in shares:
        # The database is the truth: a scope changed elsewhere shows here on the next run.
        st.session_state[scope_key(share.id)] = share.scope
        with st.container(border=True):
            st.text(texts.SHARE_SINCE.format(name=share.codriver_name, date=danish_date(share.since)))
            st.radio(
                texts.SHARE_SCOPE.format(name=escape_markdown(share.codriver_name)),
                _SCOPES,
                format_func=_scope_label,
                key=scope_key(share.id),
                on_change=_change_scope,
                args=(leader_id, share.id, share.codriver_name),
            )
            st.button(
                texts.SHARE_REVOKE,
                key=f"share-revoke-{share.id}",
                icon=":material/block:",
                on_click=_revoke,
                args=(leader_id, share.id, share.codriver_name),
            )


def _render_redeem(user_id: int) -> None:
    st.header(texts.REDEEM_TITLE, anchor=False)
    st.write(texts.REDEEM_INTRO)
    with st.form("invite-redeem-form"):
        st.text_input(texts.REDEEM_CODE, key="invite-redeem-code", help=texts.REDEEM_CODE_HELP, max_chars=40)
        st.form_submit_button(texts.REDEEM_SUBMIT, key="invite-redeem-submit", on_click=_redeem, args=(user_id,))
    show_flash("redeem")


def render_consent(user_id: int) -> None:
    """Draw the whole sharing page for the signed-in user."""
    st.title(texts.SHARING_TITLE, anchor=False)
    st.write(texts.SHARING_INTRO)
    pending = tx(sharing.list_invitations, leader_id=user_id)
    _render_invite(user_id, {i.id for i in pending})
    _render_shares(user_id)
    _render_pending(user_id, pending)
    st.divider()
    _render_redeem(user_id)
