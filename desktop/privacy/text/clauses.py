"""Sentences, clauses and their parts in a free-text note (plain string functions).

A rewording replaces or deletes the clause that carries a finding, so it must know where
that clause begins and ends. German notes mark it with punctuation and a few words:

* a sentence ends at a line break or at ``.``/``!``/``?`` before white space, except after
  an abbreviation ("Kd.", "Fr.", "z.B.") or an ordinal number ("am 12. März");
* inside a sentence, commas (not in "1,5"), semicolons, colons and dashes separate segments,
  brackets enclose an aside;
* inside a segment, "und"/"oder"/"sowie" join conjuncts; one of a single word ("schwerhörig
  und blind") belongs to its neighbour, and a verb-first conjunct shares the subject of the
  first one ("Kunde ist taub und kommt erst ab 16 Uhr").
"""

from __future__ import annotations

import re
from dataclasses import dataclass


def words(text: str) -> frozenset[str]:
    """The white-space separated words of ``text`` as a set (for word lists)."""
    return frozenset(text.split())


_ABBREVIATIONS = words(
    "kd kdn fr hr frl dr prof dipl ing nr str tel ca bzw ggf evtl inkl usw geb vgl ggü lt "
    "min std tlw vers mo di mi do sa so jan feb mär apr jun jul aug sep sept okt nov dez "
    "abs abt allg bspw bzgl d.h hausnr zzgl zz max mind u.a z.b z.t o.ä u.ä etc dt fzg ggfs "
    "zzt lfd pt pat vllt mob priv ehem verh gest"
)
# An end mark before white space and a word that does not start in lower case ("Fzg. hat"
# goes on), or a line break.
_END = re.compile(r"[.!?]+(?=\s+[^\sa-zäöüß]|\s*$)|\n")
_SEPARATOR = re.compile(r"\s*(?:(?<!\d),|,(?!\d)|;|:(?!\d)|\s[-–—]\s|[–—])\s*")
_CONJUNCTION = re.compile(r"\s+(?:und|oder|sowie)\s+")
_WORD = re.compile(r"\S+")
# A conjunct that starts with one of these has its own subject or is a request.
_OWN_START = words(
    "bitte der die das er sie es man wir ich sein seine ihr ihre unser unsere dort da termin"
)
_ARTICLES = words(
    "der die das den dem des ein eine einen einem einer eines unser unsere unseren unserem unserer"
)
PERSON_WORDS = words(
    "kunde kundin kd kd. kdn kdin vn versicherungsnehmer versicherungsnehmerin frau herr "
    "herrn hr hr. fr fr. er sie mann ehemann ehefrau sohn tochter mutter vater halter "
    "halterin fahrer fahrerin mieter mieterin dame senior seniorin rentner rentnerin "
    "patient patientin oma opa"
)


@dataclass(frozen=True, slots=True)
class Sentence:
    """``text[start:body]`` is the sentence without its end mark, ``text[start:end]`` with it."""

    start: int
    body: int
    end: int


def _is_abbreviation(text: str, dot: int) -> bool:
    """True if the full stop at ``dot`` ends an abbreviation or an ordinal, not a sentence."""
    begin = dot
    while begin > 0 and not text[begin - 1].isspace():
        begin -= 1
    token = text[begin:dot].strip("([\"'„“")
    if not token:
        return False
    if "." in token or len(token) == 1:
        return True  # z.B., 12.03., single letters
    if token.isdigit():
        return len(token) <= 2 and _is_ordinal(text, begin, dot)
    if _DIGIT_NEXT.match(text, dot + 1):
        return True  # "Hauptstr. 5", "Nr. 12"
    folded = token.casefold()
    return folded in _ABBREVIATIONS or folded.endswith("str")


_DIGIT_NEXT = re.compile(r"\s*\d")
_WORD_BEFORE = re.compile(r"(\S+)\s*$")
_ORDINAL_BEFORE = words("am an den dem zum zur vom bis im ab seit der die das ihr ihrem ihren")
_ORDINAL_AFTER = re.compile(
    r"\s*(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember"
    r"|Monat|Woche|SSW|Stock|Etage|OG|Obergeschoss|Lebensjahr|Geburtstag|Klasse|Quartal)\b"
)


def _is_ordinal(text: str, begin: int, dot: int) -> bool:
    """ "am 12. März", "im 8. Monat", "3. Stock" -- not "Stellplatz 38. Der Kunde"."""
    before = _WORD_BEFORE.search(text, max(0, begin - 12), begin)
    if before is not None and before.group(1).casefold() in _ORDINAL_BEFORE:
        return True
    return _ORDINAL_AFTER.match(text, dot + 1) is not None


def sentences(text: str) -> list[Sentence]:
    """The sentences of ``text`` in order (leading white space not included)."""
    out: list[Sentence] = []
    start = 0
    last = len(text.rstrip())
    for match in _END.finditer(text):
        if match.group() == "\n":
            body = end = match.start()
        else:
            inner = match.end() < last and match.group() == "."
            if inner and _is_abbreviation(text, match.start()):
                continue
            body, end = match.start(), match.end()
        _add(text, out, start, body, end)
        start = match.end()
    _add(text, out, start, len(text), len(text))
    return out


def _add(text: str, out: list[Sentence], start: int, body: int, end: int) -> None:
    while start < body and text[start].isspace():
        start += 1
    while body > start and text[body - 1].isspace():
        body -= 1
    if start < body:
        out.append(Sentence(start, body, max(end, body)))


_WINDOW = 600  # characters around a span that usually hold its sentence


def sentence_at(text: str, start: int, end: int) -> Sentence:
    """The sentence (or run of sentences) that holds ``text[start:end]``.

    Only the line around the span is split, and of a long line first a window around it.
    """
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    low, high = max(line_start, start - _WINDOW), min(line_end, end + _WINDOW)
    while True:
        found = [
            Sentence(s.start + low, s.body + low, s.end + low)
            for s in sentences(text[low:high])
            if s.start + low < end and start < s.end + low
        ]
        cut_off = found and (
            (found[0].start == low and low > line_start)
            or (found[-1].end == high and high < line_end)
        )
        if not cut_off:
            break
        low, high = line_start, line_end  # the window cut the sentence: split the line
    if not found:
        return Sentence(start, end, end)
    return Sentence(found[0].start, found[-1].body, found[-1].end)


def brackets(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``(open, close + 1)`` of the outermost bracket pairs in ``text[start:end]``."""
    out: list[tuple[int, int]] = []
    depth, opened = 0, -1
    for index in range(start, end):
        char = text[index]
        if char in "([":
            if depth == 0:
                opened = index
            depth += 1
        elif char in ")]" and depth:
            depth -= 1
            if depth == 0:
                out.append((opened, index + 1))
    return out


def _outside(spans: list[tuple[int, int]], a: int, b: int) -> bool:
    return not any(s < b and a < e for s, e in spans)


def segments(text: str, sentence: Sentence) -> list[tuple[int, int]]:
    """``(start, end)`` of the punctuation-separated segments of a sentence body."""
    groups = brackets(text, sentence.start, sentence.body)
    out, start = [], sentence.start
    for match in _SEPARATOR.finditer(text, sentence.start, sentence.body):
        if not _outside(groups, match.start(), match.end()):
            continue
        if match.start() > start:
            out.append((start, match.start()))
        start = match.end()
    if sentence.body > start:
        out.append((start, sentence.body))
    return out or [(sentence.start, sentence.body)]


def conjuncts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``(start, end)`` of the parts of ``text[start:end]`` joined by und/oder/sowie."""
    groups = brackets(text, start, end)
    out, begin = [], start
    for match in _CONJUNCTION.finditer(text, start, end):
        if _outside(groups, match.start(), match.end()) and match.start() > begin:
            out.append((begin, match.start()))
            begin = match.end()
    out.append((begin, end))
    return out


def word_count(text: str) -> int:
    """Number of white-space separated words."""
    return len(text.split())


def first_word(text: str) -> str:
    """The first word, without punctuation, folded to lower case."""
    match = _WORD.search(text)
    return match.group().strip(",.;:()[]\"'„“").casefold() if match else ""


def has_own_start(text: str) -> bool:
    """True if a conjunct can stand alone: it starts with a capital letter (a noun, a name)
    or a subject, article or "bitte" -- not with a verb that shares an earlier subject."""
    word = _WORD.search(text)
    if word is None:
        return True
    return word.group()[:1].isupper() or first_word(text) in _OWN_START


def subject_end(text: str, start: int, end: int, stop: int | None = None) -> int | None:
    """End of the subject a clause starts with ("Kunde", "Die Kundin", "Frau Meier", "Er"),
    or ``None`` when it does not start with a person; no word from ``stop`` on belongs to it
    ("Kd. Sikh": the flagged word is no name)."""
    words = list(_WORD.finditer(text, start, end))
    index, person = 0, False
    while index < len(words) and words[index].group().casefold() in _ARTICLES:
        index += 1
    while index < len(words):
        word = words[index].group()
        if stop is not None and words[index].start() >= stop:
            break
        folded = word.casefold()
        if folded in PERSON_WORDS or folded.rstrip(".") in PERSON_WORDS:
            person = True
        elif not (person and word[:1].isupper()):
            break
        index += 1
    if not person or index == 0 or index >= len(words):
        return None
    return words[index - 1].end()


_AUXILIARIES = words("ist war wird hat hatte sind waren")
_NOT_VERBS = words("nicht jetzt erst selbst oft meist bereits zuletzt recht bitte mit seit")
_MODALS = words(
    "kann muss will soll darf mag möchte könnte müsste sollte wäre konnte musste wollte durfte "
    "ging kam lag saß stand fuhr sprach"
)


def is_finite_verb(word: str) -> bool:
    """Rough test for a finite verb in the third person ("kommt", "kann", "braucht")."""
    folded = word.strip(",.;:").casefold()
    if folded in _AUXILIARIES or folded in _MODALS:
        return True
    return (
        word[:1].islower()
        and folded not in _NOT_VERBS
        and re.fullmatch(r"[a-zäöüß]{2,}t", folded) is not None
    )


def predicate_start(text: str, subject: int, following: str) -> int:
    """Where the words after the subject that can go begin: right after the subject when
    ``following`` brings its own verb ("Kunde [ist taub und] kommt ab 16 Uhr"), after the
    auxiliary otherwise ("Die Kundin ist [Politikerin und] sehr bekannt")."""
    start = subject + 1
    verb = _WORD.match(text, start)
    next_word = _WORD.search(following)
    if (
        verb is not None
        and verb.group().casefold() in _AUXILIARIES
        and (next_word is None or not is_finite_verb(next_word.group()))
    ):
        return verb.end() + 1
    return start


SUBORDINATORS = words(
    "weil da dass daß wenn obwohl damit sodass sobald nachdem bevor falls solange seit seitdem "
    "während ob"
)
_RELATIVE = words("der die das dem den deren dessen welcher welche welches welchem welchen")


def is_relative_clause(part: str) -> bool:
    """True for a relative clause ("der das Auto fährt"), not a sentence that starts with an
    article ("der Ehemann darf nichts erfahren")."""
    found = _WORD.findall(part)
    if len(found) < 2 or found[0].casefold() not in _RELATIVE:
        return False
    return not found[1][:1].isupper()
