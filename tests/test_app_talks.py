"""The talks page in the app (AppTest): prepare a talk, draft the agreement from the answers,
invite the personaleleder, who reads, comments and marks it agreed, and sees nothing else."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader

from core import texts
from db import accounts, agreements
from tests.conftest import PASSWORD
from tests.support.appflow import (
    assert_no_exception,
    complete_round,
    everything_kept,
    everything_shown,
    log_in,
    open_page,
    plain,
    redeem,
    sign_up,
)

SECRET = "Hemmelig-runde-tanke"


@pytest.fixture
def mette(new_session, bank):
    at = sign_up(new_session(), "Mette", name="Mette Lund")
    complete_round(at, bank, rating=2, text=SECRET)
    return at


def _prepare_personaleleder(at):
    open_page(at, "samtaler")
    at.button(key="tool-personaleleder").click().run()
    at.text_area(key="tool-text-personaleleder-sekretariat-perioder").input("Hele marts og uge 20").run()
    at.radio(key="tool-rating-personaleleder-tid-fra-basis").set_value(4).run()
    at.text_area(key="tool-text-personaleleder-tid-fra-basis").input("Kim tager driften").run()
    return at


def _invite(at, kind="personaleleder") -> str:
    at.button(key=f"agreement-invite-{kind}").click().run()
    return at.code[0].value


def test_the_tool_keeps_every_answer_and_the_agreement_starts_from_them(mette, new_session):
    _prepare_personaleleder(mette)
    assert_no_exception(mette)
    mette.button(key="agreement-personaleleder").click().run()
    assert mette.text_area(key="agreement-field-personaleleder-sekretariat").value == "Hele marts og uge 20"
    assert mette.text_area(key="agreement-field-personaleleder-basis").value == "Kim tager driften"
    mette.number_input(key="agreement-hours-personaleleder-timer-moeder").set_value(8.0).run()
    assert_no_exception(mette)

    other_tab = log_in(new_session(), "Mette")
    open_page(other_tab, "samtaler")
    assert "Forberedt: 2 af 7 spørgsmål besvaret." in [c.value for c in other_tab.caption]
    other_tab.button(key="agreement-personaleleder").click().run()
    assert other_tab.number_input(key="agreement-hours-personaleleder-timer-moeder").value == 8.0
    assert other_tab.text_area(key="agreement-field-personaleleder-sekretariat").value == "Hele marts og uge 20"


def test_the_personaleleder_reads_comments_and_agrees_and_sees_nothing_else(mette, new_session, downloads):
    _prepare_personaleleder(mette)
    mette.button(key="agreement-personaleleder").click().run()
    code = _invite(mette)

    birgit = sign_up(new_session(), "birgit", name="Birgit Holm")
    open_page(birgit, "samtaler")
    birgit.text_input(key="agreement-redeem-code").input(code)
    birgit.button(key="agreement-redeem-submit").click().run()
    assert_no_exception(birgit)
    assert any("Mette Lund" in plain(s.value) for s in birgit.success)
    shown = everything_shown(birgit)
    assert "Hele marts og uge 20" in shown
    assert SECRET not in shown and SECRET not in everything_kept(birgit)
    birgit.text_area(key="agreement-comment").input("Fint, men tal med Kim om juni").run()
    birgit.button(key="agreement-accept").click().run()
    assert_no_exception(birgit)
    assert any("markeret aftalen som aftalt" in plain(s.value) for s in birgit.success)
    for page in ("resultater", "co_driver", "overblik"):
        open_page(birgit, page)
        assert SECRET not in everything_shown(birgit), page

    open_page(mette, "samtaler")
    mette.button(key="talks-back").click().run()  # what was open stays in the address; back to the list
    status = " ".join(c.value for c in mette.caption)
    assert "Aftalt" in status and "Birgit Holm" in status
    mette.button(key="agreement-personaleleder").click().run()
    assert "Fint, men tal med Kim om juni" in everything_shown(mette)
    mette.text_area(key="agreement-field-personaleleder-sekretariat").input("Kun marts").run()
    assert "Ændret siden aftalen blev indgået" in everything_shown(mette)
    pdf = PdfReader(io.BytesIO(downloads(mette, "agreement-pdf-personaleleder")))
    text = " ".join(" ".join(page.extract_text() for page in pdf.pages).split())  # lines joined
    assert "Samarbejdsaftale mellem netværksleder og personaleleder" in text and "Kun marts" in text
    assert "Aftalt" in text and "Birgit Holm" in text and "Hele marts og uge 20" in text  # what was agreed


def test_a_bad_code_is_refused_with_its_reason_and_opens_nothing(mette, new_session):
    bo = sign_up(new_session(), "bodil")
    open_page(bo, "samtaler")
    bo.text_input(key="agreement-redeem-code").input("AAAA-BBBB-CCCC")
    bo.button(key="agreement-redeem-submit").click().run()
    assert [plain(e.value) for e in bo.error] == [texts.INVITED_REFUSED["unknown"]]
    assert not [b for b in bo.button if b.key == "agreement-accept"]


def test_the_overview_shows_the_network_talks_rounds_and_goals(mette):
    open_page(mette, "overblik")
    assert_no_exception(mette)
    mette.text_input(key="network-name").input("Ensomhed blandt unge")
    mette.date_input(key="network-meeting-1").set_value(date(2027, 2, 1))
    mette.date_input(key="network-meeting-2").set_value(date(2027, 3, 1))
    mette.button(key="network-save").click().run()
    assert_no_exception(mette)
    shown = everything_shown(mette)
    assert "Ensomhed blandt unge" in shown and "Møde 1: 1. feb. 2027" in shown
    assert "Testfasen ventes at begynde omkring 3. aug. 2027" in shown
    assert "Før netværket" in shown  # the round
    assert texts.AGREEMENT_NONE in plain(shown)


def test_an_agreement_code_typed_on_the_sharing_page_opens_the_agreement_and_no_share(mette, new_session):
    _prepare_personaleleder(mette)
    mette.button(key="agreement-personaleleder").click().run()
    code = _invite(mette)
    birgit = redeem(sign_up(new_session(), "birgit"), code)
    assert "Samtaler og aftaler" in " ".join(plain(s.value) for s in birgit.success)
    open_page(birgit, "samtaler")
    assert "Hele marts og uge 20" in everything_shown(birgit)
    open_page(birgit, "co_driver")
    assert "Hele marts og uge 20" not in everything_shown(birgit) and SECRET not in everything_shown(birgit)


def test_a_guessed_agreement_id_or_address_opens_nothing_of_someone_elses(mette, new_session, app_tx, tools):
    _prepare_personaleleder(mette)
    mette.button(key="agreement-personaleleder").click().run()
    code = _invite(mette)
    reference = tools.for_talk("referenceleder")
    leader_id = app_tx(accounts.authenticate, username="Mette", password=PASSWORD).id
    other = app_tx(
        agreements.start_agreement,
        leader_id=leader_id,
        kind="referenceleder",
        draft={"mandat": "Referencelederens-hemmelighed"},
        fields=reference.agreement.fields,
    )
    birgit = sign_up(new_session(), "birgit")
    open_page(birgit, "samtaler")
    birgit.text_input(key="agreement-redeem-code").input(code)
    birgit.button(key="agreement-redeem-submit").click().run()
    birgit.session_state["agreement-pick"] = other.id  # tampered with: the leader's other agreement
    birgit.run()
    assert "Referencelederens-hemmelighed" not in everything_shown(birgit)
    assert "Hele marts og uge 20" in everything_shown(birgit)  # still only the one she was invited to

    stranger = sign_up(new_session(), "svend")
    stranger.session_state["agreement-pick"] = other.id
    stranger.query_params["aftale"] = "referenceleder"
    open_page(stranger, "samtaler")
    shown = everything_shown(stranger) + everything_kept(stranger)
    assert "Referencelederens-hemmelighed" not in shown and "Hele marts" not in shown
    assert_no_exception(stranger)


def test_a_text_whose_save_was_skipped_is_stored_when_the_tool_is_left(mette, new_session):
    """A click that reaches a busy server can make Streamlit skip a text's callback (docs/architecture.md)."""
    open_page(mette, "samtaler")
    mette.button(key="tool-personaleleder").click().run()
    mette.session_state["tool-text-personaleleder-afdelingen-med"] = "Oplæg på afdelingsmødet"  # no callback ran
    mette.button(key="agreement-personaleleder").click().run()
    assert "Oplæg på afdelingsmødet" in mette.text_area(key="agreement-field-personaleleder-udvikling").value
    fresh = log_in(new_session(), "Mette")
    open_page(fresh, "samtaler")
    fresh.button(key="tool-personaleleder").click().run()
    assert fresh.text_area(key="tool-text-personaleleder-afdelingen-med").value == "Oplæg på afdelingsmødet"


def test_the_link_the_leader_sends_opens_the_agreement_after_sign_up(mette, new_session):
    _prepare_personaleleder(mette)
    mette.button(key="agreement-personaleleder").click().run()
    code = _invite(mette)
    link = mette.code[1].value
    assert link == f"http://localhost:8501/samtaler?aftalekode={code}"

    birgit = new_session()
    birgit.switch_page("pages/samtaler.py")
    birgit.query_params["aftalekode"] = code
    birgit.run()
    assert [plain(i.value) for i in birgit.info][:1] == [texts.AGREEMENT_LINK_GATE]
    sign_up(birgit, "birgit", name="Birgit Holm")
    assert_no_exception(birgit)
    assert "Hele marts og uge 20" in everything_shown(birgit)
    assert "aftalekode" not in birgit.query_params  # a reload does not try the used code again
