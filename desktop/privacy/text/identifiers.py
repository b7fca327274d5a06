"""Identifiers in free text: validated by check digits and by the words in front of them.

Every candidate is found by a narrow format regex and then confirmed by its check digit
(IBAN, card, tax ID, KVNR, RVNR) or by a context word from ``resources/privacy/identifiers.toml``.
A nearer job-data word (Schadennummer, Auftrag, VSNR, ...) always wins, so order and claim
numbers stay clean. Phone numbers must look like phone numbers to a human (leading ``0``, ``+``
or ``00``) before libphonenumber is asked; it is imported only when such a candidate exists.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_right
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.privacy.text import checksums
from desktop.privacy.text.lexicon import SEPARATOR, pieces
from desktop.privacy.text.model import SEVERITY, Finding
from desktop.privacy.text.normalize import INVISIBLE, fold_term, latin1_classes

if TYPE_CHECKING:
    from desktop.privacy.text.recognizer import Context

Add = Callable[[int, int, str], None]
Spans = list[tuple[int, int]]


def _passing(pattern: re.Pattern[str], text: str, where: Spans) -> list[bool]:
    """For each span of ``text``: does ``pattern`` match inside it? (``where`` is sorted; the
    pattern never matches across :data:`SEPARATOR`, so one jumping scan answers all.)"""
    if len(where) == 1:
        return [pattern.search(text) is not None]
    out = [False] * len(where)
    starts = [a for a, _b in where]
    search, pos = pattern.search, 0
    while (match := search(text, pos)) is not None:
        index = bisect_right(starts, match.start()) - 1
        out[index] = True
        if index + 1 == len(where):
            break
        pos = starts[index + 1]
    return out


def _is_word(char: str) -> bool:
    """``\\w`` for one character ("" at either end of the text is no word character)."""
    return char.isalnum() or char == "_"


def _marker(where: Spans) -> tuple[list[bool], Callable[[int], int]]:
    """``out`` (one flag per span) and the index of the span holding a position."""
    out = [False] * len(where)
    if len(where) == 1:
        return out, lambda _pos: 0
    starts = [a for a, _b in where]
    return out, lambda pos: bisect_right(starts, pos) - 1


def _literal_passing(words: tuple[str, ...], text: str, where: Spans) -> list[bool]:
    """``_passing`` of an alternation of the literal ``words`` (none holds SEPARATOR): does
    one of them occur inside each span? A few C-level ``find`` calls instead of a regex scan.
    """
    out, index = _marker(where)
    for word in words:
        pos = text.find(word)
        while pos >= 0:
            i = index(pos)
            out[i] = True
            if i + 1 == len(where):
                break
            pos = text.find(word, where[i + 1][0])
    return out


def _spoken_hints(folded: str, where: Spans) -> list[bool]:
    """``_passing(_SPOKEN_HINT, folded, where)`` from ``find`` calls: a span passes when it
    holds an "@" or "klammeraffe" or the word "at" or "aet" on its own (``[at]``, ``(at)``
    included)."""
    out = _literal_passing(("@", "klammeraffe"), folded, where)
    _out, index = _marker(where)
    for word in ("at", "aet"):
        size = len(word)
        pos = folded.find(word)
        while pos >= 0:
            if not _is_word(folded[pos - 1 : pos]) and not _is_word(
                folded[pos + size : pos + size + 1]
            ):
                out[index(pos)] = True
            pos = folded.find(word, pos + 1)
    return out


class _Digits:
    """Per span of the text, from one scan of its digit runs: does ``_DIGIT_RUN`` match
    (``passing``), and which spans can hold a card number, an 11-digit number, an RVNR or a
    KVNR or an IBAN (each of those formats needs a part found here; the rest are not scanned
    for it); and where the runs start (``starts``, for the phone numbers)."""

    __slots__ = (
        "card",
        "digits11",
        "iban",
        "kvnr",
        "lookalike",
        "passing",
        "rvnr",
        "spaced",
        "starts",
    )

    def __init__(self, text: str, where: Spans) -> None:
        n = len(where)
        self.passing, self.card, self.digits11 = [False] * n, [False] * n, [False] * n
        self.rvnr, self.kvnr, self.iban = [False] * n, [False] * n, [False] * n
        self.starts: list[int] = []
        self.spaced = False  # three single digits apart by single spaces ("0 1 7 ...")
        self.lookalike = False  # a letter for a digit: "O171 ...", "01l1 ..."
        singles = 0
        _out, index = _marker(where)
        # digits in the current chain of runs joined by single separators: any of " ./-"
        # (_DIGIT_RUN and card), " " (11 digits)
        chain = card = spaced = 0
        last = -2
        for start, end in _digit_runs(text):
            self.starts.append(start)
            size = end - start
            if start == last + 1:
                joint = text[last]
                if joint in _DIGIT_LOOKALIKES:
                    self.lookalike = True  # "0l71": a letter between digits
                chain = chain + size if joint in _RUN_JOINTS else size
                card = card + size if joint in _CARD_JOINTS else size
                spaced = spaced + size if joint == " " else size
            else:
                chain = card = spaced = size
                if (
                    size >= 2
                    and start
                    and text[start - 1] in "Oo"
                    and (start == 1 or not text[start - 2].isalnum())
                ):
                    self.lookalike = True  # "O171 2345678": a letter O for the zero
            if size == 1:
                singles = singles + 1 if start == last + 1 and text[last] == " " else 1
                if singles >= 3:
                    self.spaced = True
            else:
                singles = 0
            last = end
            # the country code and check digits of an IBAN (its letters are str.isalpha())
            if size >= 2 and start >= 2:
                if text[start - 1].isalpha():
                    if _IBAN_HEAD.match(text, start - 2):
                        self.iban[index(start)] = True
                elif text[start - 1] == " " and text[start - 3 : start - 1] in _IBAN_CODES:
                    self.iban[index(start)] = True  # "DE 44 5001 ...": a known code, capitals
            if chain < 5:  # card, spaced <= chain; an RVNR or KVNR needs 6 digits in a row
                continue
            i = index(start)
            self.passing[i] = True
            if card >= 13:
                self.card[i] = True
            if spaced >= 11:
                self.digits11[i] = True
            if size >= 6:
                self.rvnr[i] = True
                if size >= 9:
                    self.kvnr[i] = True


def _digit_runs(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of every ``_DIGITS`` match in ``text``, in order."""
    classes = latin1_classes(text, _DIGIT_CLASSES)
    if classes is None:
        return (run.span() for run in _DIGITS.finditer(text))
    return (run.span() for run in _ZERO_RUN.finditer(classes))


def _phone_matches(text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """``_PHONE.finditer(text)`` given the starts of the digit runs of ``text``: a match
    begins at a run start or at a "+" right before one, not after a word character or "+"."""
    match, reach = _PHONE.match, -1
    for start in starts:
        if start and text[start - 1] == "+":
            start -= 1
        elif text[start] != "0" and not text[start + 1 : start + 5].isdecimal():
            continue  # neither "0..." nor five digits in a row: no phone number starts here
        before = text[start - 1] if start else ""
        if start < reach or before == "+" or _is_word(before):
            continue
        found = match(text, start)
        if found is not None:
            reach = found.end()
            yield found


def _address_hints(folded: str, where: Spans) -> list[bool]:
    """``_passing(_ADDRESS_HINT, folded, where)``, computed from the digit runs: a PLZ hint
    starts 5 digits before the end of a run, a house number at the start of a run after white
    space (one scan for the runs, then a ``match`` at those few places)."""
    out = [False] * len(where)
    starts = [a for a, _b in where]
    plz_at, house_at = _PLZ_HINT.match, _HOUSE_NUMBER.match
    for start, end in _digit_runs(folded):
        if end - start >= 5 and plz_at(folded, end - 5):
            out[bisect_right(starts, start) - 1] = True
            continue
        # a house number has at most four digits, then white space, a letter or a comma
        after = folded[end : end + 1]
        if end - start > 4 or not (after.isspace() or after == "," or "a" <= after <= "z"):
            continue
        if not start or not folded[start - 1].isspace() or not house_at(folded, start):
            continue
        index = bisect_right(starts, start) - 1
        if out[index]:
            continue
        begin, stop = starts[index], start
        while stop > begin and folded[stop - 1].isspace():
            stop -= 1
        if folded.endswith(_STREET_WORDS, begin, stop):
            out[index] = True
    return out


_INVISIBLE_CLASS = "[" + "".join(sorted(INVISIBLE)) + "]"
_DASH_BY_DIGIT = re.compile(r"[–—](?= ?\d)|(?<=\d)[–—]|(?<=\d )[–—]")
_VIEW_CHANGE = re.compile(_INVISIBLE_CLASS + "+|[–—]")
# Six or more single letters or digits, each apart by spaces (a dash, slash or dot between may
# group them): "0 1 7 6 – 5 5 4 3 2 1 9 8", "I B A N  D E 1 4  2 1 8 6 ...".
_SPACED_UNITS = re.compile(r"(?<!\w)[^\W_](?:(?: {1,3}(?:[-–—/.] {1,3})?|[-–—/.])[^\W_](?!\w)){5,}")
_UNIT_GAP = re.compile(r"[^\w]+")
# Letters typed for digits: "O"/"o" for zero at the start of a number, and "O", "o", "l", "I"
# between two digits.
_DIGIT_LOOKALIKES = frozenset("OolI")
_LOOKALIKE_DIGIT = re.compile(r"(?<![^\W_])[Oo](?=\d\d)|(?<=\d)[OolI](?=\d)")


def _view(
    text: str, hidden: bool, spaced: bool, lookalike: bool = False
) -> tuple[str, list[int]] | None:
    """The text as a reader sees it in numbers, with each character's index in ``text``.

    Invisible characters dropped, typographic dashes as "-", spaced-out runs closed up (a
    single space dropped, a wider gap kept as one space, a dash kept as "-"), a letter that
    stands for a digit read as that digit ("O171" as "0171", "01l1" as "0111"): identifiers
    with such evasions then meet their usual patterns. ``None`` when nothing changes. Only
    looked at when the text holds an invisible character (``hidden``, from the normaliser),
    single digits apart by spaces or a letter for a digit (``spaced``, ``lookalike``, from
    the digit runs) or a dash by a digit.
    """
    if not (
        hidden
        or spaced
        or lookalike
        or (("–" in text or "—" in text) and _DASH_BY_DIGIT.search(text))
    ):
        return None
    changes: dict[int, tuple[int, str]] = {}  # start -> (end, replacement)
    if lookalike:
        for letter in _LOOKALIKE_DIGIT.finditer(text):
            changes[letter.start()] = (letter.end(), "0" if letter.group() in "Oo" else "1")
    for run in _SPACED_UNITS.finditer(text):
        for gap in _UNIT_GAP.finditer(text, run.start(), run.end()):
            inner = gap.group().strip(" ")
            if inner:
                replacement = "-" if inner in "-–—" else inner[0]
            else:
                replacement = " " if len(gap.group()) > 1 else ""
            changes[gap.start()] = (gap.end(), replacement)
    for match in _VIEW_CHANGE.finditer(text):
        if match.start() not in changes:
            changes[match.start()] = (match.end(), "" if match.group() not in "–—" else "-")
    parts: list[str] = []
    index: list[int] = []
    last = 0
    for start in sorted(changes):
        end, replacement = changes[start]
        if start < last:
            continue
        parts.append(text[last:start])
        index.extend(range(last, start))
        parts.append(replacement)
        index.extend([start] * len(replacement))
        last = end
    parts.append(text[last:])
    index.extend(range(last, len(text)))
    view = "".join(parts)
    return None if view == text else (view, index)


# Phone numbers said in words: "null eins sieben eins, vier vier fünf ...", "null-sieben-elf,
# vierzig dreiundzwanzig achtzehn" (on the folded text).
_UNITS = {
    **{"eins": 1, "zwei": 2, "zwo": 2, "drei": 3, "vier": 4, "fuenf": 5},
    **{"sechs": 6, "sieben": 7, "acht": 8, "neun": 9},
}
_TEENS = {
    **{"zehn": 10, "elf": 11, "zwoelf": 12, "dreizehn": 13, "vierzehn": 14},
    **{"fuenfzehn": 15, "sechzehn": 16, "siebzehn": 17, "achtzehn": 18, "neunzehn": 19},
}
_TENS = {
    **{"zwanzig": 20, "dreissig": 30, "vierzig": 40, "fuenfzig": 50},
    **{"sechzig": 60, "siebzig": 70, "achtzig": 80, "neunzig": 90},
}


def _alternation(words: dict[str, int]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_UNIT_WORD = _alternation(_UNITS)
_TWO_DIGITS = (
    rf"(?:(?:ein|{_UNIT_WORD})und(?:{_alternation(_TENS)})|{_alternation(_TENS)}"
    rf"|{_alternation(_TEENS)})"
)
_NUMBER_WORD = (
    rf"(?:null|(?:(?:ein|{_UNIT_WORD})?hundert)(?:{_TWO_DIGITS}|{_UNIT_WORD})?"
    rf"|{_TWO_DIGITS}|{_UNIT_WORD})"
)
# Words apart by spaces, commas, slashes or dashes, or glued together (the normaliser joins
# "null-sechs-neun" into one word as it does "schwer-hörig").
_SPOKEN_NUMBER = re.compile(rf"(?<![a-z]){_NUMBER_WORD}(?:[\s,/-]*{_NUMBER_WORD}){{2,}}(?![a-z])")
_NUMBER_WORD_RE = re.compile(_NUMBER_WORD)
# Two number words in a row (the run regex matches only where this does; a literal
# alternation is scanned several times faster than the run regex).
_SPOKEN_NUMBER_HINT = re.compile(
    r"(?:null|eins|zwei|zwo|drei|vier|fuenf|sechs|sieben|acht|neun|zehn|elf|zig|ssig|hundert)"
    r"[\s,/-]*(?:null|ein|zw|drei|vier|fuenf|sech|sieb|acht|neun|zehn|elf|hundert)"
)
# Only sentences with one of these are scanned for a phone number said in words: "null" (an
# area code or a zero digit: in almost every such number) or a word that says a phone number
# follows ("Telefon", "Handy", "Nummer", "erreichbar", "Rückruf"). Six literal finds; the run
# regex itself costs five times that on a whole text.
_SPOKEN_PHONE_WORDS = ("null", "tel", "handy", "nummer", "erreichbar", "rueckruf")


def _spoken_digits(word: str) -> str:
    """The digits of one number word ("null" → "0", "dreiundzwanzig" → "23")."""
    if word == "null":
        return "0"
    value = 0
    if "hundert" in word:
        head, word = word.split("hundert", 1)
        value = 100 * (_UNITS.get(head, 1) if head not in ("", "ein") else 1)
    if "und" in word:
        unit, tens = word.split("und", 1)
        value += (1 if unit == "ein" else _UNITS[unit]) + _TENS[tens]
    elif word:
        value += _UNITS.get(word) or _TEENS.get(word) or _TENS[word]
    return str(value)


def _finditer(pattern: re.Pattern[str], text: str, where: Spans) -> Iterator[re.Match[str]]:
    """Matches of ``pattern`` inside each ``(start, end)`` span of ``text``."""
    for start, end in where:
        yield from pattern.finditer(text, start, end)


_WINDOW = 40
_WORD_REST = re.compile(r"[\w.-]*")
# The letters of a job context word as typed, and the endings of an inflected job word.
_LABEL_WORD = re.compile(r"[^\W_]+")
_INFLECTIONS = frozenset({"", "s", "es", "e", "en", "n", "nr", "no", "ung", "ungs"})
# The generic number words of the phone context, and the word right before one (as letters
# glued to it, or a word apart by a space, dash, colon or full stop).
_GENERIC_NUMBER = re.compile(r"nr\b|nummer")
_FRONT_WORD = re.compile(r"([^\W_]+)[\s:.\-]*$")
# Groups of an IBAN may be separated by a space, dot, dash or slash ("DE87-5932-..."), and a
# space may part the country code, in capitals, from the check digits ("DE 44 500 105 ...":
# only with the code of a country of IBAN_LENGTHS and its length, see _iban).
_IBAN = re.compile(r"\b(?:[A-Z]{2}|(?-i:[A-Z]{2}) )\d{2}(?:[ ./-]?[A-Z0-9]){11,30}", re.IGNORECASE)
_IBAN_SEPARATORS = re.compile(r"[ ./-]")
# Groups of a card number may be apart by a space, dash, dot or slash ("4012.8888.8888.1881").
_CARD = re.compile(r"\d(?<!\w\d)(?:[ ./-]?\d){12,18}(?!\w)")
# 11 digits, grouped by single spaces in any way ("65 929 970 489", "850 214 329 74").
_DIGITS11 = re.compile(r"\d(?<!\w\d)(?:[ ]?\d){10}(?!\w)")
# An ID-card or passport number: its alphabet has no vowels, so an "O" inside is a typed
# zero ("LO1XOOT47"), and its characters may stand apart by single spaces ("L 0 1 X 0 0 T 4 7",
# "C 01X 00T 47"); only after an ID document word (see _documents).
_DOCUMENT = re.compile(
    r"(?<!\w)[CFGHJKLMNPRTVWXYZ](?: ?[CFGHJKLMNOPRTVWXYZ0-9]){7,8}(?: ?\d)?(?!\w)",
    re.IGNORECASE,
)
# A licence plate spaced like a document number ("HH KL 1234"): job data, no ID number.
_PLATE = re.compile(r"[A-Z]{1,3} [A-Z]{1,2} \d{1,4}[EH]?", re.IGNORECASE)
# A driving licence number (11 letters and digits, EU model): only after an ID document word.
_LICENCE = re.compile(r"(?<!\w)[A-Z0-9]{11}(?!\w)")
_RVNR_SEPARATORS = re.compile(r"[ /-]")
_KVNR = re.compile(r"[A-Za-z](?<!\w[A-Za-z])[ ]?\d{9}(?!\w)")
# groups apart by a space, dash or slash ("12 150382 M 003", "53-170965-S-046")
_RVNR = re.compile(r"\d(?<!\w\d)\d[ /-]?\d{6}[ /-]?[A-Za-z][ /-]?\d{3}(?!\w)")
_ACCOUNT = re.compile(r"\d[\d ]{4,12}\d")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b", re.IGNORECASE)
# An e-mail address written out (on the folded text): "anna punkt berg at t-online punkt de",
# "petra.lang (ät) posteo (punkt) de", "m punkt vogt klammeraffe freenet punkt de",
# "tom-heinz at mailbox dot org", "jana.roth at proton.me" -- any domain and top-level domain. A
# literal "." before the top-level domain must touch both words ("at work. Termin" is prose).
_SPOKEN_SEP = r"[\[(]?(?:punkt|minus|unterstrich|bindestrich|dot|dash|underscore)[\])]?"
_SPOKEN_AT = r"(?:@|[\[(](?:at|aet|ät|a)[\])]|(?<!\w)(?:at|aet|ät|klammeraffe)(?!\w))"
# "sabine-ät-gmx-punkt-net": the normaliser joins words split by hyphens ("schwer-hörig"), so
# an address spelled with hyphens is looked for in the lower-cased text as typed.
_HYPHEN_AT = ("-at-", "-ät-", "-aet-")
_SPOKEN_DOT = r"(?:\.|[\s-]*[\[(]?(?<!\w)(?:punkt|dot)(?!\w)[\])]?[\s-]*)"
# Dictated with pauses: commas and "dann"/"und" around the "at" ("nils unterstrich brand, dann
# Klammeraffe, mailbox punkt org").
_AT_PAUSE = r"[\s,-]*(?:(?:dann|und|danach)[\s,]+)?"
_SPOKEN_EMAIL = re.compile(
    rf"(?<!\w)[\w.+-]+(?:[\s-]+{_SPOKEN_SEP}[\s-]+[\w+-]+)*{_AT_PAUSE}{_SPOKEN_AT}[\s,-]*"
    rf"[\w-]+?(?:{_SPOKEN_DOT}[\w-]+?)*?{_SPOKEN_DOT}[a-z]{{2,6}}(?![\w-])"
)
# The last dot may also be a bare space or a dot with spaces before a common top-level domain
# ("j.weiss ät gmail com", "petra.lang @ web . de") when the local part looks like one of an
# address (a letter, then a dot, underscore, hyphen or digit in it: not "Termin at Werkstatt de
# Vries", "Scheibe 1-2 at Lager de").
_COMMON_TLD = r"(?:de|com|net|org|eu|at|ch|info|me|io|email|online|nl|fr|it|es|pl|uk|biz)"
_LOOSE_EMAIL = re.compile(
    rf"(?<![\w.+-])[^\W\d_][\w+]*[._\d-][\w.+-]*[\s-]*{_SPOKEN_AT}[\s-]*[\w-]+"
    rf"(?: | ?\. ?){_COMMON_TLD}(?![\w-])"
)
# "bei" for "@" only with a spelled-out "punkt" and a common top-level domain after it
_SPOKEN_BEI_EMAIL = re.compile(
    rf"(?<!\w)[\w+-]+(?:\s+{_SPOKEN_SEP}\s+[\w+-]+)*\s+bei\s+[\w-]+"
    r"(?:\s+(?:punkt|dot)\s+[\w-]+)*?\s+(?:punkt|dot)\s+"
    r"(?:de|com|net|org|eu|at|ch|info|me|io|email|online)(?![\w-])"
)
_DATE = (
    r"(?:\d{1,2}\s?\.\s?\d{1,2}\s?\.\s?(?:19|20)?\d{2}|\d{1,2}/\d{1,2}/\d{2,4}"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}\.?\s+(?:jan|feb|maer|mrz|apr|mai|jun|jul|aug|sep|okt|nov|dez)"
    r"[a-z]*\.?\s+(?:19|20)?\d{2})"
)
# A month in words, and a day and month: "14.07.", "3. Mai", "3. mrz." (on the folded text)
_MONTH = r"(?:jan|feb|maer|mrz|apr|mai|jun|jul|aug|sep|okt|nov|dez)[a-z]*\.?"
_DAY_MONTH = rf"\d{{1,2}}\s?\.\s?(?:\d{{1,2}}\s?\.|{_MONTH})"
# A date in words: an ordinal day ("fünften", "zwölfter", "einundzwanzigsten"), the month, and
# optionally the year in digits or words ("neunzehnhundertachtundfünfzig"; on the folded text).
_ORDINAL_DAY = (
    r"(?:erst|zweit|dritt|viert|fuenft|sechst|siebt|siebent|acht|neunt|zehnt|elft|zwoelft"
    r"|(?:drei|vier|fuenf|sech|sieb|acht|neun)zehnt"
    r"|(?:(?:ein|zwei|drei|vier|fuenf|sechs|sieben|acht|neun)und)?zwanzigst"
    r"|(?:einund)?dreissigst)e[nrms]?"
)
_SPOKEN_DATE = (
    rf"(?:der |den |dem )?{_ORDINAL_DAY}\s+{_MONTH}"
    r"(?:\s+(?:(?:19|20)?\d{2}|neunzehnhundert\w*|zweitausend\w*))?"
)
_BIRTH = re.compile(
    r"(?<!\w)(?:geb\.?|geboren|geburtsdatum|geb\.?-?dat(?:um|\.)?|geburtstag|dob|date of birth"
    rf"|born|birthday)\s*(?:am|on|:|ist|den)?\s*:?\s*(?:{_DATE}(?!\d)|{_SPOKEN_DATE}(?!\w))"
    rf"|(?<!\w)(?:am )?{_SPOKEN_DATE}\s+geboren"
    rf"|(?<!\d){_DAY_MONTH}(?:\s?(?:19|20)?\d{{2}})?\s+(?:\w+\.?\s+){{0,3}}geburtstag"
    r"|(?<!\w)(?:geb\.?|geboren|jahrgang|geburtsjahr|baujahr des kunden)\s*:?\s*"
    rf"(?:(?:im|in)\s+)?(?:{_MONTH}\s+)?(?:19|20)\d{{2}}(?!\d)"
    rf"|(?<!\w)(?:im|in)\s+{_MONTH}\s+19\d{{2}}\s+geboren"
    r"|(?<!\w)(?:jg\.?|jahrgang)\s*:?\s*(?:19|20)?\d{2}(?!\d)"
    rf"|(?<![\w*])\*\s?{_DATE}(?!\d)"
    # "* 1950" after a name: a year of birth (not a product "2 * 1950")
    r"|(?<![\w*])(?<!\d\s)\*\s?19\d{2}(?![\d.,])"
    rf"|(?<!\d)(?:{_DATE}|(?:19|20)\d{{2}})\s+geboren"
    # a word that can only mean the date of birth, the date a few words later ("Geburtsdatum
    # lt. Kd.: 29/02/1972", "sein Geburtsdatum genannt (07.06.1979)")
    r"|(?<!\w)(?:geburtsdatum|geb\.?-?dat(?:um|\.)?|dob|date of birth)"
    rf"[^\n\x00]{{0,30}}?{_DATE}(?!\d)"
    # a birthday a few words before a date with a year of the last century: an appointment
    # falls in this century ("Geburtstag vom Kd. ist der 17.04.1983", "Geburtstag hat er am
    # 14.7.58"; a two-digit year from 30 on)
    rf"|(?<!\w)geburtstag[^\n\x00]{{0,30}}?{_DAY_MONTH}\s?(?:19)?[3-9]\d(?!\d)"
)
# "für die" right before a job word: the word names what the number is for
_PURPOSE = re.compile(r"(?<!\w)(?:für|fuer)\s+(?:die|den|das|der|dem)?\s*$")
_PHONE = re.compile(
    r"[+\d](?<![\w+][+\d])"
    r"(?:(?<=[+0])\d[\d \t/().\-]{3,18}\d(?!\w)|(?<=\d)(?<![.,/\-]\d)\d{4,7}(?![\w.,/\-]))"
)
# A digit and a dash or slash right before a phone candidate: a later group of a longer
# number ("4711-0815-2026"), not a phone number of its own.
_LATER_GROUP = re.compile(r"\d[-/]")
_DATE_ONLY = re.compile(r"\d{1,2}\.\d{1,2}\.(?:\d{2}|\d{4})?$|\d{4}-\d{2}-\d{2}$")
# Cheap hints that an address may be present (on the folded text): a PLZ before a city, or a
# street word before a house number.
_ADDRESS_HINT = re.compile(
    r"\d{5}\s+\w|(?:strasse|str\.|weg|gasse|allee|platz|ring|damm|ufer|chaussee|pfad|steig)"
    r"\s+\d{1,4}\s?[a-z]?(?:\s*,|\s+in\s|\s+\d{5})"
)
# The same hint found from the digits, which are rarer than letters (a test checks that both
# agree): a PLZ before a word, or a house number whose preceding word is a street word.
_PLZ_HINT = re.compile(r"\d{5}\s+\w")
_HOUSE_NUMBER = re.compile(r"\d(?<=\s\d)\d{0,3}\s?[a-z]?(?:\s*,|\s+in\s|\s+\d{5})")
_STREET_WORDS = (
    *("strasse", "str.", "weg", "gasse", "allee", "platz"),
    *("ring", "damm", "ufer", "chaussee", "pfad", "steig"),
)
_AT_HINT = re.compile(r"ae?t(?<!\wat)(?<!\waet)(?!\w)|[@\[(]at[\])]")
# an e-mail written out or with an @
_SPOKEN_HINT = re.compile("@|klammeraffe|" + _AT_HINT.pattern)
_BIRTH_HINT = re.compile(r"geb|jahrgang|jg|dob|birth|born|\*")
_BIRTH_WORDS = ("geb", "jahrgang", "jg", "dob", "birth", "born", "*")  # _BIRTH_HINT's
_NON_DIGIT = re.compile(r"\D")
# Every number format below (IBAN, card, tax ID, RVNR, KVNR, account) holds at least five
# digits in a row (single separators allowed): without such a run those scans are skipped.
_DIGIT_RUN = re.compile(r"\d(?:[ ./-]?\d){4}")
_DIGITS = re.compile(r"\d+")
# The same on the text's Latin-1 classes (see latin1_classes): a digit is "0", so a run of
# digits is a run of "0" (a literal byte the regex engine skips ahead to).
_DIGIT_CLASSES = bytes(ord("0") if chr(b).isdecimal() else ord(" ") for b in range(256))
_ZERO_RUN = re.compile(rb"00*")
_RUN_JOINTS = frozenset(" ./-")  # "" (no joint) is in neither set
_CARD_JOINTS = frozenset(" ./-")
_IBAN_CODES = frozenset(checksums.IBAN_LENGTHS)
_IBAN_HEAD = re.compile(r"[A-Z]{2}", re.IGNORECASE)  # as in _IBAN, before its two digits
# A full home address: PLZ + city + street + number, street + number + PLZ + city, or street +
# number + city -- in the last form the word after the street must be a place, not one of the
# access words of identifiers.toml ("Lindenweg 4, Tor hinten"), inserted at NOT_A_PLACE.
_ADDRESS_SOURCE = (
    r"(?<!\w)\d{5}\s+[A-ZÄÖÜ][\wäöüß\-]+,?\s+[A-ZÄÖÜ][\wäöüß.\-]*(?:\s+[\wäöüß.\-]+){0,2}?"
    r"\s+\d{1,4}\s?[a-zA-Z]?\b"
    r"|(?<!\w)[A-ZÄÖÜ][\w.'\-]*(?:\s+[\wÄÖÜäöüß.'\-]+){0,3}?\s+\d{1,4}\s?[a-zA-Z]?\s*,?\s+"
    r"\d{5}\s+[A-ZÄÖÜ][\wäöüß\-]+"
    # a street named by two words ("Hohe Str. 31 in Dresden", "Am Markt 3, Bonn")
    r"|(?<!\w)[A-ZÄÖÜ][\wäöüß\-]*\s+(?:Straße|Strasse|Str\.|Weg|Gasse|Allee|Platz|Ring|Damm"
    r"|Ufer|Chaussee|Pfad|Steig)\s+\d{1,4}\s?[a-zA-Z]?\b\s*(?:,|in)\s+"
    r"(?:\d{5}\s+[A-ZÄÖÜ][\wäöüß\-]+|NOT_A_PLACE[A-ZÄÖÜ][\wäöüß\-]+)"
    r"|(?<!\w)(?!(?:Stell|Park|Abstell|Garagen|Tiefgaragen|Einstell|Stand|Sitz)platz|(?:Bahn|Flug)steig)"
    r"[A-ZÄÖÜ][\wäöüß\-]*(?:straße|strasse|str\.|weg|gasse|allee|platz|ring|damm|ufer"
    r"|chaussee|pfad|steig)\s+\d{1,4}\s?[a-zA-Z]?\b\s*(?:,|in)\s+"
    r"(?:\d{5}\s+[A-ZÄÖÜ][\wäöüß\-]+|NOT_A_PLACE[A-ZÄÖÜ][\wäöüß\-]+)"
)
# What every match of _ADDRESS_SOURCE holds in the text it scans (a test checks it): a PLZ
# before a capitalised word, or the last digit of a house number before "," or "in". The
# hint above reads the folded text, where every word is in lower case; this one is searched
# in the few sentences the hint lets through, before the long address regex.
_ADDRESS_NEEDS = re.compile(r"\d(?:\d{4}\s+[A-ZÄÖÜ]|\s?[a-zA-Z]?\b\s*(?:,|in)\s)")
_UMLAUT_SPELLINGS = {"ä": "(?:ä|ae)", "ö": "(?:ö|oe)", "ü": "(?:ü|ue)", "ß": "(?:ß|ss)"}


def _not_a_place(words: list[str]) -> str:
    """Negative lookahead for the access words (any case, umlauts typed either way)."""
    if not words:
        return ""
    alternatives = (
        "".join(_UMLAUT_SPELLINGS.get(c, re.escape(c)) for c in w.lower())
        for w in sorted(words, key=len, reverse=True)
    )
    return "(?!(?i:" + "|".join(alternatives) + r")(?!\w))"


# Up to three words at the start of an address match that may name a business before it.
_LEAD_WORDS = re.compile(r"(?:[^\W\d][\w.-]*\s+){1,3}(?=[^\W\d][\w.-]*\s+\d)")
_ADDRESS_LEAD = re.compile(
    r"(?:(?:kd\.?|kunde|kundin|vn|wohnt|wohnhaft|lebt|in|der|die|im|neue|adresse:?|anschrift:?"
    r"|wohnadresse:?|einsatzort:?|rechnung)\s+)+",
    re.IGNORECASE,
)


def _address_lead(address: str) -> int:
    """Length of leading words that are not part of the address ("Kd. wohnt ...")."""
    match = _ADDRESS_LEAD.match(address)
    return match.end() if match else 0


# The folded form of a word, remembered: a Postkorb text repeats its words on every keystroke.
_key = lru_cache(maxsize=8192)(fold_term)


# A word as a name is written: letters, inner hyphens or apostrophes ("Klaus-Peter", "O'Neill").
def _quoted(before: str, after: str) -> bool:
    """Inside a quotation: one opened in ``before`` and not closed yet („…, "…, »…), or one
    closed in ``after`` that was opened in an earlier sentence (…“)."""
    if before.count("„") > before.count("“") or before.count("»") > before.count("«"):
        return True
    if "„" not in before and before.count("“") > before.count("”"):
        return True
    if before.count('"') % 2 == 1:
        return True
    return after.count("“") + after.count("”") + after.count("«") > after.count("„") + after.count(
        "»"
    ) or (after.count('"') % 2 == 1 and before.count('"') % 2 == 0 and '"' not in before)


_INITIAL = re.compile(r"[A-ZÄÖÜ]\.$")
_NAME_TOKEN = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*\.?")


@lru_cache(maxsize=4)
def first_names(root: Path) -> frozenset[str]:
    """The folded first names of ``first_names.txt`` less ``not_first_names`` (identifiers.toml
    ``[full_name]``); read once, shared by the full-name and the name-field checks."""
    with (root / "identifiers.toml").open("rb") as fh:
        config = tomllib.load(fh).get("full_name", {})
    skip = {fold_term(w) for w in config.get("not_first_names", [])}
    lines = (root / "first_names.txt").read_text("utf-8").splitlines()
    names = (raw.split("#", 1)[0].strip() for raw in lines)
    # (an ASCII name folds to its lower case: the common case, kept cheap)
    return frozenset(n.lower() if n.isascii() else fold_term(n) for n in names if n) - skip


class _FullNames:
    """A person's first name and surname together ("Sabine Kröger", "Weber, Annette").

    Notice §1.4: personal data the request does not need stays out of the Postkorb subject
    and description; the referral number identifies the job and a surname alone is tolerated
    ("Storno Auftrag Schulz"), a full name is not. A first name is one of
    ``first_names.txt`` (and not one of ``not_first_names``); the surname is the capitalised
    word next to it. Company names ("Autoglas Peter Schmitt GmbH"), places ("Anne-Frank-
    Schule", "Martin Luther Platz") and brands are told apart by the words around them
    (``identifiers.toml``, ``[full_name]``).
    """

    def __init__(self, root: Path, config: dict[str, list[str]]) -> None:
        self._first = first_names(root)
        self._before = frozenset(fold_term(w) for w in config.get("before", []))
        self._after = frozenset(fold_term(w) for w in config.get("after", []))
        # car makes and models are no surnames ("Octavia Kombi", "Leon Kombi")
        with (root / "grammar.toml").open("rb") as fh:
            grammar = tomllib.load(fh)
        vehicles = grammar.get("vehicle", {}).get("words", [])
        # a place or institution word after "first name + surname" makes the three a named
        # place ("Max Planck Institut", "Anne Frank Schule"; grammar.toml [heads])
        heads = grammar.get("heads", {})
        places = [*heads.get("place", []), *heads.get("institution", [])]
        self._places = frozenset(fold_term(w) for w in places) | self._after
        self._not_surnames = frozenset(
            fold_term(w) for w in [*config.get("not_surnames", []), *vehicles]
        )
        self._staff = frozenset(fold_term(w) for w in config.get("staff", []))
        self._departments = tuple(fold_term(w) for w in config.get("departments", []))
        self._calendar = frozenset(fold_term(w) for w in config.get("calendar", []))
        self._customers = frozenset(fold_term(w) for w in config.get("customers", []))
        # "Auftrag 4711 Müller Peter", "Kunde Weber Sabine": the words after which a surname
        # comes first (grammar.toml [surname] records and the person nouns)
        person = grammar.get("person", {}).get("words", [])
        records = grammar.get("surname", {}).get("records", [])
        self._name_fronts = frozenset(fold_term(w) for w in [*records, *person])
        # a title before a name is no surname ("Rückruf Imam Yilmaz"; [attributive] titles)
        titles = grammar.get("attributive", {}).get("titles", [])
        self._name_titles = frozenset(fold_term(w) for w in titles)
        self._closings = frozenset(fold_term(w) for w in config.get("closings", []))
        self._titles = frozenset(fold_term(w) for w in config.get("titles", []))
        self._particles = frozenset(config.get("particles", []))
        self._particle_articles = frozenset(config.get("particle_articles", []))

    def _is_first(self, word: str) -> bool:
        return word[:1].isupper() and all(_key(p) in self._first for p in word.split("-"))

    def _is_surname(self, word: str, capitals: bool = False) -> bool:
        """A capitalised word that may be a surname; in capitals only with ``capitals`` (the
        first name is written in capitals too: "PETER MÜLLER") and when it is no word of
        another kind ("ANNA ANRUFEN", "PETER DRINGEND")."""
        if word.endswith("."):  # the full stop of a sentence, not an abbreviation ("Str.")
            word = word[:-1] if len(word) > 3 else ""
        if word.isupper() and not (capitals and len(word) > 2 and _noun_or_name(word)):
            return False
        return (
            len(word) > 1
            and word[0].isupper()
            and not word.endswith(".")
            and _key(word) not in self._not_surnames
            and _key(word) not in self._after  # "Schule", "Straße", "GmbH"
        )

    def _surname_after(
        self, text: str, first: re.Match[str], tokens: list[re.Match[str]], i: int
    ) -> re.Match[str] | None:
        """The surname token right after the first name ``tokens[i]``, if there is one."""

        def joined(a: re.Match[str], b: re.Match[str]) -> bool:
            return text[a.end() : b.start()].isspace()

        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        particles = 0  # "Peter van der Berg", "Anna von Stein", a middle initial "Petra M. Kurz"
        while (
            nxt is not None
            and particles < 3
            and (
                nxt.group() in self._particles
                or (particles and nxt.group() in self._particle_articles)
                or _INITIAL.match(nxt.group()) is not None
            )
            and joined(tokens[i + particles], nxt)
        ):
            particles += 1
            nxt = tokens[i + 1 + particles] if i + 1 + particles < len(tokens) else None
        capitals = first.group().isupper() and len(first.group()) > 2
        if (
            nxt is None
            or not joined(tokens[i + particles], nxt)
            or not self._is_surname(nxt.group(), capitals)
        ):
            return None
        i += particles
        if text[nxt.end() : nxt.end() + 1] == "-" or _key(nxt.group()).endswith(_PLACE_ENDINGS):
            return None  # "Anne Frank-Schule", "Karl Marx Straße" as one word
        after = tokens[i + 2] if i + 2 < len(tokens) else None
        if after is None or not joined(nxt, after):
            return nxt
        if _key(after.group()) in self._places:
            return None  # "Peter Schmitt GmbH", "Anne Frank Schule", "Max Planck Institut"
        if self._is_first(nxt.group()) and self._is_surname(after.group(), capitals):
            return after  # "Klaus Peter Brandt": two first names
        return nxt

    def _names_staff(
        self, text: str, span: tuple[int, int], tokens: list[re.Match[str]], i: int
    ) -> bool:
        """The first name ``tokens[i]`` follows a role of the staff or a closing formula, with
        only salutations or titles between, or a copula whose subject is such a role
        ("Ansprechpartner im Autohaus ist Herr Jörg Brandt"): a colleague or the writer, not
        the customer (a closing inside a quoted text is the customer's own)."""
        start, end = span
        j = self._before_titles(tokens, i)
        if j < 0:
            return False
        word = _key(tokens[j].group())
        whole = text[text.rfind(" ", start, tokens[j].start()) + 1 : tokens[j].end()]
        if word in self._staff or _key(whole.rstrip(":")) in self._staff:  # "i.A."
            return True
        if word.endswith(_STAFF_ENDINGS):
            return True  # "Urlaubsvertretung: Sabine Krüger", "Kundenberaterin Anna Meier"
        if word in _WRITER and "," in text[tokens[j].end() : tokens[j + 1].start()]:
            return True  # "an mich, Julia Hartmann" -- not "habe ich Peter Müller erreicht"
        if word in _COPULAS:
            clause = text[max(start, tokens[j].start() - _WINDOW) : tokens[j].start()]
            clause = _CLAUSE_END.split(clause)[-1]
            return any(_key(w) in self._staff for w in _NAME_TOKEN.findall(clause))
        if word not in self._closings:
            return False
        return not _quoted(text[start : tokens[j].start()], text[tokens[i].end() : end])

    def _closing_before(
        self, text: str, span: tuple[int, int], tokens: list[re.Match[str]], i: int
    ) -> bool:
        """A closing formula among the four words up to ``tokens[i]`` ("Gruß aus Kiel, Maria",
        "Gruß aus dem Büro, Melanie Krebs"): the name after it is the writer's (not inside a
        quoted text)."""
        start, end = span
        for j in range(max(0, i - 3), i + 1):
            if _key(tokens[j].group()) in self._closings:
                return not _quoted(text[start : tokens[j].start()], text[tokens[i].end() : end])
        return False

    def _department_after(self, text: str, end: int, stop: int, customer: bool) -> bool:
        """A role of the staff or a department among the first words after the name, in
        brackets or after a comma or dash ("Sandra Wendt (Schadenservice)", "Petra Lang,
        Agentur Nord", "Markus Lehmann (Allianz Agentur)"), or an organisation the person is
        from ("Tim Wolf von der Werkstatt", "Anna Berger vom Autohaus"): a colleague's name,
        a signature or a third party's contact."""
        if customer:
            return False  # "Kunde Tim Wolf von der Firma Meier", "Kundin Anna Meier, Büro"
        match = _AFTER_NAME.match(text, end, stop)
        if match is None:
            match = _FROM_ORGANISATION.match(text, end, stop)
            return match is not None and self._is_organisation(match.group(1))
        words = [match.group(1)]
        if text[end:].lstrip()[:1] == "(":  # "(Allianz Agentur)": every word of the bracket
            closing = text.find(")", match.end(), stop)
            words += _NAME_TOKEN.findall(text, match.end(), closing if closing >= 0 else stop)
        return any(self._is_department(w) for w in words[:3])

    def _before_titles(self, tokens: list[re.Match[str]], i: int) -> int:
        """The index of the word before ``tokens[i]`` once salutations and titles are passed
        ("Sachbearbeiterin Frau Dr. Petra": "Sachbearbeiterin"), -1 if there is none."""
        j = i - 1
        while j >= 0 and _key(tokens[j].group()) in self._titles:
            j -= 1
        return j

    def _after_customer_word(self, tokens: list[re.Match[str]], i: int) -> bool:
        """A word for the customer before the first name ``tokens[i]``, titles between."""
        j = self._before_titles(tokens, i)
        return j >= 0 and _key(tokens[j].group()).rstrip(".") in self._customers

    def _is_department(self, word: str) -> bool:
        word = _key(word.rstrip("."))
        return word in self._staff or word.endswith(self._departments)

    def _is_organisation(self, word: str) -> bool:
        """A capitalised noun after "von der"/"vom" that names no place or record: a
        department, a firm ("von der Allianz") -- not "von der Lindenstraße", "vom Markt"."""
        key = _key(word)
        if key in self._before or key.endswith(self._departments):
            return True  # a firm or department word: "von der Werkstatt", "vom Kundendienst"
        return (
            word[:1].isupper()
            and key not in self._name_fronts
            and key not in self._places
            and not key.endswith(_PLACE_ENDINGS)
            and not key.endswith(_PLACE_HEADS)
        )

    def _surname_first(self, text: str, tokens: list[re.Match[str]], i: int, start: int) -> bool:
        """``tokens[i - 1]`` is a surname written before the first name ``tokens[i]`` without
        a comma, as in a record ("Auftrag 4711 Müller Peter", "Kunde Weber Sabine"): after a
        number or after a record or person noun, and no name word follows."""
        if i == 0:
            return False
        surname, first = tokens[i - 1], tokens[i]
        capitals = first.group().isupper()
        if (
            not text[surname.end() : first.start()].isspace()
            or self._is_first(surname.group())
            or not self._is_surname(surname.group(), capitals)
        ):
            return False
        key = _key(surname.group())
        if (
            key in self._before
            or key in self._places
            or key in self._calendar
            or key in self._name_titles
            or key.rstrip(".") in self._name_fronts  # "Kunde Anna"
            or key in self._titles
        ):
            return False
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if (
            nxt is not None
            and text[first.end() : nxt.start()].isspace()
            and self._is_surname(nxt.group(), capitals)
        ):
            return False  # "Werkstatt Frank Meier", "Müller Peter Schmidt"
        lead = tokens[i - 2] if i >= 2 else None
        gap = text[lead.end() if lead is not None else start : surname.start()]
        if any(c.isdigit() for c in gap):
            return True  # "Auftrag 4711 Müller Peter"
        if gap.strip(" :") or lead is None:
            return False
        return _key(lead.group()).rstrip(".") in self._name_fronts

    def find(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """``(start, end)`` of every full name in ``text[start:end]``."""
        tokens = list(_NAME_TOKEN.finditer(text, start, end))
        out: list[tuple[int, int]] = []
        for i, token in enumerate(tokens):
            if not self._is_first(token.group()):
                continue
            before = tokens[i - 1] if i else None
            if before is not None and _key(before.group()) in self._before:
                continue  # "Autohaus Peter Schmitt", "Sankt Martin"
            if self._names_staff(text, (start, end), tokens, i):
                continue  # "Sachbearbeiterin Frau Petra Keller", "Viele Grüße, Sabine Koch"
            if (
                before is not None
                and "," in text[before.end() : token.start()]
                and self._closing_before(text, (start, end), tokens, i - 1)
            ):
                continue  # "Gruß aus dem Büro, Melanie Krebs": the writer's signature
            if text[token.start() - 1 : token.start()] == "-":
                continue  # the tail of a hyphenated place name
            surname = self._surname_after(text, token, tokens, i)
            customer = self._after_customer_word(tokens, i)
            if surname is not None:
                if not self._department_after(text, surname.end(), end, customer):
                    out.append((token.start(), surname.end() - surname.group().endswith(".")))
                continue
            if self._department_after(text, token.end(), end, customer):
                continue  # "Grüße, Tim (Disposition)"
            if self._surname_first(text, tokens, i, start):
                out.append((tokens[i - 1].start(), token.end()))
                continue
            # "Weber, Annette": surname, comma, first name as the last name word
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            capitals = token.group().isupper()
            if (
                before is not None
                and text[before.end() : token.start()].strip() == ","
                and self._is_surname(before.group(), capitals)
                and _key(before.group()) not in self._places  # "aus dem Büro, Heike"
                and _key(before.group()) not in self._calendar  # "Montag, Anna"
                and not self._closing_before(text, (start, end), tokens, i - 1)
                and (
                    nxt is None
                    or not nxt.group()[:1].isupper()
                    or (capitals and not self._is_surname(nxt.group(), capitals))
                )
            ):
                out.append((before.start(), token.end()))
        return out


_PLACE_ENDINGS = ("strasse", "str.", "weg", "platz", "allee", "gasse", "ring", "damm")
_PLACE_HEADS = ("markt", "hof", "ufer", "berg", "feld", "dorf", "viertel", "siedlung", "park")
# A noun with "Nr."/"Nummer" right before a number: its label ("Teil-Nr. ", "Vers.-Nr.: ",
# "Vorgangsnummer ", "Tel. Nr. ").
_NUMBER_LABEL = re.compile(r"([^\W\d_]+)\.?-?\s?((?i:nr|nummer|no))\b\.?[\s:.]*$")
_LABEL_ENDS = ("nr", "nummer", "no")  # how every label ends
# Endings of a compound naming a role of the staff ("Urlaubs|vertretung", "Kunden|berater").
_STAFF_ENDINGS = ("vertretung", "berater", "beraterin", "betreuer", "betreuerin")
# The writer: a name after "ich"/"mich" and a comma is the writer's own.
_WRITER = frozenset({"ich", "mich", "mir"})
# A copula between a role and a name ("Ansprechpartner ist Herr Jörg Brandt").
_COPULAS = frozenset({"ist", "war", "sind", "heisst", "hiess"})
_CLAUSE_END = re.compile(r"[.!?;,]\s")
# The word after a name in brackets or after a comma, dash or slash ("(Innendienst)").
_AFTER_NAME = re.compile(r"\s*(?:[(,/]|\s[-–])\s*([^\W\d_]+)")
# "von der Werkstatt", "vom Autohaus", "von der Allianz" right after a name.
_FROM_ORGANISATION = re.compile(r"\s+(?:von der|von dem|vom|von)\s+([^\W\d_][\w-]*)")


@lru_cache(maxsize=1024)
def _noun_or_name(word: str) -> bool:
    """A word written in capitals that reads as a noun or a name, not as a verb, adjective or
    adverb ("ANRUFEN", "DRINGEND", "HEUTE"): simplemma's lemma of its capitalised form keeps
    the capital, and its lower-case form is no infinitive of the dictionary."""
    import simplemma  # loaded with the engine (grammar.py), on the start-up worker

    title = word[:1] + word[1:].lower()
    if str(simplemma.lemmatize(title, lang="de", greedy=True))[:1].islower():
        return False
    lower = word.lower()
    return not (
        lower.endswith("en")
        and bool(simplemma.is_known(lower, lang="de"))
        and str(simplemma.lemmatize(lower, lang="de")) == lower
    )


class IdentifierRecognizer:
    """Unneeded identifiers (warn): IBAN, cards, tax/ID/insurance numbers, e-mail, phone, ..."""

    name = "identifiers"

    def __init__(self, root: Path) -> None:
        with (root / "identifiers.toml").open("rb") as fh:
            config = tomllib.load(fh)
        words: dict[str, list[str]] = {k: v for k, v in config.items() if isinstance(v, list)}
        self._context = {
            key: re.compile("|".join(re.escape(w.lower()) for w in sorted(values, key=len)[::-1]))
            for key, values in words.items()
        }
        self._full_name = _FullNames(root, config.get("full_name", {}))
        self._label_heads = tuple(w.lower() for w in words.get("label_heads", []))
        # the fronts of a number label that make it a phone number ("Tel.-Nr.", "Handynummer")
        self._phone_fronts = tuple(fold_term(w) for w in words.get("phone_fronts", []))
        self._document_words = tuple(w.lower() for w in words["id_document"])
        self._bank_words = tuple(w.lower() for w in words["bank"])
        self._address = re.compile(
            _ADDRESS_SOURCE.replace("NOT_A_PLACE", _not_a_place(words.get("not_a_place", [])))
        )
        # a business word right before the address (a few words at most between)
        business = "|".join(re.escape(w) for w in sorted(words.get("not_home", []), key=len)[::-1])
        self._not_home = re.compile(
            rf"(?i:(?<!\w)(?:{business or '(?!)'})(?!\w))[^\w\n\x00]*"
            r"(?:[\w.-]+[^\w\n\x00]+){0,3}$"
        )

    def _nearest(self, text: str, start: int, keys: tuple[str, ...]) -> str | None:
        """Which of ``keys`` (or "job") has a context word nearest before ``start``."""
        window = text[max(0, start - _WINDOW) : start]
        window = window[window.rfind(SEPARATOR) + 1 :].lower()  # the sentence only
        best: tuple[int, str] | None = None
        for key in (*keys, "job"):
            for match in self._context[key].finditer(window):
                if key == "job" and _PURPOSE.search(window, 0, match.start()):
                    continue  # "Steuer-ID für die Rechnung: ...": a purpose, not the number's label
                # a context word counts up to the end of the word it is part of
                # ("Schadennummer" is job data even though it contains "nummer")
                end = match.end()
                while end > match.start() and not window[end - 1].isalnum():
                    end -= 1  # "nr. " ends where the word ends
                end = _WORD_REST.match(window, end).end()  # type: ignore[union-attr]
                if key == "job" and not self._labels_a_number(window, match, end):
                    continue  # "Kunde ist Friseur, 0171 ...", "Kfz-Mechaniker", "Auftraggeber"
                if key == "phone" and _GENERIC_NUMBER.match(match.group()):
                    # "Nr."/"Nummer" of another word: "Kundennr.", "Auftrag Nr. 0123 ..."
                    front = _FRONT_WORD.search(window, 0, match.start())
                    if front is not None and (
                        front.end(1) == match.start() or self._is_job_word(front.group(1))
                    ):
                        continue
                if best is None or end >= best[0]:
                    best = (end, key)
        return None if best is None else best[1]

    def _is_job_word(self, word: str) -> bool:
        """A whole word that is a job word or an inflection of one ("Auftrag", "Schadens")."""
        match = self._context["job"].match(word)
        return match is not None and self._labels_a_number(word, match, len(word))

    def _labels_a_number(self, window: str, match: re.Match[str], end: int) -> bool:
        """The job word ``match`` (its word ends at ``end``) names a reference: the word
        itself or inflected ("Auftrags"), or the front of a compound whose last part is a job
        word or a label head ("Schadennummer", "Kfz-Kennzeichen", "Kilometerstand"), or, when
        five letters or longer, the last part of a compound ("Glasschaden"). A job word inside
        another word names something else: a person ("Friseur", "Auftraggeber",
        "Kfz-Mechaniker", "Glaser"), a verb ("befindet"), a name ("Kevin")."""
        start = match.start()
        stem = _LABEL_WORD.match(match.group())
        if stem is None:
            return True  # "€": no word to look into
        size = stem.end()
        if start and window[start - 1].isalnum():  # inside a word: only as its last part
            tail = window[start + size : end].rstrip(".-")
            return size >= 5 and tail in _INFLECTIONS
        rest = window[start + size : end].rstrip(".")
        part = rest.rsplit("-", 1)[-1]
        if part in _INFLECTIONS:
            return True
        if part.startswith("s") and part[1:].endswith(self._label_heads):
            return True  # linking s: "Auftragsnummer"
        return part.endswith(self._label_heads) or self._context["job"].fullmatch(part) is not None

    def analyze(self, ctx: Context) -> list[Finding]:
        """Findings for every confirmed identifier in the original text.

        The text may be a batch of sentences joined by :data:`SEPARATOR`: every cheap gate
        ("is there an @", "a run of digits") is decided per sentence and the scans behind it
        run only on the sentences that pass, so each sentence gets what it gets on its own.
        """
        folded = ctx.norm.text
        found: list[tuple[int, int, str]] = []
        taken: list[tuple[int, int]] = []

        def add(start: int, end: int, rule: str) -> None:
            if any(s < end and start < e for s, e in taken):
                return
            taken.append((start, end))
            found.append((start, end, rule))

        # The number and address scans read the text as typed, or -- where it holds invisible
        # characters, a dash in a number or digits spaced out -- the text as a reader sees it
        # (``_view``); ``add_text`` maps their spans back to the text as typed.
        text = ctx.text
        spans, folded_spans = pieces(text), pieces(folded)
        if len(spans) != len(folded_spans):  # pragma: no cover - normalisation keeps SEPARATOR
            spans = folded_spans = [(0, len(text))]
        facts = _Digits(text, spans)
        view = _view(text, ctx.norm.hidden, facts.spaced, facts.lookalike)
        add_text = add
        if view is not None:
            text, index = view
            spans = pieces(text)
            facts = _Digits(text, spans)

            def add_text(start: int, end: int, rule: str) -> None:
                add(index[start], index[end - 1] + 1, rule)

        def runs(passed: list[bool], where: Spans) -> Spans:
            return [span for span, ok in zip(where, passed, strict=True) if ok]

        spoken = _spoken_hints(folded, folded_spans)
        for a, b in runs(spoken, folded_spans):
            for pattern in (_SPOKEN_EMAIL, _LOOSE_EMAIL):
                for match in pattern.finditer(folded, a, b):
                    add(*ctx.norm.span(*match.span()), "identifier.email")
        if " bei " in folded and "punkt " in folded:  # "m punkt schulze bei gmx punkt net"
            for a, b in folded_spans:
                for match in _SPOKEN_BEI_EMAIL.finditer(folded, a, b):
                    add(*ctx.norm.span(*match.span()), "identifier.email")
        lowered = text.lower()  # the text as typed, in lower case (read by three checks)
        if "-" in text and len(lowered) == len(text) and any(at in lowered for at in _HYPHEN_AT):
            for match in _SPOKEN_EMAIL.finditer(lowered):
                add_text(*match.span(), "identifier.email")
        if "@" in text:
            for match in _EMAIL.finditer(text):
                add_text(*match.span(), "identifier.email")
        digits = facts.passing
        if any(digits):
            context = self._context["id_document"]
            if len(lowered) == len(text):  # one jumping scan (context words are literals)
                # A document or account number counts only after its context word (see
                # _nearest), so only sentences holding such a word are scanned for one.
                documents = _literal_passing(self._document_words, lowered, spans)
                banked = _literal_passing(self._bank_words, lowered, spans)
                accounts = [d and b for d, b in zip(digits, banked, strict=True)]
            else:  # pragma: no cover - a character whose lower case is longer ("İ")
                documents = [
                    d or context.search(text[a:b].lower()) is not None
                    for d, (a, b) in zip(digits, spans, strict=True)
                ]
                accounts = digits
            self._iban(text, add_text, runs(facts.iban, spans))
            self._numbers(
                text, add_text, runs(accounts, spans), runs(documents, spans), facts, spans
            )
        elif self._context["id_document"].search(lowered):
            self._documents(text, add_text, spans)
        birth = _literal_passing(_BIRTH_WORDS, folded, folded_spans)
        for a, b in runs(birth, folded_spans):
            for match in _BIRTH.finditer(folded, a, b):
                add(*ctx.norm.span(*match.span()), "identifier.birth_date")
        address = _address_hints(folded, folded_spans)
        for a, b in runs(address, spans):
            if _ADDRESS_NEEDS.search(text, a, b) is None:
                continue  # "Rückruf unter 0171 2345678 erbeten": digits, but no address
            for match in self._address.finditer(text, a, b):
                start = match.start() + _address_lead(match.group())
                lead = _LEAD_WORDS.match(text, start)  # "Firma in der Industriestraße 12, ..."
                if self._not_home.search(text, max(a, start - 40), lead.end() if lead else start):
                    continue  # "Filiale Gartenweg 9, Kiel": a business, not a home
                add_text(start, match.end(), "identifier.address")
        self._phones(text, add_text, facts.starts)
        self._spoken_phones(ctx, add, folded_spans)
        if ctx.settings.get("full_names") is True:
            self._full_names(text, add_text, spans)
        return [
            Finding("identifier", s, e, SEVERITY["identifier"], rule, None) for s, e, rule in found
        ]

    def _full_names(self, text: str, add: Add, where: Spans) -> None:
        for a, b in where:
            for start, end in self._full_name.find(text, a, b):
                add(start, end, "identifier.full_name")

    def _spoken_phones(self, ctx: Context, add: Add, where: Spans) -> None:
        """Phone numbers said in words: six or more digits that start with "null" (an area
        code), or come after a phone word ("Nummer lautet sechs-sieben-acht-..."), or have
        eight digits or more."""
        folded = ctx.norm.text
        gate = _literal_passing(_SPOKEN_PHONE_WORDS, folded, where)
        for a, b in (span for span, ok in zip(where, gate, strict=True) if ok):
            if _SPOKEN_NUMBER_HINT.search(folded, a, b) is None:
                continue
            for match in _SPOKEN_NUMBER.finditer(folded, a, b):
                words = _NUMBER_WORD_RE.findall(match.group())
                digits = "".join(_spoken_digits(w) for w in words)
                if len(digits) < 6:
                    continue
                near = self._nearest(folded, match.start(), ("phone",))
                if near == "job":
                    continue
                if words[0] == "null" or near == "phone" or len(digits) >= 8:
                    add(*ctx.norm.span(*match.span()), "identifier.phone")

    def _iban(self, text: str, add: Add, where: Spans) -> None:
        for match in _finditer(_IBAN, text, where):
            raw = match.group()
            compact = _IBAN_SEPARATORS.sub("", raw).upper()
            if raw[2] == " " and compact[:2] not in checksums.IBAN_LENGTHS:
                continue  # "um 12 ...": a country code apart from its digits must be a known one
            lengths = [checksums.IBAN_LENGTHS.get(compact[:2], 0)]
            lengths = [n for n in lengths if n] or list(range(len(compact), 14, -1))
            for length in lengths:
                if checksums.iban_ok(compact[:length]):
                    end, seen = match.start(), 0
                    while seen < length:
                        seen += raw[end - match.start()].isalnum()
                        end += 1
                    add(match.start(), end, "identifier.iban")
                    break

    def _numbers(
        self, text: str, add: Add, where: Spans, documents: Spans, facts: _Digits, spans: Spans
    ) -> None:
        def gated(flags: list[bool]) -> Spans:
            return [span for span, ok in zip(spans, flags, strict=True) if ok]

        for match in _finditer(_CARD, text, gated(facts.card)):
            digits = _NON_DIGIT.sub("", match.group())
            if (
                checksums.luhn_ok(digits)
                and checksums.card_prefix_ok(digits)
                and self._nearest(text, match.start(), ("bank", "card")) != "job"
            ):
                add(*match.span(), "identifier.credit_card")
        for match in _finditer(_DIGITS11, text, gated(facts.digits11)):
            if match.group()[0] == "0":
                continue  # a tax ID never starts with 0 (a phone number "0171 2345678" does)
            near = self._nearest(text, match.start(), ("tax",))
            if near == "tax" or (
                near is None and checksums.steuer_id_ok(match.group().replace(" ", ""))
            ):
                add(*match.span(), "identifier.tax_id")
        for match in _finditer(_RVNR, text, gated(facts.rvnr)):
            near = self._nearest(text, match.start(), ("social_security",))
            if near == "social_security" or (
                near is None
                and not any(c in match.group() for c in "/-")  # dashed: only after its word
                and checksums.rvnr_ok(_RVNR_SEPARATORS.sub("", match.group()))
            ):
                add(*match.span(), "identifier.social_security")
        for match in _finditer(_KVNR, text, gated(facts.kvnr)):
            near = self._nearest(text, match.start(), ("health_insurance",))
            if near == "health_insurance" or (
                near is None and checksums.kvnr_ok(match.group().replace(" ", ""))
            ):
                add(*match.span(), "identifier.health_insurance_number")
        self._documents(text, add, documents)
        for match in _finditer(_ACCOUNT, text, where):  # where: sentences with a bank word
            if self._nearest(text, match.start(), ("bank",)) == "bank":
                add(*match.span(), "identifier.bank_account")

    def _documents(self, text: str, add: Add, where: Spans) -> None:
        for pattern in (_DOCUMENT, _LICENCE):
            for match in _finditer(pattern, text, where):
                if (
                    any(c.isdigit() for c in match.group())
                    and (pattern is _DOCUMENT or any(c.isalpha() for c in match.group()))
                    and (" " not in match.group() or not _PLATE.fullmatch(match.group()))
                    and self._nearest(text, match.start(), ("id_document",)) == "id_document"
                ):
                    add(*match.span(), "identifier.id_document")

    def _labelled_otherwise(self, text: str, start: int) -> bool:
        """The number right after ``start`` is labelled as the number of a thing that is no
        phone: a noun with "Nr."/"Nummer" ("Teil-Nr.", "Vers.-Nr.", "Vorgangsnummer") whose
        front is no phone word ("Tel.-Nr.", "Handynummer", "Kontaktnummer", "Rufnummer")."""
        window = text[max(0, start - _WINDOW) : start]
        end = len(window)  # the label ends in "nr"/"nummer"/"no" before spaces, ":" and "."
        while end and (window[end - 1].isspace() or window[end - 1] in ":."):
            end -= 1
        if not window[max(0, end - 6) : end].lower().endswith(_LABEL_ENDS):
            return False  # no search of the regex from every position of the window
        label = _NUMBER_LABEL.search(window)
        if label is None:
            return False
        front = label.group(1)
        if fold_term(front).startswith(self._phone_fronts):
            return False
        if label.end(1) == label.start(2):
            return True  # "Vorgangsnummer", "Teilenr."
        return front[:1].isupper() and _noun_or_name(front)  # not "Meine Nr.", "Neue Nr."

    def _phones(self, text: str, add: Add, starts: list[int]) -> None:
        candidates = [
            m
            for m in _phone_matches(text, starts)
            if not _DATE_ONLY.match(m.group())
            and not (m.start() >= 2 and _LATER_GROUP.match(text, m.start() - 2))
        ]
        if not candidates:
            return
        import phonenumbers

        verdicts: dict[tuple[str, bool], bool] = {}  # the same number twice: ask once
        for match in candidates:
            raw = match.group().strip()
            digits = _NON_DIGIT.sub("", raw)
            near = self._nearest(text, match.start(), ("phone",))
            if (
                near == "job"
                or len(digits) < 5
                or text[match.end() : match.end() + 2].strip()[:1] in {"€", "%"}
                or self._labelled_otherwise(text, match.start())
            ):
                continue
            local = raw[0] not in "+0"
            if local and near != "phone":
                continue
            lenient = local or near == "phone"
            ok = verdicts.get((raw, lenient))
            if ok is None:
                try:
                    number = phonenumbers.parse(raw, "DE")
                except phonenumbers.NumberParseException:
                    ok = False
                else:
                    ok = (
                        phonenumbers.is_possible_number(number)
                        if lenient
                        else phonenumbers.is_valid_number(number)
                    )
                verdicts[(raw, lenient)] = ok
            if ok:
                add(*match.span(), "identifier.phone")
