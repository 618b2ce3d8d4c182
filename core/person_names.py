"""A person's name as stored and shown: visible letters, and nothing that turns the text around it.

A name made only of U+200B (zero width space) or only of U+202E (right-to-left override) was
stored, and that person was invisible wherever they were named; a direction override inside a name
reversed the words drawn after it. Unicode's guidance for identifiers (UTS #31 and UTS #39: no
default-ignorable code points, no bidi controls) is followed for the name a person is called by:

1. NFC, so one letter typed two ways is stored one way;
2. every format character (Unicode category Cf: the bidi embeddings, overrides and isolates, the
   marks LRM/RLM/ALM, zero-width space, word joiner, byte order mark, soft hyphen) and every other
   control character is dropped, except the zero-width joiner and non-joiner between two visible
   characters, which some scripts and emoji need;
3. runs of any kind of space become one space, and the ends are trimmed;
4. the name must hold at least one visible letter (Hangul fillers are letters nobody can see);
5. names that pretend to be the product or its operators ("Administrator") are refused: a
   personaleleder or a co-driver must not be able to take a message from one for the system's own.

Two people may share a name (real people do); tables and files tell them apart (distinct_names).
"""

from __future__ import annotations

import unicodedata

from core.usernames import skeleton

_JOINERS = {"\u200c", "\u200d"}
# Letters (category Lo) that draw nothing: Unicode lists them as default-ignorable.
_INVISIBLE_LETTERS = {"\u115f", "\u1160", "\u3164", "\uffa0"}
RESERVED = ("Administrator", "Admin", "Netværksspejlet", "Support", "System", "Systemet")


def _visible(ch: str) -> bool:
    return not ch.isspace() and unicodedata.category(ch)[0] not in "CZ" and ch not in _INVISIBLE_LETTERS


def _kept(text: str, index: int) -> bool:
    ch = text[index]
    if ch in _JOINERS:
        return 0 < index < len(text) - 1 and _visible(text[index - 1]) and _visible(text[index + 1])
    return ch.isspace() or unicodedata.category(ch) not in ("Cf", "Cc", "Cs", "Co", "Cn")


def clean_person_name(name: str | None, max_chars: int) -> str | None:
    """The name as it is stored, or None if it cannot be anyone's name (see the module's rules)."""
    text = unicodedata.normalize("NFC", name or "")
    text = "".join(ch for index, ch in enumerate(text) if _kept(text, index))
    text = " ".join(text.split())
    if not text or len(text) > max_chars or not any(_visible(ch) and ch.isalpha() for ch in text):
        return None
    if skeleton(text) in _reserved_skeletons():
        return None
    return text


def _reserved_skeletons() -> set[str]:
    return {skeleton(word) for word in RESERVED}
