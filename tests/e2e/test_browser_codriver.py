"""The co-driver's whole round in a real browser: invite, redeem, follow, add a view, compare, revoke."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from db import accounts, feedback, rounds
from tests.conftest import PASSWORD
from tests.e2e import a11y, scenes
from tests.e2e.helpers import choose, click, fill, go_to, key, log_in, sign_up, wait_for_idle
from tests.support.storage import completed_round

pytestmark = pytest.mark.browser


@pytest.fixture
def leader_with_a_round(storage, bank):
    """Mette has one completed round (every rating 4). The walk-through itself has its own browser test."""
    mette = storage(accounts.create_user, username="Mette", password=PASSWORD)
    completed_round(storage, bank, mette.id, rating=4, text_for=lambda _qid: "Min tanke")


def test_invite_redeem_follow_rate_compare_and_revoke(app_server, new_person, bank, leader_with_a_round):
    first, second = bank.competencies[0], bank.competencies[1]

    leader = new_person()
    leader.goto(f"{app_server.url}/deling")
    wait_for_idle(leader)
    log_in(leader, "Mette", PASSWORD)
    # The first request to a fresh server was a deep link; the menu is still the app's own.
    menu = leader.locator('[data-testid="stSidebarNav"] a')
    expect(menu).to_have_text(
        [
            "Ny runde",
            "Mine resultater",
            "Mit overblik",
            "Samtaler og aftaler",
            "Del med co-driver",
            "Mine hold",
            "Mine data",
            "Min konto",
        ]
    )
    leader.locator(key("invite-scope")).get_by_text("Mine scorer og mine skrevne refleksioner").click()
    wait_for_idle(leader)
    click(leader, "invite-create")
    code = leader.locator(f"{key('invite-code')} code").inner_text().strip()
    assert len(code) == 14
    a11y.check(leader, "sharing-invitation-made")

    codriver = new_person()
    sign_up(codriver, app_server.url, "Jonas", PASSWORD)
    go_to(codriver, "Del med co-driver")
    fill(codriver, "invite-redeem-code", code.lower())
    click(codriver, "invite-redeem-submit")
    expect(codriver.get_by_text("Nu kan du følge Mette som co-driver")).to_be_visible()
    a11y.check(codriver, "sharing-invitation-redeemed")

    # Following a leader and without rounds of his own, his work comes first in the menu.
    expect(codriver.locator('[data-testid="stSidebarNav"] a').first).to_have_text("Co-driver")
    go_to(codriver, "Co-driver")
    codriver.get_by_text("Mettes styrker over tid").click()  # the radar over time, folded above the work
    radar = codriver.locator(key("cd-radar"))
    expect(radar.locator(".js-plotly-plot")).to_be_visible()
    # One competency at a time: the leader's answers above the co-driver's rating and comment.
    expect(codriver.get_by_role("heading", name=first.name)).to_be_visible()
    expect(codriver.get_by_text("Min tanke").first).to_be_visible()
    expect(codriver.locator(key(f"cd-rating-{second.id}"))).to_have_count(0)
    a11y.check(codriver, "codriver")
    choose(codriver, f"cd-rating-{first.id}", 0)
    fill(codriver, f"cd-comment-{first.id}", "Giv borgerne mere plads")
    expect(codriver.get_by_text(re.compile(r"^Gemt kl\. \d\d\.\d\d$"))).to_be_visible()  # stored as typed
    click(codriver, "cd-step-next")
    expect(codriver.get_by_role("heading", name=second.name)).to_be_visible()
    choose(codriver, f"cd-rating-{second.id}", 4)
    for _ in range(len(bank.competencies) - 1):
        click(codriver, "cd-step-next")
    fill(codriver, "cd-overall", "Et modigt første møde")
    a11y.check(codriver, "codriver-view-saved")
    height = codriver.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    assert height < 3000, height  # was over 7,000 px with every competency in one column

    go_to(leader, "Mine resultater")
    both = leader.locator(key("results-cd-radar"))
    expect(both.locator(".js-plotly-plot")).to_be_visible()
    expect(both.locator("g.trace")).to_have_count(2)
    gaps = leader.locator('[data-testid="stTable"]').filter(has_text="Forskel")
    expect(gaps).to_contain_text(first.name)
    expect(gaps).to_contain_text("−3,0")
    expect(gaps).to_contain_text("+1,0")
    leader.get_by_text("Kommentarer fra Jonas").click()
    expect(leader.get_by_text("Giv borgerne mere plads")).to_be_visible()
    a11y.check(leader, "results-with-codriver-view")

    go_to(leader, "Del med co-driver")
    leader.locator('[class*="st-key-share-revoke-"] button').click()
    wait_for_idle(leader)
    expect(leader.get_by_text("Jonas kan ikke længere se dine runder.")).to_be_visible()
    a11y.check(leader, "sharing-revoked")

    # The co-driver's next interaction: saving from the page still open is refused, and Mette is gone.
    fill(codriver, "cd-overall", "Skrevet efter")
    expect(codriver.get_by_text("Mette deler ikke længere med dig")).to_be_visible()
    expect(codriver.locator(key("cd-radar"))).to_have_count(0)
    expect(codriver.get_by_text("Min tanke")).to_have_count(0)
    a11y.check(codriver, "codriver-share-revoked")
    expect(
        codriver.locator('[data-testid="stSidebarNav"]').get_by_role("link", name="Co-driver", exact=True)
    ).to_have_count(0)


def test_another_round_picked_starts_from_what_is_stored_for_it_not_from_the_round_before(
    app_server, new_person, storage, bank
):
    """Karsten gave his view (4 everywhere) of Mette's latest round; picking her first round shows
    nothing chosen, and what he writes there stores no rating he did not give that round."""
    mette, karsten, latest = scenes.leader_with_codriver(storage, bank, rounds=2)
    first_round = storage(rounds.list_history, user_id=mette.id)[0]
    c0 = bank.competencies[0].id
    page = new_person()
    page.goto(f"{app_server.url}/co-driver")
    wait_for_idle(page)
    log_in(page, "Karsten", PASSWORD)
    expect(page.locator(f"{key('cd-rating-' + c0)} input[type=radio]").nth(3)).to_be_checked()

    opener = page.locator(f"{key('cd-round')} button[aria-haspopup='listbox']")
    opener.scroll_into_view_if_needed()
    opener.click()
    page.get_by_role("option").first.click()
    wait_for_idle(page)
    expect(page.locator(f"{key('cd-rating-' + c0)} input[type=radio]:checked")).to_have_count(0)
    field = page.locator(f"{key('cd-comment-' + c0)} textarea")
    field.click()
    page.keyboard.type("Du lyttede godt", delay=15)
    page.wait_for_timeout(2000)
    wait_for_idle(page)
    own = storage(feedback.own_feedback, author_id=karsten.id, round_id=first_round.id)
    assert own.items[c0].comment == "Du lyttede godt"
    assert all(item.rating is None for item in own.items.values())
    assert storage(feedback.own_feedback, author_id=karsten.id, round_id=latest.id).items[c0].rating == 4
