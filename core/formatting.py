"""Danish formatting of dates (23. nov. 2026), times and numbers."""

from __future__ import annotations

import re
import string
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


def local_today() -> date:
    """Today's date in Denmark (the server may run in UTC: at 00.30 Danish time it is still yesterday there)."""
    return to_local(datetime.now(UTC)).date()


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


# Every ASCII punctuation mark that means something to Markdown or to Streamlit's renderer (CommonMark
# lets a backslash escape any of them); the few that never do stay as they are, so "3,7" stays "3,7".
_PUNCTUATION = frozenset(string.punctuation) - frozenset(",;'\"?=%")
WORD_JOINER = "\u2060"  # invisible, and read by no screen reader: it only keeps two characters apart
_WWW = re.compile(r"(www)(?=\\\.)", re.IGNORECASE)


def distinct_names(names: Sequence[str]) -> list[str]:
    """The names in order, unique: a repeated one numbered ("Anne Jensen", "Anne Jensen (2)") with
    the first number whose label is nobody's name and no label given already. Two people may share a
    name, and a third may be called "Anne Jensen (2)": a table or a file must still tell all apart."""
    taken = set(names)
    seen: set[str] = set()
    shown: list[str] = []
    for name in names:
        if name not in seen:
            seen.add(name)
            shown.append(name)
            continue
        number = 2
        while f"{name} ({number})" in taken:
            number += 1
        label = f"{name} ({number})"
        taken.add(label)
        shown.append(label)
    return shown


def escape_markdown(value: str) -> str:
    """The text as itself inside Markdown, where Streamlit draws every heading, label, message and
    table cell: a name like "[Klik her](http://x) **fed** :material/warning:" must show as typed.

    Every ASCII punctuation mark with a meaning there is backslash-escaped; an escaped colon also
    keeps Streamlit's emoji, icon and colour codes (":smile:", ":material/warning:", ":red[")
    from being read. Web and e-mail addresses are still made links after the escapes are read, so
    an invisible word joiner breaks just those patterns ("://", "www.", "@"); nowhere else, so a
    search in the page finds "lagt ind: 2 runder" as it reads. A person reads exactly what was typed.
    """
    escaped = "".join(f"\\{ch}" if ch in _PUNCTUATION else ch for ch in value)
    escaped = escaped.replace("\\:\\/\\/", "\\:" + WORD_JOINER + "\\/\\/").replace("\\@", WORD_JOINER + "\\@")
    return _WWW.sub(r"\1" + WORD_JOINER, escaped)


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
