"""The invited person's part of the talks page: redeem a code, read the one agreement it opens,
comment on it and mark it agreed. Nothing else of the leader is reachable from here."""

from __future__ import annotations

import streamlit as st

from core import texts
from core.agreements import field_words
from core.formatting import danish_date, escape_markdown
from core.limits import TEXT_MAX_CHARS
from db import agreements
from db.errors import AccessRevokedError
from questions.tools import Tools
from ui import invited_actions as actions
from ui.agreement_view import is_settled, pdf_download, render_changes, render_comments, render_role, talk_status
from ui.flash import show_flash
from ui.resources import tx
from ui.text_field import text_field


def _render_redeem(user_id: int) -> None:
    st.write(texts.INVITED_INTRO)
    with st.form("agreement-redeem-form"):
        st.text_input(texts.INVITED_CODE, key=actions.REDEEM_CODE_KEY, help=texts.REDEEM_CODE_HELP, max_chars=40)
        st.form_submit_button(
            texts.INVITED_SUBMIT, key=actions.REDEEM_SUBMIT_KEY, on_click=actions.redeem, args=(user_id,)
        )


def _render_one(tools: Tools, user_id: int, agreement_id: int) -> None:
    try:
        view = tx(agreements.read_invited, user_id=user_id, agreement_id=agreement_id)
    except AccessRevokedError:
        actions.forget_invited()
        st.error(texts.INVITED_GONE)
        return
    tool = tools.for_talk(view.kind)
    with st.container(border=True, key="agreement-invited"):
        person = texts.TALK_PERSON[view.kind]
        st.subheader(
            escape_markdown(texts.INVITED_AGREEMENT_TITLE.format(leader=view.leader_name, person=person)), anchor=False
        )
        st.caption(
            escape_markdown(texts.INVITED_FROM.format(leader=view.leader_name, date=danish_date(view.updated_at)))
        )
        st.caption(escape_markdown(talk_status(view, tool)))
        render_changes(tool, view)
        with st.expander(texts.INVITED_ROLE.format(person=person)):
            render_role(tool)
        for field in tool.agreement.fields:
            st.markdown(f"**{escape_markdown(field.label)}**")
            st.text(field_words(field, view.values) or texts.AGREEMENT_EMPTY_VALUE)
        render_comments(view, but_from=user_id)
        own_comment = tx(agreements.own_comment, user_id=user_id, agreement_id=view.id)
        actions.load_comment(view, own_comment)
        text_field(
            escape_markdown(texts.INVITED_COMMENT.format(leader=view.leader_name)),
            actions.COMMENT_KEY,
            max_chars=TEXT_MAX_CHARS,
            on_change=actions.on_comment,
            args=(user_id, view.id),
            draft=f"agreement-{view.id}",
        )
        if not is_settled(tool, view):  # agreed and unchanged since: nothing more to agree to
            st.button(
                texts.INVITED_ACCEPT,
                key=actions.ACCEPT_KEY,
                type="primary",
                icon=":material/handshake:",
                on_click=actions.accept,
                args=(user_id, view.id, view.updated_at),
            )
        pdf_download(tool, view, actions.INVITED_PDF_KEY)


def render_invited(tools: Tools, user_id: int, invited: list[agreements.InvitedTo]) -> None:
    """The agreements this person was invited to, and the field for a new code."""
    st.header(texts.INVITED_TITLE, anchor=False)
    show_flash(actions.INVITED_SLOT)
    if invited:
        by_id = {i.agreement_id: i for i in invited}
        if st.session_state.get(actions.PICK_KEY) not in by_id:
            st.session_state[actions.PICK_KEY] = invited[-1].agreement_id
        if len(invited) > 1:
            st.selectbox(
                texts.INVITED_PICK,
                list(by_id),
                format_func=lambda i: texts.INVITED_ITEM.format(
                    leader=by_id[i].leader_name, title=tools.for_talk(by_id[i].kind).agreement.title
                ),
                key=actions.PICK_KEY,
            )
        _render_one(tools, user_id, st.session_state[actions.PICK_KEY])
    _render_redeem(user_id)
