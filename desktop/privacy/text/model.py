"""The public data types of the text engine (kept import-light: no lexicons, no regexes)."""

from __future__ import annotations

from dataclasses import dataclass

FIELDS = frozenset({"nachname", "zusatzinfo", "bemerkungen", "betreff", "beschreibung"})

ART9 = frozenset(
    {"health", "ethnic_origin", "political", "religion", "union", "sex_life", "biometric_genetic"}
)
CATEGORIES = ART9 | {"judgement", "identifier", "name_misuse", "length"}

SEVERITY = {
    **dict.fromkeys(ART9, "block"),
    "judgement": "block",
    "name_misuse": "block",
    "identifier": "warn",
    "length": "warn",
}


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in a text: what, where (offsets into the original text), how bad.

    Attributes:
        category: one of :data:`CATEGORIES`.
        start: first character in the original text.
        end: one past the last character in the original text.
        severity: ``"block"``, ``"warn"`` or ``"info"``.
        rule_id: stable id such as ``"health.hearing"`` (keys the German UI text).
        suggestion: neutral, need-oriented rewording, or ``None``.
    """

    category: str
    start: int
    end: int
    severity: str
    rule_id: str
    suggestion: str | None = None
