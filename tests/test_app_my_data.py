"""Mine data in the app (AppTest): export in three formats, import, delete a round, delete the account."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from core import texts
from db import accounts, rounds, sharing
from tests.support.appflow import (
    assert_no_exception,
    complete_round,
    invite,
    log_in,
    open_page,
    plain,
    plotly_spec,
    redeem,
    sign_up,
)


@pytest.fixture
def mette(new_session, bank, downloads):
    """Mette has two completed rounds with goals; she is on "Mine data" (downloads are readable)."""
    at = sign_up(new_session(), "Mette")
    complete_round(at, bank, rating=2, text="Første – æøå", goals={bank.competencies[0].id: "Invitere en borger"})
    complete_round(at, bank, rating=4, text="=SUM(A1)", goals={bank.competencies[1].id: "Lytte mere"})
    return open_page(at, "mine_data")


def _messages(at, kind: str) -> list[str]:
    return [plain(m.value) for m in getattr(at, kind)]


def test_the_csv_opens_in_danish_excel_terms_with_every_answer(mette, downloads, bank):
    frame = pd.read_csv(io.BytesIO(downloads(mette, "export-csv")), sep=";", decimal=",", encoding="utf-8-sig")
    assert len(frame) == 2 * len(bank.question_ids)
    assert list(frame.columns[:3]) == ["Runde nr.", "Status", "Startet"]
    first = frame[frame["Runde nr."] == 1]
    assert set(first["Vurdering"]) == {2} and first["Din refleksion"].iloc[0].startswith("Første – æøå")
    # Text that a spreadsheet would run as a formula is shown as typed instead.
    assert frame[frame["Runde nr."] == 2]["Din refleksion"].iloc[0].startswith("'=SUM(A1)")


def test_the_workbook_has_answers_scores_and_goals(mette, downloads, bank):
    sheets = pd.read_excel(io.BytesIO(downloads(mette, "export-xlsx")), sheet_name=None)
    assert list(sheets) == ["Svar", "Scorer", "Mål"]
    scores = sheets["Scorer"]
    assert list(scores.columns) == ["Kompetence", "Runde 1", "Runde 2"]
    assert (scores["Runde 1"].tolist(), scores["Runde 2"].tolist()) == ([2.0] * 10, [4.0] * 10)
    assert sheets["Mål"]["Næste skridt"].tolist() == ["Invitere en borger", "Lytte mere"]


def test_the_json_export_moves_the_whole_history_to_a_new_account(mette, downloads, new_session, bank):
    exported = downloads(mette, "export-json")
    assert json.loads(exported)["format_version"] == 2
    newcomer = open_page(sign_up(new_session(), "Mette2"), "mine_data")
    newcomer.file_uploader(key="import-file").set_value(("mine-data.json", exported, "application/json")).run()
    newcomer.button(key="import-submit").click().run()
    assert_no_exception(newcomer)
    assert _messages(newcomer, "success") == [texts.import_done(2, 2, 0)]
    results = open_page(newcomer, "resultater")
    assert [trace["r"][:10] for trace in plotly_spec(results, key="results-radar")["data"]] == [[2.0] * 10, [4.0] * 10]
    # The second export of the moved history holds the same rounds as the first.
    again = json.loads(downloads(open_page(newcomer, "mine_data"), "export-json"))
    assert again["rounds"] == json.loads(exported)["rounds"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not json at all", texts.IMPORT_NOT_JSON),
        (json.dumps({"format": "netvaerksspejlet-eksport", "format_version": 7}).encode(), "format 7"),
    ],
)
def test_a_bad_file_is_refused_with_a_message_and_nothing_is_stored(new_session, app_tx, account_of, content, message):
    at = open_page(sign_up(new_session(), "Ida"), "mine_data")
    at.file_uploader(key="import-file").set_value(("fil.json", content, "application/json")).run()
    at.button(key="import-submit").click().run()
    assert_no_exception(at)
    assert message in _messages(at, "error")[0]
    assert app_tx(rounds.list_rounds, user_id=account_of("Ida").id) == []


def test_import_into_an_account_with_rounds_changes_nothing(mette, downloads, app_tx, account_of):
    exported = downloads(mette, "export-json")
    mette.file_uploader(key="import-file").set_value(("mine-data.json", exported, "application/json")).run()
    mette.button(key="import-submit").click().run()
    assert _messages(mette, "error") == [texts.IMPORT_NOT_EMPTY]
    assert len(app_tx(rounds.list_rounds, user_id=account_of("Mette").id)) == 2


def test_a_round_is_deleted_only_after_confirmation(mette, app_tx, account_of):
    first, second = app_tx(rounds.list_rounds, user_id=account_of("Mette").id)
    mette.button(key=f"round-delete-{first.id}").click().run()
    assert mette.warning[0].value.startswith("Vil du slette runden")
    mette.button(key=f"round-delete-cancel-{first.id}").click().run()
    assert not mette.warning and len(app_tx(rounds.list_rounds, user_id=account_of("Mette").id)) == 2
    mette.button(key=f"round-delete-{first.id}").click().run()
    mette.button(key=f"round-delete-confirm-{first.id}").click().run()
    assert_no_exception(mette)
    assert _messages(mette, "success")[0].startswith("Runden »")
    assert [r.id for r in app_tx(rounds.list_rounds, user_id=account_of("Mette").id)] == [second.id]
    assert not [b for b in mette.button if b.key == f"round-delete-{first.id}"]


def test_an_unfinished_round_can_be_deleted_and_the_walk_through_starts_afresh(new_session, bank, app_tx, account_of):
    at = sign_up(new_session(), "Mette")
    at.selectbox(key="round-context").set_value("andet")
    at.button(key="round-start").click().run()
    qid = bank.question_ids[0]
    at.text_area(key=f"text-{qid}").input("Halvt tænkt").run()
    round_id = app_tx(rounds.get_open_round, user_id=account_of("Mette").id).id
    at = open_page(at, "mine_data")
    at.button(key=f"round-delete-{round_id}").click().run()
    at.button(key=f"round-delete-confirm-{round_id}").click().run()
    at = open_page(at, "refleksion")
    assert at.button(key="round-start")


def test_the_account_is_deleted_only_when_the_username_is_typed(mette, account_of, app_tx, new_session):
    mette_id = account_of("Mette").id
    mette.text_input(key="account-delete-confirm").input("Mete")
    mette.button(key="account-delete").click().run()
    assert _messages(mette, "error") == [texts.ACCOUNT_DELETE_MISMATCH]
    assert len(app_tx(rounds.list_rounds, user_id=mette_id)) == 2

    other_tab = open_page(log_in(new_session(), "Mette"), "refleksion")
    mette.text_input(key="account-delete-confirm").input("mette")
    mette.button(key="account-delete").click().run()
    assert_no_exception(mette)
    assert _messages(mette, "success") == [texts.ACCOUNT_DELETED]
    assert mette.button(key="login-submit")  # signed out, at the sign-in form
    assert account_of("Mette") is None and app_tx(rounds.list_rounds, user_id=mette_id) == []
    # The other tab is signed out at its next step (here: starting a round) and shows nothing of hers.
    other_tab.selectbox(key="round-context").set_value("andet")
    other_tab.button(key="round-start").click().run()
    assert_no_exception(other_tab)
    assert other_tab.button(key="login-submit")
    assert "Mette" not in " ".join(t.value for t in other_tab.text)


def test_a_co_driver_loses_access_when_the_leader_deletes_the_account(mette, new_session, app_tx, account_of):
    code = invite(mette, "texts")
    jonas = redeem(sign_up(new_session(), "Jonas"), code)
    assert app_tx(sharing.is_codriver, user_id=account_of("Jonas").id)
    at = open_page(mette, "mine_data")
    at.text_input(key="account-delete-confirm").input("Mette")
    at.button(key="account-delete").click().run()
    assert not app_tx(sharing.is_codriver, user_id=account_of("Jonas").id)
    page = open_page(jonas, "co_driver")
    assert_no_exception(page)
    assert texts.CODRIVER_EMPTY in [plain(i.value) for i in page.info]
    assert app_tx(accounts.get_account, user_id=account_of("Jonas").id).username == "Jonas"
