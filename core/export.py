"""Course exports for Danish Excel: CSV (UTF-8 with BOM, `;`, decimal comma) and .xlsx.

Text cells that begin with =, +, - or @ (or a tab or carriage return) would be read by a
spreadsheet as a formula; they get a leading apostrophe so they are shown as typed.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence

import pandas as pd

from core import texts
from questions import QuestionBank

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """Return text that cannot run as a spreadsheet formula; other values unchanged."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def _neutralised(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.copy()
    for column in frame.columns:
        if frame[column].dtype == object or pd.api.types.is_string_dtype(frame[column]):
            frame[column] = frame[column].map(neutralise)
    frame.columns = [neutralise(c) for c in frame.columns]
    return frame


def group_table(
    bank: QuestionBank,
    people: int,
    mean: Mapping[str, float],
    low: Mapping[str, float],
    high: Mapping[str, float],
    distribution: Mapping[str, Mapping[int, int]],
    change: tuple[Mapping[str, float], Mapping[str, float]] | None,
) -> pd.DataFrame:
    """One row per competency: the cohort's numbers (only ever built from aggregates that may be shown)."""
    rows = []
    for comp in bank.competencies:
        row = {
            texts.EXPORT_COMPETENCY: comp.name,
            texts.EXPORT_PEOPLE: people,
            texts.EXPORT_SCORE: round(mean[comp.id], 2),
            texts.EXPORT_LOW: round(low[comp.id], 2),
            texts.EXPORT_HIGH: round(high[comp.id], 2),
        }
        for value in range(1, 6):
            row[texts.EXPORT_RATING_COUNT.format(value=value)] = distribution.get(comp.id, {}).get(value, 0)
        if change is not None:
            first, latest = change[0].get(comp.id), change[1].get(comp.id)
            row[texts.EXPORT_CHANGE_FIRST] = None if first is None else round(first, 2)
            row[texts.EXPORT_CHANGE_LATEST] = None if latest is None else round(latest, 2)
            row[texts.EXPORT_CHANGE] = None if first is None or latest is None else round(latest - first, 2)
        rows.append(row)
    return pd.DataFrame(rows)


def people_table(bank: QuestionBank, individuals: Sequence[tuple[str, Mapping[str, float]]]) -> pd.DataFrame:
    """One row per consenting participant, one column per competency."""
    columns = [texts.EXPORT_PARTICIPANT] + [c.name for c in bank.competencies]
    rows = [
        [name] + [round(scores[c.id], 2) if c.id in scores else None for c in bank.competencies]
        for name, scores in individuals
    ]
    return pd.DataFrame(rows, columns=columns)


def to_csv(group: pd.DataFrame | None, people: pd.DataFrame) -> bytes:
    """Both tables in one CSV, one after the other with a section column, for Danish Excel."""
    parts = []
    if group is not None:
        parts.append(group.assign(**{texts.EXPORT_SECTION: texts.EXPORT_SECTION_GROUP}))
    if not people.empty:
        long = people.melt(
            id_vars=[texts.EXPORT_PARTICIPANT], var_name=texts.EXPORT_COMPETENCY, value_name=texts.EXPORT_SCORE
        )
        parts.append(long.assign(**{texts.EXPORT_SECTION: texts.EXPORT_SECTION_PERSON}))
    frame = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=[texts.EXPORT_SECTION])
    ordered = [texts.EXPORT_SECTION] + [c for c in frame.columns if c != texts.EXPORT_SECTION]
    return _neutralised(frame[ordered]).to_csv(sep=";", decimal=",", index=False).encode("utf-8-sig")


def to_xlsx(group: pd.DataFrame | None, people: pd.DataFrame) -> bytes:
    """An Excel workbook with a sheet for the group and one for the consenting participants."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        (group if group is not None else pd.DataFrame()).pipe(_neutralised).to_excel(
            writer, sheet_name=texts.EXPORT_SHEET_GROUP, index=False
        )
        _neutralised(people).to_excel(writer, sheet_name=texts.EXPORT_SHEET_PEOPLE, index=False)
    return buffer.getvalue()
