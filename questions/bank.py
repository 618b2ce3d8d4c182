"""Load and validate the question bank (YAML) into frozen pydantic models.

The file in use is the newest version. Every earlier version lies in `earlier/<version>.yaml`
beside the shipped bank (and beside the file in use): a round keeps the version it was answered
with, so it keeps showing that wording, and scores over time compare only questions whose id
(and so whose meaning) is the same.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import Annotated, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, StringConstraints, ValidationError, model_validator

DEFAULT_BANK_PATH = Path(__file__).with_name("competencies.yaml")
EARLIER_FOLDER = "earlier"  # beside a bank file: its earlier versions, one file per version
BEFORE, DURING = "before", "during"  # the two phases a question's wording can depend on

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=60)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]
M = TypeVar("M", bound=BaseModel)


class BankError(Exception):
    """The question bank file cannot be used; the message names file and field."""


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Scale(_Frozen):
    low: Text
    high: Text


class Wording(_Frozen):
    """What a person reads for one question: the rating's question and the writing prompt."""

    text: Text
    reflection: Text


class BeforeWording(_Frozen):
    """A question's wording before the network has started, where its usual one assumes it has."""

    text: Text | None = None
    reflection: Text | None = None

    @model_validator(mode="after")
    def _says_something(self) -> BeforeWording:
        if self.text is None and self.reflection is None:
            raise ValueError("before skal have text, reflection eller begge")
        return self


class Question(_Frozen):
    id: Slug
    text: Text
    reflection: Text
    before: BeforeWording | None = None
    scale: Scale | None = None

    def wording(self, phase: str) -> Wording:
        """The wording for a round in this phase (BEFORE or DURING)."""
        early = self.before if phase == BEFORE else None
        return Wording(
            text=(early.text if early else None) or self.text,
            reflection=(early.reflection if early else None) or self.reflection,
        )


class Phases(_Frozen):
    before: tuple[Slug, ...] = ()  # round contexts that get a question's `before` wording


class Competency(_Frozen):
    id: Slug
    name: Text
    description: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=1000)]
    questions: Annotated[tuple[Question, ...], Field(min_length=2, max_length=2)]


class QuestionBank(_Frozen):
    version: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=40)]
    title: Text
    scale: Scale
    phases: Phases = Phases()
    competencies: Annotated[tuple[Competency, ...], Field(min_length=10, max_length=10)]
    _earlier: dict[str, QuestionBank] = PrivateAttr(default_factory=dict)

    @model_validator(mode="after")
    def _ids_are_unique(self) -> QuestionBank:
        seen: set[str] = set()
        for comp in self.competencies:
            for ident in (comp.id, *(q.id for q in comp.questions)):
                if ident in seen:
                    raise ValueError(f"id '{ident}' står mere end én gang")
                seen.add(ident)
        return self

    @cached_property
    def question_ids(self) -> tuple[str, ...]:
        return tuple(q.id for c in self.competencies for q in c.questions)

    @cached_property
    def competency_of(self) -> dict[str, str]:
        """Question id → the id of its competency, over every version (what the course dashboard
        counts by: a rating counts for its competency whichever version asked it)."""
        mapping: dict[str, str] = {}
        for bank in (*self._earlier.values(), self):
            mapping.update({q.id: c.id for c in bank.competencies for q in c.questions})
        return mapping

    @property
    def versions(self) -> tuple[str, ...]:
        """Every version this bank can show, oldest first, this one last."""
        return (*self._earlier, self.version)

    def of_version(self, version: str) -> QuestionBank:
        """The bank a round with this version was answered with (this one if the version is unknown:
        a round imported from an installation with a newer bank shows today's wording)."""
        return self._earlier.get(version, self)

    def phase(self, context: str) -> str:
        """BEFORE for a round in a context before the network starts, else DURING."""
        return BEFORE if context in self.phases.before else DURING

    def wording(self, question: Question, context: str) -> Wording:
        """The question's wording for a round in this context."""
        return question.wording(self.phase(context))

    def question(self, question_id: str) -> Question:
        """Return the question with this id in this version (KeyError if it has none)."""
        for comp in self.competencies:
            for q in comp.questions:
                if q.id == question_id:
                    return q
        raise KeyError(question_id)

    def competency(self, competency_id: str) -> Competency:
        """Return the competency with this id (KeyError if unknown)."""
        for comp in self.competencies:
            if comp.id == competency_id:
                return comp
        raise KeyError(competency_id)

    def scale_for(self, question: Question) -> Scale:
        """Return the question's own scale, or the bank's default."""
        return question.scale or self.scale


def _field_path(loc: tuple[int | str, ...], data: object) -> str:
    """Render a pydantic error location with competency/question ids where known."""
    parts: list[str] = []
    node = data
    for step in loc:
        if isinstance(step, int) and isinstance(node, list) and step < len(node):
            node = node[step]
            ident = node.get("id") if isinstance(node, dict) else None
            parts[-1] = f"{parts[-1]}[{step}]" + (f" ({ident})" if ident else "")
            continue
        parts.append(str(step))
        node = node.get(step) if isinstance(node, dict) else None
    return ".".join(parts) or "(roden)"


def load_bank(path: Path | str = DEFAULT_BANK_PATH) -> QuestionBank:
    """Read and validate the bank and its earlier versions; raise BankError naming file and field."""
    path = Path(path)
    bank = _load_one(path)
    folders = dict.fromkeys([DEFAULT_BANK_PATH.parent / EARLIER_FOLDER, path.parent / EARLIER_FOLDER])
    earlier: dict[str, QuestionBank] = {}
    for file in sorted(f for folder in folders if folder.is_dir() for f in folder.glob("*.yaml")):
        old = _load_one(file)
        if old.version == bank.version:
            continue  # the file in use may itself be kept among the earlier ones
        if old.version in earlier:
            raise BankError(f"Spørgsmålsbanken {file}: version {old.version} findes i to filer.")
        earlier[old.version] = old
    _check_same_meaning(bank, earlier)
    bank._earlier.update(sorted(earlier.items()))
    return bank


def _check_same_meaning(bank: QuestionBank, earlier: dict[str, QuestionBank]) -> None:
    """A question id means the same in every version, so it belongs to the same competency."""
    seen: dict[str, tuple[str, str]] = {}
    for one in (*earlier.values(), bank):
        for comp in one.competencies:
            for q in comp.questions:
                where = seen.setdefault(q.id, (comp.id, one.version))
                if where[0] != comp.id:
                    raise BankError(
                        f"Spørgsmålsbanken version {one.version}: spørgsmålet {q.id} hører under {comp.id}, "
                        f"men under {where[0]} i version {where[1]}. Giv det et nyt id."
                    )


def _load_one(path: Path) -> QuestionBank:
    return read_validated(path, QuestionBank, "Spørgsmålsbanken", BankError)


def read_validated(path: Path, model: type[M], what: str, error: type[Exception]) -> M:
    """Read one YAML data file into `model`; raise `error` naming `what`, the file and the field."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise error(f"{what} {path} kan ikke læses: {exc.strerror}") from None
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        raise error(
            f"{what} {path} er ikke gemt som UTF-8 (linje {line} kan ikke læses). "
            "Gem filen som UTF-8 i din editor, og start igen."
        ) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (linje {mark.line + 1})" if mark else ""
        raise error(f"{what} {path} er ikke gyldig YAML{where}.") from None
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = _field_path(first["loc"], data)
        raise error(f"{what} {path} er ugyldig: feltet {field}: {first['msg']}") from None
