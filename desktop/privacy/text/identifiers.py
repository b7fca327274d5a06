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
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.privacy.text import checksums
from desktop.privacy.text.lexicon import SEPARATOR, pieces
from desktop.privacy.text.model import SEVERITY, Finding

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
    holds an "@" or the word "at" or "aet" on its own (``[at]``, ``(at)`` included)."""
    out = _literal_passing(("@",), folded, where)
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

    __slots__ = ("card", "digits11", "iban", "kvnr", "passing", "rvnr", "starts")

    def __init__(self, text: str, where: Spans) -> None:
        n = len(where)
        self.passing, self.card, self.digits11 = [False] * n, [False] * n, [False] * n
        self.rvnr, self.kvnr, self.iban = [False] * n, [False] * n, [False] * n
        self.starts: list[int] = []
        _out, index = _marker(where)
        # digits in the current chain of runs joined by single separators: any of " ./-"
        # (_DIGIT_RUN), " " or "-" (card), " " (11 digits)
        chain = card = spaced = 0
        last = -2
        for run in _DIGITS.finditer(text):
            start, end = run.span()
            self.starts.append(start)
            size = end - start
            if start == last + 1:
                joint = text[last]
                chain = chain + size if joint in _RUN_JOINTS else size
                card = card + size if joint in _CARD_JOINTS else size
                spaced = spaced + size if joint == " " else size
            else:
                chain = card = spaced = size
            last = end
            # the country code and check digits of an IBAN (its letters are str.isalpha())
            if (
                size >= 2
                and start >= 2
                and text[start - 1].isalpha()
                and _IBAN_HEAD.match(text, start - 2)
            ):
                self.iban[index(start)] = True
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


def _phone_matches(text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """``_PHONE.finditer(text)`` given the starts of the digit runs of ``text``: a match
    begins at a run start or at a "+" right before one, not after a word character or "+"."""
    match, reach = _PHONE.match, -1
    for start in starts:
        if start and text[start - 1] == "+":
            start -= 1
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
    for run in _DIGITS.finditer(folded):
        start, end = run.span()
        if end - start >= 5 and plz_at(folded, end - 5):
            out[bisect_right(starts, start) - 1] = True
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


def _finditer(pattern: re.Pattern[str], text: str, where: Spans) -> Iterator[re.Match[str]]:
    """Matches of ``pattern`` inside each ``(start, end)`` span of ``text``."""
    for start, end in where:
        yield from pattern.finditer(text, start, end)


_WINDOW = 40
_WORD_REST = re.compile(r"[\w.-]*")
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]){11,30}", re.IGNORECASE)
_CARD = re.compile(r"\d(?<!\w\d)(?:[ -]?\d){12,18}(?!\w)")
_DIGITS11 = re.compile(r"\d(?<!\w\d)\d[ ]?\d{3}[ ]?\d{3}[ ]?\d{3}(?!\w)")
_DOCUMENT = re.compile(
    r"(?<!\w)[CFGHJKLMNPRTVWXYZ][CFGHJKLMNPRTVWXYZ0-9]{7,8}\d?(?!\w)", re.IGNORECASE
)
_KVNR = re.compile(r"[A-Za-z](?<!\w[A-Za-z])[ ]?\d{9}(?!\w)")
_RVNR = re.compile(r"\d(?<!\w\d)\d[ ]?\d{6}[ ]?[A-Za-z][ ]?\d{3}(?!\w)")
_ACCOUNT = re.compile(r"\d[\d ]{4,12}\d")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b", re.IGNORECASE)
_SPOKEN_SEP = r"[\[(]?(?:punkt|minus|unterstrich|bindestrich|dot|dash|underscore)[\])]?"
_SPOKEN_EMAIL = re.compile(
    rf"(?<!\w)[\w.-]+(?:\s+{_SPOKEN_SEP}\s+[\w-]+)*\s*(?:\(at\)|\[at\]|\bat\b|\baet\b|@)\s*"
    rf"[\w-]+(?:\s*(?:\.|{_SPOKEN_SEP})\s*[\w-]+)*?\s*(?:\.|[\[(]?\b(?:punkt|dot)\b[\])]?)\s*"
    r"(?:de|com|net|org|eu|info|at|ch|biz|nl)\b",
)
_DATE = (
    r"(?:\d{1,2}\s?\.\s?\d{1,2}\s?\.\s?(?:19|20)?\d{2}|\d{1,2}/\d{1,2}/\d{2,4}"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}\.?\s+(?:jan|feb|maer|mrz|apr|mai|jun|jul|aug|sep|okt|nov|dez)"
    r"[a-z]*\.?\s+(?:19|20)?\d{2})"
)
_BIRTH = re.compile(
    r"(?<!\w)(?:geb\.?|geboren|geburtsdatum|geb\.?-?datum|geburtstag|dob|date of birth|born"
    rf"|birthday)\s*(?:am|on|:|ist|den)?\s*:?\s*{_DATE}(?!\d)"
    r"|(?<!\d)\d{1,2}\.\s?\d{1,2}\.(?:\d{2,4})?\s+(?:\w+\s+)?geburtstag"
    r"|(?<!\w)(?:geb\.?|geboren|jahrgang|geburtsjahr|baujahr des kunden)\s*:?\s*"
    r"(?:19|20)\d{2}(?!\d)"
    r"|(?<!\w)(?:jg\.?|jahrgang)\s*:?\s*(?:19|20)?\d{2}(?!\d)"
    rf"|(?<![\w*])\*\s?{_DATE}(?!\d)"
    rf"|(?<!\d)(?:{_DATE}|(?:19|20)\d{{2}})\s+geboren"
)
_PHONE = re.compile(
    r"[+\d](?<![\w+][+\d])"
    r"(?:(?<=[+0])\d[\d \t/().\-]{3,18}\d(?!\w)|(?<=\d)(?<![.,/\-]\d)\d{4,7}(?![\w.,/\-]))"
)
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
_SPOKEN_HINT = re.compile("@|" + _AT_HINT.pattern)  # an e-mail written out or with an @
_BIRTH_HINT = re.compile(r"geb|jahrgang|jg|dob|birth|born|\*")
_BIRTH_WORDS = ("geb", "jahrgang", "jg", "dob", "birth", "born", "*")  # _BIRTH_HINT's
_NON_DIGIT = re.compile(r"\D")
# Every number format below (IBAN, card, tax ID, RVNR, KVNR, account) holds at least five
# digits in a row (single separators allowed): without such a run those scans are skipped.
_DIGIT_RUN = re.compile(r"\d(?:[ ./-]?\d){4}")
_DIGITS = re.compile(r"\d+")
_RUN_JOINTS = frozenset(" ./-")  # "" (no joint) is in neither set
_CARD_JOINTS = frozenset(" -")
_IBAN_HEAD = re.compile(r"[A-Z]{2}", re.IGNORECASE)  # as in _IBAN, before its two digits
# A full home address: PLZ + city + street + number, street + number + PLZ + city, or street +
# number + city -- in the last form the word after the street must be a place, not one of the
# access words of identifiers.toml ("Lindenweg 4, Tor hinten"), inserted at NOT_A_PLACE.
_ADDRESS_SOURCE = (
    r"(?<!\w)\d{5}\s+[A-ZÄÖÜ][\wäöüß\-]+,?\s+[A-ZÄÖÜ][\wäöüß.\-]*(?:\s+[\wäöüß.\-]+){0,2}?"
    r"\s+\d{1,4}\s?[a-zA-Z]?\b"
    r"|(?<!\w)[A-ZÄÖÜ][\w.'\-]*(?:\s+[\wÄÖÜäöüß.'\-]+){0,3}?\s+\d{1,4}\s?[a-zA-Z]?\s*,?\s+"
    r"\d{5}\s+[A-ZÄÖÜ][\wäöüß\-]+"
    r"|(?<!\w)(?!(?:Stell|Park|Abstell|Garagen|Tiefgaragen|Einstell|Stand|Sitz)platz|(?:Bahn|Flug)steig)"
    r"[A-ZÄÖÜ][\wäöüß\-]*(?:straße|strasse|str\.|weg|gasse|allee|platz|ring|damm|ufer"
    r"|chaussee|pfad|steig)\s+\d{1,4}\s?[a-zA-Z]?\b\s*(?:,|in)\s+"
    r"(?:\d{5}\s+[A-ZÄÖÜ][\wäöüß\-]+|NOT_A_PLACE[A-ZÄÖÜ][\wäöüß\-]+)"
)
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


_ADDRESS_LEAD = re.compile(
    r"(?:(?:kd\.?|kunde|kundin|vn|wohnt|wohnhaft|lebt|in|der|die|im|neue|adresse:?|anschrift:?"
    r"|wohnadresse:?|einsatzort:?|rechnung)\s+)+",
    re.IGNORECASE,
)


def _address_lead(address: str) -> int:
    """Length of leading words that are not part of the address ("Kd. wohnt ...")."""
    match = _ADDRESS_LEAD.match(address)
    return match.end() if match else 0


class IdentifierRecognizer:
    """Unneeded identifiers (warn): IBAN, cards, tax/ID/insurance numbers, e-mail, phone, ..."""

    name = "identifiers"

    def __init__(self, root: Path) -> None:
        with (root / "identifiers.toml").open("rb") as fh:
            words: dict[str, list[str]] = tomllib.load(fh)
        self._context = {
            key: re.compile("|".join(re.escape(w.lower()) for w in sorted(values, key=len)[::-1]))
            for key, values in words.items()
        }
        self._document_words = tuple(w.lower() for w in words["id_document"])
        self._bank_words = tuple(w.lower() for w in words["bank"])
        self._address = re.compile(
            _ADDRESS_SOURCE.replace("NOT_A_PLACE", _not_a_place(words.get("not_a_place", [])))
        )

    def _nearest(self, text: str, start: int, keys: tuple[str, ...]) -> str | None:
        """Which of ``keys`` (or "job") has a context word nearest before ``start``."""
        window = text[max(0, start - _WINDOW) : start]
        window = window[window.rfind(SEPARATOR) + 1 :].lower()  # the sentence only
        best: tuple[int, str] | None = None
        for key in (*keys, "job"):
            for match in self._context[key].finditer(window):
                # a context word counts up to the end of the word it is part of
                # ("Schadennummer" is job data even though it contains "nummer")
                end = match.end()
                while end > match.start() and not window[end - 1].isalnum():
                    end -= 1  # "nr. " ends where the word ends
                end = _WORD_REST.match(window, end).end()  # type: ignore[union-attr]
                if best is None or end >= best[0]:
                    best = (end, key)
        return None if best is None else best[1]

    def analyze(self, ctx: Context) -> list[Finding]:
        """Findings for every confirmed identifier in the original text.

        The text may be a batch of sentences joined by :data:`SEPARATOR`: every cheap gate
        ("is there an @", "a run of digits") is decided per sentence and the scans behind it
        run only on the sentences that pass, so each sentence gets what it gets on its own.
        """
        text = ctx.text
        folded = ctx.norm.text
        found: list[tuple[int, int, str]] = []
        taken: list[tuple[int, int]] = []

        def add(start: int, end: int, rule: str) -> None:
            if any(s < end and start < e for s, e in taken):
                return
            taken.append((start, end))
            found.append((start, end, rule))

        spans, folded_spans = pieces(text), pieces(folded)
        if len(spans) != len(folded_spans):  # pragma: no cover - normalisation keeps SEPARATOR
            spans = folded_spans = [(0, len(text))]

        def runs(passed: list[bool], where: Spans) -> Spans:
            return [span for span, ok in zip(where, passed, strict=True) if ok]

        spoken = _spoken_hints(folded, folded_spans)
        for a, b in runs(spoken, folded_spans):
            for match in _SPOKEN_EMAIL.finditer(folded, a, b):
                add(*ctx.norm.span(*match.span()), "identifier.email")
        if "@" in text:
            for match in _EMAIL.finditer(text):
                add(*match.span(), "identifier.email")
        facts = _Digits(text, spans)
        digits = facts.passing
        if any(digits):
            context = self._context["id_document"]
            lowered = text.lower()
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
            self._iban(text, add, runs(facts.iban, spans))
            self._numbers(text, add, runs(accounts, spans), runs(documents, spans), facts, spans)
        elif self._context["id_document"].search(text.lower()):
            self._documents(text, add, spans)
        birth = _literal_passing(_BIRTH_WORDS, folded, folded_spans)
        for a, b in runs(birth, folded_spans):
            for match in _BIRTH.finditer(folded, a, b):
                add(*ctx.norm.span(*match.span()), "identifier.birth_date")
        address = _address_hints(folded, folded_spans)
        for a, b in runs(address, spans):
            for match in self._address.finditer(text, a, b):
                add(match.start() + _address_lead(match.group()), match.end(), "identifier.address")
        self._phones(text, add, facts.starts)
        return [
            Finding("identifier", s, e, SEVERITY["identifier"], rule, None) for s, e, rule in found
        ]

    def _iban(self, text: str, add: Add, where: Spans) -> None:
        for match in _finditer(_IBAN, text, where):
            raw = match.group()
            compact = raw.replace(" ", "").upper()
            lengths = [checksums.IBAN_LENGTHS.get(compact[:2], 0)]
            lengths = [n for n in lengths if n] or list(range(len(compact), 14, -1))
            for length in lengths:
                if checksums.iban_ok(compact[:length]):
                    end, seen = match.start(), 0
                    while seen < length:
                        seen += raw[end - match.start()] != " "
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
                and self._nearest(text, match.start(), ("bank",)) != "job"
            ):
                add(*match.span(), "identifier.credit_card")
        for match in _finditer(_DIGITS11, text, gated(facts.digits11)):
            near = self._nearest(text, match.start(), ("tax",))
            if near == "tax" or (
                near is None and checksums.steuer_id_ok(match.group().replace(" ", ""))
            ):
                add(*match.span(), "identifier.tax_id")
        for match in _finditer(_RVNR, text, gated(facts.rvnr)):
            near = self._nearest(text, match.start(), ("social_security",))
            if near == "social_security" or (
                near is None and checksums.rvnr_ok(match.group().replace(" ", ""))
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
        for match in _finditer(_DOCUMENT, text, where):
            if (
                any(c.isdigit() for c in match.group())
                and self._nearest(text, match.start(), ("id_document",)) == "id_document"
            ):
                add(*match.span(), "identifier.id_document")

    def _phones(self, text: str, add: Add, starts: list[int]) -> None:
        candidates = [m for m in _phone_matches(text, starts) if not _DATE_ONLY.match(m.group())]
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
