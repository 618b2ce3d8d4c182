"""What the leader and the invited person both see of an agreement: where it stands, what
changed since it was agreed, the comments, and its PDF."""

from __future__ import annotations

import streamlit as st

from core import texts
from core.agreement_pdf import AgreementPrint, build_agreement
from core.agreements import Change, changes_since_agreed
from core.clock import utcnow
from core.formatting import danish_date, danish_time, escape_markdown
from db import agreements
from questions.tools import Tool
from ui import identity


def agreed_by(view: agreements.AgreementView) -> str:
    """Who agreed to it; a person who has since deleted their account is no longer named."""
    return view.agreed_by_name or texts.AGREEMENT_DELETED_PERSON


def changes(tool: Tool, view: agreements.AgreementView) -> list[Change]:
    """What the agreement says differently now than when it was agreed (nothing if it never was)."""
    if view.agreed_values is None:
        return []
    return changes_since_agreed(tool.agreement, view.agreed_values, view.values)


def is_settled(tool: Tool, view: agreements.AgreementView) -> bool:
    """Agreed, and unchanged since."""
    return view.is_agreed and not changes(tool, view)


def talk_status(view: agreements.AgreementView | None, tool: Tool) -> str:
    """One line on where the agreement stands: none, a draft, agreed, or agreed and changed since."""
    if view is None:
        return texts.AGREEMENT_NONE
    if view.agreed_at is None:
        return texts.AGREEMENT_DRAFT.format(date=danish_date(view.updated_at))
    agreed = dict(date=danish_date(view.agreed_at), name=agreed_by(view))
    return (texts.AGREEMENT_CHANGED if changes(tool, view) else texts.AGREEMENT_AGREED).format(**agreed)


def render_changes(tool: Tool, view: agreements.AgreementView) -> None:
    changed = changes(tool, view)
    if not changed:
        return
    with st.container(border=True, key=f"agreement-changes-{view.kind}"):
        st.markdown(f"**{texts.AGREEMENT_CHANGES_TITLE.format(date=danish_date(view.agreed_at))}**")
        for change in changed:
            st.markdown(f"*{escape_markdown(change.label)}*")
            st.text(texts.AGREEMENT_CHANGE_THEN.format(text=change.then or texts.AGREEMENT_EMPTY_VALUE))
            st.text(texts.AGREEMENT_CHANGE_NOW.format(text=change.now or texts.AGREEMENT_EMPTY_VALUE))


def render_comments(view: agreements.AgreementView, but_from: int | None = None) -> None:
    """The comments on the agreement (but the one `but_from` is writing in their own field)."""
    st.subheader(texts.AGREEMENT_COMMENTS, anchor=False)
    said = [c for c in view.comments if c.text and c.user_id != but_from]
    own = any(c.text and c.user_id == but_from for c in view.comments)
    if not said:  # their own comment stands in their own field, under this
        st.caption(texts.AGREEMENT_NO_OTHER_COMMENTS if own else texts.AGREEMENT_NO_COMMENTS)
    for comment in said:
        when = f"{danish_date(comment.at)} {danish_time(comment.at)}" if comment.at else ""
        st.caption(escape_markdown(texts.AGREEMENT_COMMENT_BY.format(name=comment.name, time=when)))
        st.text(comment.text)


def render_role(tool: Tool) -> None:
    """The other person's role in the network work, as the handbook lists it."""
    for item in tool.role.items:
        st.markdown("- " + escape_markdown(item))


def agreement_print(view: agreements.AgreementView, network_name: str = "") -> AgreementPrint:
    return AgreementPrint(
        leader_name=view.leader_name,
        values=view.values,
        agreed_at=view.agreed_at,
        agreed_by=agreed_by(view),
        agreed_values=view.agreed_values,
        comments=[(c.name, c.text) for c in view.comments],
        network_name=network_name,
    )


def pdf_download(tool: Tool, view: agreements.AgreementView, key: str, network_name: str = "") -> None:
    """The agreement's PDF, built on click from what it says now."""
    data = agreement_print(view, network_name)
    st.download_button(
        texts.AGREEMENT_PDF,
        data=identity.live_data(lambda: build_agreement(tool, data, utcnow())),
        file_name=f"samarbejdsaftale-{view.kind}.pdf",
        mime="application/pdf",
        key=key,
        icon=":material/download:",
        on_click="ignore",
    )
