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
from functools import partial
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
    # In every match, the member of ``required`` stands after a character that is no letter,
    # digit or "_" (or at the text start) / before one (or at the text end): an occurrence
    # inside a longer word ("hau" in "Haus") cannot be the one a match holds (asked only of a
    # pattern that is not ``leading``).
    after_break: bool = False
    before_break: bool = False


def compile_studied(source: str, *, word_start: bool = False) -> tuple[re.Pattern[str], Analysis]:
    """``re.compile(source)`` with its :func:`analyse` and :func:`piece_local`, from one
    parse of the pattern (parsing is half the cost of compiling one). With any surprise in
    the standard library's internals, ``re.compile`` parses it again. ``word_start``: the
    caller accepts only matches that start at a word start (a stripped ``(?<!\\w)``)."""
    if _p is None or _compiler is None or _sre is None:
        required, leading = analyse(source)
        return re.compile(source), Analysis(required, leading, piece_local(source))
    try:
        tree = _p.parse(source)
    except Exception:  # noqa: BLE001 - re.compile raises the pattern's own error
        return re.compile(source), Analysis(None, False, False)
    items = list(tree)
    required, leading, after, before = _analyse(source, items, word_start)
    if tree.state.flags & (_c.SRE_FLAG_ASCII | _c.SRE_FLAG_LOCALE):
        after = before = False  # \\w of another alphabet than str.isalnum's
    study = Analysis(required, leading, required is None and _safe_local(items), after, before)
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
    return _analyse(source, items)[:2]


def _analyse(
    source: str, items: list[tuple[Any, Any]], word_start: bool = False
) -> tuple[Strings | None, bool, bool, bool]:
    """(required, leading, after a break, before a break): see :class:`Analysis`."""
    try:
        found = _must(items, partial(bool, word_start), _no_break)
        if not found or not found[0] or min(map(len, found[0])) < _MIN_LENGTH:
            return None, False, False, False
        best = found[0]
        if "(?i" not in source and _lead(items) == best:
            return best, True, False, False  # tried where an anchor starts: no breaks asked
        return best, False, *found[1]()
    except Exception:  # noqa: BLE001 - any surprise just disables the filter
        return None, False, False, False
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


# A required set with where its member stands (see Analysis.after_break). A sequence is
# read with what stands around it: ``left`` (a non-word character or the text start lies
# before it) and ``right`` (after it).
# The neighbours are read only for the set chosen: a candidate carries a function that
# answers (after a break, before a break), and a side is a function answering for one side.
_Breaks = Callable[[], tuple[bool, bool]]
_Side = Callable[[], bool]
_Found = tuple[Strings, _Breaks]


def _no_break() -> bool:
    return False


def _must(items: list[tuple[Any, Any]], left: _Side, right: _Side) -> _Found | None:
    """Best required set of a sequence: a run of finite items, or one required sub-item;
    with whether its member always follows / is always followed by a non-word character."""
    candidates: list[_Found] = []
    run: Strings = frozenset({""})
    first = 0  # index of the run's first item
    for index, item in enumerate(items):
        strings = _finite(item)
        if strings is not None and len(run) * len(strings) <= _MAX_SET:
            run = frozenset(a + b for a, b in product(run, strings))
            continue
        if "" not in run:
            candidates.append((run, partial(_run_breaks, items, first, index, left, right)))
        run, first = frozenset({""}), index + 1
        if strings is not None:
            run, first = strings, index
            continue
        op = item[0]
        if op is _c.SUBPATTERN or op is _c.BRANCH:
            before = partial(_break_before, items, index, left)
            inner = _inside_bounded(item, before, partial(_break_after, items, index + 1, right))
        else:  # a repeat (the neighbours of one pass are no neighbours of the next) or none
            inner = _inside_bounded(item, _no_break, _no_break)
        if inner and inner[0]:
            candidates.append(inner)
    if "" not in run:
        candidates.append((run, partial(_run_breaks, items, first, len(items), left, right)))
    candidates = [c for c in candidates if c[0]]
    return max(candidates, key=lambda c: _score(c[0])) if candidates else None


def _run_breaks(
    items: list[tuple[Any, Any]], first: int, stop: int, left: _Side, right: _Side
) -> tuple[bool, bool]:
    """What stands before and after a run of finite ``items[first:stop]``; a zero-width
    assertion at the run's edge counts as well."""
    after = _break_before(items, first, left)
    edge = first
    while not after and edge < stop and _zero_width(items[edge]):
        after = _asserts_break_before(items[edge])
        edge += 1
    before = _break_after(items, stop, right)
    edge = stop - 1
    while not before and edge >= first and _zero_width(items[edge]):
        before = _asserts_break_after(items[edge])
        edge -= 1
    return after, before


def _inside_bounded(item: tuple[Any, Any], left: _Side, right: _Side) -> _Found | None:
    """:func:`_inside` for :func:`_must`: a group keeps its neighbours, every branch
    of an alternation too (the union holds what all branches hold), a repeat none."""
    op, av = item
    if op is _c.SUBPATTERN:
        return _must(list(av[-1]), left, right)
    if op is _c.BRANCH:
        out: set[str] = set()
        branches: list[_Breaks] = []
        for branch in av[1]:
            found = _must(list(branch), left, right)
            if not found or not found[0]:
                return None
            out |= found[0]
            branches.append(found[1])
        return frozenset(out), partial(_all_breaks, branches)
    if (op is _c.MAX_REPEAT or op is _c.MIN_REPEAT) and av[0] >= 1:
        return _must(list(av[2]), left, right)  # the caller gives a repeat no neighbours
    return None


def _all_breaks(branches: list[_Breaks]) -> tuple[bool, bool]:
    """The breaks every branch of an alternation has."""
    after = before = True
    for breaks in branches:
        branch_after, branch_before = breaks()
        after, before = after and branch_after, before and branch_before
    return after, before


def _zero_width(item: tuple[Any, Any]) -> bool:
    return item[0] in (_c.AT, _c.ASSERT, _c.ASSERT_NOT)


def _break_before(items: list[tuple[Any, Any]], index: int, left: _Side) -> bool:
    """A non-word character (or the text start) lies right before ``items[index]``; an
    optional item that ends with one ("(\\w+\\s+)?") leaves the question to the item before."""
    for k in range(index - 1, -1, -1):
        item = items[k]
        if _zero_width(item):
            if _asserts_break_before(item):
                return True
        elif not _optional(item):
            return _ends_with_break(item)
        elif not _ends_with_break(_at_least_once(item)):
            return False
    return left()


def _break_after(items: list[tuple[Any, Any]], index: int, right: _Side) -> bool:
    """A non-word character (or the text end) lies right after ``items[index - 1]``; an
    optional item that starts with one leaves the question to the item after."""
    for k in range(index, len(items)):
        item = items[k]
        if _zero_width(item):
            if _asserts_break_after(item):
                return True
        elif not _optional(item):
            return _starts_with_break(item)
        elif not _starts_with_break(_at_least_once(item)):
            return False
    return right()


def _optional(item: tuple[Any, Any]) -> bool:
    """A repeat that may match nothing ("x?", "x*", "x{0,3}")."""
    return (item[0] is _c.MAX_REPEAT or item[0] is _c.MIN_REPEAT) and item[1][0] == 0


def _at_least_once(item: tuple[Any, Any]) -> tuple[Any, Any]:
    """The optional repeat ``item`` when it matches something (at least once)."""
    op, (_low, high, inner) = item
    return op, (1, max(high, 1), inner)


def _is_word_class(items: list[tuple[Any, Any]]) -> bool:
    return items == [(_c.IN, [(_c.CATEGORY, _c.CATEGORY_WORD)])]


def _asserts_break_before(item: tuple[Any, Any]) -> bool:
    """``(?<!\\w)``, or a look-behind whose last character is no word character."""
    op, av = item
    if op is _c.ASSERT_NOT and av[0] == -1:
        return _is_word_class(list(av[1]))
    if op is _c.ASSERT and av[0] == -1:
        inner = list(av[1])
        return bool(inner) and _ends_with_break(inner[-1])
    return False


def _asserts_break_after(item: tuple[Any, Any]) -> bool:
    """``(?!\\w)``, or a look-ahead whose first character is no word character."""
    op, av = item
    if op is _c.ASSERT_NOT and av[0] == 1:
        return _is_word_class(list(av[1]))
    if op is _c.ASSERT and av[0] == 1:
        inner = list(av[1])
        return bool(inner) and _starts_with_break(inner[0])
    return False


def _break_char(item: tuple[Any, Any]) -> bool:
    """``item`` matches exactly one character, never a word character."""
    op, av = item
    if op is _c.LITERAL:
        char = chr(av)
        return not (char.isalnum() or char == "_")
    if op is _c.IN:
        if not av or av[0][0] is _c.NEGATE:
            return False
        for kind, value in av:
            if kind is _c.LITERAL:
                char = chr(value)
                if char.isalnum() or char == "_":
                    return False
            elif kind is not _c.CATEGORY or value not in (
                _c.CATEGORY_SPACE,
                _c.CATEGORY_NOT_WORD,
            ):
                return False
        return True
    return False


def _ends_with_break(item: tuple[Any, Any]) -> bool:
    """Every match of ``item`` is non-empty and ends with a non-word character."""
    op, av = item
    if op is _c.SUBPATTERN:
        inner = list(av[-1])
        return bool(inner) and _ends_with_break(inner[-1])
    if op is _c.BRANCH:
        return all(branch and _ends_with_break(branch[-1]) for branch in av[1])
    if (op is _c.MAX_REPEAT or op is _c.MIN_REPEAT) and av[0] >= 1:
        inner = list(av[2])
        return bool(inner) and _ends_with_break(inner[-1])
    return _break_char(item)


def _starts_with_break(item: tuple[Any, Any]) -> bool:
    """Every match of ``item`` is non-empty and starts with a non-word character."""
    op, av = item
    if op is _c.SUBPATTERN:
        inner = list(av[-1])
        return bool(inner) and _starts_with_break(inner[0])
    if op is _c.BRANCH:
        return all(branch and _starts_with_break(branch[0]) for branch in av[1])
    if (op is _c.MAX_REPEAT or op is _c.MIN_REPEAT) and av[0] >= 1:
        inner = list(av[2])
        return bool(inner) and _starts_with_break(inner[0])
    return _break_char(item)


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
