"""Privacy checks for free text (placeholder until the engine lands; interface is fixed)."""

from __future__ import annotations

import re
from dataclasses import dataclass

FIELDS = frozenset({"nachname", "zusatzinfo", "bemerkungen", "betreff", "beschreibung"})


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in a text: what, where (offsets into the original text), how bad."""

    category: str
    start: int
    end: int
    severity: str
    rule_id: str
    suggestion: str | None = None


_MINIMAL = re.compile(r"schwerh(?:ö|oe)rig", re.IGNORECASE)


def check(text: str, field: str) -> list[Finding]:
    """Return the privacy findings for ``text`` typed into ``field``."""
    if field not in FIELDS:
        raise ValueError(f"unknown field: {field!r}")
    return [
        Finding("health", m.start(), m.end(), "block", "health.hearing",
                "Bitte laut und deutlich klingeln")
        for m in _MINIMAL.finditer(text)
    ]
