"""The leader's data in a real browser: the PDF report arrives, the exports arrive, the account is
deleted, and the JSON brings the same history into a fresh installation."""

from __future__ import annotations

import io
import json
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from db import accounts
from tests.conftest import PASSWORD
from tests.e2e import a11y
from tests.e2e.helpers import click, fill, go_to, key, log_in, sign_up, wait_for_idle
from tests.support.storage import completed_round

pytestmark = pytest.mark.browser


def _download(page, name: str) -> bytes:
    with page.expect_download() as caught:
        page.locator(f"{key(name)} button").click()
    return caught.value.path().read_bytes()


def test_report_exports_delete_and_import_into_a_fresh_installation(
    app_server, other_app_server, storage, new_person, bank, tmp_path
):
    # Mette's history on the first installation: two rounds, a goal, and its follow-up.
    mette = storage(accounts.create_user, username="Mette", password=PASSWORD)
    first = bank.competencies[0].id
    completed_round(storage, bank, mette.id, rating=2, goals={first: "Invitere en borger med"})
    completed_round(
        storage,
        bank,
        mette.id,
        rating=4,
        context="efter-moede-1",
        goals={first: "Invitere to"},
        followups={first: ("achieved", "Hun kom!")},
    )

    page = new_person()
    page.goto(f"{app_server.url}/resultater")
    wait_for_idle(page)
    log_in(page, "Mette", PASSWORD)
    expect(page.locator(key("results-summary"))).to_contain_text("1 lykkedes, 0 delvist, 0 ikke endnu")
    page.get_by_text(re.compile(r"^Alle dine mål")).click()  # the whole list of goals is folded
    expect(page.get_by_text("Næste skridt: Invitere to")).to_be_visible()
    expect(page.get_by_text("Sådan gik det: Lykkedes")).to_be_visible()
    a11y.check(page, "results-goals-and-report")
    pdf = _download(page, "report-download")
    assert pdf.startswith(b"%PDF-")
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    assert "Mette" in text and "Næste skridt: Invitere to" in text and "Efter netværksmøde 1" in text

    go_to(page, "Mine data")
    a11y.check(page, "my-data")
    assert _download(page, "export-csv").startswith("\ufeffRunde nr.;".encode())
    assert _download(page, "export-xlsx").startswith(b"PK")
    exported = _download(page, "export-json")
    assert len(json.loads(exported)["rounds"]) == 2

    fill(page, "account-delete-confirm", "Mette")
    click(page, "account-delete")
    expect(page.get_by_text("Din konto og alle dine data er slettet.")).to_be_visible()
    expect(page.locator(key("login-submit"))).to_be_visible()
    a11y.check(page, "login-after-account-deletion")

    # On a fresh installation, a new account brings the history in.
    file = tmp_path / "mette.json"
    file.write_bytes(exported)
    elsewhere = new_person()
    sign_up(elsewhere, other_app_server.url, "mette.hansen", PASSWORD)
    go_to(elsewhere, "Mine data")
    elsewhere.locator(f"{key('import-file')} input[type=file]").set_input_files(str(file))
    wait_for_idle(elsewhere)
    click(elsewhere, "import-submit")
    expect(elsewhere.get_by_text("Dine data er lagt ind: 2 runder, 2 mål")).to_be_visible()
    a11y.check(elsewhere, "my-data-imported")
    go_to(elsewhere, "Mine resultater")
    radar = elsewhere.locator(key("results-radar"))
    expect(radar.locator("g.trace")).to_have_count(2)
    elsewhere.get_by_text(re.compile(r"^Alle dine mål")).click()
    expect(elsewhere.get_by_text("Næste skridt: Invitere en borger med")).to_be_visible()
    expect(elsewhere.get_by_text("Hun kom!")).to_be_visible()
