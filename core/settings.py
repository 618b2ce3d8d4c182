"""The environment, read and checked once per process: one settings object (pydantic-settings).

Every variable the app reads is a field here, documented in docs/operations.md ("Settings"). A value
that cannot be right (a port count that is not a number, an address without http(s)://) stops
the app with one message naming the variable, instead of being quietly replaced by a default.
"""

from __future__ import annotations

import functools
from typing import Annotated

from pydantic import Field, ValidationError, field_validator
from pydantic_core import ErrorDetails
from pydantic_settings import BaseSettings, SettingsConfigDict

Trimmed = Annotated[str, Field(default="")]


class SettingsError(Exception):
    """A variable in the environment has a value the app cannot use; the message names it."""


class Settings(BaseSettings):
    """What the environment says (empty means: the default in docs/operations.md)."""

    model_config = SettingsConfigDict(frozen=True, extra="ignore", case_sensitive=True)

    DATABASE_URL: Trimmed
    QUESTION_BANK_PATH: Trimmed
    PUBLIC_URL: Trimmed
    CLIENT_IP_HEADER: Trimmed
    CLIENT_IP_HOPS: Annotated[int, Field(ge=1, le=10)] = 1

    @field_validator("DATABASE_URL", "QUESTION_BANK_PATH", "PUBLIC_URL", "CLIENT_IP_HEADER", mode="before")
    @classmethod
    def _trim(cls, value: object) -> object:
        return value.strip() if isinstance(value, str) else value

    @field_validator("CLIENT_IP_HOPS", mode="before")
    @classmethod
    def _unset_hops(cls, value: object) -> object:
        return 1 if isinstance(value, str) and not value.strip() else value

    @field_validator("PUBLIC_URL")
    @classmethod
    def _an_address(cls, value: str) -> str:
        if value and not value.startswith(("http://", "https://")):
            raise ValueError("skal begynde med http:// eller https://")
        return value.rstrip("/")


_PROBLEMS = {
    "int_parsing": "skal være et helt tal",
    "greater_than_equal": "skal være mindst 1",
    "less_than_equal": "må højst være 10",
}


def _why(error: ErrorDetails) -> str:
    message = str(error.get("msg", ""))
    return message.removeprefix("Value error, ") if error.get("type") == "value_error" else "har en ugyldig værdi"


@functools.cache
def settings() -> Settings:
    """The settings of this process, read from the environment the first time they are asked for."""
    try:
        return Settings()
    except ValidationError as exc:
        first = exc.errors()[0]
        name = ".".join(str(part) for part in first["loc"])
        raise SettingsError(
            f"Indstillingen {name} kan ikke bruges: den {_PROBLEMS.get(first['type'], _why(first))}."
        ) from None


def reload_settings() -> None:
    """Read the environment again at the next ask (tests change it between apps in one process)."""
    settings.cache_clear()
