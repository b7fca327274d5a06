"""Regex source for a set of literal words, built as a prefix tree.

An alternation of many words makes the regex engine try every word in turn at each position;
the prefix tree lets it follow the next character instead (a lexicon anchor or a clause
boundary is looked for at every position of a text).
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def trie_pattern(words: Iterable[str]) -> str:
    """Regex source matching exactly the given words, longest alternative preferred.

    At each place the longest word that lets the rest of the pattern match wins, as with an
    alternation sorted longest first. A space inside a term (a phrase such as "hört schlecht")
    matches any run of whitespace.
    """
    root: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:  # type: ignore[type-arg]
        alternatives = [
            (r"\s+" if ch == " " else re.escape(ch)) + build(child)
            for ch, child in sorted(node.items())
            if ch
        ]
        if not alternatives:
            return ""
        body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return build(root)
