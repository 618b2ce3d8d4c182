"""A round's own fields, defined once.

`RoundFields` is the one list of what a round carries besides its id and its answers: the
storage model (db/models.py's `Round`) has a column of each name (a test checks), db/rounds.py's
`RoundView` extends it and reads exactly these columns, and the export file's `RoundData`
(core/transfer.py) extends it too, so an export writes and an import restores exactly these.
A new field is one line here and one column in the model and its migration.

The constraints are checked where a round comes from outside (an import file); a view is built
from the database's row without checking it again.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StringConstraints

from core.limits import NOTE_MAX_CHARS
from core.vocabulary import CONTEXT_MAX_CHARS

MAX_STEP = 10  # the walk-through's last step: the overview after the ten competencies
BANK_VERSION_MAX_CHARS = 40


class RoundFields(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    context: Annotated[str, StringConstraints(min_length=1, max_length=CONTEXT_MAX_CHARS)]
    note: Annotated[str, StringConstraints(max_length=NOTE_MAX_CHARS)] = ""
    bank_version: Annotated[str, StringConstraints(min_length=1, max_length=BANK_VERSION_MAX_CHARS)]
    status: Literal["open", "completed"]  # core.vocabulary.ROUND_OPEN, ROUND_COMPLETED (a test checks)
    current_step: Annotated[int, Field(ge=0, le=MAX_STEP, strict=True)]
    started_at: AwareDatetime
    completed_at: AwareDatetime | None


ROUND_FIELDS: tuple[str, ...] = tuple(RoundFields.model_fields)
