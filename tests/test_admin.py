"""The admin command: the first administrator and the trainer role, run as a person would run it."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest

from db import accounts
from db.admin import main
from tests.conftest import PASSWORD, ROOT


@pytest.fixture
def db_env(database_url, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", database_url)
    return database_url


def _roles(tx, name):
    return tx(accounts.roles_of, user_id=tx(accounts.authenticate, username=name, password=PASSWORD).id)


def test_create_admin_makes_an_account_that_can_sign_in(db_env, tx, monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSWORD + "\n"))
    assert main(["create-admin", "Birthe", "--password-stdin"]) == 0
    assert "Birthe er oprettet" in capsys.readouterr().out
    assert _roles(tx, "birthe") == accounts.Roles(is_admin=True, is_trainer=False)


def test_create_admin_promotes_an_existing_account_without_touching_its_password(db_env, tx, make_user):
    make_user("Birthe")
    assert main(["create-admin", "birthe"]) == 0
    assert _roles(tx, "Birthe").is_admin


def test_grant_and_revoke_the_trainer_role(db_env, tx, make_user, capsys):
    make_user("Tove")
    assert main(["grant-trainer", "Tove"]) == 0
    assert _roles(tx, "Tove").is_trainer
    assert main(["list"]) == 0
    assert "Tove\t\ttræner" in capsys.readouterr().out
    assert main(["revoke-trainer", "tove"]) == 0
    assert not _roles(tx, "Tove").is_trainer


def test_an_unknown_name_is_refused_with_a_clear_message(db_env, capsys):
    assert main(["grant-trainer", "Ingen"]) == 1
    assert capsys.readouterr().err.strip() == "Der findes ingen bruger med navnet Ingen."


def test_a_weak_password_creates_nothing(db_env, tx, monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO("kort\n"))
    assert main(["create-admin", "Birthe", "--password-stdin"]) == 1
    assert "mindst 10 tegn" in capsys.readouterr().err
    assert tx(accounts.authenticate, username="Birthe", password="kort") is None


def test_the_documented_command_runs_as_a_module(tmp_path):
    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'admin.sqlite3'}", "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-m", "db.admin", "create-admin", "Birthe", "--password-stdin"],
        input=PASSWORD + "\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "Administratoren Birthe er oprettet." in done.stdout


def test_look_alikes_made_before_they_were_refused_are_reported(db_env, tx, make_user, capsys):
    from sqlalchemy import update

    from db.models import User

    make_user("mette")
    other = make_user("fremmed")
    # An account from before: its name was "mеtte" (Cyrillic е), as the old rules allowed.
    tx(
        lambda session: session.execute(
            update(User)
            .where(User.id == other.id)
            .values(username="mеtte", username_key="mеtte", username_skeleton="rnette")
        )
    )
    assert main(["look-alikes"]) == 0
    assert "Disse 2 brugernavne ligner hinanden: mette, m<U+0435>tte" in capsys.readouterr().out


def test_no_look_alikes_says_so(db_env, make_user, capsys):
    make_user("mette")
    assert main(["look-alikes"]) == 0
    assert "Ingen brugernavne ligner hinanden." in capsys.readouterr().out
