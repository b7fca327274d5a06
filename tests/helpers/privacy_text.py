"""Shared helpers of the privacy text tests."""

from __future__ import annotations

from desktop.privacy.text import check


def categories(text: str, field: str = "bemerkungen") -> set[str]:
    """The categories ``check`` finds in ``text`` (the length notice is no category)."""
    return {f.category for f in check(text, field) if f.category != "length"}
