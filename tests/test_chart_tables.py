"""The numbers beside each chart: one row per competency, Danish commas, a dash when missing."""

from __future__ import annotations

from core import chart_tables, texts
from core.scoring import ScoredRound


def test_the_radar_table_has_a_column_per_round_in_the_handbook_order(bank):
    first = bank.competencies[0]
    rounds = [ScoredRound("23. nov.", {first.id: 2.5}), ScoredRound("1. dec.", {first.id: 4.0})]
    table = chart_tables.radar_table(bank, rounds)
    assert list(table.columns) == ["23. nov.", "1. dec."]
    assert list(table.index) == [c.name for c in bank.competencies]
    assert list(table.iloc[0]) == ["2,5", "4,0"] and table.iloc[1, 0] == "–"


def test_the_group_table_gives_the_mean_and_the_band(bank):
    ids = [c.id for c in bank.competencies]
    table = chart_tables.cohort_table(bank, dict.fromkeys(ids, 3.0), dict.fromkeys(ids, (2, 4)))
    assert list(table.columns) == [texts.MEAN_TRACE, texts.BAND_LOW, texts.BAND_HIGH]
    assert list(table.iloc[9]) == ["3,0", "2,0", "4,0"]
    # A small group has no band: the table has the mean alone.
    assert list(chart_tables.cohort_table(bank, dict.fromkeys(ids, 3.0), None).columns) == [texts.MEAN_TRACE]


def test_the_change_table_signs_the_change_and_dashes_what_is_missing(bank):
    a, b, c = (comp.id for comp in bank.competencies[:3])
    table = chart_tables.change_table(bank, {a: 2.0, b: 4.0}, {a: 3.5, b: 3.0, c: 2.0}, ("Første", "Seneste"))
    assert list(table.columns) == ["Første", "Seneste", texts.CHANGE_COLUMN]
    assert list(table.iloc[0]) == ["2,0", "3,5", "+1,5"]
    assert table.iloc[1, 2] == "−1,0"
    assert list(table.iloc[2]) == ["–", "2,0", "–"]


def test_the_distribution_table_counts_every_rating_with_zeros(bank):
    first = bank.competencies[0].id
    table = chart_tables.distribution_table(bank, {first: {1: 2, 5: 1}})
    assert list(table.columns) == ["1", "2", "3", "4", "5"]
    assert list(table.iloc[0]) == ["2", "0", "0", "0", "1"] and list(table.iloc[1]) == ["0"] * 5
