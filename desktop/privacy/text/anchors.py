"""Required literals of a regular expression, so that most lexicon regexes never run.

``anchors(source)`` returns a set of strings of which at least one occurs in every match of
the pattern (or ``None`` when no useful set can be derived). The matcher runs a regex only when
one of its anchors is a substring of the text -- a C-level ``in`` test instead of a regex scan.
It reads the pattern with the standard library's own parser (``re._parser``); if that ever
changes, every regex simply runs unfiltered.
"""

from __future__ import annotations

import importlib
from itertools import product
from typing import Any

_p: Any
_c: Any
try:  # pragma: no cover - the import itself is what is guarded
    _p = importlib.import_module("re._parser")
    _c = importlib.import_module("re._constants")
except ImportError:  # pragma: no cover
    _p = _c = None

_MAX_SET = 48  # largest set of alternative strings kept while expanding
_MIN_LENGTH = 3  # anchors shorter than this filter too little to be worth it

Strings = frozenset[str]


def anchors(source: str) -> Strings | None:
    """Strings one of which every match of ``source`` contains, or ``None`` (always run)."""
    if _p is None:
        return None
    try:
        parsed = _p.parse(source)
        best = _must(list(parsed))
    except Exception:  # noqa: BLE001 - any surprise just disables the filter
        return None
    if not best or min(map(len, best)) < _MIN_LENGTH:
        return None
    return best


def _finite(item: tuple[Any, Any]) -> Strings | None:
    """All strings ``item`` can match if that is a small finite set, else ``None``."""
    op, av = item
    if op is _c.LITERAL:
        return frozenset({chr(av)})
    if op is _c.SUBPATTERN:
        return _finite_seq(list(av[-1]))
    if op is _c.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            strings = _finite_seq(list(branch))
            if strings is None:
                return None
            out |= strings
        return frozenset(out) if len(out) <= _MAX_SET else None
    if op is _c.MAX_REPEAT or op is _c.MIN_REPEAT:
        low, high, inner = av
        if (low, high) == (0, 1):
            strings = _finite_seq(list(inner))
            return None if strings is None else strings | {""}
        return None
    if op is _c.IN and all(o is _c.LITERAL for o, _ in av):
        return frozenset(chr(v) for _, v in av)
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return frozenset({""})
    return None


def _finite_seq(items: list[tuple[Any, Any]]) -> Strings | None:
    out: Strings = frozenset({""})
    for item in items:
        strings = _finite(item)
        if strings is None:
            return None
        out = frozenset(a + b for a, b in product(out, strings))
        if len(out) > _MAX_SET:
            return None
    return out


# Words in nearly every agent sentence: a set holding one of them filters almost nothing, so a
# set of rarer words (the medical term rather than "hat|muss|zum") is preferred.
_COMMON = frozenset(
    [
        "ist",
        "war",
        "hat",
        "hatte",
        "haben",
        "ein",
        "eine",
        "einen",
        "einer",
        "den",
        "der",
        "die",
        "das",
        "dem",
        "des",
        "aus",
        "von",
        "mit",
        "nach",
        "vor",
        "zum",
        "zur",
        "beim",
        "und",
        "sind",
        "sie",
        "auf",
        "bei",
        "fuer",
        "wird",
        "seit",
        "wegen",
        "kommt",
        "geht",
        "muss",
        "bleibt",
        "lebt",
        "liegt",
        "lag",
        "wohnt",
        "kunde",
        "kundin",
        "termin",
        "bitte",
        "auch",
        "nicht",
        "noch",
        "sehr",
    ]
)


def _score(strings: Strings) -> tuple[bool, bool, int, int]:
    shortest = min(map(len, strings))
    return (shortest >= _MIN_LENGTH, not strings & _COMMON, shortest, -len(strings))


def _must(items: list[tuple[Any, Any]]) -> Strings | None:
    """Best required set of a sequence: a run of finite items, or one required sub-item."""
    candidates: list[Strings] = []
    run: Strings = frozenset({""})
    for item in items:
        strings = _finite(item)
        if strings is not None and len(run) * len(strings) <= _MAX_SET:
            run = frozenset(a + b for a, b in product(run, strings))
            continue
        if "" not in run:
            candidates.append(run)
        run = frozenset({""})
        if strings is not None:
            run = strings
            continue
        inner = _must_item(item)
        if inner:
            candidates.append(inner)
    if "" not in run:
        candidates.append(run)
    candidates = [c for c in candidates if c]
    return max(candidates, key=_score) if candidates else None


def _must_item(item: tuple[Any, Any]) -> Strings | None:
    op, av = item
    if op is _c.SUBPATTERN:
        return _must(list(av[-1]))
    if op is _c.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            strings = _must(list(branch))
            if not strings:
                return None
            out |= strings
        return frozenset(out)
    if (op is _c.MAX_REPEAT or op is _c.MIN_REPEAT) and av[0] >= 1:
        return _must(list(av[2]))
    return None
