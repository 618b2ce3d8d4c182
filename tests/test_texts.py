"""The text catalogue: one word per meaning, plural forms done properly, no IT jargon for a leader."""

from __future__ import annotations

import ast
import re
from collections import Counter

import pytest

from core import texts, vocabulary
from tests.conftest import ROOT


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


@pytest.mark.parametrize(
    ("labels", "words"),
    [
        (texts.CONTEXTS, vocabulary.CONTEXTS),
        (texts.SCOPE_LABELS, vocabulary.SCOPES),
        (texts.CODRIVER_SCOPE, vocabulary.SCOPES),
        (texts.OUTCOME_LABELS, vocabulary.OUTCOMES),
        (texts.EXPORT_STATUS_LABELS, (vocabulary.ROUND_OPEN, vocabulary.ROUND_COMPLETED)),
        (texts.STATUS_LABELS, (vocabulary.NOT_STARTED, vocabulary.IN_PROGRESS, vocabulary.COMPLETED)),
        (texts.DASHBOARD_CHOICES, (vocabulary.LATEST, vocabulary.FIRST)),
        (texts.TALK_NAMES, vocabulary.AGREEMENT_KINDS),
        (texts.TALK_PERSON, vocabulary.AGREEMENT_KINDS),
    ],
    ids=["contexts", "scopes", "codriver-scopes", "outcomes", "round-status", "status", "choices", "talks", "person"],
)
def test_each_label_dictionary_says_every_word_of_its_vocabulary_and_nothing_else(labels, words):
    assert list(labels) == list(words)


def test_no_name_in_the_catalogue_is_given_twice():
    """Two OVERVIEW_TITLEs made the walk-through show the overview page's heading: the later one won."""
    tree = ast.parse((ROOT / "core" / "texts.py").read_text(encoding="utf-8"))
    names = [
        target.id
        for node in tree.body
        if isinstance(node, ast.Assign | ast.AnnAssign)
        for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
        if isinstance(target, ast.Name)
    ]
    assert [name for name, count in Counter(names).items() if count > 1] == []
