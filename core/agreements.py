"""Collaboration agreements as plain values: what a field may hold, a draft from the tool's
answers, what a value says in words, and what changed since the agreement was agreed.

A field's value is a text (type text), {phase id: hours a week} (type hours), one option id or
None (type choice) or a list of option ids (type choices). Nothing here touches storage.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from core.formatting import danish_number
from core.limits import TEXT_MAX_CHARS, normalise_text
from questions.tools import HOURS_MAX, AgreementField, AgreementTemplate, Tool

Value = str | dict[str, float] | list[str] | None


class InvalidValueError(ValueError):
    """A value does not fit its field (wrong type, unknown option, hours out of range, too long)."""


def empty_value(field: AgreementField) -> Value:
    """What a field holds before anything is written in it."""
    return {"text": "", "hours": {}, "choice": None, "choices": []}[field.type]


def clean_value(field: AgreementField, value: object) -> Value:
    """Return the value as it is stored, or raise InvalidValueError."""
    if field.type == "text":
        if not isinstance(value, str | None):
            raise InvalidValueError(field.id)
        cleaned = normalise_text(value)
        if len(cleaned) > TEXT_MAX_CHARS:
            raise InvalidValueError(field.id)
        return cleaned
    if field.type == "hours":
        return _clean_hours(field, value)
    known = [o.id for o in field.options]
    if field.type == "choice":
        if value is not None and value not in known:
            raise InvalidValueError(field.id)
        return value if isinstance(value, str) else None
    if not isinstance(value, list | tuple) or any(v not in known for v in value):
        raise InvalidValueError(field.id)
    return [o for o in known if o in value]  # in the template's order, each once


def _clean_hours(field: AgreementField, value: object) -> dict[str, float]:
    if not isinstance(value, Mapping):
        raise InvalidValueError(field.id)
    phases = [p.id for p in field.phases]
    cleaned: dict[str, float] = {}
    for phase, hours in value.items():
        if phase not in phases:
            raise InvalidValueError(field.id)
        if hours is None:
            continue
        if isinstance(hours, bool) or not isinstance(hours, int | float) or not math.isfinite(hours):
            raise InvalidValueError(field.id)
        if not 0 <= hours <= HOURS_MAX:
            raise InvalidValueError(field.id)
        cleaned[phase] = round(float(hours) * 2) / 2  # half hours are as fine as anyone plans
    return {p: cleaned[p] for p in phases if p in cleaned}


def draft(tool: Tool, answers: Mapping[str, str]) -> dict[str, Value]:
    """An agreement's first draft: each text field starts from the answers written to the
    questions that prepare it (`from:` in the tool file), one paragraph each."""
    values: dict[str, Value] = {}
    for field in tool.agreement.fields:
        if field.type == "text":
            parts = [answers.get(q, "").strip() for q in field.prepared_by]
            values[field.id] = "\n\n".join(p for p in parts if p)[:TEXT_MAX_CHARS]
        else:
            values[field.id] = empty_value(field)
    return values


def in_words(field: AgreementField, value: Value) -> str:
    """A value as a person reads it, on the page and in the PDF ("" if nothing is written)."""
    if field.type == "text":
        return value if isinstance(value, str) else ""
    if field.type == "hours":
        hours = value if isinstance(value, dict) else {}
        return "\n".join(f"{p.label}: {_hours(hours[p.id])} timer om ugen" for p in field.phases if p.id in hours)
    labels = {o.id: o.label for o in field.options}
    chosen = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    return "\n".join(labels[c] for c in chosen if c in labels)


def field_words(field: AgreementField, values: Mapping[str, Value]) -> str:
    """What the field says in these values, in words ("" if nothing is written)."""
    return in_words(field, values.get(field.id))


def _hours(hours: float) -> str:
    return danish_number(int(hours)) if hours == int(hours) else f"{hours:.1f}".replace(".", ",")


@dataclass(frozen=True)
class Change:
    """One field that says something else now than when the agreement was agreed."""

    field_id: str
    label: str
    then: str
    now: str


def changes_since_agreed(
    template: AgreementTemplate, agreed: Mapping[str, Value], current: Mapping[str, Value]
) -> list[Change]:
    """The fields whose words differ between the agreed version and now, in the template's order."""
    changes = []
    for field in template.fields:
        then, now = field_words(field, agreed), field_words(field, current)
        if then != now:
            changes.append(Change(field.id, field.label, then, now))
    return changes
