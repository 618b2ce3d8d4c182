"""The text catalogue: one word per meaning, plural forms done properly, no IT jargon for a leader."""

from __future__ import annotations

import re

from core import texts


def _catalogue() -> list[str]:
    found: list[str] = []
    for value in vars(texts).values():
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, dict):
            found += [v for v in value.values() if isinstance(v, str)]
    return found


def test_counts_take_the_right_form():
    assert texts.counted(1, "runde", "runder") == "1 runde"
    assert texts.counted(0, "runde", "runder") == "0 runder"
    assert texts.counted(3, "sted", "steder") == "3 steder"
    assert texts.counted(1200, "kommentar", "kommentarer") == "1.200 kommentarer"
    assert texts.rounds_done(1).startswith("Du har gennemført 1 runde.")
    assert texts.sessions_count(2) == "Du er logget ind 2 steder, denne browser medregnet."
    assert texts.import_done(1, 2, 1) == "Dine data er lagt ind: 1 runde, 2 mål og 1 kommentar fra co-drivere."


def test_no_text_leaves_the_plural_to_the_reader():
    assert not [t for t in _catalogue() if re.search(r"\w\((er|r|e)\)", t)]


def test_a_round_is_a_runde_and_a_refleksion_is_only_what_a_leader_writes():
    round_words = re.compile(
        r"Ny refleksion|refleksionen\b|Refleksionen\b|refleksion nr|\ben refleksion\b|refleksion i gang"
    )
    assert not [t for t in _catalogue() if round_words.search(t)]
    assert texts.PAGE_REFLECTION == "Ny runde" and texts.REFLECTIONS_TITLE == "Dine refleksioner"


def test_a_leader_reads_what_a_file_is_for_not_its_format():
    assert not [t for t in _catalogue() if re.search(r"JSON|installation", t)]
