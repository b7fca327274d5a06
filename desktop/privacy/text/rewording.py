"""One-click rewording: replace or delete the whole clause that carries a finding.

Replacing only the flagged word breaks the sentence ("Kunde ist schwerhörig" must not become
"Kunde ist Bitte laut und deutlich klingeln"). :func:`reword` works on the clause instead
(see :mod:`desktop.privacy.text.clauses`):

* where the lexicon gives a need-oriented wording (notice §1.2.3: hard of hearing → "Bitte
  laut und deutlich klingeln"), the clause is replaced by it, in the form for the person the
  note speaks of ("Kundin braucht etwas mehr Zeit", see :mod:`desktop.privacy.text.gender`);
  a wording the text already asks for ("bitte laut klingeln") is not repeated;
* otherwise the clause is deleted, and punctuation, capitals and spaces are tidied;
* in the name field everything after the name goes ("Meier (schwerhörig)" → "Meier").

Every proposal is checked again with the engine: the new text may carry no finding that the
old text did not carry outside the clause, else the next proposal is tried (the clause
deleted, then its sentence deleted). Pure functions, no Qt.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

from desktop.privacy.text import check
from desktop.privacy.text.clauses import (
    SUBORDINATORS,
    Sentence,
    brackets,
    conjuncts,
    first_word,
    has_own_start,
    is_finite_verb,
    is_relative_clause,
    predicate_start,
    segments,
    sentence_at,
    subject_end,
    word_count,
    words,
)
from desktop.privacy.text.gender import person_gender
from desktop.privacy.text.model import Finding
from desktop.privacy.text.wordings import clause_wordings, join

__all__ = ["Rewording", "reword"]


@dataclass(frozen=True, slots=True)
class Rewording:
    """A proposed edit of the whole text.

    Attributes:
        kind: ``"replace"`` (a neutral wording goes in) or ``"delete"`` (words go out).
        text: the whole text after the edit.
        start: first changed character in the old text.
        end: one past the last changed character in the old text.
        replacement: what replaces ``old[start:end]`` (``text == old[:start] +
            replacement + old[end:]``).
        clause: the neutral wording put in (``kind == "replace"``) or, in the name field,
            the name that is left; ``""`` for a plain deletion.
    """

    kind: Literal["replace", "delete"]
    text: str
    start: int
    end: int
    replacement: str
    clause: str


@dataclass(frozen=True, slots=True)
class _Unit:
    """The words to take out, and how a neutral wording takes their place."""

    start: int
    end: int
    # "inplace": the wording replaces the words; "append": the words go and the wording
    # follows the sentence as a sentence of its own.
    placement: Literal["inplace", "append"]
    delete: tuple[int, int]  # what a deletion removes (the words plus a separator)
    replace: tuple[int, int]  # what an in-place wording replaces
    prefix: str = ""  # put before an in-place wording (", " for a joined clause)
    suffix: str = ""  # put after it


_Edit = tuple[str, int, int, str]  # (new text, start, end, replacement)
# (kind, edit, clause, the span of the old text whose findings the edit removes)
_Proposal = tuple[Literal["replace", "delete"], _Edit, str, tuple[int, int]]


# ---------------------------------------------------------------- finding the clause
def _unit(text: str, finding: Finding, sentence: Sentence, findings: list[Finding]) -> _Unit:
    """The clause of ``sentence`` that carries ``finding``."""
    for open_, close in brackets(text, sentence.start, sentence.body):
        if open_ < finding.end and finding.start < close:
            return _bracket_unit(text, open_, close, sentence)
    attribute = _attribute_unit(text, finding, sentence)
    if attribute is not None:
        return attribute
    parts = segments(text, sentence)
    covering = [i for i, (a, b) in enumerate(parts) if a < finding.end and finding.start < b]
    if not covering:
        covering = [0]
    first, last = covering[0], covering[-1]
    if first > 0 and first_word(text[slice(*parts[first])]) in ("dass", "daß"):
        first -= 1  # "Kd. hat erwähnt, dass er ..." needs its "dass" clause
    if first > 0 and _adjective_list(text, parts[first - 1], parts[first]):
        first -= 1  # "ein netter, hilfsbereiter Mensch"
    while last + 1 < len(parts) and _adjective_list(text, parts[last], parts[last + 1]):
        last += 1  # "ein netter, hilfsbereiter Mensch" from its first adjective
    if first == 1 and first_word(text[slice(*parts[0])]) in SUBORDINATORS:
        first = 0  # "Weil ..., hat er <finding>": the "weil" clause hangs on the main clause
    while last + 1 < len(parts) and _dependent(text[slice(*parts[last + 1])], first == 0):
        last += 1  # "Liebhaber, der das Auto fährt" goes as a whole
    a, b = parts[first][0], parts[last][1]
    if first == last:
        inner = _conjunct_unit(text, a, b, finding, findings, sentence)
        if inner is not None:
            return inner
    whole = (sentence.start, sentence.end)
    if first == 0 and last == len(parts) - 1:  # the whole sentence
        return _Unit(a, b, "inplace", whole, (a, b))
    if first > 0:  # ", words" goes; the wording takes the words' place
        label = first == 1 and last == len(parts) - 1 and _is_label(text, parts[0], a)
        # "Achtung: Kunde ist taub" leaves no "Achtung" behind
        return _Unit(a, b, "inplace", whole if label else (parts[first - 1][1], b), (a, b))
    following = parts[last + 1][0]
    rest = text[following : parts[last + 1][1]]
    subject = subject_end(text, a, b, finding.start)
    if subject is not None and _starts_with_verb(rest):
        # "Kunde ist Türke, spricht wenig Deutsch" -> "Kunde spricht wenig Deutsch"
        cut = predicate_start(text, subject, rest)
        return _Unit(cut, b, "append", (cut, following), (cut, following))
    return _Unit(a, b, "inplace", (a, following), (a, b))


def _dependent(part: str, at_start: bool) -> bool:
    """True if ``part`` hangs on the segment before it: a relative clause, or (when that
    segment starts the sentence) a subordinate clause ("..., weil sie arbeiten muss")."""
    if is_relative_clause(part):
        return True
    return at_start and first_word(part) in SUBORDINATORS - {"dass", "daß"}


def _adjective_list(text: str, before: tuple[int, int], part: tuple[int, int]) -> bool:
    """True for a comma between two adjectives of one noun ("netter, hilfsbereiter Mensch")."""
    left, right = text[slice(*before)].split(), text[slice(*part)].split()
    if not left or len(right) < 2:
        return False
    adjective = re.compile(r"[a-zäöüß]{3,}(?:e|er|en|es|em)")
    return bool(
        adjective.fullmatch(left[-1]) and adjective.fullmatch(right[0]) and right[1][:1].isupper()
    )


_JOINERS = words("aber und oder sondern doch jedoch also denn weil da dass")


def _starts_with_verb(part: str) -> bool:
    """True if ``part`` goes on with the subject of the part before it ("spricht ...")."""
    word = part.split()[0] if part.split() else ""
    return is_finite_verb(word) and first_word(part) not in _JOINERS


def _is_label(text: str, part: tuple[int, int], next_start: int) -> bool:
    """True for a heading of one or two words before a colon ("Achtung:", "Hinweis:")."""
    return ":" in text[part[1] : next_start] and word_count(text[slice(*part)]) <= 2


def _bracket_unit(text: str, open_: int, close: int, sentence: Sentence) -> _Unit:
    """An aside in brackets goes with one adjacent space; its wording follows the sentence."""
    a, b = open_, close
    if a > 0 and text[a - 1] == " " and (b >= len(text) or not text[b].isalnum()):
        a -= 1
    elif b < len(text) and text[b] == " ":
        b += 1
    if (open_, close) == (sentence.start, sentence.body):
        return _Unit(open_, close, "inplace", (sentence.start, sentence.end), (open_, close))
    return _Unit(open_, close, "append", (a, b), (open_, close))


_ADJECTIVE_END = re.compile(r"[^\W\d_]{3,}(?:e|en|er|es|em)")
_DETERMINERS = words(
    "der die das den dem des ein eine einen einem einer eines unser unsere unseren unserem "
    "unserer unseres"
)


def _attribute_unit(text: str, finding: Finding, sentence: Sentence) -> _Unit | None:
    """An adjective before a noun ("der schwerhörige Kunde ...") goes on its own."""
    word = text[finding.start : finding.end]
    if not _ADJECTIVE_END.fullmatch(word):
        return None
    after = re.match(r" +([A-ZÄÖÜ][^\W\d_]+)", text[finding.end : sentence.body])
    if after is None:
        return None
    before = text[sentence.start : finding.start].split()
    if before and before[-1].casefold() not in _DETERMINERS:
        return None
    if not before and not word[:1].isupper():
        return None
    if before and not word[:1].islower():
        return None
    end = finding.end + len(after.group()) - len(after.group(1))
    return _Unit(finding.start, end, "append", (finding.start, end), (finding.start, end))


def _conjunct_unit(
    text: str, a: int, b: int, finding: Finding, findings: list[Finding], sentence: Sentence
) -> _Unit | None:
    """The conjunct of segment ``text[a:b]`` that carries ``finding``, if it is not all of it.

    A conjunct of one word joins its neighbour ("schwerhörig und blind"); neighbours that carry
    a finding as well join it (one click rewords both).
    """
    if first_word(text[a:b]) in SUBORDINATORS:
        return None  # "da sie ... hatte und sich schont" is one clause
    merged: list[tuple[int, int]] = []
    for start, end in conjuncts(text, a, b):
        part = text[start:end]
        alone = word_count(part) < 2 and not is_finite_verb(part.strip())  # "und bittet" stays
        if merged and (alone or word_count(text[slice(*merged[-1])]) < 2):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    if len(merged) < 2:
        return None

    def flagged(part: tuple[int, int]) -> bool:
        return any(f.start < part[1] and part[0] < f.end for f in findings)

    index = next((i for i, p in enumerate(merged) if p[0] <= finding.start < p[1]), None)
    if index is None:
        return None
    lo = hi = index
    while lo > 0 and flagged(merged[lo - 1]):
        lo -= 1
    while hi < len(merged) - 1 and flagged(merged[hi + 1]):
        hi += 1
    if lo == 0 and hi == len(merged) - 1:
        return None
    start, end = merged[lo][0], merged[hi][1]
    if lo > 0:  # "A und B" -> "A, <wording>" / "A"
        previous = merged[lo - 1][1]
        return _Unit(start, end, "inplace", (previous, end), (previous, end), prefix=", ")
    following = merged[hi + 1][0]
    if has_own_start(text[following:b]):  # "B und bitte ..." -> "<wording>, bitte ..."
        return _Unit(start, end, "inplace", (start, following), (start, following), suffix=", ")
    subject = subject_end(text, start, end, finding.start)
    if subject is None:
        return None  # "... gemacht und im Auftrag abgelegt": one clause
    rest = text[following:b]
    cut = predicate_start(text, subject, rest)
    if cut == subject + 1 and not _starts_with_verb(rest):
        return None
    # "Kunde [ist taub und] kommt ab 16 Uhr", "Die Kundin ist [in der Reha und] erst ab ..."
    return _Unit(cut, end, "append", (cut, following), (cut, following))


# ---------------------------------------------------------------- edits
# What is left at the start of a sentence after its first part went: a separator and a
# conjunction that joined the two ("VN ist nett, aber pünktlich" -> "Pünktlich").
_LEADING_JOIN = re.compile(
    r"^[ \t]*(?:[,;:–—-][ \t]*)?(?:(?:aber|und|oder|sondern|doch|jedoch|also)\s+)?"
)


def _tidy(text: str, start: int, end: int, sentence_start: int) -> _Edit:
    """Delete ``text[start:end]`` and tidy the seam: no double or dangling spaces, no
    separator left at the start of the sentence or before its end mark, a capital letter
    at the start of the sentence."""
    before, after = text[:start], text[end:]
    at_start = not text[sentence_start:start].strip()
    if at_start:
        before = text[:sentence_start]
        after = _LEADING_JOIN.sub("", after)
    if before.endswith(" ") and (not after or after[0] in " ,.;:!?)\n"):
        before = before.rstrip(" ")
    if after.startswith(" ") and (not before or before[-1] in "\n ("):
        after = after.lstrip(" ")
    if re.search(r"[,;:–—-]\s*$", before) and (not after or after[0] in ".!?\n"):
        before = re.sub(r"\s*[,;:–—-]\s*$", "", before)
    if at_start and after[:1].islower():
        after = after[0].upper() + after[1:]
    return _as_span(text, before + after)


def _as_span(old: str, new: str) -> _Edit:
    """``(new, start, end, replacement)``: the smallest span of ``old`` that changed."""
    limit = min(len(old), len(new))
    prefix = _common(limit, lambda n: old[:n] == new[:n])
    rest = limit - prefix
    suffix = _common(rest, lambda n: old[len(old) - n :] == new[len(new) - n :])
    return new, prefix, len(old) - suffix, new[prefix : len(new) - suffix]


def _common(limit: int, same: Callable[[int], bool]) -> int:
    """The largest ``n <= limit`` with ``same(n)`` (``same`` holds up to some length)."""
    low, high = 0, limit
    while low < high:
        middle = (low + high + 1) // 2
        if same(middle):
            low = middle
        else:
            high = middle - 1
    return low


def _delete_sentence(text: str, sentence: Sentence) -> _Edit:
    """The sentence goes with the space that separated it from its neighbour."""
    start, end = sentence.start, sentence.end
    tail = len(text) - len(text[end:].lstrip(" \t"))
    if tail < len(text) and text[tail] != "\n":
        end = tail  # a following sentence on the same line moves up
    else:
        head = len(text[:start].rstrip(" \t"))
        if head == 0 or text[head - 1] != "\n":
            start = head
        elif tail < len(text):
            end = tail + 1  # the line itself goes
            start = head
        else:
            start = head - 1 if head else head
            end = tail
    return _as_span(text, text[:start] + text[end:])


def _candidates(
    text: str, finding: Finding, field: str, findings: list[Finding]
) -> Iterator[_Proposal]:
    """Proposals in order of preference: ``(kind, (text, start, end, replacement), clause)``."""
    sentence = sentence_at(text, finding.start, finding.end)
    unit = _unit(text, finding, sentence, findings)
    removed = (min(unit.start, unit.delete[0]), max(unit.end, unit.delete[1]))
    deleted = _delete(text, unit, sentence)
    gender = person_gender(text, finding.start, finding.end, (sentence.start, sentence.body))
    wordings = clause_wordings(text, (unit.start, unit.end), findings, gender, deleted[0])
    if wordings:
        if unit.placement == "inplace":
            a, b = unit.replace
            capital = a <= sentence.start and not unit.prefix
            clause = join(wordings, capital=capital)
            edited = _as_span(text, text[:a] + unit.prefix + clause + unit.suffix + text[b:])
            yield "replace", edited, join(wordings, capital=True), removed
        else:
            clause = join(wordings, capital=True)
            yield "replace", _append(text, deleted, sentence, clause), clause, removed
    yield "delete", deleted, "", removed
    yield "delete", _delete_sentence(text, sentence), "", (sentence.start, sentence.end)


def _delete(text: str, unit: _Unit, sentence: Sentence) -> _Edit:
    a, b = unit.delete
    if (a, b) == (sentence.start, sentence.end):
        return _delete_sentence(text, sentence)
    return _tidy(text, a, b, sentence.start)


def _append(text: str, deleted: _Edit, sentence: Sentence, clause: str) -> _Edit:
    """``deleted`` with ``clause`` as a sentence of its own after the edited sentence."""
    new, start, end, replacement = deleted
    shift = len(replacement) - (end - start)
    mark = text[sentence.body : sentence.end]
    stop = sentence.end + shift
    closing = "." if mark in ("", ".") else mark[:1]
    if mark == "":
        added = ". " + clause
        new = new[: sentence.body + shift] + added + new[sentence.body + shift :]
    else:
        added = " " + clause + (closing if mark else "")
        new = new[:stop] + added + new[stop:]
    return _as_span(text, new)


# ---------------------------------------------------------------- name field
_NAME_TAIL = re.compile(r"[\s,;:/|+(\[\-–—]+$")
_NAME_END = re.compile(r"[/(\[,;:|+]|\s[-–—]")
# Words that introduce a number ("Heise, Kto DE48 ..."): they go with it.
_NUMBER_LABELS = words(
    "kto konto tel tel. telefon handy mobil iban geb geb. geboren mail e-mail fax nr nr."
)


def _visible(text: str) -> str:
    """``text`` without invisible format characters (zero-width space, soft hyphen)."""
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")


def _name_candidates(text: str, finding: Finding, findings: list[Finding]) -> Iterator[_Proposal]:
    """The name alone: everything from the first word that is no part of a name goes."""
    whole = (0, len(text))
    visible = _visible(text)
    if visible != text:  # "Mül\u200bler": the hidden character is the offence
        found = [f for f in check(visible, "nachname") if f.category != "length"]
        if not found:
            yield "delete", _as_span(text, visible), visible, whole
            return
        for _kind, (name, _a, _b, _r), _clause, _span in _name_candidates(visible, found[0], found):
            yield "delete", _as_span(text, name), name, whole
        return
    flagged = [f.start for f in findings if f.category != "length"] or [finding.start]
    cut = min(flagged)
    while cut > 0 and not text[cut - 1].isspace() and text[cut - 1] not in "([,;:/":
        cut -= 1
    label = re.search(r"(\S+)\s+$", text[:cut])
    if label is not None and label.group(1).casefold().rstrip(":") in _NUMBER_LABELS:
        cut = label.start()
    name = _NAME_TAIL.sub("", text[:cut]).strip()
    if any(ch.isalpha() for ch in name):
        yield "delete", _as_span(text, name), name, (cut, len(text))
    head = _NAME_END.split(text, maxsplit=1)[0].strip()  # "Schäfer/Rolli" -> "Schäfer"
    if head != text.strip() and any(ch.isalpha() for ch in head):
        yield "delete", _as_span(text, head), head, whole
    rest = " ".join((text[: finding.start] + " " + text[finding.end :]).split())
    if any(ch.isalpha() for ch in rest):
        yield "delete", _as_span(text, rest), rest, (finding.start, finding.end)


# ---------------------------------------------------------------- entry point
def _key(text: str, finding: Finding) -> tuple[str, str]:
    return finding.rule_id, text[finding.start : finding.end].casefold()


def _acceptable(
    new: str, field: str, allowed: Counter[tuple[str, str]], ignore: Iterable[str]
) -> bool:
    """True if ``new`` carries no finding beyond ``allowed`` (the ones outside the clause)."""
    left = Counter(allowed)
    skip = set(ignore)
    for found in check(new, field) if new.strip() else []:
        if found.category == "length" or found.rule_id in skip:
            continue
        key = _key(new, found)
        if left[key] <= 0:
            return False
        left[key] -= 1
    return True


def reword(
    text: str, finding: Finding, field: str, *, ignore_rules: Iterable[str] = ()
) -> Rewording | None:
    """The whole-clause rewording of ``finding`` in ``text`` typed into ``field``.

    Args:
        text: the whole field text.
        finding: one of ``check(text, field)``'s findings.
        field: the engine field (``zusatzinfo``, ``bemerkungen``, ``nachname``, ...).
        ignore_rules: rule ids the field does not report (they never block a proposal).

    Returns:
        The first proposal whose text the engine passes (no finding that the text did not
        carry outside the clause), or ``None`` (a length warning, or nothing passes).
    """
    if finding.category == "length" or not 0 <= finding.start < finding.end <= len(text):
        return None
    skip = set(ignore_rules)
    findings = [f for f in check(text, field) if f.category != "length" and f.rule_id not in skip]
    if finding not in findings:
        findings = sorted([*findings, finding], key=lambda f: (f.start, f.end))
    if field == "nachname":
        proposals = _name_candidates(text, finding, findings)
    else:
        proposals = _candidates(text, finding, field, findings)
    for kind, (new, start, end, replacement), clause, (lo, hi) in proposals:
        allowed = Counter(_key(text, f) for f in findings if f.end <= lo or f.start >= hi)
        if new != text and _acceptable(new, field, allowed, skip):
            return Rewording(kind, new, start, end, replacement, clause)
    return None
