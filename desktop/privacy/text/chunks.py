"""Split long free text into sentences so that live re-checks only analyse what changed.

While an agent types, ``check()`` runs again on the whole text after every pause. Findings are
local to a sentence (a diagnosis, a phone number, "Kd. ist ..."), so the engine analyses each
sentence on its own and remembers the results of the last sentences it saw: a keystroke
re-analyses one sentence, not 2,000 characters.

A boundary is a line break, or a full stop / question / exclamation mark after a word of at
least four letters (or after a digit or a closing bracket or quote) followed by white space and
a capital letter. Abbreviations such as "Kd.",
"Str.", "Nr.", "Tel.", "geb." or "Dr." are shorter, and "Hauptstr. 5" continues with a digit,
so an address or "Kd. Müller" is never cut in two.
"""

from __future__ import annotations

import re

# Starts with a character class so the regex engine can skip straight to candidates.
_BOUNDARY = re.compile(
    r"[.!?\n](?:(?<=\n)\s*|(?:(?<=[^\W\d_]{4}[.!?])|(?<=[\d)\]\"'»“”][.!?]))[ \t]+(?=[A-ZÄÖÜ]))"
)
MIN_LENGTH = 200  # shorter texts are analysed in one piece


def spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the pieces of ``text``; together they cover the whole text."""
    if len(text) < MIN_LENGTH:
        return [(0, len(text))]
    out: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.start() + (text[match.start()] != "\n")  # keep the full stop
        if end > start:
            out.append((start, end))
        start = match.end()
    if start < len(text):
        out.append((start, len(text)))
    return out or [(0, len(text))]
