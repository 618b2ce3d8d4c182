"""The reflection tools that prepare the leader's three talks, and their agreements, as data.

Each file in `tools/` is one tool (validated like the question bank, same messages naming file
and field): the questions a leader answers before a talk (a rating, a text or both), what the
other person's role is as the handbook lists it, and the template of the collaboration agreement
("samarbejdsaftale") the talk ends in. An agreement's fields say which of the tool's answers
prepare them, so a draft starts from what the leader already wrote.

The competency mirror (questions/bank.py) stays the main tool; these sit beside it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from questions.bank import Scale, Slug, Text, _Frozen, read_validated

DEFAULT_TOOLS_FOLDER = Path(__file__).with_name("tools")
# The three talks that make a network leader's mandate; an agreement is one of these kinds.
PERSONALELEDER, REFERENCELEDER, CO_DRIVER = "personaleleder", "referenceleder", "co-driver"
KINDS = (PERSONALELEDER, REFERENCELEDER, CO_DRIVER)
HOURS_MAX = 37  # hours a week: a full working week
Kind = Literal["personaleleder", "referenceleder", "co-driver"]


class ToolsError(Exception):
    """A tool file cannot be used; the message names file and field."""


class ToolQuestion(_Frozen):
    """One question: a rating (1–5 on the tool's scale), a text, or a rating with a writing prompt."""

    id: Slug
    answer: Literal["rating", "text", "both"]
    text: Text
    reflection: Text | None = None

    @property
    def rated(self) -> bool:
        return self.answer in ("rating", "both")

    @property
    def written(self) -> bool:
        return self.answer in ("text", "both")

    @property
    def prompt(self) -> str:
        """What the text field asks: its own prompt where there is a rating above it."""
        return self.reflection or self.text

    @model_validator(mode="after")
    def _prompt_where_needed(self) -> ToolQuestion:
        if (self.answer == "both") != (self.reflection is not None):
            raise ValueError("reflection hører til (og kun til) et spørgsmål med answer: both")
        return self


class Choice(_Frozen):
    id: Slug
    label: Text


class AgreementField(_Frozen):
    """One part of an agreement: a text, hours a week per phase, or one or several choices."""

    id: Slug
    type: Literal["text", "hours", "choice", "choices"]
    label: Text
    help: Text | None = None
    phases: tuple[Choice, ...] = ()
    options: tuple[Choice, ...] = ()
    prepared_by: tuple[Slug, ...] = Field(default=(), alias="from")

    @model_validator(mode="after")
    def _parts_fit_type(self) -> AgreementField:
        if (self.type == "hours") != bool(self.phases):
            raise ValueError("phases hører til (og kun til) et felt med type: hours")
        if (self.type in ("choice", "choices")) != bool(self.options):
            raise ValueError("options hører til (og kun til) et felt med type: choice eller choices")
        return self


class AgreementTemplate(_Frozen):
    title: Text
    intro: Text
    fields: tuple[AgreementField, ...] = Field(min_length=1)

    def field(self, field_id: str) -> AgreementField:
        for one in self.fields:
            if one.id == field_id:
                return one
        raise KeyError(field_id)


class Role(_Frozen):
    title: Text
    items: tuple[Text, ...] = Field(min_length=1)


class Tool(_Frozen):
    id: Slug
    version: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=40)]
    talk: Kind
    title: Text
    intro: Text
    scale: Scale
    role: Role
    questions: tuple[ToolQuestion, ...] = Field(min_length=1)
    agreement: AgreementTemplate

    @model_validator(mode="after")
    def _ids_known(self) -> Tool:
        ids = [q.id for q in self.questions]
        if len(ids) != len(set(ids)):
            raise ValueError(f"to spørgsmål har samme id: {sorted({i for i in ids if ids.count(i) > 1})}")
        field_ids = [f.id for f in self.agreement.fields]
        if len(field_ids) != len(set(field_ids)):
            raise ValueError("to felter i aftalen har samme id")
        for one in self.agreement.fields:
            unknown = [q for q in one.prepared_by if q not in ids]
            if unknown:
                raise ValueError(f"aftalens felt {one.id} henter fra ukendte spørgsmål: {', '.join(unknown)}")
        return self

    def question(self, question_id: str) -> ToolQuestion:
        for one in self.questions:
            if one.id == question_id:
                return one
        raise KeyError(question_id)


class Tools(_Frozen):
    """Every tool, one per talk, in the order of the talks."""

    tools: tuple[Tool, ...]

    def for_talk(self, kind: str) -> Tool:
        for tool in self.tools:
            if tool.talk == kind:
                return tool
        raise KeyError(kind)


def load_tools(folder: Path | str = DEFAULT_TOOLS_FOLDER) -> Tools:
    """Read and validate every tool file; one per talk. Raise ToolsError naming file and field."""
    folder = Path(folder)
    files = sorted(folder.glob("*.yaml"))
    tools = [read_validated(f, Tool, "Redskabet", ToolsError) for f in files]
    for kind in KINDS:
        found = [f for f, t in zip(files, tools, strict=True) if t.talk == kind]
        if len(found) != 1:
            raise ToolsError(
                f"Redskaberne i {folder}: der skal være netop ét redskab med talk: {kind} (fandt {len(found)})."
            )
    ids = [t.id for t in tools]
    if len(ids) != len(set(ids)):
        raise ToolsError(f"Redskaberne i {folder}: to filer har samme id.")
    return Tools(tools=tuple(sorted(tools, key=lambda t: KINDS.index(t.talk))))
