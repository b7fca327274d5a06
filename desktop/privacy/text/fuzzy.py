"""One-typo tolerance for long lexicon words ("Rolstuhl", "Diabetikr", "schwerhöhrig").

A deletion index over the first ``_K`` letters of every long whole-word or word-start term
(SymSpell style) finds candidates in a handful of dictionary look-ups per token; a real
optimal-string-alignment distance then confirms at most one edit. Short words never go through
here: at five letters one typo turns too many ordinary words into trigger words.
"""

from __future__ import annotations

from collections.abc import Iterable

from desktop.privacy.text.lexicon import Rule

_K = 7
MIN_LENGTH = 8
_CACHE_SIZE = 20000


def _deletes(word: str) -> list[str]:
    return [word[:i] + word[i + 1 :] for i in range(len(word))]


def distance_at_most_one(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by at most one edit (incl. a swap of neighbours)."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    i = 0
    while i < min(la, lb) and a[i] == b[i]:
        i += 1
    if la == lb:
        if a[i + 1 :] == b[i + 1 :]:
            return True
        return i + 1 < la and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]
    if la > lb:
        return a[i + 1 :] == b[i:]
    return a[i:] == b[i + 1 :]


class FuzzyIndex:
    """Candidates within one edit for long ``exact`` and ``prefix`` terms."""

    def __init__(
        self, exact: dict[str, list[Rule]], prefix: dict[str, list[Rule]], stop: Iterable[str]
    ) -> None:
        self._stop = frozenset(stop)
        self._cache: dict[str, list[Rule]] = {}  # words repeat: typing re-checks the same text
        self._terms: dict[str, tuple[bool, list[Rule]]] = {}
        self._index: dict[str, set[str]] = {}
        for is_prefix, table in ((False, exact), (True, prefix)):
            for term, rules in table.items():
                if len(term) < MIN_LENGTH or not term.isalpha():
                    continue
                self._terms[term] = (is_prefix, rules)
                head = term[:_K]
                for key in [head, term[: _K - 1], *_deletes(head)]:
                    self._index.setdefault(key, set()).add(term)

    def lookup(self, token: str) -> list[Rule]:
        """Rules of the terms within one edit of ``token`` (empty for short or stop words)."""
        if len(token) < MIN_LENGTH or token in self._stop or not token.isalpha():
            return []
        cached = self._cache.get(token)
        if cached is None:
            if len(self._cache) > _CACHE_SIZE:
                self._cache.clear()
            cached = self._cache[token] = self._lookup(token)
        return cached

    def _lookup(self, token: str) -> list[Rule]:
        head = token[:_K]
        candidates: set[str] = set()
        for key in [head, token[: _K - 1], *_deletes(head)]:
            candidates |= self._index.get(key, set())
        rules: list[Rule] = []
        for term in candidates:
            is_prefix, term_rules = self._terms[term]
            if is_prefix:
                ok = any(
                    distance_at_most_one(token[:n], term)
                    for n in (len(term) - 1, len(term), len(term) + 1)
                    if n <= len(token)
                )
            else:
                ok = distance_at_most_one(token, term)
            if ok:
                rules.extend(term_rules)
        return rules
