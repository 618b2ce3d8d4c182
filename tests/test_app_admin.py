"""Administration in the app (AppTest): an administrator grants the trainer role; nobody else can."""

from __future__ import annotations

import io
import sys

from core import texts
from db import accounts
from db.admin import main as admin_command
from tests.conftest import PASSWORD
from tests.support.appflow import everything_shown, log_in, open_page, plain, sign_up


def test_an_admin_made_by_the_command_grants_the_trainer_role_in_the_page(new_session, app_tx, account_of, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSWORD + "\n"))
    assert admin_command(["create-admin", "Birthe", "--password-stdin"]) == 0
    sign_up(new_session(), "Tove")
    admin = open_page(log_in(new_session(), "Birthe"), "admin")
    tove = account_of("Tove")
    admin.toggle(key=f"admin-trainer-{tove.id}").set_value(True).run()
    assert [plain(s.value) for s in admin.success] == [texts.ADMIN_TRAINER_ON.format(name="Tove")]
    assert app_tx(accounts.roles_of, user_id=tove.id).is_trainer


def test_a_non_admin_sees_nothing_on_the_admin_page_even_by_url(new_session, app_tx):
    sign_up(new_session(), "Tove")
    mette = open_page(sign_up(new_session(), "Mette"), "admin")
    assert [i.value for i in mette.info] == [texts.ADMIN_ONLY]
    assert "Tove" not in everything_shown(mette) and not mette.toggle
