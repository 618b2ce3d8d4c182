"""The whole leader and co-driver journeys in AppTest, on SQLite and on PostgreSQL."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from core import texts
from tests.support.appflow import (
    answer_step,
    assert_no_exception,
    complete_round,
    everything_shown,
    give_outside_view,
    headers,
    invite,
    log_in,
    open_page,
    plotly_spec,
    redeem,
    set_goal,
    sign_up,
    start_round,
    table_with,
)

APP = str(Path(__file__).resolve().parent.parent / "app.py")


def test_sign_up_walk_leave_resume_complete_and_see_the_radar(database_url, monkeypatch, bank):
    monkeypatch.setenv("DATABASE_URL", database_url)
    at = sign_up(AppTest.from_file(APP, default_timeout=30).run(), "Karen")
    start_round(at, context="foer-netvaerket", note="Tema: ældre og ensomhed 🌱")
    for step in range(6):
        answer_step(at, bank, step, rating=(step % 5) + 1, text="Æ, ø og å")
    # The tab is closed; later, a new session signs in and finds step 7 waiting.
    resumed = log_in(AppTest.from_file(APP, default_timeout=30).run(), "karen")
    assert headers(resumed) == [bank.competencies[6].name]
    for step in range(6, 10):
        answer_step(resumed, bank, step, rating=5)
    set_goal(resumed, 1, bank.competencies[0].id, "Spørg en borger først")
    resumed.button(key="round-complete").click().run()
    assert_no_exception(resumed)
    results = resumed.switch_page("pages/resultater.py").run()
    radar = plotly_spec(results)["data"]
    assert len(radar) == 1
    assert radar[0]["r"][:10] == [1.0, 2.0, 3.0, 4.0, 5.0, 1.0, 5.0, 5.0, 5.0, 5.0]
    reflections = next(e for e in results.expander if e.label == bank.competencies[0].name)
    first_text = [t.value for t in reflections.text][0]
    assert first_text == f"Æ, ø og å ({bank.competencies[0].questions[0].id})"


def test_co_driver_round_invite_redeem_follow_rate_compare_revoke(database_url, monkeypatch, bank):
    monkeypatch.setenv("DATABASE_URL", database_url)
    mette = sign_up(AppTest.from_file(APP, default_timeout=30).run(), "Mette")
    complete_round(mette, bank, rating=3, text="Min egen tanke")
    code = invite(mette, scope="texts")

    jonas = redeem(sign_up(AppTest.from_file(APP, default_timeout=30).run(), "Jonas"), code)
    jonas = open_page(jonas, "co_driver")
    assert plotly_spec(jonas, key="cd-radar")["data"][0]["r"][0] == 3.0
    first = bank.competencies[0].id
    jonas = give_outside_view(jonas, bank, {first: 5}, {first: "Du inviterer bredt"}, overall="Godt begyndt")
    assert_no_exception(jonas)

    results = open_page(mette, "resultater")
    assert len(plotly_spec(results, key="results-cd-radar")["data"]) == 2
    assert table_with(results, texts.GAP_COL_DIFFERENCE).values.tolist() == [["3,0", "5,0", "+2,0"]]
    assert {"Du inviterer bredt", "Godt begyndt"} <= {t.value for t in results.text}

    open_page(mette, "deling")
    revoke = next(b for b in mette.button if b.key.startswith("share-revoke-"))
    revoke.click().run()
    jonas.run()
    assert [i.value for i in jonas.info] == [texts.CODRIVER_EMPTY]
    assert "Mette" not in everything_shown(jonas) and "Min egen tanke" not in everything_shown(jonas)
