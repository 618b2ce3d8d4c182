"""Scoring: a competency's score is the mean of its two ratings."""

from __future__ import annotations

import math

import pytest

from core.scoring import ScoredRound, competency_scores, is_valid_rating, missing_ratings, scores_table


def test_score_is_mean_of_the_two_ratings(bank):
    comp = bank.competencies[0]
    scores = competency_scores(bank, {comp.questions[0].id: 2, comp.questions[1].id: 5})
    assert scores[comp.id] == 3.5


def test_one_rating_gives_that_rating_and_none_gives_none(bank):
    first, second = bank.competencies[:2]
    scores = competency_scores(bank, {first.questions[1].id: 4})
    assert scores[first.id] == 4
    assert scores[second.id] is None


def test_missing_ratings_lists_unrated_questions_in_bank_order(bank):
    ratings = {qid: 3 for qid in bank.question_ids[2:]}
    assert [q.id for q in missing_ratings(bank, ratings)] == list(bank.question_ids[:2])
    assert missing_ratings(bank, {qid: 1 for qid in bank.question_ids}) == []


@pytest.mark.parametrize("value", [1, 3, 5])
def test_whole_ratings_on_the_scale_are_valid(value):
    assert is_valid_rating(value)


@pytest.mark.parametrize("value", [0, 6, -1, 2.5, "3", True, None])
def test_other_values_are_not_ratings(value):
    assert not is_valid_rating(value)


def test_scores_table_has_a_row_per_competency_and_a_column_per_round(bank):
    first = ScoredRound("Før", {c.id: 2.0 for c in bank.competencies})
    latest = ScoredRound("Efter", {c.id: 4.25 for c in bank.competencies})
    table = scores_table(bank, [first, latest])
    assert list(table.columns) == ["Før", "Efter"]
    assert list(table.index) == [c.name for c in bank.competencies]
    assert table.loc[bank.competencies[0].name, "Efter"] in (4.2, 4.3)


def test_scores_table_shows_missing_scores_as_empty(bank):
    table = scores_table(bank, [ScoredRound("Før", {})])
    assert all(math.isnan(v) for v in table["Før"])
