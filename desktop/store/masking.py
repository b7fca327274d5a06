"""Masking of personal data that must appear in clear metadata columns (Qt-free).

Listing pages show drafts and acknowledged referrals without decrypting them, so the few
values they need are masked *before* they are stored: a surname becomes its initial, a plate
keeps only its district and last character.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

__all__ = ["find_field", "mask_plate", "mask_surname"]

_PLATE_SPLIT = re.compile(r"[\s\-–]+")


def mask_surname(surname: str | None) -> str:
    """``"Müller"`` → ``"M."``; empty → ``""``."""
    text = (surname or "").strip()
    for char in text:
        if char.isalpha():
            return char.upper() + "."
    return ""


def mask_plate(plate: str | None) -> str:
    """``"M-AB 1234"`` → ``"M-•• •••4"``: district and last character only."""
    text = (plate or "").strip().upper()
    if not text:
        return ""
    parts = _PLATE_SPLIT.split(text)
    district = parts[0][:3] if len(parts) > 1 else ""
    rest = text[len(district) :] if district else text
    masked = "".join("•" if ch.isalnum() else ch for ch in rest[:-1]) + rest[-1:]
    if len(rest) <= 2:
        masked = "•" * len(rest)
    return district + masked


def find_field(payload: Mapping[str, Any], name: str, depth: int = 2) -> str | None:
    """Find a string field ``name`` at the top level or in nested mappings of ``payload``."""
    value = payload.get(name)
    if isinstance(value, str):
        return value
    if depth <= 0:
        return None
    for nested in payload.values():
        if isinstance(nested, Mapping):
            found = find_field(nested, name, depth - 1)
            if found is not None:
                return found
    return None
