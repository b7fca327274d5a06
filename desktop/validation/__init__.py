"""Validation of the mandatory referral fields (pure Python, shared by client and server).

Placeholder with the fixed interface; the full rules (district list, phonenumbers, ...) are
being written. Each check returns the canonical value and a tuple of issues; an ``error``
issue blocks sending, ``warning`` and ``hint`` never do.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
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


def _required(raw: str) -> FieldResult | None:
    if not raw.strip():
        return FieldResult(None, (Issue("required", "error"),))
    return None


def check_surname(raw: str) -> FieldResult:
    """Structural check of the surname (privacy misuse is the privacy engine's job)."""
    return _required(raw) or FieldResult(" ".join(raw.split()))


def check_phone(raw: str) -> FieldResult:
    """Phone number, canonical E.164."""
    return _required(raw) or FieldResult(raw.strip())


def check_plate(raw: str) -> FieldResult:
    """German licence plate, canonical ``UZ-LL 1234S``."""
    return _required(raw) or FieldResult(raw.strip().upper())


def check_policy_number(raw: str) -> FieldResult:
    """Insurance policy number, canonical without separators."""
    return _required(raw) or FieldResult("".join(ch for ch in raw if ch.isalnum()).upper())


MANDATORY_CHECKS: dict[str, Callable[[str], FieldResult]] = {
    "nachname": check_surname,
    "telefon": check_phone,
    "kennzeichen": check_plate,
    "versicherungsscheinnummer": check_policy_number,
}
