"""Result types shared by every field check (pure Python)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning", "hint"]


@dataclass(frozen=True, slots=True)
class Issue:
    """One validation problem; ``code`` is stable and maps to German UI text."""

    code: str
    severity: Severity
    params: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class FieldResult:
    """Outcome of checking one field: its canonical form (None if unusable) and issues."""

    canonical: str | None
    issues: tuple[Issue, ...] = ()

    @property
    def ok(self) -> bool:
        """True when no issue blocks sending."""
        return not any(issue.severity == "error" for issue in self.issues)

    @property
    def errors(self) -> tuple[Issue, ...]:
        """Only the blocking issues."""
        return tuple(issue for issue in self.issues if issue.severity == "error")


def required(raw: str) -> FieldResult | None:
    """The ``required`` error for blank input, else None."""
    if not raw.strip():
        return FieldResult(None, (Issue("required", "error"),))
    return None
