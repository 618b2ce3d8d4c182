"""Course exports for Danish Excel: CSV (UTF-8 with BOM, `;`, decimal comma) and .xlsx.

Text cells that begin with =, +, - or @ (or a tab or carriage return) would be read by a
spreadsheet as a formula; they get a leading apostrophe so they are shown as typed.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from datetime import date, datetime

import pandas as pd

from core import texts
from core.formatting import to_local
from core.history import context_label
from core.records import Goal, Round
from core.scoring import competency_scores
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
    band: Mapping[str, tuple[float, float]] | None,
    distribution: Mapping[str, Mapping[int, int]],
    change: tuple[Mapping[str, float], Mapping[str, float]] | None,
) -> pd.DataFrame:
    """One row per competency: the cohort's numbers (only ever built from aggregates that may be
    shown, and exactly the numbers the dashboard shows: the band only where it does)."""
    rows = []
    for comp in bank.competencies:
        row = {
            texts.EXPORT_COMPETENCY: comp.name,
            texts.EXPORT_PEOPLE: people,
            texts.EXPORT_SCORE: round(mean[comp.id], 2),
        }
        if band is not None and comp.id in band:
            row[texts.EXPORT_LOW], row[texts.EXPORT_HIGH] = band[comp.id]
        for value in range(1, 6):
            row[texts.EXPORT_RATING_COUNT.format(value=value)] = distribution.get(comp.id, {}).get(value, 0)
        if change is not None:
            first, latest = change[0].get(comp.id), change[1].get(comp.id)
            row[texts.EXPORT_CHANGE_FIRST] = None if first is None else round(first, 2)
            row[texts.EXPORT_CHANGE_LATEST] = None if latest is None else round(latest, 2)
            row[texts.EXPORT_CHANGE] = None if first is None or latest is None else round(latest - first, 2)
        rows.append(row)
    frame = pd.DataFrame(rows)
    # Counts stay whole numbers (Excel would read "3,0" beside the people's rows otherwise).
    counts = [texts.EXPORT_PEOPLE, texts.EXPORT_LOW, texts.EXPORT_HIGH]
    counts += [texts.EXPORT_RATING_COUNT.format(value=value) for value in range(1, 6)]
    return frame.astype({column: "Int64" for column in counts if column in frame.columns})


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
    return _csv(frame[ordered])


def to_xlsx(group: pd.DataFrame | None, people: pd.DataFrame) -> bytes:
    """An Excel workbook with a sheet for the group and one for the consenting participants."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        (group if group is not None else pd.DataFrame()).pipe(_neutralised).to_excel(
            writer, sheet_name=texts.EXPORT_SHEET_GROUP, index=False
        )
        _neutralised(people).to_excel(writer, sheet_name=texts.EXPORT_SHEET_PEOPLE, index=False)
    return buffer.getvalue()


# The leader's own rounds -------------------------------------------------------------------------


def _local_date(moment: datetime | None) -> date | None:
    return to_local(moment).date() if moment is not None else None


def answers_table(bank: QuestionBank, rounds: Sequence[Round]) -> pd.DataFrame:
    """One row per round and question: when, where in the network, the rating and the text."""
    rows = []
    for number, round_ in enumerate(rounds, start=1):
        asked = bank.of_version(round_.bank_version)  # each round with the wording it was answered with
        for comp in asked.competencies:
            for question in comp.questions:
                answer = round_.answers.get(question.id)
                rows.append(
                    {
                        texts.EXPORT_ROUND: number,
                        texts.EXPORT_STATUS: texts.EXPORT_STATUS_LABELS[round_.status],
                        texts.EXPORT_STARTED: _local_date(round_.started_at),
                        texts.EXPORT_COMPLETED: _local_date(round_.completed_at),
                        texts.EXPORT_CONTEXT: context_label(round_.context),
                        texts.EXPORT_COMPETENCY: comp.name,
                        texts.EXPORT_QUESTION: asked.wording(question, round_.context).text,
                        texts.EXPORT_RATING: answer.rating if answer else None,
                        texts.EXPORT_TEXT: answer.text if answer else "",
                    }
                )
    return pd.DataFrame(rows, columns=_ANSWER_COLUMNS)


_ANSWER_COLUMNS = [
    texts.EXPORT_ROUND,
    texts.EXPORT_STATUS,
    texts.EXPORT_STARTED,
    texts.EXPORT_COMPLETED,
    texts.EXPORT_CONTEXT,
    texts.EXPORT_COMPETENCY,
    texts.EXPORT_QUESTION,
    texts.EXPORT_RATING,
    texts.EXPORT_TEXT,
]


def scores_by_round(bank: QuestionBank, rounds: Sequence[Round]) -> pd.DataFrame:
    """One row per competency, one column per round: the score (mean of its two ratings)."""
    columns = {
        texts.EXPORT_ROUND_COLUMN.format(n=n): competency_scores(bank.of_version(r.bank_version), r.ratings())
        for n, r in enumerate(rounds, 1)
    }
    frame = pd.DataFrame({name: [scores[c.id] for c in bank.competencies] for name, scores in columns.items()})
    frame.insert(0, texts.EXPORT_COMPETENCY, [c.name for c in bank.competencies])
    return frame


def goals_table(bank: QuestionBank, rounds: Sequence[Round], goals: Sequence[Goal]) -> pd.DataFrame:
    """One row per goal: the round it was set in, the competency, the step and how it went."""
    number = {r.id: n for n, r in enumerate(rounds, start=1)}
    rows = [
        {
            texts.EXPORT_ROUND: number.get(g.round_id),
            texts.EXPORT_COMPETENCY: bank.competency(g.competency_id).name,
            texts.EXPORT_GOAL_STEP: g.step,
            texts.EXPORT_GOAL_OUTCOME: texts.OUTCOME_LABELS.get(g.followup.outcome or "", "") if g.followup else "",
            texts.EXPORT_GOAL_FOLLOWUP: g.followup.text if g.followup else "",
        }
        for g in goals
    ]
    columns = [
        texts.EXPORT_ROUND,
        texts.EXPORT_COMPETENCY,
        texts.EXPORT_GOAL_STEP,
        texts.EXPORT_GOAL_OUTCOME,
        texts.EXPORT_GOAL_FOLLOWUP,
    ]
    return pd.DataFrame(rows, columns=columns)


def _csv(frame: pd.DataFrame) -> bytes:
    csv: str = _neutralised(frame).to_csv(sep=";", decimal=",", index=False)
    return csv.encode("utf-8-sig")


def rounds_csv(answers: pd.DataFrame) -> bytes:
    """The leader's answers as CSV for Danish Excel."""
    return _csv(answers)


def rounds_xlsx(answers: pd.DataFrame, scores: pd.DataFrame, goals: pd.DataFrame) -> bytes:
    """The leader's answers, scores per round and goals as an Excel workbook of three sheets."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        _neutralised(answers).to_excel(writer, sheet_name=texts.EXPORT_SHEET_ANSWERS, index=False)
        _neutralised(scores).to_excel(writer, sheet_name=texts.EXPORT_SHEET_SCORES, index=False)
        _neutralised(goals).to_excel(writer, sheet_name=texts.EXPORT_SHEET_GOALS, index=False)
    return buffer.getvalue()
