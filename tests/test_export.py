"""Course exports: Danish Excel opens them, numbers are right, and no cell can run as a formula."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from core import texts
from core.export import group_table, neutralise, people_table, to_csv, to_xlsx


@pytest.fixture
def tables(bank):
    ids = [c.id for c in bank.competencies]
    group = group_table(
        bank,
        people=3,
        mean=dict.fromkeys(ids, 3.0),
        band=dict.fromkeys(ids, (2, 4)),
        distribution=dict.fromkeys(ids, {1: 2, 3: 2, 5: 2}),
        change=(dict.fromkeys(ids, 2.0), dict.fromkeys(ids, 3.5)),
    )
    people = people_table(bank, [('=HYPERLINK("x")', dict.fromkeys(ids, 4.5)), ("Anna", dict.fromkeys(ids, 2.0))])
    return group, people


@pytest.mark.parametrize("value", ["=1+1", "+45", "-2", "@SUM(A1)", "\tx"])
def test_cells_that_would_be_formulas_are_shown_as_typed(value):
    assert neutralise(value) == "'" + value
    assert neutralise("Mette") == "Mette" and neutralise(-2.5) == -2.5


def test_csv_has_a_bom_semicolons_danish_headers_and_decimal_commas(tables, bank):
    data = to_csv(*tables)
    assert data.startswith(b"\xef\xbb\xbf")
    header = data.decode("utf-8-sig").splitlines()[0].split(";")
    assert header[:4] == [texts.EXPORT_SECTION, texts.EXPORT_COMPETENCY, texts.EXPORT_PEOPLE, texts.EXPORT_SCORE]
    assert ";3;3,0;2;4;" in data.decode("utf-8-sig")  # people, mean, lower and upper quartile
    frame = pd.read_csv(io.BytesIO(data), sep=";", decimal=",", encoding="utf-8-sig")
    group = frame[frame[texts.EXPORT_SECTION] == texts.EXPORT_SECTION_GROUP]
    assert list(group[texts.EXPORT_COMPETENCY]) == [c.name for c in bank.competencies]
    assert list(group[texts.EXPORT_CHANGE])[:1] == [1.5]
    people = frame[frame[texts.EXPORT_SECTION] == texts.EXPORT_SECTION_PERSON]
    assert set(people[texts.EXPORT_PARTICIPANT]) == {'\'=HYPERLINK("x")', "Anna"}


def test_xlsx_has_a_sheet_for_the_group_and_one_for_people(tables, bank):
    sheets = pd.read_excel(io.BytesIO(to_xlsx(*tables)), sheet_name=None)
    assert list(sheets) == [texts.EXPORT_SHEET_GROUP, texts.EXPORT_SHEET_PEOPLE]
    group, people = sheets[texts.EXPORT_SHEET_GROUP], sheets[texts.EXPORT_SHEET_PEOPLE]
    assert (
        list(group[texts.EXPORT_SCORE]) == [3.0] * 10
        and list(group[texts.EXPORT_RATING_COUNT.format(value=3)]) == [2] * 10
    )
    assert list(people[texts.EXPORT_PARTICIPANT]) == ['\'=HYPERLINK("x")', "Anna"]
    assert list(people[bank.competencies[0].name]) == [4.5, 2.0]


def test_without_a_group_picture_only_people_are_exported(tables):
    _, people = tables
    frame = pd.read_csv(io.BytesIO(to_csv(None, people)), sep=";", decimal=",", encoding="utf-8-sig")
    assert set(frame[texts.EXPORT_SECTION]) == {texts.EXPORT_SECTION_PERSON}
    assert texts.EXPORT_LOW not in frame.columns
    sheets = pd.read_excel(io.BytesIO(to_xlsx(None, people)), sheet_name=None)
    assert sheets[texts.EXPORT_SHEET_GROUP].empty


def test_counts_stay_whole_numbers_beside_the_people_rows(tables):
    text = to_csv(*tables).decode("utf-8-sig")
    frame = pd.read_csv(io.StringIO(text), sep=";", decimal=",", dtype=str)
    group = frame[frame[texts.EXPORT_SECTION] == texts.EXPORT_SECTION_GROUP]
    counts = [texts.EXPORT_PEOPLE, texts.EXPORT_RATING_COUNT.format(value=1), texts.EXPORT_LOW]
    assert {column: set(group[column]) for column in counts} == {
        texts.EXPORT_PEOPLE: {"3"},
        texts.EXPORT_RATING_COUNT.format(value=1): {"2"},
        texts.EXPORT_LOW: {"2"},
    }


def test_a_small_group_is_exported_without_a_band(bank):
    ids = [c.id for c in bank.competencies]
    group = group_table(bank, 5, dict.fromkeys(ids, 3.0), None, dict.fromkeys(ids, {3: 10}), None)
    assert texts.EXPORT_LOW not in group.columns and texts.EXPORT_HIGH not in group.columns
