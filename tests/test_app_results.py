"""The results page in the app (AppTest): radar over time, trend, table and plain-text reflections."""

from __future__ import annotations

import pytest

from tests.support.appflow import assert_no_exception, complete_round, plain, plotly_spec, sign_up


def _results(at):
    return at.switch_page("pages/resultater.py").run()


@pytest.fixture
def two_rounds(new_session, bank):
    at = sign_up(new_session(), "Mette")
    complete_round(at, bank, rating=2, text="Før", context="foer-netvaerket")
    complete_round(at, bank, rating=4, text="Efter", context="efter-moede-1")
    return _results(at)


def test_without_a_completed_round_the_page_says_where_to_start(new_session):
    at = _results(sign_up(new_session(), "Mette"))
    assert_no_exception(at)
    assert [i.value for i in at.info] == ["Du har ikke afsluttet en runde endnu. Start under »Ny runde«."]


def test_radar_shows_first_and_latest_round_with_their_scores(two_rounds, bank):
    assert_no_exception(two_rounds)
    traces = plotly_spec(two_rounds)["data"]
    assert [t["name"].split(" · ")[1] for t in traces] == ["Før netværket", "Efter netværksmøde 1"]
    assert traces[0]["r"][:10] == [2.0] * 10
    assert traces[1]["r"][:10] == [4.0] * 10
    assert traces[1]["customdata"][:10] == [c.name for c in bank.competencies]


def test_choosing_one_round_leaves_one_trace(two_rounds):
    picker = two_rounds.multiselect(key="results-rounds")
    picker.set_value([picker.options[1]]).run()
    traces = plotly_spec(two_rounds)["data"]
    assert len(traces) == 1 and traces[0]["r"][0] == 4.0


def test_table_beside_the_radar_holds_the_same_numbers(two_rounds, bank):
    table = two_rounds.table[0].value
    assert [plain(i) for i in table.index] == [c.name for c in bank.competencies]
    assert [c.split(" · ")[1] for c in table.columns] == ["Før netværket", "Efter netværksmøde 1"]
    assert list(table.iloc[:, 0]) == ["2,0"] * 10 and list(table.iloc[:, 1]) == ["4,0"] * 10


def test_trend_shows_each_competency_across_both_rounds(two_rounds):
    trend = plotly_spec(two_rounds, 1)["data"]
    assert len(trend) == 10
    assert trend[0]["y"] == [2.0, 4.0]


def test_reflections_are_listed_per_competency_round_by_round(two_rounds, bank):
    first, second = (q.id for q in bank.competencies[0].questions)
    first_competency = next(e for e in two_rounds.expander if e.label == bank.competencies[0].name)
    texts = [t.value for t in first_competency.text]
    assert texts[:4] == [f"Før ({first})", f"Før ({second})", f"Efter ({first})", f"Efter ({second})"]


def test_markup_in_answers_is_shown_as_plain_text(new_session, bank):
    at = sign_up(new_session(), "Mette")
    markup = "<script>alert(1)</script> **fed** # overskrift"
    complete_round(at, bank, rating=3, text=markup)
    at = _results(at)
    shown = [t.value for t in at.text]
    assert any(value.startswith(markup) for value in shown)
    assert not any("<script>" in m.value for m in at.markdown)


def test_another_leaders_rounds_never_appear(new_session, bank):
    complete_round(sign_up(new_session(), "Anden"), bank, rating=5, text="Hemmeligt")
    at = _results(sign_up(new_session(), "Mette"))
    assert at.info and not at.get("plotly_chart")
    assert not any("Hemmeligt" in t.value for t in at.text)


def _page_size(at) -> int:
    """How much the page draws: every element, and every cell of every table."""
    from tests.support.appflow import in_page_order

    return len(in_page_order(at)) + sum(t.value.size for t in at.table)


def test_the_page_draws_one_networks_rounds_at_a_time_however_many_there_are(new_session, app_tx, bank):
    """With 9 or with 24 rounds the page draws the same amount; older rounds are a choice away."""
    from db import accounts
    from tests.conftest import PASSWORD
    from tests.support.appflow import log_in
    from tests.support.storage import completed_round

    new_session()
    for username, count in (("nine", 9), ("many", 24)):
        leader = app_tx(accounts.create_user, username=username, password=PASSWORD)
        for n in range(count):
            completed_round(app_tx, bank, leader.id, rating=n % 5 + 1, text_for=lambda q, n=n: f"Runde {n + 1}: {q}")
    nine = _results(log_in(new_session(), "nine"))
    many = _results(log_in(new_session(), "many"))
    assert_no_exception(many)
    assert _page_size(many) == _page_size(nine)
    window = many.selectbox(key="results-window")
    assert window.options == [  # newest first
        "Runde 17–24 af 24",
        "Runde 9–16 af 24",
        "Runde 1–8 af 24",
    ]
    assert len(plotly_spec(many, key="results-trend")["data"][0]["x"]) == 8
    texts_shown = [t.value for t in many.text]
    assert any(t.startswith("Runde 24:") for t in texts_shown) and not any(
        t.startswith("Runde 16:") for t in texts_shown
    )
    many = window.select_index(2).run()
    texts_shown = [t.value for t in many.text]
    assert any(t.startswith("Runde 1:") for t in texts_shown) and not any(t.startswith("Runde 9:") for t in texts_shown)
    assert len(many.selectbox(key="report-round").options) == 24  # every round's report is still there
