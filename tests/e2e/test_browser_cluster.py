"""Two app processes behind nginx on one PostgreSQL (deploy/): a process dies mid-round, or both
are restarted one after the other, and the person in the browser loses nothing.

The set-up is the one deploy/cluster.py runs and docs/operations.md ("Drift: flere servere") describes:
nginx keeps each browser on one process by a cookie of its own, and sends it to another when
that process is gone; the browser's session cookie and the database carry everything else.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from db import accounts, rounds
from db.engine import make_sessionmaker, prepare_database
from deploy.cluster import AppProcess, Cluster
from tests.conftest import PASSWORD, _fresh_postgres_url
from tests.e2e.helpers import choose_rating, click, key, start_a_round, wait_for_idle
from tests.support.postgres import free_port
from tests.support.storage import runner

pytestmark = pytest.mark.browser

SETTLE_MS = 2000  # the pause after which a text field sends its text is 1 s


@pytest.fixture
def cluster(tmp_path, postgres_template) -> Iterator[Cluster]:
    url = _fresh_postgres_url(postgres_template)
    cluster = Cluster(tmp_path / "cluster", free_port(), [free_port(), free_port()], {"DATABASE_URL": url})
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def storage(cluster) -> Iterator:
    engine = prepare_database(cluster.apps[0].env["DATABASE_URL"])
    yield runner(make_sessionmaker(engine))
    engine.dispose()


def _websockets_to(app: AppProcess) -> int:
    """Established TCP connections to this app process's port: nginx's websockets to it (HTTP
    requests each use a connection of their own and close it)."""
    count = 0
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        local, _, state = line.split()[1:4]
        if int(local.split(":")[1], 16) == app.port and state == "01":
            count += 1
    return count


def _serving(cluster: Cluster, page: Page) -> AppProcess:
    """The process this browser's websocket goes to, once there is exactly one."""
    for _ in range(50):
        serving = [app for app in cluster.apps if app.alive() and _websockets_to(app)]
        if len(serving) == 1:
            return serving[0]
        page.wait_for_timeout(200)
    raise AssertionError([(app.port, _websockets_to(app)) for app in cluster.apps])


def _type_and_leave_alone(page: Page, question_id: str, words: str) -> None:
    page.locator(f"{key('text-' + question_id)} textarea").click()
    page.keyboard.type(words, delay=10)
    page.wait_for_timeout(SETTLE_MS)


def _drawn_by(page: Page) -> str:
    """The id of the process that drew the page (web/server_id.py), as the page's script holds it."""
    return page.evaluate("() => window.__netvaerksspejlet.server")


def _back_and_signed_in(page: Page, before: str, heading: str) -> None:
    """After the connection dropped: the page finds another process answering, reloads by itself,
    and is drawn again by that process, signed in, at the same step."""
    redrawn = "old => (window.__netvaerksspejlet?.server ?? old) !== old"
    page.wait_for_function(redrawn, arg=before, timeout=30_000)
    wait_for_idle(page)
    expect(page.locator(key("logout"))).to_be_visible()
    expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()


def _answers(storage, user_id: int) -> dict:
    [round_] = storage(rounds.list_rounds, user_id=user_id)
    return {qid: (a.rating, a.text) for qid, a in round_.answers.items()}


def test_a_process_killed_mid_round_loses_nothing_and_the_other_takes_over(cluster, storage, new_person, bank):
    mette = storage(accounts.create_user, username="Mette", password=PASSWORD)
    page = new_person()
    start_a_round(page, cluster.url, "Mette", PASSWORD)
    first, second = bank.competencies[0], bank.competencies[1]
    for n, question in enumerate(first.questions):
        choose_rating(page, question.id, 4 - n)
        _type_and_leave_alone(page, question.id, f"Før strømmen gik {n}")
    click(page, "step-next")
    q = second.questions[0]
    choose_rating(page, q.id, 5)
    _type_and_leave_alone(page, q.id, "Skrevet lige før processen døde")

    doomed = _serving(cluster, page)
    before = _drawn_by(page)
    doomed.kill()  # SIGKILL: no shutdown of any kind

    _back_and_signed_in(page, before, second.name)
    survivor = _serving(cluster, page)
    assert survivor is not doomed
    expect(page.locator(f"{key('text-' + q.id)} textarea")).to_have_value("Skrevet lige før processen døde")
    expect(page.locator(f"{key('rating-' + q.id)} input[type=radio]").nth(4)).to_be_checked()
    stored = _answers(storage, mette.id)
    assert stored[first.questions[0].id] == (4, "Før strømmen gik 0")
    assert stored[first.questions[1].id] == (3, "Før strømmen gik 1")
    assert stored[q.id] == (5, "Skrevet lige før processen døde")

    # On the other process the round goes on as before: what is typed there is stored too.
    _type_and_leave_alone(page, second.questions[1].id, "Og videre på den anden")
    assert _answers(storage, mette.id)[second.questions[1].id] == (None, "Og videre på den anden")


def test_a_rolling_restart_of_both_processes_during_a_round_loses_nothing(cluster, storage, new_person, bank):
    mette = storage(accounts.create_user, username="Mette", password=PASSWORD)
    page = new_person()
    start_a_round(page, cluster.url, "Mette", PASSWORD)
    typed, moved = {}, 0
    for n, app in enumerate(cluster.apps):  # one after the other, as `systemctl restart` would
        step = bank.competencies[n]
        for question in step.questions:
            choose_rating(page, question.id, 2 + n)
            typed[question.id] = (2 + n, f"Under genstart {n} ({question.id})")
            _type_and_leave_alone(page, question.id, typed[question.id][1])
        serving, before = _serving(cluster, page), _drawn_by(page)
        cluster.restart(app)
        if app is serving:  # this browser's process went away under it
            moved += 1
            _back_and_signed_in(page, before, step.name)
            for question in step.questions:
                expect(page.locator(f"{key('text-' + question.id)} textarea")).to_have_value(typed[question.id][1])
        click(page, "step-next")
        expect(page.get_by_role("heading", name=bank.competencies[n + 1].name, exact=True)).to_be_visible()
    assert moved >= 1  # both were restarted: the browser was on one of them at the time
    stored = _answers(storage, mette.id)
    assert {qid: stored[qid] for qid in typed} == typed
