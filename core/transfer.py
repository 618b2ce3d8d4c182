"""The leader's own data as one JSON file: its format (version 1), and the checks an import passes.

The format is documented in README.md ("Eksportformat"). Reading a file either returns a
`DataFile` that fits this installation's question bank, or raises `ImportRefused` with a
Danish message saying what is wrong; nothing is stored by this module.
"""

from __future__ import annotations

import json
from typing import Annotated, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from core import texts
from core.formatting import danish_number
from core.limits import FOLLOWUP_MAX_CHARS, GOAL_STEP_MAX_CHARS, NOTE_MAX_CHARS, TEXT_MAX_CHARS
from questions import QuestionBank

FORMAT = "netvaerksspejlet-eksport"
FORMAT_VERSION = 1
IMPORT_MAX_BYTES = 10 * 1024 * 1024  # a leader with 100 full rounds stays well under this

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=60)]
Name = Annotated[str, StringConstraints(min_length=1, max_length=40)]
Rating = Annotated[int, Field(ge=1, le=5, strict=True)]


def _text(limit: int):
    return Annotated[str, StringConstraints(max_length=limit)]


class _Part(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class AnswerData(_Part):
    question_id: Slug
    rating: Rating | None
    text: _text(TEXT_MAX_CHARS) = ""


class FollowupData(_Part):
    round_ref: int
    outcome: Literal["achieved", "partly", "not_yet"] | None
    text: _text(FOLLOWUP_MAX_CHARS) = ""
    updated_at: AwareDatetime


class GoalData(_Part):
    position: Annotated[int, Field(ge=1, le=3, strict=True)]
    competency_id: Slug
    step: _text(GOAL_STEP_MAX_CHARS)
    created_at: AwareDatetime
    followup: FollowupData | None = None


class FeedbackItemData(_Part):
    competency_id: Slug
    rating: Rating | None
    comment: _text(TEXT_MAX_CHARS) = ""


class FeedbackData(_Part):
    author: Name
    overall: _text(TEXT_MAX_CHARS) = ""
    created_at: AwareDatetime
    updated_at: AwareDatetime
    items: list[FeedbackItemData] = []


class RoundData(_Part):
    ref: int
    context: Annotated[str, StringConstraints(min_length=1, max_length=40)]
    note: _text(NOTE_MAX_CHARS) = ""
    bank_version: Annotated[str, StringConstraints(min_length=1, max_length=40)]
    status: Literal["open", "completed"]
    current_step: Annotated[int, Field(ge=0, le=10, strict=True)]
    started_at: AwareDatetime
    completed_at: AwareDatetime | None
    answers: list[AnswerData] = []
    goals: list[GoalData] = []
    feedback_received: list[FeedbackData] = []


class ShareGivenData(_Part):
    codriver: Name
    scope: Literal["scores", "texts"]
    since: AwareDatetime


class ShareReceivedData(_Part):
    leader: Name
    scope: Literal["scores", "texts"]
    since: AwareDatetime


class CourseData(_Part):
    name: Annotated[str, StringConstraints(min_length=1, max_length=120)]
    trainer: Name
    joined_at: AwareDatetime
    consent: bool


class AccountData(_Part):
    username: Name
    created_at: AwareDatetime


class DataFile(_Part):
    """Everything a leader owns. Only `rounds` is restored by an import; the rest is the record
    of who they shared with and which courses they were on, which belong to people elsewhere."""

    format: Literal["netvaerksspejlet-eksport"]
    format_version: Literal[1]
    exported_at: AwareDatetime
    account: AccountData
    rounds: list[RoundData]
    shares_given: list[ShareGivenData] = []
    shares_received: list[ShareReceivedData] = []
    courses: list[CourseData] = []


class ImportRefused(Exception):
    """The file cannot be imported; the message (Danish) says why."""


def to_json(data: DataFile) -> bytes:
    """The file's bytes: UTF-8 JSON, indented so a person can read it."""
    return data.model_dump_json(indent=2).encode("utf-8")


def _field(loc: tuple) -> str:
    return ".".join(str(part) for part in loc) or "(hele filen)"


def read(raw: bytes, bank: QuestionBank, contexts: dict[str, str] | None = None) -> DataFile:
    """Parse and check an export file against this installation; raise ImportRefused saying what is wrong."""
    if len(raw) > IMPORT_MAX_BYTES:
        raise ImportRefused(texts.IMPORT_TOO_BIG.format(max=danish_number(IMPORT_MAX_BYTES // (1024 * 1024))))
    try:
        document = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ImportRefused(texts.IMPORT_NOT_JSON) from None
    except RecursionError:  # nested thousands deep: no export of ours looks like that
        raise ImportRefused(texts.IMPORT_NOT_OURS) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ImportRefused(texts.IMPORT_NOT_OURS)
    version = document.get("format_version")
    if version != FORMAT_VERSION:
        raise ImportRefused(texts.IMPORT_WRONG_VERSION.format(found=version, expected=FORMAT_VERSION))
    try:
        data = DataFile.model_validate(document)
    except ValidationError as exc:
        first = exc.errors()[0]
        problem = texts.IMPORT_PROBLEMS.get(first["type"], texts.IMPORT_PROBLEM_OTHER)
        raise ImportRefused(texts.IMPORT_INVALID.format(field=_field(first["loc"]), problem=problem)) from None
    _check_consistent(data, bank, contexts if contexts is not None else texts.CONTEXTS)
    return data


def _check_consistent(data: DataFile, bank: QuestionBank, contexts: dict[str, str]) -> None:
    """The checks a schema cannot make: ids that must exist in the bank and rules across rounds."""
    questions = set(bank.competency_of)  # every version's questions: an old round keeps its own
    competencies = {c.id for c in bank.competencies}
    refs = [r.ref for r in data.rounds]
    if len(set(refs)) != len(refs):
        raise ImportRefused(texts.IMPORT_DUPLICATE_REF)
    if sum(r.status == "open" for r in data.rounds) > 1:
        raise ImportRefused(texts.IMPORT_TWO_OPEN)
    for round_ in data.rounds:
        where = texts.IMPORT_IN_ROUND.format(ref=round_.ref)
        if round_.context not in contexts:
            raise ImportRefused(texts.IMPORT_UNKNOWN_CONTEXT.format(where=where, context=round_.context))
        if (round_.status == "completed") != (round_.completed_at is not None):
            raise ImportRefused(texts.IMPORT_COMPLETED_AT.format(where=where))
        if round_.completed_at is not None and round_.completed_at < round_.started_at:
            raise ImportRefused(texts.IMPORT_COMPLETED_BEFORE_START.format(where=where))
        answered = [a.question_id for a in round_.answers]
        for qid in answered:
            if qid not in questions:
                raise ImportRefused(texts.IMPORT_UNKNOWN_QUESTION.format(where=where, id=qid))
        if len(set(answered)) != len(answered):
            raise ImportRefused(texts.IMPORT_DUPLICATE_ANSWER.format(where=where))
        cids = [g.competency_id for g in round_.goals] + [
            item.competency_id for fb in round_.feedback_received for item in fb.items
        ]
        for cid in cids:
            if cid not in competencies:
                raise ImportRefused(texts.IMPORT_UNKNOWN_COMPETENCY.format(where=where, id=cid))
        goal_places = [g.position for g in round_.goals]
        goal_ids = [g.competency_id for g in round_.goals]
        if len(set(goal_places)) != len(goal_places) or len(set(goal_ids)) != len(goal_ids):
            raise ImportRefused(texts.IMPORT_DUPLICATE_GOAL.format(where=where))
        for goal in round_.goals:
            if goal.followup is not None and (
                goal.followup.round_ref == round_.ref or goal.followup.round_ref not in refs
            ):
                raise ImportRefused(texts.IMPORT_BAD_FOLLOWUP.format(where=where, ref=goal.followup.round_ref))
        for fb in round_.feedback_received:
            items = [i.competency_id for i in fb.items]
            if len(set(items)) != len(items):
                raise ImportRefused(texts.IMPORT_DUPLICATE_FEEDBACK.format(where=where))
        if round_.feedback_received and round_.status != "completed":
            raise ImportRefused(texts.IMPORT_FEEDBACK_ON_OPEN.format(where=where))
