"""Privacy checks for free text: Art. 9 data, judgements, identifiers, name-field misuse.

``check(text, field)`` is the one entry point (used live by the widgets and by the reference
server's re-check). Lexicons are read from ``resources/privacy`` on the first call, so importing
this package stays cheap.
"""

from __future__ import annotations

from desktop.privacy.text.model import CATEGORIES, FIELDS, Finding

__all__ = ["CATEGORIES", "FIELDS", "Finding", "check"]


def check(text: str, field: str) -> list[Finding]:
    """Return the privacy findings for ``text`` typed into ``field``.

    Args:
        text: the text exactly as typed.
        field: one of :data:`FIELDS` (``nachname``, ``zusatzinfo``, ``bemerkungen``,
            ``betreff``, ``beschreibung``).

    Returns:
        Findings sorted by position; offsets index into ``text``.

    Raises:
        ValueError: ``field`` is not one of :data:`FIELDS`.
    """
    if field not in FIELDS:
        raise ValueError(f"unknown field: {field!r}")
    # Lazy on purpose: the engine (recognizers, lexicon parser, lemmatiser hook) is the heavy
    # part; importing the package for FIELDS/Finding must stay cheap.
    from desktop.privacy.text.engine import get_engine

    return get_engine().check(text, field)
