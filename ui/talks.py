"""The leader's talks ("Samtaler og aftaler"): the three talks at a glance, a tool to prepare
each, and the agreement drafted from it, with its invitation codes, readers, comments and PDF."""

from __future__ import annotations

import streamlit as st

from core import texts
from core.formatting import danish_date, escape_markdown
from core.limits import TEXT_MAX_CHARS
from core.links import AGREEMENT_PATH, agreement_link
from db import agreements, networks, tool_answers
from questions.tools import HOURS_MAX, AgreementField, Tool, ToolQuestion, Tools
from ui import identity, invited, invited_actions
from ui import talks_actions as actions
from ui.agreement_view import pdf_download, render_changes, render_comments, render_role, talk_status
from ui.flash import show_flash
from ui.ratings import RATINGS, rating_label
from ui.resources import base_url, tx
from ui.status import show_status
from ui.text_field import text_field


def tool_progress(tool: Tool, answered: int) -> str:
    if not answered:
        return texts.TOOL_NOT_STARTED
    return texts.TOOL_PROGRESS.format(done=answered, total=len(tool.questions))


def _render_list(tools: Tools, user_id: int) -> None:
    own = tx(agreements.list_agreements, leader_id=user_id)
    answered = tx(tool_answers.answered_tools, user_id=user_id)
    for tool in tools.tools:
        with st.container(border=True, key=f"talk-{tool.talk}"):
            st.subheader(texts.TALK_NAMES[tool.talk], anchor=False)
            st.text(tool.title)
            st.caption(tool_progress(tool, answered.get(tool.id, 0)))
            st.caption(escape_markdown(talk_status(own.get(tool.talk), tool)))
            left, right = st.columns(2)
            left.button(texts.TOOL_OPEN, key=actions.tool_key(tool.id), on_click=actions.open_tool, args=(tool.talk,))
            right.button(
                texts.AGREEMENT_OPEN if tool.talk in own else texts.AGREEMENT_OPEN_NEW,
                key=actions.agreement_key(tool.talk),
                type="primary",
                on_click=actions.open_agreement,
                args=(user_id, tool),
            )


def _render_question(tool: Tool, question: ToolQuestion, user_id: int) -> None:
    with st.container(border=True):
        if question.rated:
            key = actions.tool_rating_key(tool.id, question.id)
            st.radio(
                question.text,
                RATINGS,
                index=None,
                format_func=rating_label(tool.scale),
                horizontal=True,
                key=key,
                on_change=actions.on_tool_rating,
                args=(user_id, tool.id, question.id),
            )
        if question.written:
            key = actions.tool_text_key(tool.id, question.id)
            text_field(
                question.prompt,
                key,
                max_chars=TEXT_MAX_CHARS,
                on_change=actions.on_tool_text,
                args=(user_id, tool.id, question.id),
                draft=f"tool-{tool.id}",
            )


def _render_tool(tool: Tool, user_id: int) -> None:
    st.button(texts.TALKS_BACK, key=actions.BACK_KEY, icon=":material/arrow_back:", on_click=actions.back)
    st.header(tool.title, anchor=False)
    st.write(tool.intro)
    with st.expander(texts.TOOL_ROLE):
        st.markdown(f"**{escape_markdown(tool.role.title)}**")
        render_role(tool)
    actions.load_tool(tool, tx(tool_answers.answers_of, user_id=user_id, tool_id=tool.id))
    for question in tool.questions:
        _render_question(tool, question, user_id)
    actions.remember_tool(user_id, tool)
    show_status(actions.STATUS_KEY, texts.TOOL_SAVED)
    st.button(
        texts.TOOL_TO_AGREEMENT,
        key=actions.agreement_key(tool.talk),
        type="primary",
        on_click=actions.open_agreement,
        args=(user_id, tool),
    )


def _render_prepared(tool: Tool, field: AgreementField, answers: dict) -> None:
    if not field.prepared_by:
        return
    with st.expander(texts.AGREEMENT_FROM_TOOL):
        written = [(tool.question(q), answers.get(q)) for q in field.prepared_by]
        shown = [(q, a) for q, a in written if a is not None and a.text]
        if not shown:
            st.caption(texts.AGREEMENT_FROM_TOOL_EMPTY)
        for question, answer in shown:
            st.caption(question.prompt)
            st.text(answer.text)


def _render_field(kind: str, field: AgreementField, user_id: int) -> None:
    args = (user_id, kind, field)
    key = actions.field_key(kind, field.id)
    if field.type == "text":
        text_field(
            field.label,
            key,
            max_chars=TEXT_MAX_CHARS,
            on_change=actions.on_field_text,
            args=args,
            help=field.help,
            draft=f"agreement-{kind}",
        )
    elif field.type == "hours":
        st.markdown(f"**{escape_markdown(field.label)}**", help=field.help)
        for phase in field.phases:
            st.number_input(
                texts.AGREEMENT_HOURS.format(phase=phase.label),
                min_value=0.0,
                max_value=float(HOURS_MAX),
                step=0.5,
                format="%g",
                value=None,
                key=actions.hours_key(kind, field.id, phase.id),
                on_change=actions.on_field,
                args=args,
            )
    else:
        labels = {o.id: o.label for o in field.options}
        if field.type == "choice":
            st.radio(
                field.label,
                list(labels),
                index=None,
                format_func=labels.__getitem__,
                key=key,
                on_change=actions.on_field,
                args=args,
            )
        else:
            st.multiselect(
                field.label,
                list(labels),
                format_func=labels.__getitem__,
                placeholder=texts.AGREEMENT_CHOICE_NONE,
                key=key,
                on_change=actions.on_field,
                args=args,
            )


def _render_invite(kind: str, view: agreements.AgreementView, user_id: int) -> None:
    person = texts.TALK_PERSON[kind]
    st.subheader(texts.AGREEMENT_INVITE_TITLE.format(person=person), anchor=False)
    st.write(texts.AGREEMENT_INVITE_INTRO.format(person=person))
    pending = tx(agreements.list_invitations, leader_id=user_id, kind=kind)
    st.button(
        texts.AGREEMENT_INVITE.format(person=person),
        key=actions.invite_key(kind),
        on_click=actions.invite,
        args=(user_id, kind),
    )
    new = st.session_state.get(actions.NEW_CODE_KEY)
    if new and (new[0] != kind or new[1] not in {i.id for i in pending}):
        new = None  # used, withdrawn or expired meanwhile, or another agreement's
    if new:
        with st.container(border=True, key=f"agreement-code-{kind}"):
            st.write(texts.AGREEMENT_CODE_INTRO.format(person=person, date=danish_date(new[3])))
            st.code(new[2], language=None)
            st.caption(texts.AGREEMENT_LINK_INTRO.format(person=person))
            with st.container(key=f"agreement-link-{kind}"):
                st.code(agreement_link(base_url(AGREEMENT_PATH), new[2]), language=None, wrap_lines=True)
    for invitation in pending:
        text_col, button_col = st.columns([4, 1], vertical_alignment="center")
        created, expires = danish_date(invitation.created_at), danish_date(invitation.expires_at)
        text_col.text(texts.AGREEMENT_PENDING.format(created=created, expires=expires))
        button_col.button(
            texts.AGREEMENT_WITHDRAW,
            key=actions.withdraw_key(invitation.id),
            on_click=actions.withdraw,
            args=(user_id, invitation.id),
        )
    if view.comments:
        st.markdown(f"**{texts.AGREEMENT_READERS}**")
    for reader in view.comments:
        text_col, button_col = st.columns([4, 1], vertical_alignment="center")
        text_col.text(reader.name)
        button_col.button(
            texts.AGREEMENT_READER_REMOVE,
            key=actions.reader_remove_key(reader.reader_id),
            on_click=actions.remove_reader,
            args=(user_id, reader.reader_id, reader.name),
        )


def _render_agreement(tool: Tool, user_id: int) -> None:
    kind = tool.talk
    view = tx(agreements.get_agreement, leader_id=user_id, kind=kind)
    if view is None:  # deleted in another tab
        actions.back()
        st.rerun()
    st.button(texts.TALKS_BACK, key=actions.BACK_KEY, icon=":material/arrow_back:", on_click=actions.back)
    st.header(tool.agreement.title, anchor=False)
    st.write(tool.agreement.intro)
    st.caption(escape_markdown(talk_status(view, tool)))
    render_changes(tool, view)
    actions.load_agreement(view, tool.agreement.fields)
    answers = tx(tool_answers.answers_of, user_id=user_id, tool_id=tool.id)
    for field in tool.agreement.fields:
        with st.container(border=True):
            _render_prepared(tool, field, answers)
            _render_field(kind, field, user_id)
    actions.remember_agreement(user_id, kind, tool.agreement.fields)
    show_status(actions.STATUS_KEY, texts.TOOL_SAVED)
    network = tx(networks.get_network, user_id=user_id)
    pdf_download(tool, view, actions.pdf_key(kind), network.name if network else "")
    st.divider()
    render_comments(view)
    st.divider()
    _render_invite(kind, view, user_id)


def render_page(tools: Tools, user_id: int) -> None:
    """The whole page: the leader's own talks, then the agreements this person was invited to."""
    st.title(texts.TALKS_TITLE, anchor=False)
    invited_actions.redeem_from_link(user_id)
    opened = actions.opened()
    if opened is not None:
        render_leader(tools, user_id, opened)  # one of their own tools or agreements, and nothing else
        return
    others = tx(agreements.invited_to, user_id=user_id)
    standing = identity.current_standing()
    if standing is not None and standing.reads_only:  # here to read an agreement: that, and one quiet way on
        invited.render_invited(tools, user_id, others)
        st.divider()
        st.page_link("pages/refleksion.py", label=texts.READER_OWN_REFLECTION, icon=":material/arrow_forward:")
        return
    if others:  # a personaleleder, say, comes here for the agreement they were invited to
        invited.render_invited(tools, user_id, others)
        st.divider()
    st.write(texts.TALKS_INTRO)
    render_leader(tools, user_id, None)
    if not others:
        st.divider()
        invited.render_invited(tools, user_id, others)


def render_leader(tools: Tools, user_id: int, opened: tuple[str, str] | None) -> None:
    """The leader's part of the page: the list of talks, or the tool or agreement they opened."""
    show_flash(actions.LEADER_SLOT)
    if opened is None:
        _render_list(tools, user_id)
    elif opened[0] == "tool":
        _render_tool(tools.for_talk(opened[1]), user_id)
    else:
        _render_agreement(tools.for_talk(opened[1]), user_id)
