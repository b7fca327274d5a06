"""One-typo tolerance for long lexicon words ("Rollstuhfahrer", "schwerhöhrig", "Alkoholikr").

A deletion index over the first ``_K`` letters of every long whole-word or word-start term
(SymSpell style) finds candidates in a handful of dictionary look-ups per token; then exactly
one dropped, doubled or swapped letter is confirmed. Checked against a German word list
(356,000 words), substituted letters and short terms turned too many ordinary words into
trigger words (Schwager → schwanger, Vernetzung → Verletzung, Kundinnen → Kurdinnen), so only
terms of ``MIN_TERM`` letters or more, with the first three letters typed right, are
tolerated; common typos of shorter words are listed in the lexicons themselves. Health terms
(the words typed most in a hurry: "Alzeimer", "Arthrosse") tolerate one from
``MIN_HEALTH_TERM`` letters: every fuzzy hit is also dropped when it is a word of simplemma's
German dictionary (``grammar.Grammar.keep``), which keeps "Schwager" from "schwanger".
"""

from __future__ import annotations

from collections.abc import Iterable

from desktop.privacy.text.lexicon import Rule

_K = 7
MIN_LENGTH = 8  # shortest token looked at
MIN_TERM = 10  # shortest lexicon term that tolerates a typo
MIN_HEALTH_TERM = 8  # ... of a health term
_SAME_START = 3  # letters that must be typed right
_MAX_REST = 3  # letters after a word-start term (inflection: -en, -ern, -in)
_CACHE_SIZE = 20000


def _health(rules: list[Rule]) -> bool:
    return all(rule.category == "health" for rule in rules)


def _deletes(word: str) -> list[str]:
    return [word[:i] + word[i + 1 :] for i in range(len(word))]


def distance_at_most_one(a: str, b: str) -> bool:
    """True when ``a`` equals ``b`` up to one dropped or added letter or one swap of neighbours
    (a substituted letter does not count: it mostly yields another real word)."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    i, shorter = 0, min(la, lb)
    while i < shorter and a[i] == b[i]:
        i += 1
    if la == lb:
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
                shortest = MIN_HEALTH_TERM if _health(rules) else MIN_TERM
                if len(term) < shortest or not term.isalpha():
                    continue
                self._terms[term] = (is_prefix, rules)
                head = term[:_K]
                for key in [head, term[: _K - 1], *_deletes(head)]:
                    self._index.setdefault(key, set()).add(term)
        self._starts = frozenset(term[:_SAME_START] for term in self._terms)
        # a token shorter than MIN_TERM - 1 can only be one edit from a shorter (health) term
        self._short_starts = frozenset(t[:_SAME_START] for t in self._terms if len(t) < MIN_TERM)
        # A term of n letters is within one edit of tokens one letter shorter at least.
        self._shortest = max(MIN_LENGTH, min(map(len, self._terms), default=MIN_TERM) - 1)
        # The first five letters of every term (``_heads``) and of every word one edit after
        # its third letter away (``_near``): a token within one edit of a term that starts
        # like it has its first five letters in ``_near``, or they are in ``_heads`` once its
        # fourth or fifth letter (an added one) is left out.
        self._heads = frozenset(term[:5] for term in self._terms)
        self._near = self._heads | frozenset(
            variant
            for t in self._terms
            for variant in (t[:3] + t[4:6], t[:4] + t[5], t[:3] + t[4] + t[3])
        )

    def lookup(self, token: str) -> list[Rule]:
        """Rules of the terms within one edit of ``token`` (empty for short or stop words)."""
        if (
            len(token) < self._shortest
            # no term starts like it: most words
            or token[:_SAME_START]
            not in (self._starts if len(token) >= MIN_TERM - 1 else self._short_starts)
            or token in self._stop
            or not token.isalpha()
            or not (
                token[:5] in self._near
                or token[:3] + token[4:6] in self._heads
                or token[:4] + token[5] in self._heads
            )
        ):
            return []
        cached = self._cache.get(token)
        if cached is None:
            if len(self._cache) > _CACHE_SIZE:
                self._cache.clear()
            cached = self._cache[token] = self._lookup(token)
        return cached

    def clear_cache(self) -> None:
        """Forget remembered tokens."""
        self._cache.clear()

    def _lookup(self, token: str) -> list[Rule]:
        head = token[:_K]
        # Only terms that start like the token count. A head with a letter of those first
        # ones dropped finds none that the keys below miss: it either equals the head with
        # the fourth letter dropped (a run of one letter) or meets a term whose head is the
        # token's head.
        keys = [head, token[: _K - 1]]
        keys += [head[:i] + head[i + 1 :] for i in range(_SAME_START, len(head))]
        candidates: set[str] = set()
        get = self._index.get
        for key in keys:
            found = get(key)
            if found is not None:
                candidates |= found
        rules: list[Rule] = []
        start = token[:_SAME_START]
        for term in candidates:
            if term[:_SAME_START] != start:
                continue
            is_prefix, term_rules = self._terms[term]
            if is_prefix:
                ok = any(
                    distance_at_most_one(token[:n], term) and len(token) - n <= _MAX_REST
                    for n in (len(term) - 1, len(term), len(term) + 1)
                    if n <= len(token)
                )
            else:
                ok = distance_at_most_one(token, term)
            if ok:
                rules.extend(term_rules)
        return rules
