"""The co-driver in the app (AppTest): follow a leader, add an outside view, and lose access when revoked.

The access tests try the ways in an attacker would: the page, its widgets, the session state,
the query parameter and guessed ids. Each fails if the check it targets is removed.
"""

from __future__ import annotations

import pytest

from core import texts
from db import feedback, rounds
from tests.support.appflow import (
    assert_no_exception,
    complete_round,
    everything_kept,
    everything_shown,
    give_outside_view,
    invite,
    log_in,
    open_page,
    plain,
    plotly_spec,
    redeem,
    sign_up,
    table_with,
)

SECRET = "HEMMELIG-TANKE"


@pytest.fixture
def mette(new_session, bank):
    """A leader with two completed rounds whose reflections hold a secret word."""
    at = sign_up(new_session(), "Mette")
    complete_round(at, bank, rating=2, text=SECRET, context="foer-netvaerket", note="NOTE-" + SECRET)
    complete_round(at, bank, rating=4, text=SECRET, context="efter-moede-1")
    return at


def _codriver(new_session, mette, scope: str, name: str = "Jonas"):
    at = redeem(sign_up(new_session(), name), invite(mette, scope=scope))
    return open_page(at, "co_driver")


def _share_id(mette) -> str:
    open_page(mette, "deling")
    return next(r.key for r in mette.radio if r.key.startswith("share-scope-")).removeprefix("share-scope-")


def test_the_co_driver_sees_the_leaders_radar_rounds_and_texts(new_session, mette, bank):
    jonas = _codriver(new_session, mette, "texts")
    assert_no_exception(jonas)
    assert jonas.selectbox(key="cd-leader").value is not None
    traces = plotly_spec(jonas)["data"]
    assert [t["r"][0] for t in traces] == [2.0, 4.0]
    rounds = jonas.table[1].value
    assert [plain(c) for c in rounds.iloc[:, 1]] == ["Før netværket", "Efter netværksmøde 1"]
    assert plain(rounds.iloc[0, 2]) == "NOTE-" + SECRET
    assert any(t.value.startswith(SECRET) for t in jonas.text)


def test_the_co_driver_can_only_read_the_leaders_answers(new_session, mette, bank):
    jonas = _codriver(new_session, mette, "texts")
    keys = {w.key for w in [*jonas.radio, *jonas.text_area]}
    assert not {k for k in keys if k.startswith(("rating-", "text-"))}
    assert all(k.startswith("cd-") for k in keys)


def test_the_co_driver_rates_and_comments_and_the_leader_sees_both_traces_and_the_gaps(
    new_session, mette, bank, app_tx, account_of
):
    jonas = _codriver(new_session, mette, "scores")
    first, second = bank.competencies[0].id, bank.competencies[1].id
    ratings = {comp.id: 4 for comp in bank.competencies} | {first: 1, second: 5}
    comments = {first: "Du kan give mere plads til borgerne"}
    jonas = give_outside_view(jonas, bank, ratings, comments, overall="Flot forløb – **modigt**")
    assert_no_exception(jonas)
    assert any(c.value.startswith("Gemt kl.") for c in jonas.caption)

    results = open_page(mette, "resultater")
    assert_no_exception(results)
    both = plotly_spec(results, key="results-cd-radar")["data"]
    assert [t["name"] for t in both] == [texts.OUTSIDE_OWN_TRACE, texts.OUTSIDE_CD_TRACE.format(name="Jonas")]
    assert both[0]["r"][:10] == [4.0] * 10 and both[1]["r"][:3] == [1, 5, 4]
    gaps = table_with(results, texts.GAP_COL_DIFFERENCE)
    assert [plain(i) for i in gaps.index] == [bank.competencies[0].name, bank.competencies[1].name]
    assert gaps.values.tolist() == [["4,0", "1,0", "−3,0"], ["4,0", "5,0", "+1,0"]]
    shown = [t.value for t in results.text]
    assert "Du kan give mere plads til borgerne" in shown and "Flot forløb – **modigt**" in shown
    assert not [w for w in [*results.radio, *results.text_area] if w.key.startswith("cd-")]
    stored = app_tx(feedback.feedback_for_leader, leader_id=account_of("Mette").id)
    assert [f.author_name for views in stored.values() for f in views] == ["Jonas"]


def test_feedback_is_kept_per_round_and_comes_back_when_the_co_driver_returns(
    new_session, mette, bank, app_tx, account_of
):
    jonas = _codriver(new_session, mette, "scores")
    first = bank.competencies[0].id
    jonas.text_area(key=f"cd-comment-{first}").input("Om den seneste").run()
    oldest = app_tx(rounds.list_history, user_id=account_of("Mette").id)[0]
    jonas.selectbox(key="cd-round").set_value(oldest.id).run()  # the first round has no comment yet
    assert jonas.text_area(key=f"cd-comment-{first}").value == ""
    again = open_page(sign_up_again(new_session, "Jonas"), "co_driver")
    assert again.text_area(key=f"cd-comment-{first}").value == "Om den seneste"


def sign_up_again(new_session, username):
    return log_in(new_session(), username)


def test_what_the_co_driver_wrote_is_back_after_visiting_another_page(new_session, mette, bank):
    jonas = _codriver(new_session, mette, "scores")
    first = bank.competencies[0].id
    jonas.radio(key=f"cd-rating-{first}").set_value(2).run()
    jonas.text_area(key=f"cd-comment-{first}").input("Skrevet før pausen").run()
    open_page(jonas, "deling")
    open_page(jonas, "co_driver")
    assert jonas.text_area(key=f"cd-comment-{first}").value == "Skrevet før pausen"
    assert jonas.radio(key=f"cd-rating-{first}").value == 2


def test_a_link_names_the_leader_to_open_among_several(new_session, mette, bank):
    anna = sign_up(new_session(), "Anna")
    complete_round(anna, bank, rating=5)
    jonas = redeem(sign_up(new_session(), "Jonas"), invite(anna, scope="scores"))
    redeem(jonas, invite(mette, scope="scores"))
    jonas.query_params["leader"] = "mette"
    open_page(jonas, "co_driver")
    assert not jonas.warning
    assert [t["r"][0] for t in plotly_spec(jonas)["data"]] == [2.0, 4.0]


# --- Access control, tried as an attacker would -----------------------------------------


def test_a_user_never_invited_sees_no_leader_on_the_page(new_session, mette):
    redeem(sign_up(new_session(), "Kim"), invite(mette, scope="texts"))  # Mette shares, but not with the stranger
    stranger = open_page(sign_up(new_session(), "Fremmed"), "co_driver")
    assert [i.value for i in stranger.info] == [texts.CODRIVER_EMPTY]
    assert "Mette" not in everything_shown(stranger) and SECRET not in everything_shown(stranger)
    assert not stranger.get("plotly_chart")


def test_a_guessed_query_parameter_opens_nothing(new_session, mette, bank):
    anna = sign_up(new_session(), "Anna")
    complete_round(anna, bank, rating=5, text="Annas tanke")
    jonas = redeem(sign_up(new_session(), "Jonas"), invite(anna, scope="texts"))
    jonas.query_params["leader"] = "Mette"
    open_page(jonas, "co_driver")
    assert [plain(w.value) for w in jonas.warning] == [texts.CODRIVER_NO_ACCESS]
    shown = everything_shown(jonas)
    assert SECRET not in shown and "NOTE-" not in shown
    assert plotly_spec(jonas)["data"][0]["r"][0] == 5.0  # Anna, the one who shares


def test_the_query_parameter_of_a_stranger_and_a_non_sharing_leader_look_the_same(new_session, mette):
    def page_for(leader):
        at = sign_up(new_session(), f"Nysgerrig{len(leader)}")
        at.query_params["leader"] = leader
        return open_page(at, "co_driver")

    assert [i.value for i in page_for("Mette").info] == [i.value for i in page_for("Findesikke").info]


def test_a_session_state_value_pointing_at_another_leader_is_ignored(new_session, mette, bank, account_of):
    anna = sign_up(new_session(), "Anna")
    complete_round(anna, bank, rating=5)
    jonas = redeem(sign_up(new_session(), "Jonas"), invite(anna, scope="texts"))
    jonas.session_state["cd-leader"] = account_of("Mette").id
    open_page(jonas, "co_driver")
    assert SECRET not in everything_shown(jonas)
    assert plotly_spec(jonas)["data"][0]["r"][0] == 5.0


def test_a_guessed_round_id_in_session_state_is_ignored(new_session, mette, bank, app_tx, account_of):
    anna = sign_up(new_session(), "Anna")
    complete_round(anna, bank, rating=5)
    jonas = redeem(sign_up(new_session(), "Jonas"), invite(anna, scope="texts"))
    mettes_round = app_tx(rounds.list_history, user_id=account_of("Mette").id)[0]
    jonas.session_state["cd-round"] = mettes_round.id
    open_page(jonas, "co_driver")
    assert jonas.selectbox(key="cd-round").value != mettes_round.id
    assert SECRET not in everything_shown(jonas)


def test_scores_only_never_shows_or_keeps_a_text(new_session, mette, bank):
    jonas = _codriver(new_session, mette, "scores")
    assert plotly_spec(jonas)["data"]  # the scores are there
    assert SECRET not in everything_shown(jonas)
    assert SECRET not in everything_kept(jonas)
    assert [plain(c.value) for c in jonas.caption][0] == texts.CODRIVER_SCOPE["scores"].format(leader="Mette")


def test_narrowing_the_scope_hides_texts_on_the_co_drivers_next_interaction(new_session, mette):
    jonas = _codriver(new_session, mette, "texts")
    assert SECRET in everything_shown(jonas)
    share_id = _share_id(mette)
    mette.radio(key=f"share-scope-{share_id}").set_value("scores").run()
    jonas.run()
    assert SECRET not in everything_shown(jonas) and SECRET not in everything_kept(jonas)


def test_after_revocation_the_co_driver_sees_and_keeps_nothing_of_the_leader(new_session, mette, bank):
    jonas = _codriver(new_session, mette, "texts")
    jonas.text_area(key=f"cd-comment-{bank.competencies[0].id}").input("Min kommentar").run()
    share_id = _share_id(mette)
    mette.button(key=f"share-revoke-{share_id}").click().run()
    jonas.run()
    assert [i.value for i in jonas.info] == [texts.CODRIVER_EMPTY]
    shown, kept = everything_shown(jonas), everything_kept(jonas)
    assert "Mette" not in shown and SECRET not in shown and not jonas.get("plotly_chart")
    assert SECRET not in kept and "Min kommentar" not in kept


def test_saving_from_a_page_opened_before_revocation_is_refused_and_stores_nothing(
    new_session, mette, bank, app_tx, account_of
):
    jonas = _codriver(new_session, mette, "scores")
    share_id = _share_id(mette)
    mette.button(key=f"share-revoke-{share_id}").click().run()
    jonas.text_area(key=f"cd-comment-{bank.competencies[0].id}").input("Skrevet efter").run()
    assert_no_exception(jonas)
    assert [plain(e.value) for e in jonas.error] == [texts.CD_NO_LONGER_SHARED.format(leader="Mette")]
    assert app_tx(feedback.feedback_for_leader, leader_id=account_of("Mette").id) == {}


def test_the_leader_cannot_open_the_co_driver_page_on_themself(mette):
    leader = open_page(mette, "co_driver")
    assert [i.value for i in leader.info] == [texts.CODRIVER_EMPTY]
    assert not [w for w in leader.radio if w.key.startswith("cd-rating-")]
