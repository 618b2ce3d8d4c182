"""Sharing by consent ("Del med co-driver"): invite, see who has access, change scope, revoke, redeem."""

from __future__ import annotations

import streamlit as st

from core import texts
from core.formatting import danish_date, escape_markdown
from db import sharing
from ui import consent_actions as actions
from ui.flash import show_flash
from ui.resources import tx


def _render_invite(leader_id: int, pending_ids: set[int]) -> None:
    st.header(texts.INVITE_TITLE, anchor=False)
    show_flash(actions.INVITE_SLOT)
    st.radio(texts.INVITE_SCOPE, actions.SCOPES, format_func=actions.scope_label, key=actions.SCOPE_KEY)
    st.button(
        texts.INVITE_CREATE, key="invite-create", type="primary", on_click=actions.create_invitation, args=(leader_id,)
    )
    new = st.session_state.get(actions.NEW_CODE_KEY)
    if new and new[0] not in pending_ids:  # used, withdrawn or expired meanwhile: stop showing it
        st.session_state.pop(actions.NEW_CODE_KEY, None)
        new = None
    if new:
        _, code, expires_at, scope = new
        with st.container(key="invite-code", border=True):
            st.write(escape_markdown(texts.INVITE_CODE_INTRO.format(date=danish_date(expires_at))))
            st.code(code, language=None)
            st.caption(escape_markdown(texts.INVITE_CREATED_SCOPE.format(scope=actions.scope_label(scope))))


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
                scope=actions.scope_label(invitation.scope),
            )
        )
        button_col.button(
            texts.INVITE_WITHDRAW,
            key=f"invite-withdraw-{invitation.id}",
            on_click=actions.withdraw,
            args=(leader_id, invitation.id),
        )


def _render_shares(leader_id: int) -> None:
    st.header(texts.SHARES_TITLE, anchor=False)
    show_flash(actions.SHARES_SLOT)
    shares = tx(sharing.shares_given, leader_id=leader_id)
    if not shares:
        st.caption(texts.SHARES_EMPTY)
    for share in shares:
        # The database is the truth: a scope changed elsewhere shows here on the next run.
        st.session_state[actions.scope_key(share.id)] = share.scope
        with st.container(border=True):
            st.text(texts.SHARE_SINCE.format(name=share.codriver_name, date=danish_date(share.since)))
            st.radio(
                texts.SHARE_SCOPE.format(name=escape_markdown(share.codriver_name)),
                actions.SCOPES,
                format_func=actions.scope_label,
                key=actions.scope_key(share.id),
                on_change=actions.change_scope,
                args=(leader_id, share.id, share.codriver_name),
            )
            st.button(
                texts.SHARE_REVOKE,
                key=f"share-revoke-{share.id}",
                icon=":material/block:",
                on_click=actions.revoke,
                args=(leader_id, share.id, share.codriver_name),
            )


def _render_redeem(user_id: int) -> None:
    st.header(texts.REDEEM_TITLE, anchor=False)
    st.write(texts.REDEEM_INTRO)
    with st.form("invite-redeem-form"):
        st.text_input(texts.REDEEM_CODE, key=actions.REDEEM_CODE_KEY, help=texts.REDEEM_CODE_HELP, max_chars=40)
        st.form_submit_button(texts.REDEEM_SUBMIT, key="invite-redeem-submit", on_click=actions.redeem, args=(user_id,))
    show_flash(actions.REDEEM_SLOT)


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
