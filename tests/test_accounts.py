"""Local accounts on SQLite and PostgreSQL: argon2 hashes, case-insensitive unique usernames."""

from __future__ import annotations

import subprocess
import sys

import pytest
from sqlalchemy import select

from db import accounts, codes
from db.errors import (
    InvalidInputError,
    InvalidUsernameError,
    LookalikeUsernameError,
    NotAllowedError,
    UsernameTakenError,
    WeakPasswordError,
)
from db.models import User
from tests.conftest import PASSWORD, ROOT


def test_new_account_can_sign_in(tx):
    created = tx(accounts.create_user, username="Mette", password=PASSWORD)
    assert tx(accounts.authenticate, username="Mette", password=PASSWORD) == created


def test_username_is_matched_without_case_at_sign_in(tx, make_user):
    created = make_user("Søren.Ålund")
    assert tx(accounts.authenticate, username="søren.ålund", password=PASSWORD) == created


def test_username_taken_regardless_of_case(tx, make_user):
    make_user("Mette")
    with pytest.raises(UsernameTakenError):
        tx(accounts.create_user, username="mETTE", password=PASSWORD)


def test_wrong_password_and_unknown_user_are_both_refused(tx, make_user):
    make_user("Mette")
    assert tx(accounts.authenticate, username="Mette", password="forkert-kode-123") is None
    assert tx(accounts.authenticate, username="Ukendt", password=PASSWORD) is None


def test_password_is_stored_only_as_an_argon2_hash(sm, make_user):
    make_user("Mette")
    with sm() as session:
        stored = session.scalar(select(User.password_hash))
    assert stored.startswith("$argon2id$")
    assert PASSWORD not in stored


def test_the_app_hashes_passwords_at_the_recommended_cost():
    """The suite hashes cheaply (tests/conftest.py); the app, in a process of its own, at RFC 9106's
    second recommended cost: argon2id, 64 MiB, 3 passes, 4 lanes."""
    hashed = subprocess.run(
        [sys.executable, "-c", "from db import accounts; print(accounts._hasher.hash('en-god-adgangskode'))"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert hashed.startswith("$argon2id$v=19$m=65536,t=3,p=4$")


@pytest.mark.parametrize("username", ["ab", "x" * 41, "med mellemrum", "<script>", ""])
def test_invalid_usernames_are_refused_and_nothing_is_stored(tx, sm, username):
    with pytest.raises(InvalidUsernameError):
        tx(accounts.create_user, username=username, password=PASSWORD)
    with sm() as session:
        assert session.scalar(select(User.id)) is None


@pytest.mark.parametrize("password", ["kort", "123456789"])
def test_short_passwords_are_refused(tx, password):
    with pytest.raises(WeakPasswordError):
        tx(accounts.create_user, username="Mette", password=password)


def test_long_passwords_up_to_128_are_accepted(tx):
    assert tx(accounts.create_user, username="Mette", password="æ" * 128)
    with pytest.raises(WeakPasswordError):
        tx(accounts.create_user, username="Mads", password="a" * 129)


def test_reset_codes_are_readable_and_forgiving_to_type():
    issued = {accounts.new_reset_code() for _ in range(200)}
    assert len(issued) == 200
    code = issued.pop()
    assert len(code) == 14 and code.count("-") == 2
    assert not set(code.replace("-", "")) & set("01OIL")
    assert codes.normalise_code(f" {code.lower().replace('-', ' ')} ") == code.replace("-", "")


def test_only_an_administrator_lists_accounts_or_changes_the_trainer_role(tx, make_user):
    admin, leader = make_user("Birthe"), make_user("Mette")
    for action in (
        lambda who: tx(accounts.list_accounts, admin_id=who),
        lambda who: tx(accounts.set_trainer, admin_id=who, user_id=leader.id, is_trainer=True),
    ):
        with pytest.raises(NotAllowedError):
            action(leader.id)
    tx(accounts.set_roles, username="Birthe", is_admin=True)
    tx(accounts.set_trainer, admin_id=admin.id, user_id=leader.id, is_trainer=True)
    assert tx(accounts.roles_of, user_id=leader.id).is_trainer
    assert [(a.username, a.is_admin, a.is_trainer) for a in tx(accounts.list_accounts, admin_id=admin.id)] == [
        ("Birthe", True, False),
        ("Mette", False, True),
    ]


def test_a_nul_in_the_sign_in_name_is_just_a_failed_sign_in(tx, make_user):
    """It crashed the sign-in on PostgreSQL; now it is a name like any other, and throttled as one."""
    make_user("Mette")
    outcome = tx(accounts.sign_in, username="Me\x00tte", password="forkert-kode-123", client="10.0.0.1")
    assert outcome.account is None and not outcome.locked
    assert tx(accounts.sign_in, username="Mette\x00", password=PASSWORD, client="10.0.0.1").account is not None


def test_a_nul_in_a_new_username_is_refused_as_an_invalid_name(tx):
    with pytest.raises(InvalidUsernameError):
        tx(accounts.create_user, username="me\x00tte", password=PASSWORD)


@pytest.mark.parametrize("lookalike", ["mеtte", "ｍｅｔｔｅ", "ⅿette", "METTE", "rnette"])
def test_a_name_that_looks_like_an_existing_one_is_refused(tx, make_user, lookalike):
    """Cyrillic е, full-width letters, the Roman numeral ⅿ, rn for m: all were accepted beside mette."""
    make_user("mette")
    with pytest.raises(UsernameTakenError):
        tx(accounts.create_user, username=lookalike, password=PASSWORD)
    assert tx(accounts.look_alikes) == []


def test_look_alikes_are_told_apart_from_a_plainly_taken_name(tx, make_user):
    make_user("undervíser")  # í: looks different enough from i
    make_user("underviser")
    with pytest.raises(LookalikeUsernameError):
        tx(accounts.create_user, username="undervіser", password=PASSWORD)  # Cyrillic і
    with pytest.raises(UsernameTakenError) as plain:
        tx(accounts.create_user, username="Underviser", password=PASSWORD)
    assert not isinstance(plain.value, LookalikeUsernameError)


def test_danish_names_that_only_share_letters_are_both_welcome(tx, make_user):
    for name in ["søren", "soren", "Åse", "Ase", "Lise", "Lise.Hansen"]:
        make_user(name)


def test_a_compatibility_form_signs_in_as_the_plain_name(tx, make_user):
    mette = make_user("mette")
    assert tx(accounts.authenticate, username="ｍｅｔｔｅ", password=PASSWORD) == mette


def test_two_look_alikes_signing_up_at_the_same_moment_do_not_both_get_in(tx):
    import threading

    start, outcomes = threading.Barrier(2), []

    def sign_up(name: str) -> None:
        start.wait()
        try:
            outcomes.append(tx(accounts.create_user, username=name, password=PASSWORD))
        except UsernameTakenError as refused:
            outcomes.append(refused)

    threads = [threading.Thread(target=sign_up, args=(name,)) for name in ("mette", "mеtte")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(type(o).__name__ for o in outcomes) == ["AccountView", "LookalikeUsernameError"]


@pytest.mark.parametrize(
    "name",
    [
        "\u200b",
        "\u200b\u200b\u200b",
        "\u202e",
        "\u202e\u202d\u2066",
        "\u3164\u3164",
        "\u0301\u0301",
        "Administrator",
        "ADMIN",
    ],
)
def test_a_name_nobody_can_see_or_one_that_poses_as_the_system_is_refused_and_nothing_is_stored(tx, make_user, name):
    with pytest.raises(InvalidInputError):
        tx(accounts.create_user, username="usynlig", password=PASSWORD, name=name)
    assert tx(accounts.authenticate, username="usynlig", password=PASSWORD) is None
    mette = make_user("Mette")
    with pytest.raises(InvalidInputError):
        tx(accounts.rename, user_id=mette.id, name=name)
    assert tx(accounts.authenticate, username="Mette", password=PASSWORD).name == "Mette"


def test_direction_controls_and_hidden_spaces_are_taken_out_of_a_name(tx):
    made = tx(accounts.create_user, username="mette", password=PASSWORD, name="\u2067Mette\u200b Kjær\u202e (2)\u2069")
    assert made.name == "Mette Kjær (2)"
    emoji = tx(accounts.create_user, username="ida", password=PASSWORD, name="Ida \U0001f469\u200d\U0001f4bb")
    assert emoji.name == "Ida \U0001f469\u200d\U0001f4bb"  # a joiner inside an emoji stays
