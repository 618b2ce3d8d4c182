"""The leader's own data as one JSON file: its format (version 2), and the checks an import passes.

Version 2 adds the network, the reflection tools' answers and the collaboration agreements;
a version 1 file (rounds only) is still read, and simply has none of them.

The format is documented in docs/reference.md ("Export format"). Reading a file either returns a
`DataFile` that fits this installation's question bank, or raises `ImportRefused` with a
Danish message saying what is wrong; nothing is stored by this module.
"""

from __future__ import annotations

import json
import math
from collections.abc import Collection
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from core import texts, vocabulary
from core.agreements import InvalidValueError, clean_value
from core.formatting import danish_number
from core.limits import FOLLOWUP_MAX_CHARS, GOAL_STEP_MAX_CHARS, TEXT_MAX_CHARS
from core.round_fields import RoundFields
from questions import QuestionBank
from questions.tools import Tools, load_tools

FORMAT = "netvaerksspejlet-eksport"
FORMAT_VERSION = 2
READS_VERSIONS = (1, 2)  # every version this installation can import
IMPORT_MAX_BYTES = 10 * 1024 * 1024  # a leader with 100 full rounds stays well under this
# What a real leader can have: a network's rounds are one before it, one after each of its 4–6
# meetings and one before the test (8 at most); 60 is seven whole networks. A file of 1,000 rounds
# made every run of that leader's results page take 13.5 s, and stalled everyone else's meanwhile.
IMPORT_MAX_ROUNDS = 60
_MAX_DIGITS = 18  # no number in an export has more (a 5,000-digit one raised a bare ValueError)

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=60)]
Name = Annotated[str, StringConstraints(min_length=1, max_length=40)]
Rating = Annotated[int, Field(ge=1, le=5, strict=True)]


Text = Annotated[str, StringConstraints(max_length=TEXT_MAX_CHARS)]
FollowupText = Annotated[str, StringConstraints(max_length=FOLLOWUP_MAX_CHARS)]
GoalStep = Annotated[str, StringConstraints(max_length=GOAL_STEP_MAX_CHARS)]


class _Part(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class AnswerData(_Part):
    question_id: Slug
    rating: Rating | None
    text: Text = ""


class FollowupData(_Part):
    round_ref: int
    outcome: Literal["achieved", "partly", "not_yet"] | None
    text: FollowupText = ""
    updated_at: AwareDatetime


class GoalData(_Part):
    position: Annotated[int, Field(ge=1, le=3, strict=True)]
    competency_id: Slug
    step: GoalStep
    created_at: AwareDatetime
    followup: FollowupData | None = None


class FeedbackItemData(_Part):
    competency_id: Slug
    rating: Rating | None
    comment: Text = ""


class FeedbackData(_Part):
    author: Name
    overall: Text = ""
    created_at: AwareDatetime
    updated_at: AwareDatetime
    items: list[FeedbackItemData] = []


class RoundData(RoundFields):
    """A round in the file: its own fields (core.round_fields), its number here, and what hangs off it."""

    ref: int
    answers: Annotated[list[AnswerData], Field(max_length=200)] = []
    goals: Annotated[list[GoalData], Field(max_length=3)] = []
    feedback_received: Annotated[list[FeedbackData], Field(max_length=50)] = []


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


class NetworkData(_Part):
    name: Annotated[str, StringConstraints(min_length=1, max_length=120)]
    theme: Text = ""
    meetings: Annotated[list[date], Field(max_length=8)] = []


class ToolAnswerData(_Part):
    tool_id: Slug
    question_id: Slug
    rating: Rating | None
    text: Text = ""


class CommentData(_Part):
    name: Annotated[str, StringConstraints(max_length=80)]
    text: Text
    at: AwareDatetime | None


class AgreementData(_Part):
    kind: Literal["personaleleder", "referenceleder", "co-driver"]
    created_at: AwareDatetime
    updated_at: AwareDatetime
    values: dict[Slug, Any] = {}  # field id -> value, checked against the tool's template
    agreed_at: AwareDatetime | None = None
    agreed_by: Annotated[str, StringConstraints(max_length=80)] = ""
    agreed_values: dict[Slug, Any] | None = None
    comments: Annotated[list[CommentData], Field(max_length=50)] = []  # a record of what readers wrote, not restored


class InvitedToData(_Part):
    leader: Annotated[str, StringConstraints(min_length=1, max_length=80)]
    kind: Literal["personaleleder", "referenceleder", "co-driver"]


class DataFile(_Part):
    """Everything a leader owns. An import restores `rounds`, the network, the tools' answers and
    the agreements (as they stand, agreed or not); the rest is the record of who they shared with,
    who commented, which agreements they could read and which courses they were on, which belong
    to people elsewhere."""

    format: Literal["netvaerksspejlet-eksport"]
    format_version: Literal[1, 2]
    exported_at: AwareDatetime
    account: AccountData
    rounds: Annotated[list[RoundData], Field(max_length=IMPORT_MAX_ROUNDS)]
    shares_given: Annotated[list[ShareGivenData], Field(max_length=200)] = []
    shares_received: Annotated[list[ShareReceivedData], Field(max_length=200)] = []
    courses: Annotated[list[CourseData], Field(max_length=200)] = []
    network: NetworkData | None = None
    tool_answers: Annotated[list[ToolAnswerData], Field(max_length=500)] = []
    agreements: Annotated[list[AgreementData], Field(max_length=3)] = []
    agreements_invited_to: Annotated[list[InvitedToData], Field(max_length=500)] = []


class ImportRefused(Exception):
    """The file cannot be imported; the message (Danish) says why."""


def to_json(data: DataFile) -> bytes:
    """The file's bytes: UTF-8 JSON, indented so a person can read it."""
    return data.model_dump_json(indent=2).encode("utf-8")


def _field(loc: tuple[int | str, ...]) -> str:
    return ".".join(str(part) for part in loc) or "(hele filen)"


def read(
    raw: bytes, bank: QuestionBank, contexts: Collection[str] | None = None, tools: Tools | None = None
) -> DataFile:
    """Parse and check an export file against this installation; raise ImportRefused saying what is wrong."""
    if len(raw) > IMPORT_MAX_BYTES:
        raise ImportRefused(texts.IMPORT_TOO_BIG.format(max=danish_number(IMPORT_MAX_BYTES // (1024 * 1024))))
    document = _parse(raw)
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ImportRefused(texts.IMPORT_NOT_OURS)
    version = document.get("format_version")
    if version not in READS_VERSIONS:
        raise ImportRefused(texts.IMPORT_WRONG_VERSION.format(found=version, expected=FORMAT_VERSION))
    rounds = document.get("rounds")
    if isinstance(rounds, list) and len(rounds) > IMPORT_MAX_ROUNDS:
        raise ImportRefused(texts.IMPORT_TOO_MANY_ROUNDS.format(count=len(rounds), max=IMPORT_MAX_ROUNDS))
    try:
        data = DataFile.model_validate(document)
    except ValidationError as exc:
        first = exc.errors()[0]
        problem = texts.IMPORT_PROBLEMS.get(first["type"], texts.IMPORT_PROBLEM_OTHER)
        raise ImportRefused(texts.IMPORT_INVALID.format(field=_field(first["loc"]), problem=problem)) from None
    _check_consistent(data, bank, contexts if contexts is not None else vocabulary.CONTEXTS)
    _check_talks(data, tools if tools is not None else load_tools())
    return data


def _parse(raw: bytes) -> Any:
    """The file as JSON, read strictly: UTF-8 (a byte order mark allowed), no NaN or Infinity, no
    number longer than any export has, no key twice in one object; anything else is refused with
    the named message, never an error of the parser's own."""
    try:
        return json.loads(
            raw.decode("utf-8-sig"),
            parse_constant=_refuse_constant,
            parse_int=_bounded_int,
            parse_float=_bounded_float,
            object_pairs_hook=_unique_keys,
        )
    except (UnicodeDecodeError, ValueError):  # json.JSONDecodeError is a ValueError too
        raise ImportRefused(texts.IMPORT_NOT_JSON) from None
    except RecursionError:  # nested thousands deep: no export of ours looks like that
        raise ImportRefused(texts.IMPORT_NOT_OURS) from None


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number an export holds")


def _bounded_int(digits: str) -> int:
    if len(digits.lstrip("-")) > _MAX_DIGITS:
        raise ValueError("number too long")
    return int(digits)


def _bounded_float(digits: str) -> float:
    value = float(digits) if len(digits) <= 2 * _MAX_DIGITS else math.inf
    if not math.isfinite(value):
        raise ValueError("number out of range")
    return value


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [key for key, _ in pairs]
    if len(set(keys)) != len(keys):
        raise ValueError("a key twice in one object")
    return dict(pairs)


def _check_talks(data: DataFile, tools: Tools) -> None:
    """Tool answers and agreement values must fit this installation's tools."""
    known = {t.id: t for t in tools.tools}
    seen = set()
    for answer in data.tool_answers:
        tool = known.get(answer.tool_id)
        if tool is None or answer.question_id not in {q.id for q in tool.questions}:
            raise ImportRefused(texts.IMPORT_UNKNOWN_TOOL_QUESTION.format(id=f"{answer.tool_id}/{answer.question_id}"))
        if (answer.tool_id, answer.question_id) in seen:
            raise ImportRefused(texts.IMPORT_DUPLICATE_TOOL_ANSWER)
        seen.add((answer.tool_id, answer.question_id))
    kinds = [a.kind for a in data.agreements]
    if len(set(kinds)) != len(kinds):
        raise ImportRefused(texts.IMPORT_DUPLICATE_AGREEMENT)
    for agreement in data.agreements:
        template = tools.for_talk(agreement.kind).agreement
        fields = {f.id: f for f in template.fields}
        for values in (agreement.values, agreement.agreed_values or {}):
            for field_id, value in values.items():
                try:
                    clean_value(fields[field_id], value)
                except (KeyError, InvalidValueError):
                    raise ImportRefused(
                        texts.IMPORT_BAD_AGREEMENT.format(kind=agreement.kind, field=field_id)
                    ) from None
        if (agreement.agreed_at is None) != (agreement.agreed_values is None):
            raise ImportRefused(texts.IMPORT_BAD_AGREEMENT.format(kind=agreement.kind, field="agreed_at"))


def _check_consistent(data: DataFile, bank: QuestionBank, contexts: Collection[str]) -> None:
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
