"""Required literals of a regular expression, so that most lexicon regexes never run.

``anchors(source)`` returns a set of strings of which at least one occurs in every match of
the pattern (or ``None`` when no useful set can be derived). The matcher runs a regex only when
one of its anchors is a substring of the text -- a C-level ``in`` test instead of a regex scan.
It reads the pattern with the standard library's own parser (``re._parser``); if that ever
changes, every regex simply runs unfiltered.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from itertools import product
from typing import Any, NamedTuple

_p: Any
_c: Any
_compiler: Any
_sre: Any
try:  # pragma: no cover - the import itself is what is guarded
    _p = importlib.import_module("re._parser")
    _c = importlib.import_module("re._constants")
    _compiler = importlib.import_module("re._compiler")
    _sre = importlib.import_module("_sre")
except ImportError:  # pragma: no cover
    _p = _c = _compiler = _sre = None

_MAX_SET = 48  # largest set of alternative strings kept while expanding
_MIN_LENGTH = 3  # anchors shorter than this filter too little to be worth it

Strings = frozenset[str]


class Analysis(NamedTuple):
    """What the matcher needs to know of a pattern (see :func:`compile_studied`)."""

    required: Strings | None  # one of these occurs in every match (None: always run)
    leading: bool  # every match starts with one of ``required``
    local: bool  # see :func:`piece_local` (asked only of a pattern without ``required``)


def compile_studied(source: str) -> tuple[re.Pattern[str], Analysis]:
    """``re.compile(source)`` with its :func:`analyse` and :func:`piece_local`, from one
    parse of the pattern (parsing is half the cost of compiling one). With any surprise in
    the standard library's internals, ``re.compile`` parses it again."""
    if _p is None or _compiler is None or _sre is None:
        required, leading = analyse(source)
        return re.compile(source), Analysis(required, leading, piece_local(source))
    try:
        tree = _p.parse(source)
    except Exception:  # noqa: BLE001 - re.compile raises the pattern's own error
        return re.compile(source), Analysis(None, False, False)
    items = list(tree)
    required, leading = _analyse(source, items)
    study = Analysis(required, leading, required is None and _safe_local(items))
    try:  # what re._compiler.compile does with a parsed pattern, keeping the source
        state = tree.state
        names: list[str | None] = [None] * state.groups
        for name, number in state.groupdict.items():
            names[number] = name
        code = _compiler._code(tree, state.flags)
        pattern = _sre.compile(
            source, state.flags, code, state.groups - 1, state.groupdict, tuple(names)
        )
    except Exception:  # noqa: BLE001 - any surprise: the public way
        pattern = re.compile(source)
    return pattern, study


def anchors(source: str) -> Strings | None:
    """Strings one of which every match of ``source`` contains, or ``None`` (always run)."""
    return analyse(source)[0]


def analyse(source: str) -> tuple[Strings | None, bool]:
    """``anchors(source)``, and whether every match starts with one of them (then a match
    can only begin where an anchor occurs) -- from one parse of the pattern."""
    if _p is None:
        return None, False
    try:
        items = list(_p.parse(source))
    except Exception:  # noqa: BLE001 - any surprise just disables the filter
        return None, False
    return _analyse(source, items)


def _analyse(source: str, items: list[tuple[Any, Any]]) -> tuple[Strings | None, bool]:
    try:
        best = _must(items)
        if not best or min(map(len, best)) < _MIN_LENGTH:
            return None, False
        return best, "(?i" not in source and _lead(items) == best
    except Exception:  # noqa: BLE001 - any surprise just disables the filter
        return None, False
    finally:
        _FINITE.clear()


# _finite of the items of the pattern being analysed, by identity: the parsed pattern stays
# alive during one analyse() call, and _must and _lead ask about the same (large) items.
_FINITE: dict[int, Strings | None] = {}


def _finite(item: tuple[Any, Any]) -> Strings | None:
    """All strings ``item`` can match if that is a small finite set, else ``None``."""
    key = id(item)
    if key in _FINITE:
        return _FINITE[key]
    out = _FINITE[key] = _finite_uncached(item)
    return out


def _finite_uncached(item: tuple[Any, Any]) -> Strings | None:
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
    if all(op is _c.LITERAL for op, _av in items):  # a plain word: most branches
        return frozenset({"".join([chr(av) for _op, av in items])})
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


def _score(strings: Strings) -> tuple[bool, bool, float]:
    """Higher is better: long enough, free of common words, and least likely to occur by
    chance -- anchors are found inside words too ("tor" in "Motor"), and a string of n
    letters turns up about 26 times less often than one of n - 1, so one 3-letter member
    admits more text than dozens of 6-letter ones."""
    shortest = min(map(len, strings))
    chance = sum(26.0 ** -len(s) for s in strings)
    return (shortest >= _MIN_LENGTH, not strings & _COMMON, -chance)


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
        inner = _inside(item, _must)
        if inner:
            candidates.append(inner)
    if "" not in run:
        candidates.append(run)
    candidates = [c for c in candidates if c]
    return max(candidates, key=_score) if candidates else None


def _inside(
    item: tuple[Any, Any], walk: Callable[[list[tuple[Any, Any]]], Strings | None]
) -> Strings | None:
    """``walk`` applied inside a group, every branch of an alternation (all must give
    strings; their union) or a repeat of at least once; ``None`` for anything else."""
    op, av = item
    if op is _c.SUBPATTERN:
        return walk(list(av[-1]))
    if op is _c.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            strings = walk(list(branch))
            if not strings:
                return None
            out |= strings
        return frozenset(out)
    if (op is _c.MAX_REPEAT or op is _c.MIN_REPEAT) and av[0] >= 1:
        return walk(list(av[2]))
    return None


def _lead(items: list[tuple[Any, Any]]) -> Strings | None:
    """Strings one of which every match of ``items`` starts with, or ``None``."""
    run: Strings = frozenset({""})
    for item in items:
        strings = _finite(item)
        if strings is not None and len(run) * len(strings) <= _MAX_SET:
            run = frozenset(a + b for a, b in product(run, strings))
            continue
        if "" not in run:
            return run
        if run == frozenset({""}) and strings is None:
            return _inside(item, _lead)
        return None
    return None if "" in run else run


def piece_local(source: str) -> bool:
    """True when no match of ``source`` can contain a NUL character or depend on where the
    text ends other than by the next character not being a letter, digit or space: then a
    scan of pieces joined by NUL finds exactly the matches of scanning each piece on its own
    (with the piece end as the end of the text)."""
    if _p is None:
        return False
    try:
        return _safe_local(list(_p.parse(source)))
    except Exception:  # noqa: BLE001 - any surprise: scan piece by piece
        return False


def _safe_local(items: list[tuple[Any, Any]]) -> bool:
    try:
        return _local(items)
    except Exception:  # noqa: BLE001 - any surprise: scan piece by piece
        return False


def _local(items: list[tuple[Any, Any]]) -> bool:
    for op, av in items:
        if op is _c.LITERAL:
            if av == 0:
                return False
        elif op is _c.IN:
            for o, v in av:
                if o is _c.LITERAL and v != 0:
                    continue
                if o is _c.RANGE and v[0] > 0:
                    continue
                if o is _c.CATEGORY and v in (
                    _c.CATEGORY_WORD,
                    _c.CATEGORY_DIGIT,
                    _c.CATEGORY_SPACE,
                ):
                    continue
                return False
        elif op is _c.SUBPATTERN:
            if not _local(list(av[-1])):
                return False
        elif op is _c.BRANCH:
            if not all(_local(list(branch)) for branch in av[1]):
                return False
        elif op is _c.MAX_REPEAT or op is _c.MIN_REPEAT:
            if not _local(list(av[2])):
                return False
        elif op is _c.ASSERT or op is _c.ASSERT_NOT:
            if not _local(list(av[1])):
                return False
        elif op is _c.AT:
            if av not in (_c.AT_BOUNDARY, _c.AT_NON_BOUNDARY):
                return False
        else:
            return False
    return True
