"""Danish formatting of dates (23. nov. 2026), times and numbers."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_datetime

LOCAL_TZ = ZoneInfo("Europe/Copenhagen")


def to_local(moment: datetime) -> datetime:
    """Convert a stored UTC time (naive means UTC) to Danish local time."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(LOCAL_TZ)


def danish_date(moment: date | datetime) -> str:
    """Format a date the Danish way: 23. nov. 2026."""
    if isinstance(moment, datetime):
        moment = to_local(moment).date()
    return _medium_date(moment)


@lru_cache(maxsize=4096)
def _medium_date(day: date) -> str:
    """Babel's formatting takes a tenth of a millisecond, and a page shows the same few dates often."""
    return format_date(day, format="medium", locale="da")


def danish_time(moment: datetime) -> str:
    """Format a time of day the Danish way: 14.05."""
    return format_datetime(to_local(moment), "HH.mm", locale="da")


def danish_number(value: int) -> str:
    """Format a whole number with Danish thousands separators: 5.000."""
    return f"{value:,}".replace(",", ".")


_MARKDOWN_SPECIALS = set("\\`*_{}[]()#+-.!|<>~$")


def distinct_names(names: Sequence[str]) -> list[str]:
    """The names in order, a repeated one numbered ("Anne Jensen", "Anne Jensen (2)"): two people
    may share a name, and a table or a file must still tell them apart."""
    seen: dict[str, int] = {}
    shown: list[str] = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        shown.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return shown


def escape_markdown(value: str) -> str:
    """Backslash-escape Markdown so our own labels (e.g. "23. nov.") are not read as lists."""
    return "".join(f"\\{ch}" if ch in _MARKDOWN_SPECIALS else ch for ch in value)


def danish_score(value: float | None) -> str:
    """Format a score with one decimal and a Danish comma; a missing score is a dash."""
    if value is None or value != value:  # NaN is the only value not equal to itself
        return "–"
    return f"{value:.1f}".replace(".", ",")


def signed_danish_score(value: float) -> str:
    """Format a difference with its sign and a Danish comma: +1,5, −1,0 or 0,0."""
    if value > 0:
        return "+" + danish_score(value)
    if value < 0:
        return "−" + danish_score(-value)
    return danish_score(0.0)


def danish_genitive(name: str) -> str:
    """Return the Danish possessive of a name: Mettes, but Jonas' and Max'."""
    return f"{name}'" if name[-1:].lower() in {"s", "x", "z"} else f"{name}s"
