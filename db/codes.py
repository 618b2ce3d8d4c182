"""Human-friendly random codes (invitations, course join codes) in Crockford's base32.

No I, L, O or U, so a code read aloud, written on a whiteboard or copied by hand survives;
typing is forgiving: any case, spaces or dashes, and O for 0 and I or L for 1.
"""

from __future__ import annotations

import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # 32 symbols: 5 random bits each
GROUP_LENGTH = 4
_LOOKALIKES = str.maketrans({"I": "1", "L": "1", "O": "0"})


def new_code(groups: int, alphabet: str = ALPHABET) -> str:
    """Return a fresh random code of `groups` groups of four, like `7KQ2-M9XD-4HBT`."""
    chars = [secrets.choice(alphabet) for _ in range(groups * GROUP_LENGTH)]
    return "-".join("".join(chars[i : i + GROUP_LENGTH]) for i in range(0, len(chars), GROUP_LENGTH))


def normalise_code(code: str | None) -> str:
    """Reduce a code however it was typed to its bare characters."""
    cleaned = "".join(ch for ch in (code or "").upper() if ch.isalnum())
    return cleaned.translate(_LOOKALIKES)
