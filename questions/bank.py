"""Load and validate the question bank (YAML) into frozen pydantic models."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import Annotated

import yaml
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, model_validator

DEFAULT_BANK_PATH = Path(__file__).with_name("competencies.yaml")

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=60)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]


class BankError(Exception):
    """The question bank file cannot be used; the message names file and field."""


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Scale(_Frozen):
    low: Text
    high: Text


class Question(_Frozen):
    id: Slug
    text: Text
    reflection: Text
    scale: Scale | None = None


class Competency(_Frozen):
    id: Slug
    name: Text
    description: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=1000)]
    questions: Annotated[tuple[Question, ...], Field(min_length=2, max_length=2)]


class QuestionBank(_Frozen):
    version: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=40)]
    title: Text
    scale: Scale
    competencies: Annotated[tuple[Competency, ...], Field(min_length=10, max_length=10)]

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
        """Question id → the id of its competency (what the course dashboard counts by)."""
        return {q.id: c.id for c in self.competencies for q in c.questions}

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
    """Read and validate the bank; raise BankError naming the file and field."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise BankError(f"Spørgsmålsbanken {path} kan ikke læses: {exc.strerror}") from None
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        raise BankError(
            f"Spørgsmålsbanken {path} er ikke gemt som UTF-8 (linje {line} kan ikke læses). "
            "Gem filen som UTF-8 i din editor, og start igen."
        ) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (linje {mark.line + 1})" if mark else ""
        raise BankError(f"Spørgsmålsbanken {path} er ikke gyldig YAML{where}.") from None
    try:
        return QuestionBank.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = _field_path(first["loc"], data)
        raise BankError(f"Spørgsmålsbanken {path} er ugyldig: feltet {field}: {first['msg']}") from None
