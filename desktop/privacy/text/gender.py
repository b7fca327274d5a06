"""Whom a note speaks of (a woman or not) and the suggestion texts in the matching form.

The lexicons word their need-oriented suggestions for a customer ("Kunde braucht etwas mehr
Zeit", "Bitte Terminwunsch des Kunden beachten", "... mit der Kundin abstimmen"). A rewording
puts one of them into the agent's note, so it must agree with the person the note is about:
"Die Kundin ist Rollstuhlfahrerin" becomes "Kundin braucht etwas länger, ...", never "Kunde".

:func:`person_gender` finds the reference to a person nearest to a position (``Kundin``,
``Frau Meier``, ``sie hat``, ``Versicherungsnehmerin``; ``Kunde``, ``Herr``, ``er ist``);
:func:`inflect` turns every customer phrase of a suggestion into the female or the male form.
Unknown people get the male form the lexicons are written in ("des Kunden").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Literal

from desktop.privacy.text.clauses import words

Gender = Literal["female", "male"]

_FEMALE_WORDS = words(
    "kundin frau versicherungsnehmerin vn-in mieterin halterin fahrerin dame mutter "
    "tochter oma großmutter ehefrau witwe seniorin rentnerin patientin schwester nachbarin "
    "inhaberin besitzerin eigentümerin schwangere mrs muslimin jüdin weiblich"
)
_MALE_WORDS = words(
    "kunde kunden herr herrn hr versicherungsnehmer mieter halter fahrer mann ehemann vater "
    "sohn opa großvater witwer senior rentner patient bruder nachbar inhaber besitzer "
    "eigentümer mr männlich maennlich"
)
# Female person nouns by their ending: Rollstuhlfahrerin, Diabetikerin, Protestantin,
# Patientin, Pazifistin, Vertrauensfrau -- not Termin, Insulin, Medizin, Benzin.
_FEMALE_SUFFIX = re.compile(
    r"[A-ZÄÖÜ]\w*(?:erin|istin|entin|antin|ikerin|login|atin|itin|[a-zäöü]frau)$"
)
# "sie"/"er" with a verb in the third person singular (not formal "Sie sind", plural "sie haben")
_VERB = (
    r"(?:ist|hat|war|hatte|wird|kann|konnte|muss|darf|will|soll|mag|möchte|wäre"
    r"|(?!(?:nicht|jetzt|erst|selbst|oft|meist|bereits|zuletzt)\b)[a-zäöüß]+t)"
)
_PRONOUN = re.compile(
    rf"(?<![\w-])(?:(?P<f>[sS]ie)\s+{_VERB}|(?P<m>[eE]r)\s+{_VERB}"
    rf"|{_VERB}\s+(?:(?P<f2>sie)|(?P<m2>er)))(?!\w)"
)

# Said only of a woman: "Kd. schwanger" speaks of a customer who is a woman.
_FEMALE_STATE = re.compile(
    r"(?<![\w-])(?i:schwanger\w*|ssw|mutterschutz|mutterpass|entbunden|fehlgeburt|wochenbett)"
    r"(?![\w-])"
)
# "Fr. Meier" is a woman; "Fr. 14 Uhr" is a Friday.
_FRAU_ABBREVIATION = re.compile(
    r"(?<![\w-])Fr\.?\s+(?!(?:Vormittag|Nachmittag|Abend|Morgen)\b)[A-ZÄÖÜ]"
)


def _word_gender(word: str) -> Gender | None:
    key = word.rstrip(".").casefold()
    if key in _FEMALE_WORDS:
        return "female"
    if key in _MALE_WORDS:
        return "male"
    if _FEMALE_SUFFIX.match(word.rstrip(".")):
        return "female"
    return None


# Candidates for _word_gender, found in one scan.
_PERSON_WORD = re.compile(
    r"(?<![\w-])(?:(?i:"
    + "|".join(re.escape(w) for w in sorted(_FEMALE_WORDS | _MALE_WORDS, key=len, reverse=True))
    + r")|"
    + _FEMALE_SUFFIX.pattern.rstrip("$")
    + r")(?![\w-])"
)


def references(text: str, *, pronouns: bool = True) -> list[tuple[int, Gender]]:
    """``(position, gender)`` of every word or pronoun in ``text`` that names a person
    (without ``pronouns``: the words only)."""
    found = [
        (m.start(), g)
        for m in _PERSON_WORD.finditer(text)
        if (g := _word_gender(m.group())) is not None
    ]
    found.extend((m.start(), "female") for m in _FRAU_ABBREVIATION.finditer(text))
    found.extend((m.start(), "female") for m in _FEMALE_STATE.finditer(text))
    for match in _PRONOUN.finditer(text) if pronouns else ():
        female = match.group("f") or match.group("f2")
        found.append((match.start(), "female" if female else "male"))
    return sorted(found)


_NEAR = 400


def person_gender(
    text: str, start: int, end: int, sentence: tuple[int, int] | None = None
) -> Gender | None:
    """The gender of the person the words ``text[start:end]`` are said of, or ``None``.

    Order: the nearest reference before them in their sentence, the words themselves
    ("Rollstuhlfahrerin"), a reference after them in the sentence, the nearest one earlier in
    the text, then the first one later (within a few hundred characters).
    """
    lo, hi = sentence if sentence is not None else (start, end)
    offset = max(0, lo - _NEAR)  # a person is named near what is said of them
    found = [(pos + offset, g) for pos, g in references(text[offset : hi + _NEAR])]
    before = [(pos, g) for pos, g in found if lo <= pos < start]
    if before:
        return before[-1][1]
    inside = [g for pos, g in found if start <= pos < end]
    if inside:
        return inside[0]
    after = [g for pos, g in found if end <= pos < hi]
    if after:
        return after[0]
    earlier = [g for pos, g in found if pos < lo]
    if earlier:
        return earlier[-1]
    later = [g for pos, g in found if pos >= hi]
    return later[0] if later else None


_DATIVE = r"(?:mit|bei|von|zu|nach|aus|seit|gegenüber)"
_ACCUSATIVE = r"(?:für|um|ohne|gegen|durch)"
_Rules = list[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]]
_TO_FEMALE: _Rules = [
    (re.compile(r"\bdes Kunden\b"), "der Kundin"),
    (re.compile(r"\bdem Kunden\b"), "der Kundin"),
    (re.compile(r"\bden Kunden\b"), "die Kundin"),
    (re.compile(r"\bder Kunde\b"), "die Kundin"),
    (re.compile(r"\bDer Kunde\b"), "Die Kundin"),
    (re.compile(r"\bKunden?\b"), "Kundin"),
    (re.compile(r"\bVersicherungsnehmers?\b"), "Versicherungsnehmerin"),
    (re.compile(r"\bseine?(?=\s)"), lambda m: "ihr" + m.group()[4:]),
]
_TO_MALE: _Rules = [
    (re.compile(rf"\b({_DATIVE}) der Kundin\b"), r"\1 dem Kunden"),
    (re.compile(r"\bder Kundin\b"), "des Kunden"),
    (re.compile(rf"\b({_ACCUSATIVE}) die Kundin\b"), r"\1 den Kunden"),
    (re.compile(r"\bdie Kundin\b"), "der Kunde"),
    (re.compile(r"\bDie Kundin\b"), "Der Kunde"),
    (re.compile(r"\bKundin\b"), "Kunde"),
    (re.compile(r"\bVersicherungsnehmerin\b"), "Versicherungsnehmer"),
]


def inflect(suggestion: str, gender: Gender | None) -> str:
    """``suggestion`` with its customer phrases in the form for ``gender`` (``None``: male)."""
    rules = _TO_FEMALE if gender == "female" else _TO_MALE
    for pattern, replacement in rules:
        suggestion = pattern.sub(replacement, suggestion)
    return suggestion
