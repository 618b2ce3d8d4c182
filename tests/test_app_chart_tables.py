"""Every chart has its numbers as a table right below it, for anyone who cannot read the chart (AppTest)."""

from __future__ import annotations

from datetime import date

from core import texts
from db import accounts, courses, feedback, sharing
from tests.conftest import PASSWORD
from tests.support.appflow import assert_no_exception, in_page_order, log_in, open_page, plain
from tests.support.storage import completed_round


def _assert_each_chart_has_its_table(at, expected: list[str], numbers_below: str = "") -> None:
    """Each chart is followed by its table; `numbers_below`: a chart whose numbers are all in the next
    chart's table (the radar's rounds are columns of the trend's), which says so instead of repeating them."""
    assert_no_exception(at)
    charts = {}
    for index, node in enumerate(order := in_page_order(at)):
        if node.type == "plotly_chart":
            charts[node.key] = order[index + 1 : index + 3]
    assert sorted(charts) == sorted(expected)
    for key, following in charts.items():
        if key == numbers_below:
            assert plain(following[0].value) == texts.RADAR_NUMBERS_BELOW, key
            continue
        assert following[1].type == "table", key
        assert plain(following[0].value).strip("*") in {texts.CHART_NUMBERS, texts.TABLE_TITLE}, key


def _user(app_tx, name):
    """An account made directly in the app's database (the app has prepared it on its first run)."""
    return app_tx(accounts.create_user, username=name, password=PASSWORD)


def test_the_results_radar_trend_and_outside_view_each_have_their_numbers(new_session, app_tx, bank):
    new_session()
    mette, jonas = _user(app_tx, "Mette"), _user(app_tx, "Jonas")
    completed_round(app_tx, bank, mette.id, rating=2)
    latest = completed_round(app_tx, bank, mette.id, rating=4, context="efter-moede-1")
    code = app_tx(sharing.create_invitation, leader_id=mette.id, scope="scores")[1]
    app_tx(sharing.redeem_invitation, user_id=jonas.id, code=code)
    first = bank.competencies[0].id
    app_tx(feedback.save_feedback, author_id=jonas.id, round_id=latest.id, overall="", ratings={first: 1})

    results = open_page(log_in(new_session(), "Mette"), "resultater")
    _assert_each_chart_has_its_table(
        results, ["results-radar", "results-trend", "results-cd-radar"], numbers_below="results-radar"
    )
    outside = next(t.value for t in results.table if any("Jonas" in c for c in t.value.columns))
    assert list(outside.iloc[0]) == ["4,0", "1,0"]

    codriver = open_page(log_in(new_session(), "Jonas"), "co_driver")
    _assert_each_chart_has_its_table(codriver, ["cd-radar"])


def test_the_course_dashboard_charts_each_have_their_numbers(new_session, app_tx, bank):
    new_session()
    tove = _user(app_tx, "Tove")
    app_tx(accounts.set_roles, username="Tove", is_trainer=True)
    course = app_tx(
        courses.create_course, trainer_id=tove.id, name="Hold 7", starts_on=date(2027, 1, 1), ends_on=date(2027, 6, 1)
    )
    app_tx(courses.set_min_group, trainer_id=tove.id, course_id=course.id, min_group=3)
    for name, rating in (("Anna", 1), ("Bodil", 3), ("Carl", 5)):
        leader = _user(app_tx, name)
        app_tx(courses.join_course, user_id=leader.id, code=course.join_code)
        completed_round(app_tx, bank, leader.id, rating=rating)
        completed_round(app_tx, bank, leader.id, rating=min(rating + 1, 5), context="efter-moede-1")

    board = open_page(log_in(new_session(), "Tove"), "hold")
    _assert_each_chart_has_its_table(board, ["dashboard-radar", "dashboard-change", "dashboard-distribution"])
    group = next(t.value for t in board.table if list(t.value.columns) == [texts.MEAN_TRACE])
    assert list(group.iloc[0]) == ["3,7"]  # three people: the mean, and no band
