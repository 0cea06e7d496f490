"""Certificate verification codes: short, unguessable, easy to read aloud and to type.

Twelve characters of Crockford's base 32 (no I, L, O or U) from `secrets`, shown in three
groups of four (`7K2M-QX9D-4RTA`): 60 bits, so a code cannot be guessed from the public
page. Typed codes are normalised (case, dashes, spaces, O for 0, I and L for 1).
"""

from __future__ import annotations

import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 12
_CONFUSABLE = str.maketrans({"O": "0", "I": "1", "L": "1"})


def new_verification_code() -> str:
    raw = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    return format_code(raw)


def format_code(raw: str) -> str:
    return "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def normalise_code(typed: str) -> str:
    """The code as stored, or "" when `typed` cannot be one."""
    raw = "".join(typed.upper().split()).replace("-", "").translate(_CONFUSABLE)
    if len(raw) != LENGTH or any(char not in ALPHABET for char in raw):
        return ""
    return format_code(raw)
