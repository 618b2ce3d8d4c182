"""The handbook's talk with the personaleleder in a real browser: prepare it in the tool, draft
the agreement, invite the personaleleder, who reads, comments and marks it agreed; the leader
downloads the A4 PDF; the personaleleder sees nothing of the leader's competency mirror."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from db import accounts
from tests.conftest import PASSWORD
from tests.e2e import a11y
from tests.e2e.helpers import click, fill, go_to, key, log_in, sign_up_here, wait_for_idle
from tests.support.storage import completed_round

pytestmark = pytest.mark.browser
SECRET = "Min-hemmelige-runde"


def test_prepare_draft_invite_agree_and_print_the_personaleleder_agreement(app_server, new_person, bank, storage):
    mette = storage(accounts.create_user, username="Mette", password=PASSWORD, name="Mette Lund")
    completed_round(storage, bank, mette.id, rating=4, text_for=lambda _qid: SECRET)

    leader = new_person()
    leader.goto(f"{app_server.url}/samtaler")
    wait_for_idle(leader)
    log_in(leader, "Mette", PASSWORD)
    expect(leader.locator(key("talk-personaleleder"))).to_contain_text("Ikke forberedt endnu.")
    a11y.check(leader, "talks")
    click(leader, "tool-personaleleder")
    fill(leader, "tool-text-personaleleder-sekretariat-perioder", "Uge 10-14 i sekretariatet")
    expect(leader.get_by_text(re.compile(r"Gemt kl\. \d\d\.\d\d")).first).to_be_visible()
    leader.reload()  # typed and stored: a reload keeps it
    wait_for_idle(leader)
    expect(leader.locator(f"{key('tool-text-personaleleder-sekretariat-perioder')} textarea")).to_have_value(
        "Uge 10-14 i sekretariatet"
    )
    a11y.check(leader, "talks-tool")
    click(leader, "agreement-personaleleder")
    expect(leader.locator(f"{key('agreement-field-personaleleder-sekretariat')} textarea")).to_have_value(
        "Uge 10-14 i sekretariatet"
    )
    hours = leader.locator(f"{key('agreement-hours-personaleleder-timer-moeder')} input")
    hours.fill("8")
    hours.press("Enter")
    wait_for_idle(leader)
    click(leader, "agreement-invite-personaleleder")
    code = leader.locator(f"{key('agreement-code-personaleleder')} code").first.inner_text().strip()
    assert len(code) == 14
    link = leader.locator(f"{key('agreement-link-personaleleder')} code").inner_text().strip()
    assert link == f"{app_server.url}/samtaler?aftalekode={code}"
    a11y.check(leader, "talks-agreement")

    boss = new_person()  # new here: follows the link, signs up, and the agreement opens
    boss.goto(link)
    wait_for_idle(boss)
    sign_up_here(boss, "birgit", PASSWORD, name="Birgit Holm")
    invited = boss.locator(key("agreement-invited"))
    expect(invited).to_contain_text("Uge 10-14 i sekretariatet")
    expect(invited).to_contain_text("8 timer om ugen")
    fill(boss, "agreement-comment", "Godt. Vi tager juni op igen.")
    click(boss, "agreement-accept")
    expect(boss.get_by_text(re.compile("Du har markeret aftalen som aftalt"))).to_be_visible()
    a11y.check(boss, "talks-invited-agreed")
    # She is here to read an agreement: her menu is that, her data and her account.
    expect(boss.locator('[data-testid="stSidebarNav"] a')).to_have_text(["Aftaler", "Mine data", "Min konto"])
    for path in ("resultater", "overblik"):  # her own pages, by address: nothing of Mette's mirror
        boss.goto(f"{app_server.url}/{path}")
        wait_for_idle(boss)
        expect(boss.get_by_text(SECRET)).to_have_count(0)
    boss.goto(f"{app_server.url}/co-driver?leader=Mette")
    wait_for_idle(boss)
    expect(boss.get_by_text(SECRET)).to_have_count(0)

    go_to(leader, "Mit overblik")
    expect(leader.locator(key("overview-talk-personaleleder"))).to_contain_text("Aftalt")
    expect(leader.locator(key("overview-talk-personaleleder"))).to_contain_text("Birgit Holm")
    a11y.check(leader, "overview")
    go_to(leader, "Samtaler og aftaler")
    click(leader, "agreement-personaleleder")
    expect(leader.get_by_text("Godt. Vi tager juni op igen.")).to_be_visible()
    with leader.expect_download() as caught:
        leader.locator(f"{key('agreement-pdf-personaleleder')} button").click()
    pdf = PdfReader(caught.value.path())
    text = " ".join(" ".join(p.extract_text() for p in pdf.pages).split())  # lines joined
    assert pdf.pages[0].mediabox.width == pytest.approx(595.28, abs=1)  # A4
    assert "Samarbejdsaftale mellem netværksleder og personaleleder" in text and "Mette Lund" in text
    assert "Uge 10-14 i sekretariatet" in text and "Birgit Holm" in text and SECRET not in text
