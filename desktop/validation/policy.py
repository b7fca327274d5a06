"""Versicherungsscheinnummer check (REFERENCE §2.3), canonical without separators.

No structure is common to all insurers. Printed numbers often carry ``/``, ``-``, ``.`` and
spaces; the GDV exchange record has alphanumerics only, width 17. Accept ``[A-Za-z0-9 ./-]``,
strip separators, upper-case; error if nothing remains or more than 20 characters; warn above
17, for letters only, and for something that looks like an eVB number (7 alphanumerics).
"""

from __future__ import annotations

import re
import unicodedata

from desktop.validation.result import FieldResult, Issue, required

MAX_LENGTH = 20
GDV_WIDTH = 17
EVB_LENGTH = 7
_ALLOWED = re.compile(r"^[A-Za-z0-9 ./\-–]+$")


def normalise_policy_number(raw: str) -> str:
    """Canonical key: ASCII letters and digits only, upper-case."""
    return "".join(ch for ch in raw if ch.isascii() and ch.isalnum()).upper()


def check_policy_number(raw: str) -> FieldResult:
    """Insurance policy number, canonical without separators (``AB12345678``)."""
    missing = required(raw)
    if missing is not None:
        return missing
    text = unicodedata.normalize("NFC", raw).strip()
    if not _ALLOWED.match(text):
        bad = sorted({ch for ch in text if not _ALLOWED.match(ch)})
        return FieldResult(
            None, (Issue("policy.invalid-characters", "error", {"chars": "".join(bad)}),)
        )
    canonical = normalise_policy_number(text)
    if not canonical:
        return FieldResult(None, (Issue("policy.empty", "error"),))
    if len(canonical) > MAX_LENGTH:
        return FieldResult(
            None, (Issue("policy.too-long", "error", {"length": str(len(canonical))}),)
        )
    issues: list[Issue] = []
    if canonical != text:  # sent without separators (GDV): say so, never silently
        issues.append(Issue("policy.sent-as", "hint", {"canonical": canonical}))
    if len(canonical) > GDV_WIDTH:
        issues.append(Issue("policy.longer-than-gdv", "warning", {"length": str(len(canonical))}))
    if canonical.isalpha():
        issues.append(Issue("policy.letters-only", "warning"))
    elif len(canonical) == EVB_LENGTH and not canonical.isdigit():
        issues.append(Issue("policy.looks-like-evb", "warning"))
    return FieldResult(canonical, tuple(issues))
