"""Mine data: download everything, bring it in from another installation, delete a round or the account.

Files are built only when their button is pressed (Streamlit's deferred download), in a
transaction of their own, so the page stays quick however much a leader has written.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st
from sqlalchemy.orm import Session, sessionmaker

from core import texts, transfer
from core.clock import utcnow
from core.export import answers_table, goals_table, rounds_csv, rounds_xlsx, scores_by_round
from core.formatting import danish_date, danish_number, escape_markdown
from core.history import context_label
from db import goals, rounds
from db import transfer as storage
from db.rounds import RoundView
from questions import QuestionBank
from ui import identity
from ui import my_data_actions as actions
from ui.flash import show_flash
from ui.resources import get_sessionmaker, tx

_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _reader(sm: sessionmaker[Session], build: Callable[[Session], bytes]) -> Callable[[], bytes]:
    """A no-argument function for a deferred download: reads afresh in its own transaction."""

    def read() -> bytes:
        with sm.begin() as session:
            return build(session)

    return read


def _csv(bank: QuestionBank, user_id: int) -> Callable[[Session], bytes]:
    return lambda session: rounds_csv(answers_table(bank, rounds.list_rounds(session=session, user_id=user_id)))


def _xlsx(bank: QuestionBank, user_id: int) -> Callable[[Session], bytes]:
    def build(session: Session) -> bytes:
        everything = rounds.list_rounds(session=session, user_id=user_id)
        completed = [r for r in everything if r.is_completed]
        all_goals = goals.list_goals(session=session, user_id=user_id)
        return rounds_xlsx(
            answers_table(bank, everything), scores_by_round(bank, completed), goals_table(bank, everything, all_goals)
        )

    return build


def _json(user_id: int) -> Callable[[Session], bytes]:
    return lambda session: transfer.to_json(storage.export_data(session=session, user_id=user_id))


def _render_export(bank: QuestionBank, user_id: int) -> None:
    sm = get_sessionmaker()
    st.header(texts.EXPORT_TITLE, anchor=False)
    st.write(texts.EXPORT_INTRO)
    today = utcnow().date().isoformat()
    csv_col, xlsx_col, json_col = st.columns(3)
    buttons = (
        (csv_col, texts.EXPORT_CSV, _csv(bank, user_id), "csv", "text/csv", "export-csv"),
        (xlsx_col, texts.EXPORT_XLSX, _xlsx(bank, user_id), "xlsx", _XLSX, "export-xlsx"),
        (json_col, texts.EXPORT_JSON, _json(user_id), "json", "application/json", "export-json"),
    )
    for column, label, build, extension, mime, key in buttons:
        with column:
            st.download_button(
                label,
                data=identity.live_data(_reader(sm, build)),
                file_name=texts.EXPORT_FILE_NAME.format(date=today, extension=extension),
                mime=mime,
                key=key,
                on_click="ignore",
            )


def _render_import(bank: QuestionBank, user_id: int) -> None:
    st.header(texts.IMPORT_TITLE, anchor=False)
    st.write(texts.IMPORT_INTRO)
    show_flash(actions.IMPORT_SLOT)
    st.file_uploader(
        texts.IMPORT_FILE.format(max=danish_number(transfer.IMPORT_MAX_BYTES // (1024 * 1024))),
        type=["json"],
        max_upload_size=transfer.IMPORT_MAX_BYTES // (1024 * 1024),
        key=actions.IMPORT_FILE_KEY,
    )
    st.button(texts.IMPORT_SUBMIT, key="import-submit", on_click=actions.import_file, args=(bank, user_id))


def _round_label(round_: RoundView) -> str:
    status = texts.EXPORT_STATUS_LABELS[round_.status]
    when = danish_date(round_.completed_at or round_.started_at)
    return texts.MY_ROUND_LABEL.format(date=when, context=context_label(round_.context), status=status)


def _render_rounds(bank: QuestionBank, user_id: int) -> None:
    st.header(texts.MY_ROUNDS_TITLE, anchor=False)
    show_flash(actions.ROUNDS_SLOT)
    mine = list(reversed(tx(rounds.list_rounds, user_id=user_id)))
    if not mine:
        st.info(texts.MY_ROUNDS_EMPTY)
        return
    pending = st.session_state.get(actions.PENDING_DELETE_KEY)
    for round_ in mine:
        label = _round_label(round_)
        with st.container(border=True):
            text, action = st.columns([3, 1], vertical_alignment="center")
            text.text(label)
            action.button(
                texts.ROUND_DELETE, key=f"round-delete-{round_.id}", on_click=actions.ask_delete, args=(round_.id,)
            )
            if pending == round_.id:
                st.warning(escape_markdown(texts.ROUND_DELETE_ASK.format(round=label)))
                yes, no = st.columns(2)
                yes.button(
                    texts.ROUND_DELETE_YES,
                    key=f"round-delete-confirm-{round_.id}",
                    type="primary",
                    on_click=actions.delete_round,
                    args=(bank, user_id, round_.id, label),
                )
                no.button(texts.ROUND_DELETE_NO, key=f"round-delete-cancel-{round_.id}", on_click=actions.cancel_delete)


def _render_account(username: str, user_id: int) -> None:
    st.header(texts.ACCOUNT_DELETE_TITLE, anchor=False)
    st.write(texts.ACCOUNT_DELETE_INTRO)
    show_flash(actions.ACCOUNT_SLOT)
    st.text_input(texts.ACCOUNT_DELETE_CONFIRM.format(username=username), key=actions.DELETE_CONFIRM_KEY)
    st.button(texts.ACCOUNT_DELETE, key="account-delete", on_click=actions.delete_account, args=(user_id,))


def render_my_data(bank: QuestionBank, user_id: int, username: str) -> None:
    """Draw the whole page."""
    st.title(texts.MY_DATA_TITLE, anchor=False)
    st.write(texts.MY_DATA_INTRO)
    _render_export(bank, user_id)
    st.divider()
    _render_import(bank, user_id)
    st.divider()
    _render_rounds(bank, user_id)
    st.divider()
    _render_account(username, user_id)
