"""Structural surname check (REFERENCE §2.4); misuse of the field is the privacy engine's job.

NFC, trim, collapse spaces; Unicode letters and combining marks plus space, ``-``, ``'``,
``’`` and ``.`` are allowed; particles stay as typed (no auto-capitalisation); 1–100
characters; digits are a warning, not an error. Many words hint that more than a name was
typed (the notice forbids using the name field for properties of a person).
"""

from __future__ import annotations

import unicodedata

from desktop.validation.result import FieldResult, Issue, required

MAX_LENGTH = 100
MAX_WORDS = 4
_PUNCTUATION = frozenset(" -'’.")


def _allowed(ch: str) -> bool:
    return ch.isalpha() or unicodedata.category(ch).startswith("M") or ch in _PUNCTUATION


def check_surname(raw: str) -> FieldResult:
    """Structural check of the surname, canonical NFC with single spaces."""
    missing = required(raw)
    if missing is not None:
        return missing
    text = " ".join(unicodedata.normalize("NFC", raw).split())
    if len(text) > MAX_LENGTH:
        return FieldResult(None, (Issue("name.too-long", "error", {"max": str(MAX_LENGTH)}),))
    if not any(ch.isalpha() for ch in text):
        return FieldResult(None, (Issue("name.no-letters", "error"),))
    bad = sorted({ch for ch in text if not _allowed(ch) and not ch.isdigit()})
    if bad:
        return FieldResult(
            None, (Issue("name.invalid-characters", "error", {"chars": "".join(bad)}),)
        )
    issues: list[Issue] = []
    if any(ch.isdigit() for ch in text):
        issues.append(Issue("name.digits", "warning"))
    if len(text.split()) > MAX_WORDS:
        issues.append(Issue("name.too-many-words", "warning", {"max": str(MAX_WORDS)}))
    return FieldResult(text, tuple(issues))
