"""Many people at once: ten browsers rate and type at human speed against one server, and every
value each of them typed or chose is in storage afterwards (the benchmark runs the full size)."""

from __future__ import annotations

import pytest

from db import accounts
from tests.conftest import PASSWORD
from tests.support.browser_load import lost_values, walk_at_once

pytestmark = pytest.mark.browser

PEOPLE = 10
STEPS = 2  # competencies each person answers (the benchmark: all ten, then a goal, then complete)


def test_ten_people_typing_and_rating_at_once_lose_nothing(app_server, storage, bank):
    names = [f"leder{n:02d}" for n in range(1, PEOPLE + 1)]
    ids = {name: storage(accounts.create_user, username=name, password=PASSWORD).id for name in names}
    people = walk_at_once(app_server.url, names, PASSWORD, bank, STEPS)
    assert [p.error for p in people if p.error] == []
    assert sum(len(p.typed) for p in people) == PEOPLE * STEPS * 2
    assert lost_values(storage, people, ids) == []
