"""Reading the reviewable lexicon files and matching them against normalised text.

File format (see ``resources/privacy/README.md``)::

    # comment
    [health.hearing]                        # rule id; the category is the part before the dot
    suggestion = Bitte laut und deutlich klingeln
    schwerhörig*                            # word starting with ...
    *hörgerät*                              # ... anywhere inside a word
    taub                                    # the whole word
    *kranke                                 # word ending with ...
    hört schlecht                           # several words in a row
    re: (geht|ging) (\\w+ )?in die moschee   # regular expression on the folded text

Terms are folded like the text (lower case, ä → ae, ß → ss), so one spelling covers the
variants. The terms of every kind (and the literals that the regexes need) are found in one
C-level Aho-Corasick pass over the text, not one scan per term.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from desktop.privacy.text.anchors import compile_studied
from desktop.privacy.text.normalize import fold_term
from desktop.privacy.text.trie import trie_pattern

_WORD_END = re.compile(r"\w*")


@dataclass(frozen=True, slots=True)
class Rule:
    """What a lexicon section reports: its stable id, category and optional rewording."""

    rule_id: str
    category: str
    suggestion: str | None
    frame: str | None = None  # who/what the words must be said of (see grammar.py)


class Hit(NamedTuple):
    """A match in the normalised text (a named tuple: built by the dozen per check)."""

    start: int
    end: int
    rule: Rule
    fuzzy: bool = False
    core: int = -1  # end of the lexicon term itself before widening to the word (-1: ``end``)


def parse_file(path: Path) -> list[tuple[Rule, str]]:
    """Parse one lexicon file into ``(rule, entry)`` pairs (entries are still unfolded).

    A comment starts with ``#`` at the start of a line or with `` #`` (space, hash) after an
    entry. ``suggestion = ...`` inside a section sets the neutral rewording of that rule,
    ``frame = person|subject|place|thing|activity`` what its words must be said of (see
    :mod:`grammar`). ``define NAME = alternative`` (anywhere in the file, one line per
    alternative) names a closed class that a ``re:`` entry of the file uses as ``{NAME}``.
    """
    # (rule id, suggestions, entries, frames)
    sections: list[tuple[str, list[str], list[str], list[str]]] = []
    classes: dict[str, list[str]] = {}
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split(" #", 1)[0].strip()
        if not line or line.startswith("#"):
            continue
        defined = _DEFINE.fullmatch(line)
        if defined:
            classes.setdefault(defined.group(1), []).append(defined.group(2).strip())
        elif line.startswith("[") and line.endswith("]"):
            sections.append((line[1:-1].strip(), [], [], []))
        elif not sections:
            raise ValueError(f"{path.name}:{number}: entry before the first [section]")
        elif line.startswith("suggestion") and "=" in line:
            sections[-1][1].append(line.split("=", 1)[1].strip())
        elif line.startswith("frame") and "=" in line:
            sections[-1][3].append(line.split("=", 1)[1].strip())
        else:
            sections[-1][2].append(line)
    pairs: list[tuple[Rule, str]] = []
    for rule_id, suggestion, entries, frame in sections:
        rule = Rule(
            rule_id,
            rule_id.split(".", 1)[0],
            suggestion[-1] if suggestion else None,
            frame[-1] if frame else None,
        )
        pairs.extend((rule, _expand(entry, classes, path.name)) for entry in entries)
    return pairs


_DEFINE = re.compile(r"define\s+([a-z_]+)\s*=\s*(.+)")
_CLASS_USE = re.compile(r"\{([a-z_]+)\}")


def _expand(entry: str, classes: dict[str, list[str]], file: str) -> str:
    """A ``re:`` entry with every ``{NAME}`` replaced by the alternation of its class."""
    if not entry.startswith("re:") or "{" not in entry:
        return entry

    def alternation(use: re.Match[str]) -> str:
        name = use.group(1)
        if name not in classes:
            raise ValueError(f"{file}: {{{name}}} is used but never defined")
        return "(?:" + "|".join(classes[name]) + ")"

    return _CLASS_USE.sub(alternation, entry)


_KIND_WRAP = {
    "exact": r"(?<!\w)(?:{})(?!\w)",
    "prefix": r"(?<!\w)(?:{})",
    "suffix": r"(?:{})(?!\w)",
    "infix": r"(?:{})",
}
# Where a term of each kind may start and end: at a word start (``(?<!\w)``), at a word end
# (``(?!\w)``).
_AT_WORD_START = {"exact": True, "prefix": True, "suffix": False, "infix": False}
_AT_WORD_END = {"exact": True, "prefix": False, "suffix": True, "infix": False}


# A regex source in pieces: an escape, a class bracket, a space, or a run of other characters
# (inside such a run nothing changes whether a class is open).
_PATTERN_PIECE = re.compile(r"\\.|[\[\] ]|[^\\\[\] ]+|\\", re.DOTALL)


def _fold_pattern(source: str) -> str:
    """Fold a hand-written regex like the text: lower case and umlauts spelled out, escapes
    (``\\W``, ``\\d``) and hyphens kept; a space matches any whitespace (``\\s+``, or ``\\s``
    inside a character class)."""
    out: list[str] = []
    in_class = False
    for piece in _PATTERN_PIECE.findall(source):
        if piece[0] == "\\" and len(piece) == 2:
            out.append(piece)
        elif piece == "[":
            in_class = True
            out.append(piece)
        elif piece == "]":
            in_class = False
            out.append(piece)
        elif piece == " ":
            out.append(r"\s" if in_class else r"\s+")
        elif piece.isascii():
            out.append(piece.lower())
        else:
            out.extend(c.lower() if c.isascii() else fold_term(c) for c in piece)
    return "".join(out)


def _regex_source(entry: str) -> str:
    """Regex source of a multi-word entry or a ``re:`` entry, on folded text."""
    if entry.startswith("re:"):
        # Whole words: a regex starts at a word start and ends at a word end unless it says
        # otherwise ("ist krank" must not match "ist Krankenpfleger").
        source = _fold_pattern(entry[3:].strip())
        if not source.startswith("(?<"):
            source = r"(?<!\w)(?:" + source + ")"
        if not source.endswith(("\\s+)", "*)", "])", "$)", "\\b)")):
            source += r"(?!\w)"
        return source
    words = []
    for word in fold_term(entry).split():
        lead, trail = word.startswith("*"), word.endswith("*")
        core = re.escape(word.strip("*"))
        words.append((r"\w*" if lead else "") + core + (r"\w*" if trail else ""))
    return r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)"


# "word~" in a lexicon file: the adjective with the endings of its declension ("frech~":
# frech, freche, frechem, frechen, frecher, freches)
_ADJECTIVE_ENDINGS = ("", "e", "em", "en", "er", "es")


def _term_variants(entry: str) -> set[str]:
    """Folded spellings of a plain entry. The text keeps a hyphen before a capital letter
    ("IG-Metaller") but drops it before a small one ("schwer-hörig"), so an entry with a
    hyphen is registered both ways."""
    if entry.endswith("~"):  # a declinable adjective: the word and its endings
        return {v for ending in _ADJECTIVE_ENDINGS for v in _term_variants(entry[:-1] + ending)}
    variants = {" ".join(fold_term(entry).split())}
    if "-" in entry:
        variants.add(" ".join("-".join(fold_term(p) for p in entry.split("-")).split()))
    return {v for v in variants if v}


_WORD_START = r"(?<!\w)"


@dataclass(frozen=True, slots=True)
class _Regex:
    pattern: re.Pattern[str]
    rules: list[Rule]
    word_start: bool  # the match must start at a word start
    leading: bool = False  # every match starts with one of the regex's anchors
    local: bool = False  # one scan over pieces joined by SEPARATOR equals one scan per piece
    # the anchor a match holds follows / is followed by a non-word character (or an end)
    after_break: bool = False
    before_break: bool = False
    on_demand: bool = False  # every rule is one of the matcher's ``on_demand`` rules


# An on-demand regex set aside by Matcher.find: the regex and where it would run (the piece
# indices to search, or the anchor positions to try a leading regex at; ``None``: every piece).
Deferred = tuple[_Regex, Sequence[int] | None]


def _scan(regex: _Regex, text: str, pos: int, stop: int) -> Iterator[tuple[int, int]]:
    """Non-overlapping matches in ``text[pos:stop]`` like ``finditer``; with ``word_start``
    only at word starts. ``stop`` acts as the end of the text (``$``, ``(?!\\w)``)."""
    search = regex.pattern.search
    while pos <= stop:
        match = search(text, pos, stop)
        if match is None:
            return
        start, end = match.span()
        if regex.word_start and start and (text[start - 1].isalnum() or text[start - 1] == "_"):
            pos = start + 1
            continue
        if end > start:
            yield start, end
        pos = end if end > start else start + 1


def _match_at(
    regex: _Regex,
    text: str,
    positions: Sequence[int],
    starts: Sequence[int],
    spans: Sequence[tuple[int, int]],
) -> Iterator[tuple[int, int]]:
    """What :func:`_scan` yields on every piece, for a regex whose matches can only start
    at ``positions`` (ascending): the regex is tried there, skipping positions inside the
    previous match, with the end of the position's piece as the end of the text."""
    match = regex.pattern.match
    single = len(starts) == 1
    reach = -1
    for start in positions:
        if start < reach:
            continue
        if regex.word_start and start and (text[start - 1].isalnum() or text[start - 1] == "_"):
            continue
        stop = spans[0][1] if single else spans[bisect_right(starts, start) - 1][1]
        found = match(text, start, stop)
        if found is None:
            continue
        end = found.end()
        if end > start:
            yield start, end
            reach = end


def _bounded_targets(
    prefixes: Iterable[str],
    by_anchor: dict[str, list[int]],
    anchored: Sequence[tuple[frozenset[str], _Regex]],
    bounded: set[int],
) -> tuple[tuple[int, bool, bool, tuple[int, ...]], ...]:
    """For a found anchor: ``(length, needs a break before, needs one after, regexes)`` of
    every anchor among its ``prefixes`` that admits regexes of ``bounded`` (see _present)."""
    groups: dict[tuple[int, bool, bool], set[int]] = {}
    for prefix in prefixes:
        for index in by_anchor[prefix]:
            if index in bounded:
                regex = anchored[index][1]
                key = (len(prefix), regex.after_break, regex.before_break)
                groups.setdefault(key, set()).add(index)
    return tuple((*key, tuple(sorted(found))) for key, found in sorted(groups.items()))


def _kind(entry: str) -> str | None:
    """Trie kind of a plain entry, or ``None`` when it needs a regex (``re:``, inner ``*``)."""
    if entry.startswith("re:") or "*" in entry.strip("*"):
        return None
    lead, trail = entry.startswith("*"), entry.endswith("*")
    return {(True, True): "infix", (False, True): "prefix", (True, False): "suffix"}.get(
        (lead, trail), "exact"
    )


class Matcher:
    """All entries of a set of lexicon files, compiled for fast matching.

    Plain entries (single words and phrases) are found by one Aho-Corasick automaton; ``re:``
    entries are compiled one by one and run only when the text contains one of their required
    literals (see :mod:`desktop.privacy.text.anchors`).
    """

    def __init__(self, pairs: Iterable[tuple[Rule, str]], on_demand: Iterable[Rule] = ()) -> None:
        # Regexes of these rules alone may be set aside by find() and run later, on the
        # pieces the caller asks for (see find_deferred).
        demand = set(on_demand)
        self._terms: dict[str, dict[str, list[Rule]]] = {k: {} for k in _KIND_WRAP}
        sources: dict[str, list[Rule]] = {}
        for rule, entry in pairs:
            kind = _kind(entry)
            if kind is None:
                sources.setdefault(_regex_source(entry), []).append(rule)
                continue
            for term in _term_variants(entry.strip("*")):
                self._terms[kind].setdefault(term, []).append(rule)
        # Every kind's terms are found by one Aho-Corasick pass (see _word_scan), which gives
        # exactly what the kind's prefix-tree regex (``_KIND_WRAP``) gives, at a fifth of the
        # cost. A phrase may be typed with any white space between its words: phrases are
        # matched by a regex of their own, tried only where their first word stands.
        self._kinds = [kind for kind, terms in self._terms.items() if terms]
        self._phrases = [
            re.compile(_KIND_WRAP[kind].removeprefix(_WORD_START).format(trie_pattern(phrases)))
            if phrases
            else None
            for kind in self._kinds
            for phrases in [[term for term in self._terms[kind] if " " in term]]
        ]
        self._always: list[_Regex] = []
        self._anchored: list[tuple[frozenset[str], _Regex]] = []
        for source, rules in sources.items():
            # A leading "(?<!\w)" would stop the regex engine from skipping ahead to the first
            # character; it is checked in Python instead (see _scan). The zero-width look-behind
            # changes nothing of the analysis, so the pattern is parsed once, without it.
            word_start = source.startswith(_WORD_START)
            pattern, study = compile_studied(
                source[len(_WORD_START) :] if word_start else source, word_start=word_start
            )
            lazy = all(rule in demand for rule in rules)
            if study.required is None:
                self._always.append(
                    _Regex(pattern, rules, word_start, local=study.local, on_demand=lazy)
                )
            elif study.leading:
                self._anchored.append(
                    (
                        study.required,
                        _Regex(pattern, rules, word_start, leading=True, on_demand=lazy),
                    )
                )
            else:
                regex = _Regex(
                    pattern,
                    rules,
                    word_start,
                    after_break=study.after_break,
                    before_break=study.before_break,
                    on_demand=lazy,
                )
                self._anchored.append((study.required, regex))
        # One scan finds every anchor: a lookahead at each position yields the longest anchor
        # starting there; the anchors that are prefixes of it start there as well.
        every = {a for required, _regex in self._anchored for a in required}
        self._by_anchor: dict[str, list[int]] = {a: [] for a in every}
        for index, (required, _regex) in enumerate(self._anchored):
            for anchor in required:
                self._by_anchor[anchor].append(index)
        closure = {
            a: frozenset(a[:i] for i in range(1, len(a) + 1) if a[:i] in every) for a in every
        }
        # anchor found → the regexes it (or an anchor that is a prefix of it) admits
        admitted = {a: {i for p in closure[a] for i in self._by_anchor[p]} for a in every}
        lead = {i for i, (_required, regex) in enumerate(self._anchored) if regex.leading}
        bounded = {
            i
            for i, (_required, regex) in enumerate(self._anchored)
            if regex.after_break or regex.before_break
        } - lead
        # A leading regex can only match where one of its anchors starts: it is tried there
        # (``match``) instead of being searched for in the whole piece.
        # A regex whose anchor stands between word breaks ("hat (einen|ne) (meise|hau)") is
        # searched only where a found anchor has them: "hau" in "Haus" admits nothing.
        # anchor → (leading regexes, regexes to search, bounded: (length of the admitting
        # anchor, needs a break before it, after it, regexes)), read with one look-up per
        # found anchor (see _present)
        self._admits = {
            a: (
                tuple(sorted(admitted[a] & lead)),
                tuple(sorted(admitted[a] - lead - bounded)),
                _bounded_targets(closure[a], self._by_anchor, self._anchored, bounded),
            )
            for a in every
        }
        self._anchor_search = re.compile(trie_pattern(every)).search if every else None
        # The anchors are found by the same Aho-Corasick pass as the terms (a third of the
        # cost of the regex loop); the regex stays for anchors with a space, which it matches
        # as \s+.
        self._anchors_in_automaton = not any(any(c.isspace() for c in a) for a in every)
        self._automaton = _automaton(
            every if self._anchors_in_automaton else (),
            [self._terms[kind] for kind in self._kinds],
        )
        self._at_word_start = [_AT_WORD_START[kind] for kind in self._kinds]
        self._at_word_end = [_AT_WORD_END[kind] for kind in self._kinds]

    def _present(
        self, text: str, starts: Sequence[int], found: dict[int, str]
    ) -> tuple[dict[int, set[int]], dict[int, list[int]]]:
        """Which anchored regexes can match where: regex index → piece indices for the
        regexes to search, regex index → anchor positions (ascending) for the leading ones.

        ``starts`` are the offsets where the pieces of ``text`` begin (see :func:`pieces`),
        ``found`` the anchors of :meth:`_word_scan`.
        """
        out: dict[int, set[int]] = {}
        at: dict[int, list[int]] = {}
        if self._anchor_search is None:
            return out, at
        admits = self._admits
        single = len(starts) == 1
        seen: dict[str, int] = {}  # anchor → the last piece it was found in (pieces ascend)
        size = len(text)
        for start, anchor in self._anchor_starts(text, found):
            lead, targets, bounded = admits[anchor]
            for index in lead:
                where_at = at.get(index)
                if where_at is None:
                    at[index] = [start]
                else:
                    where_at.append(start)
            if not targets and not bounded:
                continue  # only leading regexes start with it
            piece = 0 if single else bisect_right(starts, start) - 1
            admitted: list[int] = []
            if targets and seen.get(anchor) != piece:
                seen[anchor] = piece
                admitted.extend(targets)
            if bounded:
                before = text[start - 1] if start else " "
                after_break = not (before.isalnum() or before == "_")
                for length, needs_after, needs_before, indices in bounded:
                    if needs_after and not after_break:
                        continue
                    end = start + length
                    if needs_before and end < size and (text[end].isalnum() or text[end] == "_"):
                        continue
                    admitted.extend(indices)
            for index in admitted:
                where = out.get(index)
                if where is None:
                    out[index] = {piece}
                else:
                    where.add(piece)
        return out, at

    def _anchor_starts(self, text: str, found: dict[int, str]) -> Iterable[tuple[int, str]]:
        """``(start, the longest anchor starting there)`` for every position of ``text`` where
        an anchor starts (overlaps included), ascending."""
        if self._anchors_in_automaton:
            return sorted(found.items())
        return self._anchor_matches(text)

    def _word_scan(
        self, text: str
    ) -> tuple[dict[int, str], list[dict[int, tuple[int, str]]], list[set[int]]]:
        """One Aho-Corasick pass over ``text``: the longest anchor at each position where one
        starts; per kind, the longest single-word term at each position where one may match
        (start → (end, term)), and the positions where a phrase of the kind may start."""
        anchors: dict[int, str] = {}
        words: list[dict[int, tuple[int, str]]] = [{} for _kind in self._kinds]
        phrases: list[set[int]] = [set() for _kind in self._kinds]
        if self._automaton is None:
            return anchors, words, phrases
        size = len(text)
        at_start, at_end = self._at_word_start, self._at_word_end
        # A word that only begins phrases is found with the " " after it, in the text with
        # every white space character read as " " (most texts have no other).
        scanned = text if _only_spaces(text) else text.translate(_TO_SPACE)
        for last, (word, length, anchor, terms, firsts, spaced) in self._automaton.iter(scanned):
            end = last + 1
            start = end - length
            if spaced:
                before = text[start - 1] if start else " "
                starts_word = not (before.isalnum() or before == "_")
                for k in firsts:
                    if starts_word or not at_start[k]:
                        phrases[k].add(start)
                continue
            if anchor and length > len(anchors.get(start, "")):
                anchors[start] = word
            if not terms and (not firsts or end == size or not text[end].isspace()):
                continue  # a phrase goes on with white space after its first word
            before = text[start - 1] if start else " "
            starts_word = not (before.isalnum() or before == "_")
            for k in terms:
                if starts_word or not at_start[k]:
                    after = text[end] if end < size else " "
                    if not at_end[k] or not (after.isalnum() or after == "_"):
                        best = words[k].get(start)
                        if best is None or end > best[0]:
                            words[k][start] = (end, word)
            for k in firsts:
                if (starts_word or not at_start[k]) and end < size and text[end].isspace():
                    phrases[k].add(start)
        return anchors, words, phrases

    def _kind_matches(
        self, text: str, k: int, words: dict[int, tuple[int, str]], firsts: set[int]
    ) -> Iterator[tuple[int, int, str]]:
        """``(start, end, term)`` of what ``finditer`` of the kind's regex yields, from the
        candidates of :meth:`_word_scan`: at each start the longest term that matches there
        (a single word, or the phrase the phrase regex matches), left to right without
        overlaps."""
        phrase = self._phrases[k]
        reach = 0
        for start in sorted(words.keys() | firsts) if firsts else sorted(words):
            if start < reach:
                continue
            best = words.get(start)
            if phrase is not None and start in firsts:
                found = phrase.match(text, start)
                if found is not None and (best is None or found.end() > best[0]):
                    best = (found.end(), found.group())
            if best is None:
                continue
            reach = best[0]
            yield start, best[0], best[1]

    def _anchor_matches(self, text: str) -> Iterator[tuple[int, str]]:
        """:meth:`_anchor_starts` from the trie regex."""
        search, pos = self._anchor_search, 0
        if search is None:
            return
        while (match := search(text, pos)) is not None:
            pos = match.start() + 1
            yield match.start(), match.group()

    def terms(self, kind: str) -> dict[str, list[Rule]]:
        """The folded terms of one kind (``exact``, ``prefix``, ``suffix``, ``infix``)."""
        return self._terms[kind]

    def find(self, text: str, deferred: list[Deferred] | None = None) -> Iterator[Hit]:
        """Yield every hit in folded ``text``; word kinds are widened to the whole word.

        ``text`` may hold several pieces joined by :data:`SEPARATOR` (a batch of sentences):
        no match crosses a separator, and each hand-written regex runs only on the pieces
        that contain one of its anchors, with the piece end as the end of the text -- the
        hits are exactly those of matching every piece on its own.

        With ``deferred`` (a list), the regexes of the ``on_demand`` rules do not run: each
        is appended with where it would run, and :meth:`find_deferred` yields their hits on
        the pieces asked for.
        """
        found, words, firsts = self._word_scan(text)
        for k, kind in enumerate(self._kinds):
            table = self._terms[kind]
            for start, end, term in self._kind_matches(text, k, words[k], firsts[k]):
                core = end
                if kind in ("prefix", "infix"):
                    end = _WORD_END.match(text, end).end()  # type: ignore[union-attr]
                if kind in ("suffix", "infix"):
                    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
                        start -= 1
                rules = table.get(term) or table[" ".join(term.split())]
                for rule in rules:
                    yield Hit(start, end, rule, False, core)
        spans = pieces(text)
        starts = [a for a, _b in spans]
        for regex in self._always:
            if deferred is not None and regex.on_demand:
                deferred.append((regex, None))
                continue
            for a, b in [(0, len(text))] if regex.local else spans:
                for start, end in _scan(regex, text, a, b):
                    for rule in regex.rules:
                        yield Hit(start, end, rule)
        searched, tried = self._present(text, starts, found)
        for index in sorted(searched.keys() | tried.keys()):
            regex = self._anchored[index][1]
            if deferred is not None and regex.on_demand:
                deferred.append((regex, tried[index] if regex.leading else sorted(searched[index])))
                continue
            if regex.leading:
                for start, end in _match_at(regex, text, tried[index], starts, spans):
                    for rule in regex.rules:
                        yield Hit(start, end, rule)
                continue
            for piece in sorted(searched[index]):
                a, b = spans[piece]
                for start, end in _scan(regex, text, a, b):
                    for rule in regex.rules:
                        yield Hit(start, end, rule)

    def find_deferred(
        self, text: str, deferred: Iterable[Deferred], wanted: set[int]
    ) -> Iterator[Hit]:
        """The hits of the regexes :meth:`find` set aside in ``deferred``, on the pieces of
        ``text`` whose indices are in ``wanted`` only: on each of them exactly what find
        would have yielded there (no match crosses a piece, a leading regex's positions are
        tried piece by piece)."""
        spans = pieces(text)
        starts = [a for a, _b in spans]
        single = len(starts) == 1
        for regex, where in deferred:
            if regex.leading:
                positions = [
                    p
                    for p in where or ()
                    if (0 if single else bisect_right(starts, p) - 1) in wanted
                ]
                found = _match_at(regex, text, positions, starts, spans)
            else:
                chosen = sorted(wanted) if where is None else [i for i in where if i in wanted]
                found = (pair for i in chosen for pair in _scan(regex, text, *spans[i]))
            for start, end in found:
                for rule in regex.rules:
                    yield Hit(start, end, rule)


# Every character of str.isspace (and so of the regex \s) but " ", in two groups.
_ASCII_WHITE = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f"
OTHER_WHITE = _ASCII_WHITE + "\x85\xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B)))
OTHER_WHITE += "\u2028\u2029\u202f\u205f\u3000"
_TO_SPACE = str.maketrans(dict.fromkeys(OTHER_WHITE, " "))


def _only_spaces(text: str) -> bool:
    """ " " is the only white space character in ``text``."""
    others = _ASCII_WHITE if text.isascii() else OTHER_WHITE
    return not any(char in text for char in others)


def _automaton(anchors: Iterable[str], kinds: Sequence[Iterable[str]]) -> Any:
    """An Aho-Corasick automaton that finds every occurrence of the ``anchors``, of the
    single-word terms of each of the ``kinds`` and of the first words of their phrases; the
    value of a word is ``(word, length of the key, is an anchor, kinds it is a term of,
    kinds it begins a phrase of, the key is the word and " ")`` (kinds by index). A word that
    only begins phrases is added with the " " after it: found only where a phrase can go on
    (in a text whose white space reads as " "), not inside every longer word."""
    import ahocorasick  # C extension; loaded with the lexicons, on the start-up worker

    roles: dict[str, tuple[bool, list[int], list[int]]] = {}
    for anchor in anchors:
        roles[anchor] = (True, [], [])
    for k, terms in enumerate(kinds):
        for term in terms:
            first, _space, rest = term.partition(" ")
            role = roles.setdefault(first, (False, [], []))
            (role[2] if rest else role[1]).append(k)
    if not roles:
        return None
    automaton = ahocorasick.Automaton()
    for word, (is_anchor, term_of, first_of) in sorted(roles.items()):
        term_kinds, first_kinds = tuple(sorted(set(term_of))), tuple(sorted(set(first_of)))
        if is_anchor or term_kinds or any(c.isspace() for c in word):
            value = (word, len(word), is_anchor, term_kinds, first_kinds, False)
            automaton.add_word(word, value)
        else:
            automaton.add_word(word + " ", (word, len(word) + 1, False, (), first_kinds, True))
    automaton.make_automaton()
    return automaton


SEPARATOR = "\x00"  # joins the sentences of a batch; no pattern matches across it


def pieces(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the parts of ``text`` between :data:`SEPARATOR` characters."""
    if SEPARATOR not in text:
        return [(0, len(text))]
    out, start = [], 0
    while True:
        end = text.find(SEPARATOR, start)
        if end < 0:
            out.append((start, len(text)))
            return out
        out.append((start, end))
        start = end + 1
