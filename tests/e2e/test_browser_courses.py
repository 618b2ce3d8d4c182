"""A course in a real browser: the admin command makes a trainer, who follows a cohort of three."""

from __future__ import annotations

import os
import subprocess
import sys

import pandas as pd
import pytest
from playwright.sync_api import expect

from core import texts
from db import accounts, courses
from tests.conftest import PASSWORD, ROOT
from tests.e2e import a11y
from tests.e2e.helpers import click, fill, go_to, key, log_in, wait_for_idle
from tests.support.storage import completed_round

pytestmark = pytest.mark.browser


def _leader_with_a_round(storage, bank, name: str, rating: int):
    leader = storage(accounts.create_user, username=name, password=PASSWORD)
    completed_round(storage, bank, leader.id, rating=rating)
    return leader


def test_trainer_course_three_leaders_radar_consent_and_exports(app_server, new_person, bank, storage):
    env = {**os.environ, "DATABASE_URL": app_server.database_url}
    for command in (["create-admin", "Tove", "--password-stdin"], ["grant-trainer", "Tove"]):
        subprocess.run(
            [sys.executable, "-m", "db.admin", *command],
            input=PASSWORD + "\n",
            text=True,
            cwd=ROOT,
            env=env,
            check=True,
        )

    trainer = new_person()
    trainer.goto(f"{app_server.url}/hold")
    wait_for_idle(trainer)
    log_in(trainer, "Tove", PASSWORD)
    a11y.check(trainer, "courses-none-yet")
    fill(trainer, "course-name", "Forår 2027")
    click(trainer, "course-create")
    expect(trainer.get_by_text("Holdet »Forår 2027« er oprettet")).to_be_visible()
    tove = storage(accounts.authenticate, username="Tove", password=PASSWORD)
    course = storage(courses.trainer_courses, trainer_id=tove.id)[0]
    # the default, waited for: a CI run once read "3" (the field's lowest value) the moment the course appeared
    expect(trainer.locator(f"{key('course-min-group')} input")).to_have_value("5")
    trainer.locator(f"{key('course-min-group')} input").fill("3")
    trainer.locator(f"{key('course-min-group')} input").press("Enter")
    wait_for_idle(trainer)

    for name, rating in (("Bodil", 3), ("Carl", 5)):
        leader = _leader_with_a_round(storage, bank, name, rating)
        storage(courses.join_course, user_id=leader.id, code=course.join_code)
    go_to(trainer, "Hold")
    expect(trainer.get_by_text("Gruppens billede vises, når 1 mere")).to_be_visible()
    expect(trainer.locator(key("dashboard-radar"))).to_have_count(0)
    a11y.check(trainer, "courses-too-few-to-show")

    _leader_with_a_round(storage, bank, "Anna", 1)
    anna = new_person()
    anna.goto(f"{app_server.url}/mine-hold")
    wait_for_idle(anna)
    log_in(anna, "Anna", PASSWORD)
    a11y.check(anna, "my-courses-none")
    fill(anna, "course-join-code", course.join_code.lower())
    click(anna, "course-join-submit")
    expect(anna.get_by_text("Du er nu med på holdet »Forår 2027«.")).to_be_visible()
    a11y.check(anna, "my-courses-joined")

    go_to(trainer, "Hold")
    expect(trainer.locator(f"{key('dashboard-radar')} .js-plotly-plot")).to_be_visible()
    expect(trainer.get_by_text(texts.INDIVIDUALS_EMPTY)).to_be_visible()
    a11y.check(trainer, "courses-dashboard")

    # Anna shares her results after the trainer saw the picture of three: beside it, her scores
    # would give Bodil's and Carl's together away, so she is not shown on her own.
    anna.locator(f"{key(f'course-consent-{course.id}')} label").click()
    wait_for_idle(anna)
    expect(anna.get_by_text("kan nu se dine egne resultater")).to_be_visible()
    a11y.check(anna, "my-courses-consent-given")
    go_to(trainer, "Hold")
    expect(trainer.get_by_text(texts.INDIVIDUALS_WITHHELD.format(count=1))).to_be_visible()
    expect(trainer.locator('[data-testid="stTable"]').filter(has_text="Anna")).to_have_count(1)  # participants
    # Dorte joins having shared already: the picture of four, minus her, is the three seen before.
    dorte = _leader_with_a_round(storage, bank, "Dorte", 3)
    storage(courses.join_course, user_id=dorte.id, code=course.join_code)
    storage(courses.set_consent, user_id=dorte.id, course_id=course.id, consent=True)
    go_to(trainer, "Hold")
    people = trainer.locator('[data-testid="stTable"]').filter(has_text="Dorte")
    expect(people.first).to_contain_text("3,0")
    expect(trainer.get_by_text("Linjen er gruppens gennemsnit. 4 deltagere.")).to_be_visible()
    a11y.check(trainer, "courses-dashboard-with-individuals")

    with trainer.expect_download() as csv_download:
        trainer.locator(f"{key('export-csv')} button").click()
    frame = pd.read_csv(csv_download.value.path(), sep=";", decimal=",", encoding="utf-8-sig")
    group = frame[frame[texts.EXPORT_SECTION] == texts.EXPORT_SECTION_GROUP]
    assert list(group[texts.EXPORT_SCORE]) == [3.0] * 10
    with trainer.expect_download() as xlsx_download:
        trainer.locator(f"{key('export-xlsx')} button").click()
    sheet = pd.read_excel(xlsx_download.value.path(), sheet_name=texts.EXPORT_SHEET_PEOPLE)
    assert list(sheet[texts.EXPORT_PARTICIPANT]) == ["Dorte"] and sheet.iloc[0, 1] == 3.0
