"""Start-up problems give one clear message in the page, never a stack trace."""

from __future__ import annotations

import logging

import pytest
import yaml

from core import texts
from questions import DEFAULT_BANK_PATH
from tests.support.appflow import assert_no_exception


def test_broken_bank_stops_the_app_with_one_message_naming_file_and_field(new_session, tmp_path, monkeypatch, caplog):
    data = yaml.safe_load(DEFAULT_BANK_PATH.read_text(encoding="utf-8"))
    data["competencies"][0]["questions"][0]["text"] = ""
    broken = tmp_path / "broken.yaml"
    broken.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    monkeypatch.setenv("QUESTION_BANK_PATH", str(broken))
    with caplog.at_level(logging.ERROR, logger="netvaerksspejlet"):
        at = new_session()
    assert_no_exception(at)
    [error] = [e.value for e in at.error]
    assert str(broken) in error and "questions[0] (taenke-andre-ind-1).text" in error
    assert not at.text_input  # nothing else is drawn
    assert any(str(broken) in r.getMessage() for r in caplog.records)
    # No menu of file names (app, admin, co driver, ...): Streamlit lists pages/ when a run stops
    # before st.navigation. (AppTest's record of the pages offered; the menu draws from it.)
    offered = [page["script_path"] for page in at._registered_pages.values()]
    assert not [path for path in offered if path], offered


def test_wrong_database_url_gives_one_clear_message(new_session, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgresql://bruger:hemmelig@127.0.0.1:1/netvaerk")
    at = new_session()
    assert_no_exception(at)
    [error] = [e.value for e in at.error]
    assert error.startswith("Netværksspejlet kan ikke starte: Kan ikke forbinde til databasen")
    assert "hemmelig" not in error


def test_an_unexpected_error_shows_a_calm_message_not_a_stack_trace(new_session, monkeypatch, caplog):
    from db import rounds
    from tests.support.appflow import sign_up

    at = sign_up(new_session(), "Mette")

    def broken(**_):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(rounds, "open_round_with_previous", broken)
    with caplog.at_level(logging.ERROR, logger="netvaerksspejlet"):
        at.run()
    assert_no_exception(at)
    assert [e.value for e in at.error] == ["Noget gik galt. Prøv igen – dine gemte svar er ikke tabt."]
    assert "disk on fire" in caplog.text


def test_an_error_in_a_callback_shows_the_calm_message_too(new_session, monkeypatch, caplog):
    """Callbacks run before the page; an error there gave Streamlit's English error page."""
    from db import rounds
    from tests.support.appflow import sign_up, start_round

    at = start_round(sign_up(new_session(), "Mette"))

    def broken(**_):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(rounds, "save_text", broken)
    area = next(a for a in at.text_area if a.key.startswith("text-"))
    with caplog.at_level(logging.ERROR, logger="netvaerksspejlet"):
        at = area.input("Jeg lyttede mere").run()
    assert_no_exception(at)
    assert "Noget gik galt. Prøv igen – dine gemte svar er ikke tabt." in [e.value for e in at.error]
    assert "disk on fire" in caplog.text


@pytest.mark.parametrize(
    ("name", "value", "said"),
    [
        ("CLIENT_IP_HOPS", "to", "Indstillingen CLIENT_IP_HOPS kan ikke bruges: den skal være et helt tal."),
        ("CLIENT_IP_HOPS", "0", "Indstillingen CLIENT_IP_HOPS kan ikke bruges: den skal være mindst 1."),
        ("PUBLIC_URL", "spejl.kommune.dk", "Indstillingen PUBLIC_URL kan ikke bruges: den skal begynde med http://"),
    ],
)
def test_a_setting_that_cannot_be_right_stops_the_app_with_one_message_naming_it(
    new_session, monkeypatch, name, value, said
):
    """It used to be replaced by its default without a word (a proxy count of "to" counted as 1)."""
    monkeypatch.setenv(name, value)
    at = new_session()
    assert_no_exception(at)
    [error] = [e.value for e in at.error]
    assert error.startswith(texts.SETTINGS_BROKEN.format(detail="")) and said in error
    assert not at.text_input  # no sign-in form on a misconfigured server
