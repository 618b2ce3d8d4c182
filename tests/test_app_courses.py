"""Courses in the app (AppTest): trainers create and follow a cohort; leaders join, consent and leave."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from core import texts
from db import accounts, courses
from db.admin import main as admin_command
from tests.support.appflow import (
    assert_no_exception,
    complete_round,
    create_course,
    everything_shown,
    join_course,
    open_page,
    plain,
    plotly_spec,
    sign_up,
)


@pytest.fixture
def trainer(new_session):
    at = sign_up(new_session(), "Tove")
    assert admin_command(["grant-trainer", "Tove"]) == 0  # the documented command, on the app's database
    create_course(at, "Forår 2027")
    return at


@pytest.fixture
def code(app_tx, account_of, trainer):
    return app_tx(courses.trainer_courses, trainer_id=account_of("Tove").id)[0].join_code


def _leader(new_session, bank, name, code, rating):
    at = join_course(sign_up(new_session(), name), code)
    complete_round(open_page(at, "refleksion"), bank, rating=rating, text=f"Hemmeligt fra {name}")
    return at


def test_a_trainer_creates_a_course_and_gets_its_code(trainer, code):
    assert_no_exception(trainer)
    assert plain(trainer.success[0].value) == texts.COURSE_CREATED.format(course="Forår 2027", code=code)
    assert trainer.selectbox(key="course-pick").value is not None


def test_a_course_without_a_name_is_refused_and_nothing_is_created(new_session, app_tx, account_of):
    at = sign_up(new_session(), "Tove")
    app_tx(accounts.set_roles, username="Tove", is_trainer=True)
    create_course(at, "   ")
    assert [plain(e.value) for e in at.error] == [texts.COURSE_NAME_MISSING]
    assert app_tx(courses.trainer_courses, trainer_id=account_of("Tove").id) == []


def test_a_leader_cannot_reach_the_trainers_page_even_by_url(new_session, trainer):
    leader = open_page(sign_up(new_session(), "Mette"), "hold")
    assert [i.value for i in leader.info] == [texts.COURSES_ONLY_TRAINERS]
    assert "Forår 2027" not in everything_shown(leader)
    assert not leader.get("plotly_chart") and not leader.get("download_button")


def test_a_trainer_sees_no_course_of_another_trainer(new_session, app_tx, trainer):
    other = sign_up(new_session(), "Ibrahim")
    app_tx(accounts.set_roles, username="Ibrahim", is_trainer=True)
    other = open_page(other, "hold")
    assert "Forår 2027" not in everything_shown(other)
    assert [c.value for c in other.caption] == [texts.COURSES_EMPTY]


def test_the_cohort_picture_appears_at_the_minimum_without_a_band_and_a_late_consent_exposes_nobody(
    new_session, bank, trainer, code, downloads
):
    leaders = [_leader(new_session, bank, name, code, rating) for name, rating in (("Anna", 1), ("Bodil", 3))]
    board = open_page(trainer, "hold")
    assert board.number_input(key="course-min-group").value == 5  # a new course's default
    assert [plain(i.value) for i in board.info][0] == texts.HIDDEN_TOO_FEW.format(missing=3, min=5)
    board.number_input(key="course-min-group").set_value(3).run()
    assert [plain(i.value) for i in board.info][0] == texts.HIDDEN_TOO_FEW.format(missing=1, min=3)
    # Nothing may be shown, so there is nothing to download: no buttons for an empty file.
    assert not board.get("download_button") and texts.EXPORT_NOTHING in [c.value for c in board.caption]
    assert not board.get("plotly_chart")

    leaders.append(_leader(new_session, bank, "Carl", code, 5))
    board.run()
    assert_no_exception(board)
    radar = plotly_spec(board, key="dashboard-radar")["data"]
    # The mean alone: a lowest and a highest beside it would give away the third person's score.
    assert [t["name"] for t in radar] == [texts.MEAN_TRACE]
    assert radar[0]["r"][:10] == [3.0] * 10
    assert texts.DASHBOARD_NO_BAND.format(band=10) in [c.value for c in board.caption]
    assert plotly_spec(board, key="dashboard-distribution")["data"][0]["x"][0] == 2
    assert [c.value for c in board.caption if c.value == texts.INDIVIDUALS_EMPTY]
    assert plain(board.info[0].value) == texts.CHANGE_HIDDEN_TOO_FEW.format(missing=3, min=3)
    shown = everything_shown(board)
    assert "Hemmeligt" not in shown  # a trainer never sees reflection texts

    # Anna shares her results after the trainer saw the picture of three: her scores beside it
    # would give away Bodil's and Carl's together, so she is not shown one by one.
    anna = open_page(leaders[0], "mine_hold")
    course_id = next(t.key for t in anna.toggle if t.key.startswith("course-consent-")).removeprefix("course-consent-")
    anna.toggle(key=f"course-consent-{course_id}").set_value(True).run()
    board.run()
    assert texts.INDIVIDUALS_WITHHELD.format(count=1) in [plain(i.value) for i in board.info]
    assert "1,0" not in [v for t in board.table for v in t.value.values.ravel()]

    group = pd.read_csv(io.BytesIO(downloads(board, "export-csv")), sep=";", decimal=",", encoding="utf-8-sig")
    rows = group[group[texts.EXPORT_SECTION] == texts.EXPORT_SECTION_GROUP]
    assert list(rows[texts.EXPORT_SCORE]) == [3.0] * 10 and list(rows[texts.EXPORT_PEOPLE]) == [3] * 10
    assert set(group[texts.EXPORT_SECTION]) == {texts.EXPORT_SECTION_GROUP}
    assert texts.EXPORT_LOW not in group.columns
    people = pd.read_excel(io.BytesIO(downloads(board, "export-xlsx")), sheet_name=texts.EXPORT_SHEET_PEOPLE)
    assert people.empty


def test_withdrawing_consent_or_leaving_removes_the_leader_at_once(new_session, bank, trainer, code):
    leaders = [_leader(new_session, bank, n, code, 3) for n in ("Anna", "Bodil", "Carl", "Dorte")]
    anna = open_page(leaders[0], "mine_hold")
    toggle = next(t for t in anna.toggle if t.key.startswith("course-consent-"))
    course_id = toggle.key.removeprefix("course-consent-")
    toggle.set_value(True).run()
    board = open_page(trainer, "hold")
    assert list(board.table[-2].value.columns) == ["Anna"]  # the individuals, before the participants
    anna.toggle(key=f"course-consent-{course_id}").set_value(False).run()
    board.run()
    assert [c.value for c in board.caption if c.value == texts.INDIVIDUALS_EMPTY]
    anna.button(key=f"course-leave-{course_id}").click().run()
    assert [plain(s.value) for s in anna.success] == [texts.COURSE_LEFT.format(course="Forår 2027")]
    board.run()
    names = list(board.table[-1].value.index)  # the participants come last
    assert names == ["Bodil", "Carl", "Dorte"]


def test_a_wrong_code_is_refused_with_a_clear_message(new_session):
    at = join_course(sign_up(new_session(), "Mette"), "XXXX-YYYY")
    assert [plain(e.value) for e in at.error] == [texts.JOIN_REFUSED["unknown"]]
    assert at.text_input(key="course-join-code").value == "XXXX-YYYY"


# --- Join by link and QR code -------------------------------------------------------------------


def _by_link(at, code: str):
    """Open the course's join link (`/mine-hold?kode=<code>`), as a phone that scanned it does."""
    at.switch_page("pages/mine_hold.py")
    at.query_params["kode"] = code
    return at.run()


def test_the_trainer_sees_the_join_link_as_text_and_its_qr_code(trainer, code):
    board = open_page(trainer, "hold")
    assert_no_exception(board)
    assert [c.value for c in board.code] == [f"http://localhost:8501/mine-hold?kode={code}"]
    assert len(board.get("image")) == 1  # the QR code, drawn on the server


def test_the_preset_context_is_chosen_for_whoever_joins_by_the_link(new_session, trainer, code, app_tx, account_of):
    board = open_page(trainer, "hold")
    board.selectbox(key="course-session-context").set_value("efter-moede-2").run()
    course = app_tx(courses.trainer_courses, trainer_id=account_of("Tove").id)[0]
    assert course.session_context == "efter-moede-2"

    anna = _by_link(sign_up(new_session(), "Anna"), code)
    assert_no_exception(anna)
    # Joined in one step, and on the walk-through with today's context chosen, ready to start.
    assert [plain(s.value) for s in anna.success] == [
        texts.JOIN_OK.format(course="Forår 2027")
        + " "
        + texts.JOIN_CONTEXT_PRESET.format(context=texts.CONTEXTS["efter-moede-2"])
    ]
    assert anna.selectbox(key="round-context").value == "efter-moede-2"
    assert anna.button(key="round-start")
    assert [m.course_name for m in app_tx(courses.my_courses, user_id=account_of("Anna").id)] == ["Forår 2027"]
    assert "kode" not in anna.query_params  # a refresh does not join again


def test_a_new_person_by_the_link_signs_up_and_is_on_the_course_at_once(new_session, trainer, code, app_tx, account_of):
    visitor = _by_link(new_session(), code)
    assert [plain(i.value) for i in visitor.info] == [texts.JOIN_LINK_GATE]
    arrived = sign_up(visitor, "Bodil")
    assert_no_exception(arrived)
    assert [plain(s.value) for s in arrived.success] == [texts.JOIN_OK.format(course="Forår 2027")]
    assert arrived.button(key="round-start")
    assert [m.course_name for m in app_tx(courses.my_courses, user_id=account_of("Bodil").id)] == ["Forår 2027"]


def test_a_wrong_code_in_the_link_is_refused_and_kept_in_the_field(new_session):
    at = _by_link(sign_up(new_session(), "Mette"), "XXXX-YYYY")
    assert [plain(e.value) for e in at.error] == [texts.JOIN_REFUSED["unknown"]]
    assert at.text_input(key="course-join-code").value == "XXXX-YYYY"


# --- Presentation mode --------------------------------------------------------------------------


def _presenting(at):
    at.switch_page("pages/hold.py")
    at.query_params["visning"] = "praesentation"
    return at.run()


def test_presentation_mode_shows_the_code_the_count_and_the_picture_but_no_names(
    new_session, bank, trainer, code, app_tx, account_of
):
    open_page(trainer, "hold").number_input(key="course-min-group").set_value(3).run()
    for name, rating in (("Anna", 1), ("Bodil", 3), ("Carl", 5), ("Dorte", 3)):
        _leader(new_session, bank, name, code, rating)
    app_tx(courses.set_consent, user_id=account_of("Anna").id,
           course_id=app_tx(courses.trainer_courses, trainer_id=account_of("Tove").id)[0].id, consent=True)  # fmt: skip
    wall = _presenting(trainer)
    assert_no_exception(wall)
    shown = everything_shown(wall)
    assert code in shown and "4 af 4 er færdige" in shown
    assert plotly_spec(wall, key="present-radar")["data"][0]["r"][:10] == [3.0] * 10
    assert plotly_spec(wall, key="present-distribution")
    for name in ("Anna", "Bodil", "Carl", "Dorte"):  # whatever the consents: no names, statuses, individuals
        assert name not in shown
    assert not wall.table and not wall.get("download_button")


def test_presentation_mode_is_for_trainers_only(new_session):
    leader = _presenting(sign_up(new_session(), "Mette"))
    assert [i.value for i in leader.info] == [texts.COURSES_ONLY_TRAINERS]
    assert not leader.get("plotly_chart") and not leader.get("image")


def test_three_consenting_people_named_alike_each_keep_their_own_column_and_row(
    new_session, bank, trainer, code, app_tx, downloads
):
    """Two are called "Ole Thomsen" and one "Ole Thomsen (2)": every label is someone's alone, and
    each column and each exported row holds that person's own scores."""
    for username, name, rating in (
        ("ole1", "Ole Thomsen", 1),
        ("ole2", "Ole Thomsen", 3),
        ("ole3", "Ole Thomsen (2)", 5),
    ):
        at = join_course(sign_up(new_session(), username, name=name), code)
        complete_round(open_page(at, "refleksion"), bank, rating=rating)
        at = open_page(at, "mine_hold")
        next(t for t in at.toggle if t.key.startswith("course-consent-")).set_value(True).run()
    board = open_page(trainer, "hold")
    assert_no_exception(board)
    individuals = next(t.value for t in board.table if len(t.value.columns) == 3)
    columns = {plain(c): list(individuals[c]) for c in individuals.columns}
    assert set(columns) == {"Ole Thomsen", "Ole Thomsen (3)", "Ole Thomsen (2)"}
    assert columns["Ole Thomsen"][0] == "1,0"
    assert columns["Ole Thomsen (3)"][0] == "3,0"
    assert columns["Ole Thomsen (2)"][0] == "5,0"
    people = pd.read_excel(io.BytesIO(downloads(board, "export-xlsx")), sheet_name=texts.EXPORT_SHEET_PEOPLE)
    by_label = dict(zip(people[texts.EXPORT_PARTICIPANT], people[bank.competencies[0].name], strict=True))
    assert by_label == {"Ole Thomsen": 1.0, "Ole Thomsen (3)": 3.0, "Ole Thomsen (2)": 5.0}
