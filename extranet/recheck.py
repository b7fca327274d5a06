"""Server-side re-check of free text with the privacy text engine (defence in depth).

This is the one place where the engine (``desktop.privacy.text.check``) plugs into the server.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # imported when first used: desktop.validation loads phonenumbers
    from desktop.validation.free_text import FreeTextField


def blocking_findings(text: str, field: str | FreeTextField) -> list[Any]:
    """Findings of severity ``block`` for ``text`` in ``field`` (engine field or free-text
    field of :data:`desktop.validation.free_text.FREE_TEXT_FIELDS`)."""
    if not text:
        return []
    from desktop.privacy.text import check
    from desktop.validation.free_text import FreeTextField

    rule = field if isinstance(field, FreeTextField) else FreeTextField(field)
    found = rule.relevant(check(text, rule.engine_field))
    return [f for f in found if getattr(f, "severity", None) == "block"]


def privacy_errors(
    values: Iterable[tuple[str, str | FreeTextField, str]],
) -> list[Mapping[str, str]]:
    """``errors[]`` entries for ``(pointer, field, text)`` triples with blocking findings.

    Only the category and rule id are reported, never the text itself.
    """
    errors: list[Mapping[str, str]] = []
    for pointer, field, text in values:
        for finding in blocking_findings(text, field):
            errors.append(
                {
                    "pointer": pointer,
                    "code": str(getattr(finding, "category", "blocked")),
                    "detail": str(getattr(finding, "rule_id", "")),
                }
            )
    return errors
