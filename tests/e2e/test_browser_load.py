"""Many people at once: eight browsers rate and type at human speed against one server while a
trainer's projector refreshes itself, and every value each of them typed or chose is in storage
afterwards (the benchmark runs the full size: 30 people through the whole round)."""

from __future__ import annotations

from datetime import date

import pytest

from db import accounts, courses
from tests.conftest import PASSWORD
from tests.support.browser_load import Projector, lost_values, walk_at_once

pytestmark = pytest.mark.browser

PEOPLE = 8
STEPS = 2  # competencies each person answers (the benchmark: all ten, then a goal, then complete)


def test_people_typing_and_rating_at_once_lose_nothing_while_the_projector_refreshes(app_server, storage, bank):
    names = [f"leder{n:02d}" for n in range(1, PEOPLE + 1)]
    ids = {name: storage(accounts.create_user, username=name, password=PASSWORD).id for name in names}
    tove = storage(accounts.create_user, username="Tove", password=PASSWORD)
    storage(accounts.set_roles, username="Tove", is_trainer=True)
    course = storage(
        courses.create_course, trainer_id=tove.id, name="Hold", starts_on=date(2027, 1, 1), ends_on=date(2027, 6, 1)
    )
    for user_id in ids.values():
        storage(courses.join_course, user_id=user_id, code=course.join_code)
    projector = Projector("Tove", f"/hold?visning=praesentation&hold={course.id}")
    people = walk_at_once(app_server.url, names, PASSWORD, bank, STEPS, projector)
    assert [p.error for p in people if p.error] == []
    assert sum(len(p.typed) for p in people) == PEOPLE * STEPS * 2
    assert lost_values(storage, people, ids) == []
    # The projector, untouched, kept redrawing itself the whole time. It asks every 3 s; on a loaded
    # two-core CI machine a redraw has waited 15 s behind eight browsers, so this only refuses a
    # projector that stopped (the benchmark reports the gaps at full size: projector_gap_*).
    assert projector.error is None
    assert len(projector.redraws) >= 3 and max(projector.gaps()) < 30, projector.redraws
    assert projector.counts == [f"0 af {PEOPLE} er færdige"]
